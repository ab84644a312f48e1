package org.orrery.oauth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orrery does not support request objects (OpenID Connect Core §6; discovery says
 * {@code request_parameter_supported: false}): a request carrying one is answered {@code request_not_supported}
 * (§6.1). The {@code state} goes back with the error, from the query or, failing that, from the request object's
 * claims: only echoed, never trusted, so reading it unverified is harmless.
 */
final class RequestObjects {

    static final String REQUEST_NOT_SUPPORTED = "request_not_supported";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RequestObjects() {
    }

    static OAuth2AuthorizationCodeRequestAuthenticationException notSupported(
            OAuth2AuthorizationCodeRequestAuthenticationToken request, String validatedRedirectUri) {
        String state = request.getState();
        if (state == null || state.isEmpty()) {
            state = claimedState(String.valueOf(request.getAdditionalParameters().get("request")));
        }
        var answered = new OAuth2AuthorizationCodeRequestAuthenticationToken(request.getAuthorizationUri(),
                request.getClientId(), (Authentication) request.getPrincipal(), validatedRedirectUri, state,
                request.getScopes(), request.getAdditionalParameters());
        return new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(REQUEST_NOT_SUPPORTED,
                "Request objects (the request parameter) are not supported", null), answered);
    }

    /** The {@code state} claim of a JWT (signed or not), or null when there is none or it cannot be read. */
    static String claimedState(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length < 2 || parts[1].length() > 16_384) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode state = claims == null ? null : claims.get("state");
            return state != null && state.isString() && state.asString().length() <= 1000 ? state.asString() : null;
        }
        catch (RuntimeException ex) {
            return null;
        }
    }
}
