package org.orrery.web;

import java.security.Principal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.clients.ApiClient;
import org.orrery.clients.ClientRegistration;
import org.orrery.clients.ClientRepository;
import org.orrery.clients.ClientType;
import org.orrery.clients.RedirectUriMatching;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Developer tools: a signed-in researcher registers one public API client and is shown its id and, once, its
 * secret; later they may reset the secret, and are shown the new one once. Both go on the audit trail.
 */
@Controller
class DeveloperToolsController {

    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final ClientRegistration registration;

    private final ClientRepository clients;

    private final AuditTrail audit;

    DeveloperToolsController(ClientRegistration registration, ClientRepository clients, AuditTrail audit) {
        this.registration = registration;
        this.clients = clients;
        this.audit = audit;
    }

    @GetMapping("/developer-tools")
    String page(Principal principal, Model model) {
        return render(principal, model, emptyForm(), Map.of(), null);
    }

    @PostMapping("/developer-tools/reset-secret")
    String resetSecret(@RequestParam(name = "clientId", required = false) String clientId, Principal principal,
            Model model, HttpServletResponse response) {
        boolean own = this.clients.findByOwner(principal.getName()).stream()
            .anyMatch(client -> client.clientId().equals(clientId));
        if (!own) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return render(principal, model, emptyForm(), Map.of("reset", "You have no API client with that id."),
                    null);
        }
        var reset = this.registration.resetSecret(clientId);
        this.audit.record(AuditEventType.CLIENT_SECRET_RESET, principal.getName(), clientId, null, null);
        model.addAttribute("previousSecretsEnd", SHOWN_TIME.format(reset.previousSecretsEnd()));
        model.addAttribute("previousSecretsEndIso",
                reset.previousSecretsEnd().truncatedTo(ChronoUnit.SECONDS).toString());
        return render(principal, model, emptyForm(), Map.of(), reset.clientSecret());
    }

    @PostMapping("/developer-tools")
    String register(@RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "description", required = false) String description,
            @RequestParam(name = "website", required = false) String website,
            @RequestParam(name = "redirectUris", required = false) String redirectUris, Principal principal,
            Model model, HttpServletResponse response) {
        List<String> uris = redirectUris == null ? List.of()
                : Arrays.stream(redirectUris.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        var application = new ClientRegistration.Application(name, description, website, uris, ClientType.PUBLIC,
                RedirectUriMatching.EXACT);
        Map<String, String> errors = this.registration.validate(application);
        if (!this.clients.findByOwner(principal.getName()).isEmpty()) {
            errors = Map.of("client", "You already have a public API client; you may have only one.");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(principal, model, Map.of("name", nz(name), "description", nz(description), "website",
                    nz(website), "redirectUris", nz(redirectUris)), errors, null);
        }
        var registered = this.registration.register(application, principal.getName());
        this.audit.record(AuditEventType.CLIENT_CREATED, principal.getName(), registered.client().clientId(), null,
                registered.client().name());
        return render(principal, model, emptyForm(), Map.of(), registered.clientSecret());
    }

    private String render(Principal principal, Model model, Map<String, String> form, Map<String, String> errors,
            String newSecret) {
        List<ApiClient> own = this.clients.findByOwner(principal.getName());
        model.addAttribute("clients", own);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("newSecret", newSecret);
        model.addAttribute("gracePeriod", spelledOut(this.registration.secretGracePeriod()));
        return "developer-tools";
    }

    /** "24 hours", "7 days", "90 seconds": a grace period as the page states it (a day as hours); null for none. */
    private static String spelledOut(Duration period) {
        if (period.isZero()) {
            return null;
        }
        long seconds = period.toSeconds();
        if (seconds % 86_400 == 0 && seconds > 86_400) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(Math.max(seconds, 1), "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    private static Map<String, String> emptyForm() {
        return Map.of("name", "", "description", "", "website", "", "redirectUris", "");
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
