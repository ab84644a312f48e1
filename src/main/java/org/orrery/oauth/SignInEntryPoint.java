package org.orrery.oauth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a researcher who is not signed in from {@code /oauth/authorize} to {@code /signin?oauth&<query>}, as
 * ORCID does; the authorization request itself is kept in the session and resumed after sign-in.
 */
final class SignInEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        String query = request.getQueryString();
        String target = request.getContextPath() + "/signin?oauth" + (query == null || query.isEmpty() ? "" : "&" + query);
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", target);
    }
}
