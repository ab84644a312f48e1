package org.orrery.api;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.clients.ClientType;
import org.orrery.clients.Scopes;
import org.orrery.oauth.AccessTokenIntrospector;
import org.orrery.oauth.OrreryProperties;
import org.orrery.registry.OrcidId;
import org.orrery.registry.Researcher;
import org.orrery.registry.ResearcherRepository;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v3.0/{orcid}/record} on the member API ({@code /api}) and the public API ({@code /pub}).
 */
@RestController
class RecordController {

    private final ResearcherRepository researchers;

    private final RecordDocument documents;

    RecordController(ResearcherRepository researchers, OrreryProperties properties) {
        this.researchers = researchers;
        this.documents = new RecordDocument(properties.baseUrl());
    }

    @GetMapping({ "/api/v3.0/{orcid}/record", "/api/v3.0/{orcid}" })
    ResponseEntity<Object> memberRecord(@PathVariable String orcid, Authentication authentication,
            @RequestHeader(name = "Accept", required = false) String accept) {
        MediaType type = ApiMediaTypes.negotiate(accept);
        if (type == null) {
            return error(OrcidError.notAcceptable(accept), MediaType.APPLICATION_JSON);
        }
        if (!(authentication instanceof BearerTokenAuthentication token)) {
            return error(OrcidError.missingScope(Scopes.READ_PUBLIC), type);
        }
        Map<String, Object> attributes = token.getTokenAttributes();
        if (attributes.get(AccessTokenIntrospector.CLIENT_TYPE) == ClientType.PUBLIC) {
            return error(OrcidError.clientForbidden(), type);
        }
        Object tokenOrcid = attributes.get(AccessTokenIntrospector.ORCID);
        if (tokenOrcid != null && !tokenOrcid.equals(orcid)) {
            return error(OrcidError.wrongRecord(), type);
        }
        if (!hasScope(token, Scopes.READ_PUBLIC)) {
            return error(OrcidError.missingScope(Scopes.READ_PUBLIC), type);
        }
        return read(orcid, type);
    }

    @GetMapping({ "/pub/v3.0/{orcid}/record", "/pub/v3.0/{orcid}" })
    ResponseEntity<Object> publicRecord(@PathVariable String orcid,
            @RequestHeader(name = "Accept", required = false) String accept) {
        MediaType type = ApiMediaTypes.negotiate(accept);
        if (type == null) {
            return error(OrcidError.notAcceptable(accept), MediaType.APPLICATION_JSON);
        }
        return read(orcid, type);
    }

    private ResponseEntity<Object> read(String orcid, MediaType type) {
        Researcher researcher = OrcidId.isValid(orcid) ? this.researchers.findByOrcid(orcid).orElse(null) : null;
        if (researcher == null) {
            return error(OrcidError.recordNotFound(orcid), type);
        }
        return ResponseEntity.ok().contentType(type).body(this.documents.record(researcher));
    }

    private static boolean hasScope(Authentication authentication, String scope) {
        return authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("SCOPE_" + scope));
    }

    static ResponseEntity<Object> error(OrcidError error, MediaType type) {
        return ResponseEntity.status(error.responseCode()).contentType(type).body(error.toJson());
    }
}
