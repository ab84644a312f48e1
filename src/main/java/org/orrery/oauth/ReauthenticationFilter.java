package org.orrery.oauth;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.registry.ResearcherRepository;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OpenID Connect's {@code prompt=login} and {@code max_age} on {@code /oauth/authorize} (only with the
 * {@code openid} scope, as ORCID honours them): a signed-in researcher is signed out and the same request,
 * without those two parameters, starts again at the sign-in page. A {@code max_age} that is not a whole number
 * is refused with a readable page.
 */
final class ReauthenticationFilter extends OncePerRequestFilter {

    private final ResearcherRepository researchers;

    private final SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();

    ReauthenticationFilter(ResearcherRepository researchers) {
        this.researchers = researchers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || !AuthorizationServerConfig.AUTHORIZE.equals(path)
                || request.getParameter("scope") == null
                || !ScopeNormalizingConverter.normalizeKeepingAll(java.util.Set.of(request.getParameter("scope")))
                    .contains("openid");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String prompt = request.getParameter("prompt");
        String maxAge = request.getParameter("max_age");
        Long maxAgeSeconds = null;
        if (maxAge != null) {
            try {
                maxAgeSeconds = Long.parseLong(maxAge.trim());
            }
            catch (NumberFormatException ex) {
                AuthorizationResponder.showErrorPage(request, response, "Invalid max_age param");
                return;
            }
        }
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = current != null && current.isAuthenticated()
                && !(current instanceof AnonymousAuthenticationToken);
        boolean forceLogin = prompt != null && prompt.contains("login");
        if (signedIn && !forceLogin && maxAgeSeconds != null) {
            Instant last = this.researchers.lastSignedIn(current.getName()).orElse(Instant.EPOCH);
            forceLogin = last.plusSeconds(maxAgeSeconds).isBefore(Instant.now());
        }
        if (signedIn && forceLogin) {
            this.signOut.logout(request, response, current);
            String again = UriComponentsBuilder.fromUriString(request.getRequestURI() + "?" + request.getQueryString())
                .replaceQueryParam("prompt")
                .replaceQueryParam("max_age")
                .build(true)
                .toUriString();
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", again);
            return;
        }
        chain.doFilter(request, response);
    }
}
