package org.orrery.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.orrery.oauth.OrreryProperties;
import org.orrery.system.SandboxMode;
import org.orrery.system.SandboxSeeder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /sandbox}: the seeded researchers (iD, name, email, seed password) and clients (id, secret,
 * redirect URIs and a ready-to-paste authorize URL), with links to the sandbox's mail page and reset. A page for
 * people; JSON for {@code Accept: application/json}.
 */
@Controller
class SandboxPageController {

    static final String PATH = "/sandbox";

    static final String MAIL_PAGE = "/sandbox/mail";

    private final SandboxMode sandbox;

    private final SandboxSeeder seeder;

    private final String baseUrl;

    SandboxPageController(SandboxMode sandbox, SandboxSeeder seeder, OrreryProperties properties) {
        this.sandbox = sandbox;
        this.seeder = seeder;
        this.baseUrl = properties.baseUrl();
    }

    /** A seeded client with its authorize URL. */
    record ClientView(String clientId, String secret, String name, String type, List<String> redirectUris,
            String authorizeUrl) {
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> json() {
        if (!this.sandbox.enabled()) {
            return ResponseEntity.notFound().build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> researchers = new ArrayList<>();
        for (SandboxSeeder.SeededResearcher r : this.seeder.seededResearchers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("orcid", r.orcid());
            entry.put("name", r.name());
            entry.put("email", r.email());
            entry.put("password", r.password());
            researchers.add(entry);
        }
        List<Map<String, Object>> clients = new ArrayList<>();
        for (ClientView c : clients()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("client_id", c.clientId());
            entry.put("client_secret", c.secret());
            entry.put("name", c.name());
            entry.put("type", c.type());
            entry.put("redirect_uris", c.redirectUris());
            entry.put("authorize_url", c.authorizeUrl());
            clients.add(entry);
        }
        body.put("researchers", researchers);
        body.put("clients", clients);
        body.put("mail", this.baseUrl + MAIL_PAGE);
        body.put("reset", this.baseUrl + SandboxResetController.PATH);
        body.put("authorize", this.baseUrl + SandboxAuthorizeController.PATH);
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(body);
    }

    @GetMapping(PATH)
    String page(Model model, HttpServletResponse response) throws java.io.IOException {
        if (!this.sandbox.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return null;
        }
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("researchers", this.seeder.seededResearchers());
        model.addAttribute("clients", clients());
        model.addAttribute("mailPage", MAIL_PAGE);
        model.addAttribute("resetUrl", this.baseUrl + SandboxResetController.PATH);
        return "sandbox/overview";
    }

    private List<ClientView> clients() {
        List<ClientView> views = new ArrayList<>();
        for (SandboxSeeder.SeededClient c : this.seeder.seededClients()) {
            String scope = "PUBLIC".equals(c.type()) ? "/authenticate" : "/read-limited";
            String authorize = c.clientId() == null || c.redirectUris().isEmpty() ? null
                    : this.baseUrl + "/oauth/authorize?client_id=" + enc(c.clientId()) + "&response_type=code&scope="
                            + enc(scope) + "&redirect_uri=" + enc(c.redirectUris().get(0));
            views.add(new ClientView(c.clientId(), c.secret(), c.name(), c.type().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-'), c.redirectUris(), authorize));
        }
        return views;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
