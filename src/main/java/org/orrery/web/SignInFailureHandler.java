package org.orrery.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * After a failed sign-in, goes back to the sign-in page (303) with the message shown and the typed email or iD
 * kept, so nothing the researcher typed but the password is lost.
 */
final class SignInFailureHandler implements AuthenticationFailureHandler {

    /** Session attribute holding the last user id typed on the sign-in form. */
    static final String LAST_USER_ID = "orrery.signin.userId";

    private final RedirectStrategy redirects;

    SignInFailureHandler(RedirectStrategy redirects) {
        this.redirects = redirects;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String userId = request.getParameter("userId");
        if (userId != null && userId.length() <= 320) {
            request.getSession().setAttribute(LAST_USER_ID, userId);
        }
        this.redirects.sendRedirect(request, response, "/signin?error");
    }
}
