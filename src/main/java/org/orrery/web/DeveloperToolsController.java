package org.orrery.web;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
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
 * secret. Registration goes on the audit trail.
 */
@Controller
class DeveloperToolsController {

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
        return "developer-tools";
    }

    private static Map<String, String> emptyForm() {
        return Map.of("name", "", "description", "", "website", "", "redirectUris", "");
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
