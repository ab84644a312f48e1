package org.orrery.web;

import java.security.Principal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
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
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Developer tools: a signed-in researcher registers one public API client and is shown its id and, once, its
 * secret; later they may edit its name, description, website and redirect URIs (validated as at registration),
 * and reset the secret after confirming it, and are shown the new one once. Creation and resets go on the audit
 * trail.
 */
@Controller
class DeveloperToolsController {

    private final ClientRegistration registration;

    private final ClientRepository clients;

    private final ClientEdits edits;

    private final AuditTrail audit;

    private final FieldErrors fieldErrors;

    DeveloperToolsController(ClientRegistration registration, ClientRepository clients, ClientEdits edits,
            AuditTrail audit, FieldErrors fieldErrors) {
        this.fieldErrors = fieldErrors;
        this.registration = registration;
        this.clients = clients;
        this.edits = edits;
        this.audit = audit;
    }

    @GetMapping("/developer-tools")
    String page(Principal principal, Model model) {
        return render(principal, model, emptyForm(), Map.of(), null);
    }

    @PostMapping("/developer-tools/reset-secret")
    String resetSecret(@RequestParam(name = "clientId", required = false) String clientId,
            @RequestParam(name = "confirm", required = false) String confirm, Principal principal, Model model,
            HttpServletResponse response, Locale locale) {
        if (own(principal, clientId) == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return render(principal, model, emptyForm(), Map.of("reset", "developer.error.noSuchClient"), null);
        }
        if (!"yes".equals(confirm)) {
            model.addAttribute("confirmReset", clientId);
            return render(principal, model, emptyForm(), Map.of(), null);
        }
        var reset = this.registration.resetSecret(clientId);
        this.audit.record(AuditEventType.CLIENT_SECRET_RESET, principal.getName(), clientId, null, null);
        model.addAttribute("previousSecretsEnd", shownTime(locale).format(reset.previousSecretsEnd()));
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
        var application = application(name, description, website, redirectUris);
        Map<String, String> errors = this.registration.validate(application);
        if (!this.clients.findByOwner(principal.getName()).isEmpty()) {
            errors = Map.of("client", "developer.error.oneClient");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(principal, model, form(name, description, website, redirectUris), errors, null);
        }
        var registered = this.registration.register(application, principal.getName());
        this.audit.record(AuditEventType.CLIENT_CREATED, principal.getName(), registered.client().clientId(), null,
                registered.client().name());
        return render(principal, model, emptyForm(), Map.of(), registered.clientSecret());
    }

    @PostMapping("/developer-tools/edit")
    String edit(@RequestParam(name = "clientId", required = false) String clientId,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "description", required = false) String description,
            @RequestParam(name = "website", required = false) String website,
            @RequestParam(name = "redirectUris", required = false) String redirectUris, Principal principal,
            Model model, HttpServletResponse response) {
        ApiClient client = own(principal, clientId);
        if (client == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return render(principal, model, emptyForm(), Map.of("reset", "developer.error.noSuchClient"), null);
        }
        var application = application(name, description, website, redirectUris);
        Map<String, String> errors = this.registration.validate(application);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("editing", clientId);
            model.addAttribute("editForm", form(name, description, website, redirectUris));
            model.addAttribute("editErrors", this.fieldErrors.in(errors, LocaleContextHolder.getLocale()));
            return render(principal, model, emptyForm(), Map.of(), null);
        }
        this.edits.apply(client, application);
        model.addAttribute("edited", true);
        return render(principal, model, emptyForm(), Map.of(), null);
    }

    private ApiClient own(Principal principal, String clientId) {
        return this.clients.findByOwner(principal.getName()).stream()
            .filter(client -> client.clientId().equals(clientId))
            .findFirst()
            .orElse(null);
    }

    private String render(Principal principal, Model model, Map<String, String> form, Map<String, String> errors,
            String newSecret) {
        List<ApiClient> own = this.clients.findByOwner(principal.getName());
        model.addAttribute("clients", own);
        model.addAttribute("form", form);
        model.addAttribute("errors", this.fieldErrors.in(errors, LocaleContextHolder.getLocale()));
        model.addAttribute("newSecret", newSecret);
        if (!model.containsAttribute("editForm")) {
            model.addAttribute("editForm", own.isEmpty() ? emptyForm() : formOf(own.get(0)));
            model.addAttribute("editErrors", Map.of());
        }
        Duration grace = this.registration.secretGracePeriod();
        model.addAttribute("gracePeriod", grace.isZero() ? null : GracePeriod.of(grace));
        return "developer-tools";
    }

    /** A grace period as the page states it: a count and the message key of its unit (a day as hours). */
    record GracePeriod(long count, String unitKey) {

        static GracePeriod of(Duration period) {
            long seconds = period.toSeconds();
            if (seconds % 86_400 == 0 && seconds > 86_400) {
                return new GracePeriod(seconds / 86_400, "developer.period.days");
            }
            if (seconds % 3_600 == 0) {
                return new GracePeriod(seconds / 3_600, "developer.period.hours");
            }
            if (seconds % 60 == 0) {
                return new GracePeriod(seconds / 60, "developer.period.minutes");
            }
            return new GracePeriod(Math.max(seconds, 1), "developer.period.seconds");
        }
    }

    private static DateTimeFormatter shownTime(Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(ZoneOffset.UTC);
    }

    private static ClientRegistration.Application application(String name, String description, String website,
            String redirectUris) {
        List<String> uris = redirectUris == null ? List.of()
                : Arrays.stream(redirectUris.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new ClientRegistration.Application(name, description, website, uris, ClientType.PUBLIC,
                RedirectUriMatching.EXACT);
    }

    private static Map<String, String> form(String name, String description, String website, String redirectUris) {
        Map<String, String> form = new HashMap<>();
        form.put("name", nz(name));
        form.put("description", nz(description));
        form.put("website", nz(website));
        form.put("redirectUris", nz(redirectUris));
        return form;
    }

    private static Map<String, String> formOf(ApiClient client) {
        return form(client.name(), client.description(), client.website(), String.join("\n", client.redirectUris()));
    }

    private static Map<String, String> emptyForm() {
        return form("", "", "", "");
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
