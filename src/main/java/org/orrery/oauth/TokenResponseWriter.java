package org.orrery.oauth;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.registry.ResearcherRepository;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the token response as ORCID does: {@code access_token}, {@code token_type} "bearer",
 * {@code refresh_token}, {@code expires_in}, {@code scope} (as granted, not expanded), the researcher's public
 * {@code name} and {@code orcid}; {@code Cache-Control: no-store} and {@code Pragma: no-cache}. Each token
 * issued, and each refresh, goes on the audit trail.
 */
final class TokenResponseWriter implements AuthenticationSuccessHandler {

    private final OAuth2AuthorizationService authorizations;

    private final ResearcherRepository researchers;

    private final AuditTrail audit;

    private final JsonMapper json = JsonMapper.builder().build();

    TokenResponseWriter(OAuth2AuthorizationService authorizations, ResearcherRepository researchers,
            AuditTrail audit) {
        this.authorizations = authorizations;
        this.researchers = researchers;
        this.audit = audit;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        var issued = (OAuth2AccessTokenAuthenticationToken) authentication;
        OAuth2AccessToken accessToken = issued.getAccessToken();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken.getTokenValue());
        body.put("token_type", "bearer");
        if (issued.getRefreshToken() != null) {
            body.put("refresh_token", issued.getRefreshToken().getTokenValue());
        }
        if (accessToken.getExpiresAt() != null) {
            body.put("expires_in", Math.max(0, Duration.between(Instant.now(), accessToken.getExpiresAt()).getSeconds()));
        }
        body.put("scope", String.join(" ", accessToken.getScopes()));
        String orcid = AuthorizationGrantType.CLIENT_CREDENTIALS.getValue()
                .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE)) ? null : orcidOf(issued);
        if (orcid != null) {
            body.put("name", this.researchers.findByOrcid(orcid).map(r -> r.displayName()).orElse(""));
        }
        body.put("orcid", orcid);
        String grantType = request.getParameter("grant_type");
        this.audit.record("refresh_token".equals(grantType) ? AuditEventType.TOKEN_REFRESHED : AuditEventType.TOKEN_ISSUED,
                orcid, issued.getRegisteredClient().getClientId(), null,
                grantType + ", scope " + body.get("scope"));
        Object idToken = issued.getAdditionalParameters().get("id_token");
        if (idToken != null) {
            body.put("id_token", idToken);
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.getWriter().write(this.json.writeValueAsString(body));
    }

    private String orcidOf(OAuth2AccessTokenAuthenticationToken issued) {
        Object orcid = issued.getAdditionalParameters().get(CodeExchangeProvider.ORCID_PARAMETER);
        if (orcid != null) {
            return orcid.toString();
        }
        OAuth2Authorization authorization = this.authorizations.findByToken(issued.getAccessToken().getTokenValue(),
                OAuth2TokenType.ACCESS_TOKEN);
        if (authorization == null || authorization.getAttribute(java.security.Principal.class.getName()) == null) {
            return null;
        }
        return authorization.getPrincipalName();
    }
}
