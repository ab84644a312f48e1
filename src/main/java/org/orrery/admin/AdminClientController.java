package org.orrery.admin;

import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.orrery.clients.ClientLifecycle;
import org.orrery.clients.ClientLifecycle.ClientView;
import org.orrery.clients.ClientLifecycleException;
import org.orrery.clients.ClientRegistration.Application;
import org.orrery.clients.ClientType;
import org.orrery.clients.RedirectUriMatching;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's clients: list, create, edit, reset the secret (shown once), lock, deactivate, reactivate, revoke. */
@Controller
class AdminClientController {

    private final ClientLifecycle lifecycle;

    AdminClientController(ClientLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GetMapping("/admin/clients")
    String clients(Model model) {
        model.addAttribute("clients", this.lifecycle.list(200));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("type", "member", "matching", "exact"));
        }
        return "admin/clients";
    }

    @PostMapping("/admin/clients")
    String create(@RequestParam Map<String, String> form, @RequestParam(name = "scope", required = false) List<String> scopes,
            Principal operator, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        try {
            var registered = this.lifecycle.create(application(form), scopes(scopes), actor(operator));
            redirect.addFlashAttribute("secret", registered.clientSecret());
            redirect.addFlashAttribute("done", "create");
            return "redirect:/admin/clients/" + registered.client().clientId();
        }
        catch (ClientLifecycleException | IllegalArgumentException ex) {
            response.setStatus(400);
            model.addAttribute("error", ex.getMessage());
            model.addAttribute("form", form);
            return clients(model);
        }
    }

    @GetMapping("/admin/clients/{clientId}")
    String client(@PathVariable String clientId, Model model, HttpServletResponse response) {
        ClientView view;
        try {
            view = this.lifecycle.find(clientId);
        }
        catch (ClientLifecycleException ex) {
            response.setStatus(404);
            model.addAttribute("refusal", "unknown-client");
            model.addAttribute("subject", clientId);
            return "admin/refused";
        }
        model.addAttribute("view", view);
        model.addAttribute("client", view.client());
        model.addAttribute("typeName", typeName(view.client().type()));
        model.addAttribute("matchingName", view.client().redirectUriMatching() == RedirectUriMatching.EXACT ? "exact"
                : "orcid-prefix");
        return "admin/client";
    }

    @PostMapping("/admin/clients/{clientId}/edit")
    String edit(@PathVariable String clientId, @RequestParam Map<String, String> form,
            @RequestParam(name = "scope", required = false) List<String> scopes, Principal operator,
            RedirectAttributes redirect) {
        try {
            this.lifecycle.edit(clientId, application(form), scopes(scopes), actor(operator));
            redirect.addFlashAttribute("done", "edit");
        }
        catch (ClientLifecycleException | IllegalArgumentException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/admin/clients/" + clientId;
    }

    @PostMapping("/admin/clients/{clientId}/{action}")
    String act(@PathVariable String clientId, @PathVariable String action, Principal operator,
            RedirectAttributes redirect, Model model, HttpServletResponse response) {
        String actor = actor(operator);
        try {
            switch (action) {
                case "lock" -> this.lifecycle.lock(clientId, actor);
                case "deactivate" -> this.lifecycle.deactivate(clientId, actor);
                case "reactivate" -> this.lifecycle.reactivate(clientId, actor);
                case "revoke-tokens" -> redirect.addFlashAttribute("revoked", this.lifecycle.revokeTokens(clientId, actor));
                case "reset-secret" -> {
                    var reset = this.lifecycle.resetSecret(clientId, actor);
                    redirect.addFlashAttribute("secret", reset.clientSecret());
                    redirect.addFlashAttribute("previousSecretsEnd", reset.previousSecretsEnd().toString());
                }
                default -> {
                    response.setStatus(404);
                    model.addAttribute("refusal", "unknown-action");
                    model.addAttribute("subject", action);
                    return "admin/refused";
                }
            }
            redirect.addFlashAttribute("done", action);
        }
        catch (ClientLifecycleException ex) {
            if (ex.reason() == ClientLifecycleException.Reason.UNKNOWN_CLIENT) {
                response.setStatus(404);
                model.addAttribute("refusal", "unknown-client");
                model.addAttribute("subject", clientId);
                return "admin/refused";
            }
            redirect.addFlashAttribute("failure", ex.reason().name());
        }
        return "redirect:/admin/clients/" + clientId;
    }

    private static String actor(Principal operator) {
        return "operator " + operator.getName();
    }

    private static Application application(Map<String, String> form) {
        List<String> uris = Arrays.stream(form.getOrDefault("redirectUris", "").split("\\s+"))
            .filter(uri -> !uri.isBlank())
            .toList();
        ClientType type;
        try {
            type = ClientType.fromSeedName(form.getOrDefault("type", "member"));
        }
        catch (IllegalArgumentException ex) {
            type = null;
        }
        String matchingName = form.getOrDefault("matching", "exact");
        if (!matchingName.equals("exact") && !matchingName.equals("orcid-prefix")) {
            throw new IllegalArgumentException("The redirect URI matching must be exact or orcid-prefix.");
        }
        RedirectUriMatching matching = matchingName.equals("orcid-prefix") ? RedirectUriMatching.ORCID_PREFIX
                : RedirectUriMatching.EXACT;
        String description = form.get("description");
        return new Application(form.get("name"), description == null || description.isBlank() ? form.get("name")
                : description, form.get("website"), uris, type, matching);
    }

    private static Set<String> scopes(List<String> scopes) {
        return scopes == null ? new LinkedHashSet<>() : new LinkedHashSet<>(scopes);
    }

    static String typeName(ClientType type) {
        return switch (type) {
            case PUBLIC -> "public";
            case MEMBER -> "member";
            case PREMIUM_MEMBER -> "premium-member";
        };
    }

    /** For the form: the grantable extra scopes, in a stable order. */
    static Map<String, String> grantable() {
        Map<String, String> scopes = new LinkedHashMap<>();
        for (String scope : List.of("/webhook", "/premium-notification", "/email/read-private")) {
            scopes.put(scope, scope);
        }
        return scopes;
    }
}
