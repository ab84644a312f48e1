package org.orrery.oauth;

import java.io.IOException;
import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.orrery.clients.ClientRepository;
import org.orrery.registry.ResearcherRepository;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The consent screen of the implicit flow. The decision is a CSRF-protected form post; the pending request is
 * taken from the session once, so a decision cannot be replayed.
 */
@Controller
class ImplicitConsentController {

    static final String PATH = "/oauth/consent/implicit";

    private final ClientRepository clients;

    private final ResearcherRepository researchers;

    private final ImplicitTokenIssuer issuer;

    ImplicitConsentController(ClientRepository clients, ResearcherRepository researchers, ImplicitTokenIssuer issuer) {
        this.clients = clients;
        this.researchers = researchers;
        this.issuer = issuer;
    }

    @GetMapping(PATH)
    String consent(@RequestParam(name = "key", required = false) String key, HttpSession session, Principal principal,
            Model model, HttpServletResponse response) {
        ImplicitRequest pending = key == null ? null
                : (ImplicitRequest) session.getAttribute(ImplicitGrantFilter.SESSION_PREFIX + key);
        var client = pending == null ? null : this.clients.findById(pending.clientId()).orElse(null);
        var researcher = this.researchers.findByOrcid(principal.getName()).orElse(null);
        if (client == null || researcher == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("messageKey", "oauth.error.expired");
            return "oauth/error";
        }
        model.addAttribute("client", client);
        model.addAttribute("researcher", researcher);
        model.addAttribute("scopeLines", ConsentController.scopeLines(pending.scopes()));
        model.addAttribute("key", key);
        return "oauth/consent";
    }

    @PostMapping(PATH)
    String decide(@RequestParam(name = "key", required = false) String key,
            @RequestParam(name = "decision", required = false) String decision, HttpSession session,
            Authentication researcher, Model model, HttpServletResponse response) throws IOException {
        String attribute = ImplicitGrantFilter.SESSION_PREFIX + key;
        ImplicitRequest pending = key == null ? null : (ImplicitRequest) session.getAttribute(attribute);
        if (pending == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("messageKey", "oauth.error.expired");
            return "oauth/error";
        }
        session.removeAttribute(attribute);
        if ("authorize".equals(decision)) {
            this.issuer.issue(pending, researcher, response);
        }
        else {
            ImplicitTokenIssuer.redirectWithError(response, pending.redirectUri(), "access_denied", "User denied access",
                    pending.state());
        }
        return null;
    }
}
