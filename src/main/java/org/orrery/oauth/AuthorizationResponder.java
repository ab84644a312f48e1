package org.orrery.oauth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Sends the authorization response: the code, or an error, to the validated redirect URI with {@code state}
 * and {@code iss} (RFC 9207) in the query. An error whose redirect URI was not validated (unknown client,
 * missing or unregistered redirect URI, bad consent state) is shown on Orrery's own error page instead: no
 * redirect ever goes to an unvalidated URI (RFC 9700 §4.11).
 */
final class AuthorizationResponder implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String ERROR_PAGE = "/oauth/error";

    static final String ERROR_ATTRIBUTE = AuthorizationResponder.class.getName() + ".error";


    private final String issuer;

    private final UnparsedRequestRedirect unparsed;

    AuthorizationResponder(String issuer, UnparsedRequestRedirect unparsed) {
        this.issuer = issuer;
        this.unparsed = unparsed;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        var result = (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(result.getRedirectUri())
            .queryParam("code", result.getAuthorizationCode().getTokenValue());
        addStateAndIssuer(uri, result.getState());
        redirect(response, uri);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
        OAuth2AuthorizationCodeRequestAuthenticationToken rejected = null;
        if (exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException codeRequestException) {
            rejected = codeRequestException.getAuthorizationCodeRequestAuthentication();
        }
        if (rejected == null && isAboutAnotherParameter(error)) {
            // Refused while parsing, before the client was looked up: RFC 6749 §4.1.2.1 still wants the error at a
            // valid client's registered redirect URI (e.g. a missing response_type).
            String redirectUri = this.unparsed.validatedRedirectUri(request);
            if (redirectUri != null) {
                UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(redirectUri)
                    .queryParam("error", error.getErrorCode())
                    .queryParam("error_description", UriUtils.encode(describe(error, null, redirectUri),
                            StandardCharsets.UTF_8));
                addStateAndIssuer(uri, UnparsedRequestRedirect.single(request, OAuth2ParameterNames.STATE));
                redirect(response, uri);
                return;
            }
        }
        if (rejected == null || rejected.getRedirectUri() == null || rejected.getRedirectUri().isBlank()) {
            showErrorPage(request, response,
                    describe(error, rejected, request.getParameter(OAuth2ParameterNames.REDIRECT_URI)));
            return;
        }
        String code = "consent_required".equals(error.getErrorCode()) ? "interaction_required" : error.getErrorCode();
        String description = OAuth2ErrorCodes.ACCESS_DENIED.equals(code) ? "User denied access" : error.getDescription();
        redirectWithError(response, rejected, code, description);
    }

    /** An error about a parameter other than the client, the redirect URI or a pushed request's URI. */
    private static boolean isAboutAnotherParameter(OAuth2Error error) {
        String description = error.getDescription() == null ? "" : error.getDescription();
        return !description.endsWith(OAuth2ParameterNames.CLIENT_ID)
                && !description.endsWith(OAuth2ParameterNames.REDIRECT_URI) && !description.endsWith("request_uri");
    }

    /** Answers with Orrery's own error page (400), never a redirect: for requests that cannot be answered safely. */
    static void showErrorPage(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException, ServletException {
        request.setAttribute(ERROR_ATTRIBUTE, message);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        request.getRequestDispatcher(ERROR_PAGE).forward(request, response);
    }

    /** Sends an error to a redirect URI that the framework has already validated. */
    void redirectWithError(HttpServletResponse response, OAuth2AuthorizationCodeRequestAuthenticationToken validated,
            String code, String description) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(validated.getRedirectUri())
            .queryParam("error", code);
        if (description != null && !description.isBlank()) {
            uri.queryParam("error_description", UriUtils.encode(description, StandardCharsets.UTF_8));
        }
        addStateAndIssuer(uri, validated.getState());
        redirect(response, uri);
    }

    private void addStateAndIssuer(UriComponentsBuilder uri, String state) {
        if (state != null && !state.isEmpty()) {
            uri.queryParam("state", UriUtils.encode(state, StandardCharsets.UTF_8));
        }
        uri.queryParam("iss", UriUtils.encode(this.issuer, StandardCharsets.UTF_8));
    }

    private static void redirect(HttpServletResponse response, UriComponentsBuilder uri) {
        response.setStatus(HttpStatus.FOUND.value());
        response.setHeader("Location", uri.build(true).toUriString());
        response.setHeader("Cache-Control", "no-store");
    }

    /**
     * A sentence for a person, from the protocol error. A refused redirect URI is left out of the rejected request
     * (so that nothing redirects to it), hence the one the client sent is passed separately.
     */
    private static String describe(OAuth2Error error, OAuth2AuthorizationCodeRequestAuthenticationToken rejected,
            String requestedRedirectUri) {
        String description = error.getDescription() == null ? "" : error.getDescription();
        if (description.endsWith("client_id")) {
            return rejected == null || rejected.getClientId() == null || rejected.getClientId().isBlank()
                    ? "Please specify a client id."
                    : "The application is not registered with this registry (unknown client id).";
        }
        if (description.startsWith("Redirect URI")) {
            return "The provided redirect URI " + (requestedRedirectUri == null ? "" : requestedRedirectUri + " ")
                    + "does not match the redirect URIs registered by this application.";
        }
        if (description.endsWith("state")) {
            return "This authorization request has expired or was already answered. Please start again from the application.";
        }
        if (description.endsWith("response_type") && OAuth2ErrorCodes.INVALID_REQUEST.equals(error.getErrorCode())) {
            return "Please specify one response_type (this registry supports response_type=code).";
        }
        if (description.endsWith("response_type")) {
            return "Unsupported response type: this registry supports response_type=code.";
        }
        return description.isBlank() ? "The authorization request is invalid (" + error.getErrorCode() + ")."
                : description;
    }
}
