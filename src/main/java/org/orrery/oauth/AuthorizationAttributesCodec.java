package org.orrery.oauth;

import java.security.Principal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.orrery.registry.ResearcherUserDetailsService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the parts of an authorization that are not codes or tokens (the original authorization request and
 * simple attributes) as small JSON documents, and rebuilds them. The researcher principal is rebuilt from the
 * iD alone: nothing about the session or the password travels with it.
 */
@Component
public class AuthorizationAttributesCodec {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper json = JsonMapper.builder().build();

    public String writeRequest(OAuth2AuthorizationRequest request) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("authorizationUri", request.getAuthorizationUri());
        fields.put("clientId", request.getClientId());
        fields.put("redirectUri", request.getRedirectUri());
        fields.put("scopes", List.copyOf(request.getScopes()));
        fields.put("state", request.getState());
        fields.put("additionalParameters", simpleValues(request.getAdditionalParameters()));
        return this.json.writeValueAsString(fields);
    }

    @SuppressWarnings("unchecked")
    public OAuth2AuthorizationRequest readRequest(String text) {
        Map<String, Object> fields = this.json.readValue(text, MAP);
        return OAuth2AuthorizationRequest.authorizationCode()
            .authorizationUri((String) fields.get("authorizationUri"))
            .clientId((String) fields.get("clientId"))
            .redirectUri((String) fields.get("redirectUri"))
            .scopes(new LinkedHashSet<>((Collection<String>) fields.get("scopes")))
            .state((String) fields.get("state"))
            .additionalParameters((Map<String, Object>) fields.getOrDefault("additionalParameters", Map.of()))
            .build();
    }

    /** Simple attributes only; the request, the principal and the consent state are stored elsewhere. */
    public String writeAttributes(Map<String, Object> attributes) {
        Map<String, Object> rest = new LinkedHashMap<>(attributes);
        rest.remove(OAuth2AuthorizationRequest.class.getName());
        rest.remove(Principal.class.getName());
        rest.remove(OAuth2ParameterNames.STATE);
        rest.remove(HashedAuthorizationService.STORED);
        return this.json.writeValueAsString(simpleValues(rest));
    }

    public Map<String, Object> readAttributes(String text) {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        return new LinkedHashMap<>(this.json.readValue(text, MAP));
    }

    /** The signed-in researcher, as the authorization server expects to find it in an authorization. */
    public Authentication researcherPrincipal(String orcid) {
        var authorities = List.of(new SimpleGrantedAuthority(ResearcherUserDetailsService.ROLE));
        User user = new User(orcid, "", authorities);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    private static Map<String, Object> simpleValues(Map<String, Object> values) {
        Map<String, Object> simple = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                simple.put(key, value);
            }
            else if (value instanceof Collection<?> collection
                    && collection.stream().allMatch(String.class::isInstance)) {
                simple.put(key, List.copyOf(collection));
            }
        });
        return simple;
    }
}
