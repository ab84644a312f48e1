package org.orrery.oauth;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a researcher who is not signed in from {@code /oauth/authorize} to {@code /signin?oauth&<query>}, as
 * ORCID does (or to the register page with {@code show_login=false}); the authorization request itself is kept in
 * the session and resumed after sign-in. With {@code prompt=none} (OpenID Connect) it answers the client with
 * {@code login_required} instead. An authorization request sent as a form {@code POST} (OpenID Connect Core
 * §3.1.2.1) is first turned into the same request by {@code GET} (303), so that it survives sign-in like any other.
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
        if ("POST".equals(request.getMethod())) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + AuthorizationServerConfig.AUTHORIZE + "?" + query(request));
            return;
        }
        String query = request.getQueryString();
        String page = "false".equals(request.getParameter("show_login")) ? "/register" : "/signin";
        String target = request.getContextPath() + page + "?oauth" + (query == null || query.isEmpty() ? "" : "&" + query);
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", target);
    }

    /** The request's parameters (query and form alike) as a query string, repeats kept. */
    private static String query(HttpServletRequest request) {
        StringJoiner query = new StringJoiner("&");
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }
}
