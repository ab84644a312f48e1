package org.orrery.oauth;

import java.util.LinkedHashMap;
import java.util.Map;

import org.orrery.clients.Scopes;
import org.orrery.registry.ResearcherRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /oauth/userinfo} as ORCID answers it (compat spec §7): GET with a Bearer header or POST with an
 * {@code access_token} form field; any token whose scopes reach {@code /authenticate}; the public names, a name
 * without a value left out (OpenID Connect Core §5.3.2; ORCID writes {@code null}, which a client reads as the same
 * absence); 403 with ORCID's body (note its {@code error-description}) on any failure.
 */
@RestController
class UserInfoController {

    private final AccessTokenIntrospector tokens;

    private final ResearcherRepository researchers;

    private final OrreryProperties properties;

    UserInfoController(AccessTokenIntrospector tokens, ResearcherRepository researchers, OrreryProperties properties) {
        this.tokens = tokens;
        this.researchers = researchers;
        this.properties = properties;
    }

    @RequestMapping(path = "/oauth/userinfo", method = { RequestMethod.GET, RequestMethod.POST },
            produces = "application/json")
    ResponseEntity<Map<String, Object>> userInfo(@RequestHeader(name = "Authorization", required = false) String header,
            @RequestParam(name = "access_token", required = false) String formToken,
            @RequestHeader(name = "Origin", required = false) String origin) {
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
                : formToken;
        OAuth2AuthenticatedPrincipal principal = null;
        if (token != null && !token.isBlank()) {
            try {
                principal = this.tokens.introspect(token);
            }
            catch (BadOpaqueTokenException ex) {
                principal = null;
            }
        }
        Object orcid = principal == null ? null : principal.getAttribute(AccessTokenIntrospector.ORCID);
        boolean authenticates = principal != null && principal.getAuthorities()
            .stream()
            .anyMatch(authority -> authority.getAuthority().equals("SCOPE_" + Scopes.AUTHENTICATE));
        if (orcid == null || !authenticates) {
            Map<String, Object> denied = new LinkedHashMap<>();
            denied.put("error", "access_denied");
            denied.put("error-description", "access_token is invalid");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(denied);
        }
        var researcher = this.researchers.findByOrcid(orcid.toString()).orElse(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", this.properties.baseUrl() + "/" + orcid);
        body.put("sub", orcid.toString());
        if (researcher != null) {
            putPresent(body, "name", researcher.creditName());
            putPresent(body, "family_name", researcher.familyName());
            putPresent(body, "given_name", researcher.givenNames());
        }
        return Cors.allowing(origin).header("Cache-Control", "no-store").body(body);
    }

    /** OpenID Connect Core §5.3.2: a claim without a value is omitted, not sent as {@code null}. */
    private static void putPresent(Map<String, Object> body, String claim, String value) {
        if (value != null && !value.isBlank()) {
            body.put(claim, value);
        }
    }
}
