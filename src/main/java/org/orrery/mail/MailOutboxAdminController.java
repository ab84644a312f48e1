package org.orrery.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orrery.audit.AuditProperties;
import org.orrery.clients.SecretHasher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/mail-outbox?status=FAILED&limit=100}: the outbox for an operator, as JSON, newest first, with
 * each message's recipient, subject, attempts, next attempt and last error (never its body, which may hold a
 * link). Like {@code /admin/audit-events} it answers only the bearer token {@code orrery.audit.operator-token},
 * and does not exist when none is configured.
 */
@RestController
class MailOutboxAdminController {

    static final Set<String> STATUSES = Set.of("PENDING", "SENT", "FAILED", "SANDBOX");

    private static final int MAX_LIMIT = 1000;

    private final OutboxRepository outbox;

    private final String operatorTokenHash;

    MailOutboxAdminController(OutboxRepository outbox, AuditProperties properties) {
        this.outbox = outbox;
        this.operatorTokenHash = properties.operatorToken() == null ? null
                : SecretHasher.sha256(properties.operatorToken());
    }

    @GetMapping(path = "/admin/mail-outbox", produces = "application/json")
    ResponseEntity<Map<String, Object>> messages(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam Map<String, String> parameters) {
        if (this.operatorTokenHash == null) {
            return ResponseEntity.status(404).body(error("not_found", "The mail outbox endpoint is not configured"));
        }
        if (!isOperator(authorization)) {
            return ResponseEntity.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .body(error("invalid_token", "The operator token is missing or wrong"));
        }
        String status = parameters.get("status");
        int limit;
        try {
            limit = Integer.parseInt(parameters.getOrDefault("limit", "100"));
        }
        catch (NumberFormatException ex) {
            limit = -1;
        }
        if ((status != null && !STATUSES.contains(status)) || limit < 1 || limit > MAX_LIMIT) {
            return ResponseEntity.badRequest().body(error("invalid_request",
                    "Use status (PENDING, SENT, FAILED or SANDBOX) and limit (1-" + MAX_LIMIT + ")"));
        }
        List<Map<String, Object>> messages = new ArrayList<>();
        for (OutboxRepository.Message message : this.outbox.newestFirst(status, limit)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", message.id());
            json.put("status", message.status());
            json.put("recipient", message.recipient());
            json.put("subject", message.subject());
            json.put("template", message.template());
            json.put("created_at", message.createdAt().toString());
            json.put("attempts", message.attempts());
            json.put("next_attempt_at", message.nextAttemptAt() == null ? null : message.nextAttemptAt().toString());
            json.put("sent_at", message.sentAt() == null ? null : message.sentAt().toString());
            json.put("last_error", message.lastError());
            messages.add(json);
        }
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(Map.of("messages", messages));
    }

    private boolean isOperator(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return SecretHasher.sameHash(this.operatorTokenHash, SecretHasher.sha256(authorization.substring(7).trim()));
    }

    private static Map<String, Object> error(String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return body;
    }
}
