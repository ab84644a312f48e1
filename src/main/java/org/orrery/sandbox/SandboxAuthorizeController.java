package org.orrery.sandbox;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.oauth.BrowserlessAuthorization;
import org.orrery.registry.OrcidId;
import org.orrery.registry.ResearcherRepository;
import org.orrery.registry.ResearcherUserDetailsService;
import org.orrery.system.SandboxMode;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code POST /sandbox/oauth/authorize}: the browser flow's outcome without a browser. The client authenticates
 * as at the token endpoint and names the researcher to act as ({@code orcid}); the request then runs through the
 * real authorization endpoint as that researcher, who counts as having pressed "Authorize access". The answer is
 * the browser flow's last redirect (code, state and iss; the fragment for implicit requests) or its error
 * redirect or page.
 */
@Controller
class SandboxAuthorizeController {

    static final String PATH = "/sandbox/oauth/authorize";

    /** The authorization request's parameters that are passed on; {@code client_id} is the authenticated one. */
    private static final List<String> PASSED_ON = List.of("response_type", "scope", "redirect_uri", "state", "nonce",
            "code_challenge", "code_challenge_method");

    private final SandboxMode sandbox;

    private final BrowserlessAuthorization authorization;

    private final ResearcherRepository researchers;

    private final ResearcherUserDetailsService users;

    SandboxAuthorizeController(SandboxMode sandbox, BrowserlessAuthorization authorization,
            ResearcherRepository researchers, ResearcherUserDetailsService users) {
        this.sandbox = sandbox;
        this.authorization = authorization;
        this.researchers = researchers;
        this.users = users;
    }

    @PostMapping(PATH)
    void authorize(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!this.sandbox.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String clientId = this.authorization.authenticateClient(request, response);
        if (clientId == null) {
            return;
        }
        String named = request.getParameter("client_id");
        if (named != null && !named.equals(clientId)) {
            this.authorization.refuse(request, response, "invalid_client",
                    "client_id does not match the authenticated client");
            return;
        }
        String orcid = single(request, "orcid");
        if (orcid == null || orcid.isBlank()) {
            this.authorization.refuse(request, response, "invalid_request",
                    "Please specify the researcher to act as (orcid)");
            return;
        }
        orcid = orcid.trim();
        if (!OrcidId.isValid(orcid) || this.researchers.findByOrcid(orcid).isEmpty()) {
            this.authorization.refuse(request, response, "invalid_request", "No researcher with the iD " + orcid
                    + " on this registry");
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", clientId);
        for (String name : PASSED_ON) {
            String[] values = request.getParameterValues(name);
            if (values != null && values.length > 1) {
                this.authorization.refuse(request, response, "invalid_request",
                        "OAuth 2.0 Parameter: " + name + " is repeated");
                return;
            }
            parameters.put(name, values == null ? null : values[0]);
        }
        UserDetails user = this.users.loadUserByUsername(orcid);
        if (!user.isEnabled() || !user.isAccountNonLocked()) {
            this.authorization.refuse(request, response, "invalid_request", "The researcher " + orcid
                    + " cannot sign in, so cannot authorize");
            return;
        }
        var researcher = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        // As if they had just signed in: the ID token's auth_time and max_age checks see this moment.
        this.researchers.recordSignIn(orcid, Instant.now());
        this.authorization.authorize(request, response, parameters, researcher);
    }

    private static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null || values.length != 1 ? null : values[0];
    }
}
