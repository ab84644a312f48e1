package org.orrery.oauth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes token-endpoint errors as ORCID does: {@code {"error":..., "error_description":...}}, 401 for client
 * authentication failures and 400 otherwise, with ORCID's description texts where the framework's are generic.
 * Also answers a token request that carries no client credentials at all.
 */
final class TokenErrorWriter implements AuthenticationFailureHandler, AuthenticationEntryPoint {

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError()
                : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, exception.getMessage(), null);
        OAuth2Error orcid = translate(error, request);
        int status = OAuth2ErrorCodes.INVALID_CLIENT.equals(orcid.getErrorCode())
                || "unauthorized".equals(orcid.getErrorCode())
                || (OAuth2ErrorCodes.INVALID_SCOPE.equals(orcid.getErrorCode())
                        && orcid.getDescription() != null && orcid.getDescription().startsWith("One of the provided"))
                ? 401 : 400;
        write(response, status, orcid);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        write(response, 401, new OAuth2Error("unauthorized",
                "An Authentication object was not found in the SecurityContext", null));
    }

    private static OAuth2Error translate(OAuth2Error error, HttpServletRequest request) {
        String code = error.getErrorCode();
        String description = error.getDescription() == null ? "" : error.getDescription();
        if (OAuth2ErrorCodes.INVALID_CLIENT.equals(code)) {
            if (description.endsWith(": client_id")) {
                return new OAuth2Error(code, "Client not found: " + presentedClientId(request), null);
            }
            return new OAuth2Error(code, "Bad client credentials", null);
        }
        if (description.endsWith("Parameter: grant_type")) {
            String grantType = request.getParameter("grant_type");
            return new OAuth2Error(OAuth2ErrorCodes.UNSUPPORTED_GRANT_TYPE,
                    grantType == null || grantType.isBlank() ? "grant_type is missing"
                            : "Unsupported grant type: " + grantType,
                    null);
        }
        if (OAuth2ErrorCodes.UNSUPPORTED_GRANT_TYPE.equals(code)) {
            return new OAuth2Error(code, "Unsupported grant type: " + request.getParameter("grant_type"), null);
        }
        if (OAuth2ErrorCodes.UNAUTHORIZED_CLIENT.equals(code)
                && !description.startsWith(RecordStateGrantGuard.DESCRIPTION_PREFIX)) {
            return new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                    "Unauthorized grant type: " + request.getParameter("grant_type"), null);
        }
        if (description.endsWith("Parameter: token")) {
            return new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "Please provide the token to be param", null);
        }
        if (description.equals("Client authentication failed: code")) {
            return new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                    "Invalid authorization code: " + request.getParameter("code"), null);
        }
        if (description.endsWith("Parameter: code")) {
            return new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "An authorization code must be supplied.", null);
        }
        return new OAuth2Error(code, description.isEmpty() ? null : description, null);
    }

    /** The client id the caller named, from HTTP Basic or the form. */
    private static String presentedClientId(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return java.net.URLDecoder.decode(colon < 0 ? decoded : decoded.substring(0, colon),
                        StandardCharsets.UTF_8);
            }
            catch (IllegalArgumentException ex) {
                return "";
            }
        }
        String clientId = request.getParameter("client_id");
        return clientId == null ? "" : clientId;
    }

    void write(HttpServletResponse response, int status, OAuth2Error error) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.getErrorCode());
        if (error.getDescription() != null) {
            body.put("error_description", error.getDescription());
        }
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.getWriter().write(this.json.writeValueAsString(body));
    }
}
