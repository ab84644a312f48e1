package org.orrery.oauth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a researcher who is not signed in from {@code /oauth/authorize} to {@code /signin?oauth&<query>}, as
 * ORCID does (or to the register page with {@code show_login=false}); the authorization request itself is kept in
 * the session and resumed after sign-in. With {@code prompt=none} (OpenID Connect) it answers the client with
 * {@code login_required} instead.
 */
final class SignInEntryPoint implements AuthenticationEntryPoint {

    private final AuthorizationResponder responder;

    SignInEntryPoint(AuthorizationResponder responder) {
        this.responder = responder;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        // The framework validated client and redirect URI before this point and left the request here.
        Object validated = request.getAttribute(OAuth2AuthorizationCodeRequestAuthenticationToken.class.getName());
        String prompt = request.getParameter("prompt");
        if (validated instanceof OAuth2AuthorizationCodeRequestAuthenticationToken authorization && prompt != null
                && prompt.contains("none") && authorization.getScopes().contains("openid")) {
            this.responder.redirectWithError(response, authorization, "login_required", null);
            return;
        }
        String query = request.getQueryString();
        String page = "false".equals(request.getParameter("show_login")) ? "/register" : "/signin";
        String target = request.getContextPath() + page + "?oauth" + (query == null || query.isEmpty() ? "" : "&" + query);
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", target);
    }
}
