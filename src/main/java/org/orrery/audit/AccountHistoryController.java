package org.orrery.audit;

import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
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

    private final MessageSource messages;

    AccountHistoryController(AuditTrail trail, MessageSource messages) {
        this.trail = trail;
        this.messages = messages;
    }

    @GetMapping("/account/history")
    String history(Principal principal, Model model, Locale locale) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (AuditEvent event : this.trail.ofResearcher(principal.getName(), PAGE_SIZE)) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("type", event.type().name());
            row.put("when", WHEN.format(event.occurredAt()));
            row.put("what", describe(event, locale));
            row.put("application", event.clientId() == null ? ""
                    : event.clientName() == null ? event.clientId() : event.clientName());
            row.put("address", event.address() == null ? "" : event.address());
            rows.add(row);
        }
        model.addAttribute("events", rows);
        return "account/history";
    }

    /** The event in the page's language ({@code history.event.*} and {@code history.reason.*} in the pages bundle),
     * in English for a type or reason the bundle does not know yet. */
    private String describe(AuditEvent event, Locale locale) {
        StringBuilder text = new StringBuilder(this.messages.getMessage("history.event." + event.type().name(), null,
                event.type().description(), locale));
        if (event.reason() != null) {
            text.append(' ').append(this.messages.getMessage("history.reason." + event.reason(), null,
                    REASONS.getOrDefault(event.reason(), "(" + event.reason() + ")"), locale));
        }
        if (event.detail() != null && !event.detail().isBlank()) {
            text.append(": ").append(event.detail());
        }
        return text.toString();
    }
}
