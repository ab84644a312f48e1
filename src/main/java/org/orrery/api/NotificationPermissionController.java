package org.orrery.api;

import static org.orrery.api.ApiRequests.MEMBER;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.clients.Scopes;
import org.orrery.notifications.NotificationRefusal;
import org.orrery.notifications.PermissionNotifications;
import org.orrery.oauth.OrreryProperties;
import org.orrery.record.RecordReader;
import org.orrery.registry.VersionedResearcher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v3.0/{orcid}/notification-permission} on the member API (wave-2 spec §4.1): create (201, empty body,
 * {@code Location}), list this client's, read one, and archive one with DELETE (200 with the archived
 * notification). Every call needs a client-credentials token with {@code /premium-notification} (403/9038), a
 * scope granted per client. The record's state is checked first, as ORCID's {@code checkProfile} does: in full for
 * POST and DELETE; the GETs still answer for a deactivated record.
 */
@RestController
class NotificationPermissionController {

    private static final String PATH = MEMBER + "/{orcid}/notification-permission";

    private final PermissionNotifications notifications;

    private final RecordReader reader;

    private final String baseUrl;

    NotificationPermissionController(PermissionNotifications notifications, RecordReader reader,
            OrreryProperties properties) {
        this.notifications = notifications;
        this.reader = reader;
        this.baseUrl = properties.baseUrl();
    }

    @PostMapping(PATH)
    ResponseEntity<byte[]> create(@PathVariable String orcid, HttpServletRequest request, Authentication auth) {
        ApiResponder.negotiate(request);
        Caller caller = caller(orcid, auth, true);
        NotificationDocuments.Incoming incoming = NotificationDocuments
            .read(ApiBodies.contentType(request.getContentType()), ApiBodies.body(request));
        if (incoming.putCode() != null) {
            throw new ApiException(OrcidError.badRequest("A put-code must not be given when adding a notification"));
        }
        long putCode = refusals(() -> this.notifications.create(orcid, caller.clientId(), incoming.request()));
        return ResponseEntity.status(201)
            .header(HttpHeaders.LOCATION, this.baseUrl + MEMBER + "/" + orcid + "/notification-permission/" + putCode)
            .build();
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> list(@PathVariable String orcid, HttpServletRequest request, Authentication auth) {
        MediaType type = ApiResponder.negotiate(request);
        Caller caller = caller(orcid, auth, false);
        return ApiResponder.respond(200, type, NotificationDocuments.list(type,
                this.notifications.list(orcid, caller.clientId()), this.baseUrl));
    }

    @GetMapping(PATH + "/{putCode}")
    ResponseEntity<byte[]> read(@PathVariable String orcid, @PathVariable String putCode, HttpServletRequest request,
            Authentication auth) {
        MediaType type = ApiResponder.negotiate(request);
        Caller caller = caller(orcid, auth, false);
        long code = putCode(putCode);
        return ApiResponder.respond(200, type, NotificationDocuments.one(type,
                refusals(() -> this.notifications.read(orcid, code, caller.clientId())), this.baseUrl));
    }

    @DeleteMapping(PATH + "/{putCode}")
    ResponseEntity<byte[]> archive(@PathVariable String orcid, @PathVariable String putCode,
            HttpServletRequest request, Authentication auth) {
        MediaType type = ApiResponder.negotiate(request);
        Caller caller = caller(orcid, auth, true);
        long code = putCode(putCode);
        return ApiResponder.respond(200, type, NotificationDocuments.one(type,
                refusals(() -> this.notifications.archive(orcid, code, caller.clientId())), this.baseUrl));
    }

    /** Record state (in full for writes, all but deactivation for reads), then the caller, then the record. */
    private Caller caller(String orcid, Authentication auth, boolean write) {
        Optional<VersionedResearcher> found = this.reader.versionedResearcher(orcid);
        found.filter(researcher -> !researcher.active())
            .filter(researcher -> write || !"DEACTIVATED".equals(researcher.recordState()))
            .ifPresent(researcher -> RecordStateRefusal.check(researcher, this.baseUrl));
        Caller caller = Caller.of(false, auth);
        caller.checkMemberAccess(orcid);
        caller.requireAnyScope(List.of(Scopes.PREMIUM_NOTIFICATION));
        if (found.isEmpty()) {
            throw new ApiException(OrcidError.recordNotFound(orcid));
        }
        return caller;
    }

    private static long putCode(String text) {
        return ApiRequests.putCode(text).value();
    }

    private static <T> T refusals(Supplier<T> operation) {
        try {
            return operation.get();
        }
        catch (NotificationRefusal refusal) {
            throw new ApiException(switch (refusal.reason()) {
                case INVALID -> new OrcidError(400, "400 Bad Request: Invalid notification. Full validation error: "
                        + refusal.getMessage(), "The notification is not valid.", 9020);
                case NOT_FOUND -> new OrcidError(404, "404 Not Found: " + refusal.getMessage(),
                        "The notification was not found.", 9029);
                case NOT_YOURS -> new OrcidError(403, "403 Forbidden: " + refusal.getMessage(),
                        "The client application is forbidden to perform the action.", 9004);
                case NOT_SOURCE -> OrcidError.notSource("notification");
                case ALREADY_READ -> new OrcidError(403, "403 Forbidden: The notification has already been read by"
                        + " the user, so it cannot be archived. Full validation error: " + refusal.getMessage(),
                        "The notification has already been read.", 9009);
            });
        }
    }
}
