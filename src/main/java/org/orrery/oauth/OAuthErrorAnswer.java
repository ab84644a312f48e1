package org.orrery.oauth;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.system.ErrorAnswer;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.stereotype.Component;

/**
 * Errors on the OAuth and OpenID Connect endpoints that answer JSON (token, revocation, introspection, userinfo,
 * JWKS, discovery; also the token endpoint on the API faces) are {@code {"error":..., "error_description":...}}
 * (RFC 6749 §5.2), not a page, even when the HTTP layer refused the request before the endpoint saw it. The
 * registry's other JSON endpoints answer their refusals in the same shape.
 */
@Component
@Order(1)
class OAuthErrorAnswer implements ErrorAnswer {

    private static final Set<String> JSON_ENDPOINTS = Set.of("/oauth/token", "/oauth/revoke", "/oauth/introspect",
            "/oauth/userinfo", "/oauth/jwks", "/.well-known/openid-configuration", "/api/oauth/token",
            "/pub/oauth/token", "/admin/audit-events", "/admin/mail-outbox");

    private final TokenErrorWriter writer = new TokenErrorWriter();

    @Override
    public boolean owns(String path) {
        // and the other JSON endpoints (the registry's *.json, the actuator, the operators' JSON endpoints), so that
        // a refusal before the endpoint (a CSRF check, a body the HTTP layer cannot read) is JSON there too; the
        // rest of /admin is the operators' console, whose refusals are pages
        return JSON_ENDPOINTS.contains(path) || path.endsWith(".json") || path.equals("/actuator")
                || path.startsWith("/actuator/");
    }

    @Override
    public void write(int status, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String code = switch (status) {
            case 401 -> "unauthorized";
            case 403 -> OAuth2ErrorCodes.ACCESS_DENIED;
            case 429, 503 -> OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE;
            default -> status >= 500 ? OAuth2ErrorCodes.SERVER_ERROR : OAuth2ErrorCodes.INVALID_REQUEST;
        };
        HttpStatus known = HttpStatus.resolve(status);
        this.writer.write(response, status,
                new OAuth2Error(code, known == null ? null : known.getReasonPhrase(), null));
    }
}
