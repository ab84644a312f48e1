package org.orrery.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditQuery;
import org.orrery.audit.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's mail outbox failures and audit search. */
@Controller
class AdminMailAuditController {

    private final AdminQueries queries;

    private final AuditTrail audit;

    AdminMailAuditController(AdminQueries queries, AuditTrail audit) {
        this.queries = queries;
        this.audit = audit;
    }

    @GetMapping("/admin/mail")
    String mail(Model model) {
        model.addAttribute("failed", this.queries.failedMail(200));
        return "admin/mail";
    }

    /** Every criterion optional; dates are whole UTC days (since: from its start, until: to its end). */
    @GetMapping("/admin/audit")
    String audit(@RequestParam(name = "orcid", required = false) String orcid,
            @RequestParam(name = "clientId", required = false) String clientId,
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "since", required = false) String since,
            @RequestParam(name = "until", required = false) String until, Model model,
            HttpServletResponse response) {
        model.addAttribute("types", Arrays.stream(AuditEventType.values()).map(Enum::name).toList());
        model.addAttribute("criteria", new String[] { blank(orcid), blank(clientId), blank(type), blank(since),
                blank(until) });
        AuditEventType eventType = null;
        Instant from = null;
        Instant to = null;
        try {
            if (!blank(type).isEmpty()) {
                eventType = AuditEventType.valueOf(type);
            }
            if (!blank(since).isEmpty()) {
                from = LocalDate.parse(since.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (!blank(until).isEmpty()) {
                to = LocalDate.parse(until.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        }
        catch (IllegalArgumentException | DateTimeParseException ex) {
            response.setStatus(400);
            model.addAttribute("badCriteria", true);
            model.addAttribute("events", List.of());
            return "admin/audit";
        }
        model.addAttribute("events", this.audit.find(new AuditQuery(nullIfBlank(orcid), nullIfBlank(clientId),
                eventType, from, to, 200)));
        return "admin/audit";
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }

    private static String nullIfBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
