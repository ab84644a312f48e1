package org.orrery.oauth;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.orrery.clients.ApiClient;
import org.orrery.clients.ClientRepository;
import org.orrery.registry.Researcher;
import org.orrery.registry.ResearcherRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The consent screen: what the application is, what it asks for, who is signed in, and the two buttons. The
 * decision is posted back to {@code /oauth/authorize}, where the authorization server checks it.
 */
@Controller
class ConsentController {

    private final ClientRepository clients;

    private final ResearcherRepository researchers;

    ConsentController(ClientRepository clients, ResearcherRepository researchers) {
        this.clients = clients;
        this.researchers = researchers;
    }

    @GetMapping("/oauth/consent")
    String consent(@RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "scope", required = false) String scope,
            @RequestParam(name = "state", required = false) String state, Principal principal, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        ApiClient client = clientId == null ? null : this.clients.findById(clientId).orElse(null);
        Researcher researcher = this.researchers.findByOrcid(principal.getName()).orElse(null);
        if (client == null || researcher == null || state == null || state.isBlank()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("messageKey", "oauth.error.incomplete");
            return "oauth/error";
        }
        Set<String> scopes = new LinkedHashSet<>();
        if (scope != null) {
            for (String value : scope.split(" ")) {
                if (!value.isBlank()) {
                    scopes.add(value);
                }
            }
        }
        model.addAttribute("client", client);
        model.addAttribute("researcher", researcher);
        model.addAttribute("scopes", scopes);
        model.addAttribute("scopeLines", scopeLines(scopes));
        model.addAttribute("state", state);
        return "oauth/consent";
    }

    /** ORCID's wording (as message keys, with icons), one line per requested scope, without repeating a line. */
    static List<ScopeDescriptions.ScopeLine> scopeLines(Set<String> scopes) {
        return ScopeDescriptions.lines(scopes);
    }
}
