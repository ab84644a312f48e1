package org.orrery.oauth;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.clients.RedirectUriMatching;
import org.orrery.clients.Scopes;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The implicit flow on {@code /oauth/authorize} ({@code response_type=token}, {@code id_token token}, or
 * {@code id_token}, which ORCID upgrades to {@code id_token token}). The authorization server has no implicit
 * grant, so this filter answers these requests before it: the same client and redirect-URI checks (an error page
 * when they fail), then only {@code /authenticate} and {@code openid} may be asked for, a nonce is required with
 * an ID token, and answers go in the fragment. A researcher who is not signed in signs in first; one who has not
 * yet granted exactly these scopes sees the consent screen.
 */
final class ImplicitGrantFilter extends OncePerRequestFilter {

    static final String SESSION_PREFIX = ImplicitRequest.class.getName() + ".";

    private static final Set<String> IMPLICIT_SCOPES = Set.of(Scopes.AUTHENTICATE, Scopes.OPENID);

    private final RegisteredClientRepository clients;

    private final TrustedOrganizations trusted;

    private final ImplicitTokenIssuer issuer;

    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    private final SecureRandom random = new SecureRandom();

    ImplicitGrantFilter(RegisteredClientRepository clients, TrustedOrganizations trusted, ImplicitTokenIssuer issuer) {
        this.clients = clients;
        this.trusted = trusted;
        this.issuer = issuer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String responseType = request.getParameter("response_type");
        return !"GET".equals(request.getMethod()) || !AuthorizationServerConfig.AUTHORIZE.equals(path)
                || responseType == null || responseType.trim().equals("code");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RegisteredClient client = this.clients.findByClientId(request.getParameter("client_id"));
        String redirectUri = request.getParameter("redirect_uri");
        if (client == null) {
            AuthorizationResponder.showErrorPage(request, response, "The application is not registered with this registry (unknown client id).");
            return;
        }
        RedirectUriMatching matching = client.getClientSettings().getSetting(ClientRegistrationRepository.MATCHING_SETTING);
        if (redirectUri == null || !AuthorizationRequestValidator.matchesRegistered(redirectUri, client.getRedirectUris(), matching)) {
            AuthorizationResponder.showErrorPage(request, response, "The provided redirect URI " + (redirectUri == null ? "" : redirectUri + " ")
                    + "does not match the redirect URIs registered by this application.");
            return;
        }
        String state = request.getParameter("state");
        Set<String> types = ScopeNormalizingConverter.normalizeKeepingAll(Set.of(request.getParameter("response_type")));
        Set<String> scopes = ScopeNormalizingConverter.normalize(Set.of(nullToEmpty(request.getParameter("scope"))));
        if (!Set.of("token", "id_token").containsAll(types)) {
            ImplicitTokenIssuer.redirectWithError(response, redirectUri, "unsupported_response_type",
                    "Unsupported response type.", state);
            return;
        }
        for (String scope : scopes) {
            if (!IMPLICIT_SCOPES.contains(scope) || !client.getScopes().contains(scope)) {
                ImplicitTokenIssuer.redirectWithError(response, redirectUri, "invalid_scope", "Invalid scope: " + scope,
                        state);
                return;
            }
        }
        if (scopes.isEmpty()) {
            ImplicitTokenIssuer.redirectWithError(response, redirectUri, "invalid_scope",
                    "Please specify the desired scopes", state);
            return;
        }
        boolean idToken = types.contains("id_token");
        String nonce = request.getParameter("nonce");
        if (idToken && (!scopes.contains(Scopes.OPENID) || nonce == null || nonce.isBlank())) {
            ImplicitTokenIssuer.redirectWithError(response, redirectUri, "invalid_request",
                    "Implicit id_token requests must have nonce", state);
            return;
        }
        String prompt = nullToEmpty(request.getParameter("prompt"));
        Authentication researcher = SecurityContextHolder.getContext().getAuthentication();
        if (researcher == null || !researcher.isAuthenticated() || researcher instanceof AnonymousAuthenticationToken) {
            if (prompt.contains("none")) {
                ImplicitTokenIssuer.redirectWithError(response, redirectUri, "login_required", null, state);
                return;
            }
            this.requests.saveRequest(request, response);
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", request.getContextPath() + "/signin?oauth&" + request.getQueryString());
            return;
        }
        var pending = new ImplicitRequest(client.getClientId(), redirectUri, scopes, state, nonce, idToken);
        if (SandboxConsent.isGiven()
                || !prompt.contains("confirm") && this.trusted.remembers(researcher.getName(), client.getClientId(), scopes)) {
            this.issuer.issue(pending, researcher, response);
            return;
        }
        if (prompt.contains("none")) {
            ImplicitTokenIssuer.redirectWithError(response, redirectUri, "interaction_required", null, state);
            return;
        }
        byte[] bytes = new byte[24];
        this.random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        request.getSession().setAttribute(SESSION_PREFIX + key, pending);
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", request.getContextPath() + ImplicitConsentController.PATH + "?key=" + key);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
