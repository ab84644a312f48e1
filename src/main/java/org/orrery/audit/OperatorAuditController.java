package org.orrery.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.orrery.clients.SecretHasher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/audit-events}: the audit trail for an operator, as JSON, newest first, filtered by
 * {@code orcid}, {@code client_id}, {@code type}, {@code since} and {@code until} (ISO-8601 instants) and
 * {@code limit} (default 100, at most 1000). It answers only a bearer token equal to
 * {@code orrery.audit.operator-token}, and does not exist when none is configured.
 */
@RestController
@EnableConfigurationProperties(AuditProperties.class)
class OperatorAuditController {

    private final AuditTrail trail;

    private final String operatorTokenHash;

    OperatorAuditController(AuditTrail trail, AuditProperties properties) {
        this.trail = trail;
        this.operatorTokenHash = properties.operatorToken() == null ? null
                : SecretHasher.sha256(properties.operatorToken());
    }

    @GetMapping(path = "/admin/audit-events", produces = "application/json")
    ResponseEntity<Map<String, Object>> events(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam Map<String, String> parameters) {
        if (this.operatorTokenHash == null) {
            return ResponseEntity.status(404).body(error("not_found", "The audit endpoint is not configured"));
        }
        if (!isOperator(authorization)) {
            return ResponseEntity.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .body(error("invalid_token", "The operator token is missing or wrong"));
        }
        AuditQuery query;
        try {
            query = new AuditQuery(parameters.get("orcid"), parameters.get("client_id"),
                    parameters.containsKey("type") ? AuditEventType.valueOf(parameters.get("type")) : null,
                    instant(parameters.get("since")), instant(parameters.get("until")),
                    Integer.parseInt(parameters.getOrDefault("limit", "100")));
        }
        catch (IllegalArgumentException | DateTimeParseException ex) {
            return ResponseEntity.badRequest().body(error("invalid_request",
                    "Use orcid, client_id, type (an event type), since and until (ISO-8601 instants) and limit (1-"
                            + AuditQuery.MAX_LIMIT + ")"));
        }
        List<Map<String, Object>> events = new ArrayList<>();
        for (AuditEvent event : this.trail.find(query)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", event.id());
            json.put("occurred_at", event.occurredAt().toString());
            json.put("type", event.type().name());
            json.put("orcid", event.orcid());
            json.put("client_id", event.clientId());
            json.put("address", event.address());
            json.put("reason", event.reason());
            json.put("detail", event.detail());
            events.add(json);
        }
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(Map.of("events", events));
    }

    private boolean isOperator(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return SecretHasher.sameHash(this.operatorTokenHash, SecretHasher.sha256(authorization.substring(7).trim()));
    }

    private static Instant instant(String value) {
        return value == null || value.isBlank() ? null : Instant.parse(value);
    }

    private static Map<String, Object> error(String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return body;
    }
}
