package org.orrery.lifecycle;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the authorization endpoint, sends a signed-in researcher whose record is not active (locked, ORCID §5.6) to
 * a page that says why they cannot authorize applications, instead of the consent screen. Nothing is sent back
 * to the application. The state is read from the database on each request, so a lock holds on every node at once.
 */
public final class InactiveRecordAuthorizeFilter extends OncePerRequestFilter {

    /** The page that explains the refusal. */
    public static final String REFUSED_PAGE = "/account/cannot-authorize";

    private final RecordLifecycle lifecycle;

    private final String authorizePath;

    public InactiveRecordAuthorizeFilter(RecordLifecycle lifecycle, String authorizePath) {
        this.lifecycle = lifecycle;
        this.authorizePath = authorizePath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals(request.getContextPath() + this.authorizePath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn instanceof UsernamePasswordAuthenticationToken && signedIn.isAuthenticated()
                && this.lifecycle.find(signedIn.getName()).filter(state -> !state.isActive()).isPresent()) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + REFUSED_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
