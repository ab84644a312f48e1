package org.orrery.api;

import static org.orrery.api.ApiRequests.MEMBER;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.record.ItemType;
import org.orrery.record.PutCode;
import org.orrery.record.RecordItem;
import org.orrery.record.RecordWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Writing items on the member API: POST adds (201, {@code Location}, empty body), PUT replaces (200 with the
 * item), DELETE removes (204). Scopes, source and duplicate rules as ORCID compat §9.
 */
@RestController
class ItemWriteController {

    private final ApiRequests requests;

    private final RecordWriter writer;

    ItemWriteController(ApiRequests requests, RecordWriter writer) {
        this.requests = requests;
        this.writer = writer;
    }

    @PostMapping(MEMBER + "/{orcid}/{kind}")
    ResponseEntity<byte[]> add(@PathVariable String orcid, @PathVariable String kind,
            HttpServletRequest request, Authentication auth) {
        ItemType type = writableType(kind, request);
        ApiRequests.Context context = this.requests.write(request, auth, orcid, type.createScopes());
        ApiBodies.Incoming incoming = read(type, request);
        if (incoming.putCode() != null) {
            throw new ApiException(OrcidError.putCodeOnPost());
        }
        RecordItem item = RecordRules.apply(
                () -> this.writer.add(orcid, type, incoming.body(), context.caller().clientId()));
        return ResponseEntity.status(201)
            .header(HttpHeaders.LOCATION, this.requests.location(orcid, type, item.putCode()))
            .build();
    }

    @PutMapping(MEMBER + "/{orcid}/{kind}/{putCode}")
    ResponseEntity<byte[]> update(@PathVariable String orcid, @PathVariable String kind,
            @PathVariable String putCode, HttpServletRequest request,
            Authentication auth) {
        ItemType type = writableType(kind, request);
        ApiRequests.Context context = this.requests.write(request, auth, orcid, type.updateScopes());
        PutCode code = ApiRequests.putCode(putCode);
        ApiBodies.Incoming incoming = read(type, request);
        if (!code.toString().equals(incoming.putCode())) {
            throw new ApiException(OrcidError.putCodeMismatch(putCode, String.valueOf(incoming.putCode())));
        }
        RecordItem item = RecordRules.apply(() -> this.writer.update(orcid, type, code, incoming.body(),
                incoming.visibility(), context.caller().clientId()));
        return RecordReadController.ok(context, new Doc(type.schema(), this.requests.itemJson().full(item)));
    }

    @DeleteMapping(MEMBER + "/{orcid}/{kind}/{putCode}")
    ResponseEntity<byte[]> delete(@PathVariable String orcid, @PathVariable String kind,
            @PathVariable String putCode, HttpServletRequest request, Authentication auth) {
        ItemType type = writableType(kind, request);
        ApiRequests.Context context = this.requests.write(request, auth, orcid, type.deleteScopes());
        PutCode code = ApiRequests.putCode(putCode);
        RecordRules.apply(() -> {
            this.writer.delete(orcid, type, code, context.caller().clientId());
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    private static ApiBodies.Incoming read(ItemType type, HttpServletRequest request) {
        MediaType contentType = ApiBodies.contentType(request.getContentType());
        byte[] body = ApiBodies.body(request);
        return ApiBodies.incoming(type.schema(), ApiBodies.tree(type.schema(), contentType, body));
    }

    private static ItemType writableType(String kind, HttpServletRequest request) {
        ItemType type = ItemType.byItemPath(kind);
        if (type == null || !type.isWritableByApi()) {
            throw new ApiException(OrcidError.methodNotAllowed(request.getMethod()));
        }
        return type;
    }
}
