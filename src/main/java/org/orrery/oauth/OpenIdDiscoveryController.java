package org.orrery.oauth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /.well-known/openid-configuration} in ORCID's shape (compat spec §7), telling the truth about what
 * Orrery supports: the code flow with PKCE S256, {@code iss} in authorization responses (RFC 9207), revocation.
 * Any origin may read it (CORS), as ORCID allows.
 */
@RestController
class OpenIdDiscoveryController {

    private final OrreryProperties properties;

    OpenIdDiscoveryController(OrreryProperties properties) {
        this.properties = properties;
    }

    @GetMapping(path = "/.well-known/openid-configuration", produces = "application/json")
    ResponseEntity<Map<String, Object>> configuration(@RequestHeader(name = "Origin", required = false) String origin) {
        String issuer = this.properties.baseUrl();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("authorization_endpoint", issuer + "/oauth/authorize");
        document.put("token_endpoint", issuer + "/oauth/token");
        document.put("userinfo_endpoint", issuer + "/oauth/userinfo");
        document.put("jwks_uri", issuer + "/oauth/jwks");
        document.put("revocation_endpoint", issuer + "/oauth/revoke");
        document.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("claims_supported", List.of("family_name", "given_name", "name", "auth_time", "iss", "sub"));
        document.put("scopes_supported", List.of("openid"));
        document.put("subject_types_supported", List.of("public"));
        document.put("response_types_supported", List.of("code", "id_token", "id_token token", "token"));
        document.put("response_modes_supported", List.of("query", "fragment"));
        document.put("claims_parameter_supported", false);
        // OpenID Connect Discovery §3: request objects are refused with request_not_supported (Core §6.1).
        document.put("request_parameter_supported", false);
        document.put("request_uri_parameter_supported", false);
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic"));
        document.put("grant_types_supported", List.of("authorization_code", "implicit", "refresh_token", "client_credentials"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("authorization_response_iss_parameter_supported", true);
        return Cors.allowing(origin).body(document);
    }
}
