package org.orrery.audit;

import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Account history: the signed-in researcher's own audit trail, newest first: sign-ins (failed ones too),
 * grants, tokens issued and revoked, each with the application and the source address.
 */
@Controller
class AccountHistoryController {

    static final int PAGE_SIZE = 100;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
        .withZone(ZoneOffset.UTC);

    private static final Map<String, String> REASONS = Map.of("CLIENT_REVOKED", "by the application",
            "USER_REVOKED", "by you", "STAFF_REVOKED", "by the registry's staff", "AUTH_CODE_REUSED",
            "because its authorization code was used twice", "REFRESH_TOKEN_REUSED",
            "because a used refresh token was presented again", "BAD_CREDENTIALS", "wrong password", "BAD_CODE",
            "(wrong code)");

    private final AuditTrail trail;

    AccountHistoryController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/account/history")
    String history(Principal principal, Model model) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (AuditEvent event : this.trail.ofResearcher(principal.getName(), PAGE_SIZE)) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("type", event.type().name());
            row.put("when", WHEN.format(event.occurredAt()));
            row.put("what", describe(event));
            row.put("application", event.clientId() == null ? ""
                    : event.clientName() == null ? event.clientId() : event.clientName());
            row.put("address", event.address() == null ? "" : event.address());
            rows.add(row);
        }
        model.addAttribute("events", rows);
        return "account/history";
    }

    private static String describe(AuditEvent event) {
        StringBuilder text = new StringBuilder(event.type().description());
        if (event.reason() != null) {
            text.append(' ').append(REASONS.getOrDefault(event.reason(), "(" + event.reason() + ")"));
        }
        if (event.detail() != null && !event.detail().isBlank()) {
            text.append(": ").append(event.detail());
        }
        return text.toString();
    }
}
