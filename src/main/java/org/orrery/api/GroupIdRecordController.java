package org.orrery.api;

import static org.orrery.api.ApiRequests.MEMBER;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.clients.ClientType;
import org.orrery.clients.Scopes;
import org.orrery.groups.GroupRefusal;
import org.orrery.groups.PeerReviewGroup;
import org.orrery.groups.PeerReviewGroups;
import org.orrery.oauth.OrreryProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v3.0/group-id-record} on the member API (wave-2 spec §2.1): list (1-based {@code page}, default
 * {@code page-size} 100), look-up by {@code group-id} (which wins) or {@code name} (200 with an empty record when
 * nothing matches), read by put-code, create (201 with {@code Location}), update, delete (204). Reads need
 * {@code /group-id-record/read} (implied by {@code /update}), writes {@code /group-id-record/update}; both are
 * client-credentials scopes, so a token bound to a researcher never carries them. Public clients are refused first.
 */
@RestController
class GroupIdRecordController {

    private static final String PATH = MEMBER + "/group-id-record";

    private final PeerReviewGroups groups;

    private final String baseUrl;

    GroupIdRecordController(PeerReviewGroups groups, OrreryProperties properties) {
        this.groups = groups;
        this.baseUrl = properties.baseUrl();
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> list(@RequestParam(name = "group-id", required = false) String groupId,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "page-size", required = false) String pageSize, HttpServletRequest request,
            Authentication auth) {
        MediaType type = ApiResponder.negotiate(request);
        caller(request, auth).requireAnyScope(List.of(Scopes.GROUP_ID_READ));
        if (groupId != null || name != null) {
            Optional<PeerReviewGroup> found = refusals(() -> groupId != null ? this.groups.findByGroupId(groupId)
                    : this.groups.findByName(name));
            byte[] body = found.map(group -> GroupIdDocuments.record(type, group, this.baseUrl))
                .orElseGet(() -> GroupIdDocuments.empty(type));
            return ApiResponder.respond(200, type, body);
        }
        int pageNumber = positive("page", page, 1);
        int size = positive("page-size", pageSize, 100);
        List<PeerReviewGroup> found = this.groups.page(pageNumber, size);
        return ApiResponder.respond(200, type, GroupIdDocuments.page(type, found, pageNumber, size,
                this.groups.lastModified().orElse(null), this.baseUrl));
    }

    @GetMapping(PATH + "/{putCode}")
    ResponseEntity<byte[]> read(@PathVariable String putCode, HttpServletRequest request, Authentication auth) {
        MediaType type = ApiResponder.negotiate(request);
        caller(request, auth).requireAnyScope(List.of(Scopes.GROUP_ID_READ));
        PeerReviewGroup group = this.groups.find(putCode(putCode)).orElseThrow(() -> notFound(putCode));
        return ApiResponder.respond(200, type, GroupIdDocuments.record(type, group, this.baseUrl));
    }

    @PostMapping(PATH)
    ResponseEntity<byte[]> create(HttpServletRequest request, Authentication auth) {
        Caller caller = caller(request, auth);
        caller.requireAnyScope(List.of(Scopes.GROUP_ID_UPDATE));
        GroupIdDocuments.Incoming incoming = incoming(request);
        if (incoming.putCode() != null) {
            throw new ApiException(OrcidError.putCodeOnPost());
        }
        PeerReviewGroup created = refusals(() -> this.groups.create(incoming.fields(), caller.clientId()));
        return ResponseEntity.status(201)
            .header(HttpHeaders.LOCATION, this.baseUrl + PATH + "/" + created.putCode())
            .build();
    }

    @PutMapping(PATH + "/{putCode}")
    ResponseEntity<byte[]> update(@PathVariable String putCode, HttpServletRequest request, Authentication auth) {
        MediaType type = ApiResponder.negotiate(request);
        Caller caller = caller(request, auth);
        caller.requireAnyScope(List.of(Scopes.GROUP_ID_UPDATE));
        long code = putCode(putCode);
        GroupIdDocuments.Incoming incoming = incoming(request);
        if (!String.valueOf(code).equals(incoming.putCode())) {
            throw new ApiException(OrcidError.putCodeMismatch(putCode, String.valueOf(incoming.putCode())));
        }
        PeerReviewGroup updated = refusals(() -> this.groups.update(code, incoming.fields(), caller.clientId()));
        return ApiResponder.respond(200, type, GroupIdDocuments.record(type, updated, this.baseUrl));
    }

    @DeleteMapping(PATH + "/{putCode}")
    ResponseEntity<byte[]> delete(@PathVariable String putCode, HttpServletRequest request, Authentication auth) {
        Caller caller = caller(request, auth);
        caller.requireAnyScope(List.of(Scopes.GROUP_ID_UPDATE));
        long code = putCode(putCode);
        refusals(() -> {
            this.groups.delete(code, caller.clientId());
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    private static Caller caller(HttpServletRequest request, Authentication auth) {
        Caller caller = Caller.of(false, auth);
        if (caller.clientId() != null && caller.clientType() == ClientType.PUBLIC) {
            throw new ApiException(OrcidError.clientForbidden());
        }
        return caller;
    }

    private static GroupIdDocuments.Incoming incoming(HttpServletRequest request) {
        MediaType contentType = ApiBodies.contentType(request.getContentType());
        return GroupIdDocuments.read(contentType, ApiBodies.body(request));
    }

    private static long putCode(String text) {
        try {
            long value = Long.parseLong(text);
            if (value > 0) {
                return value;
            }
        }
        catch (NumberFormatException ex) {
            // refused below
        }
        throw new ApiException(OrcidError.invalidPutCode(text));
    }

    /** A paging parameter: a positive integer, else 400/9020 as ORCID answers. */
    private static int positive(String name, String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1 && number <= 1_000_000) {
                return number;
            }
        }
        catch (NumberFormatException ex) {
            // refused below
        }
        throw new ApiException(invalid("The " + name + " parameter must be a positive integer, not '" + value + "'"));
    }

    private static <T> T refusals(java.util.function.Supplier<T> operation) {
        try {
            return operation.get();
        }
        catch (GroupRefusal refusal) {
            throw new ApiException(switch (refusal.reason()) {
                case INVALID -> invalid(refusal.getMessage());
                case NOT_FOUND -> new OrcidError(400, "400 Bad Request: The group you are trying to access does not"
                        + " exist. Full validation error: " + refusal.getMessage(),
                        "The group you are trying to access does not exist.", 9026);
                case DUPLICATE -> new OrcidError(409, "409 Conflict: A group with this group-id already exists."
                        + " Full validation error: " + refusal.getMessage(),
                        "The group-id already exists.", 9025);
                case NOT_SOURCE -> OrcidError.notSource("group");
                case REFERENCED -> new OrcidError(409, "409 Conflict: The group is in use by peer reviews and cannot"
                        + " be deleted. Full validation error: " + refusal.getMessage(),
                        "The group is in use and cannot be deleted.", 9040);
            });
        }
    }

    private static ApiException notFound(String putCode) {
        return new ApiException(new OrcidError(400, "400 Bad Request: The group you are trying to access does not"
                + " exist. Full validation error: No group with put-code " + putCode,
                "The group you are trying to access does not exist.", 9026));
    }

    private static OrcidError invalid(String detail) {
        return new OrcidError(400, "400 Bad Request: Invalid group-id record. Full validation error: " + detail,
                "The group-id record is not valid.", 9020);
    }
}
