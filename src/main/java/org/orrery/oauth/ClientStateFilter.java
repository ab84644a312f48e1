package org.orrery.oauth;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.clients.ClientState;
import org.orrery.clients.ClientStates;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a locked or deactivated client (ORCID's {@code validateClientIsEnabled}), reading its state from the
 * database on every request so that a change made through any node holds at once (the client cache is not
 * trusted for this). At {@code /oauth/authorize}: Orrery's error page with {@code client_locked} or
 * {@code client_deactivated}, never a redirect. At the token endpoint, once the client has authenticated: 400
 * {@code unauthorized_client} "The client is locked" / "Client APP-... is deactivated".
 */
final class ClientStateFilter extends OncePerRequestFilter {

    private final ClientStates states;

    private final RequestMatcher endpoint;

    private final boolean authorize;

    private ClientStateFilter(ClientStates states, RequestMatcher endpoint, boolean authorize) {
        this.states = states;
        this.endpoint = endpoint;
        this.authorize = authorize;
    }

    static ClientStateFilter atAuthorize(ClientStates states, RequestMatcher endpoint) {
        var filter = new ClientStateFilter(states, endpoint, true);
        filter.setBeanName("clientStateAtAuthorize"); // each instance its own "once per request" mark
        return filter;
    }

    static ClientStateFilter atToken(ClientStates states, RequestMatcher endpoint) {
        var filter = new ClientStateFilter(states, endpoint, false);
        filter.setBeanName("clientStateAtToken");
        return filter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!this.endpoint.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        String clientId = clientId(request);
        Optional<ClientState> state = clientId == null ? Optional.empty() : this.states.stateOf(clientId);
        if (state.isEmpty() || state.get() == ClientState.ACTIVE) {
            chain.doFilter(request, response);
            return;
        }
        boolean locked = state.get() == ClientState.LOCKED;
        if (this.authorize) {
            AuthorizationResponder.showErrorPage(request, response, locked
                    ? "client_locked: the application " + clientId + " is locked."
                    : "client_deactivated: the application " + clientId + " is deactivated.");
            return;
        }
        response.setStatus(400);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"error\":\"unauthorized_client\",\"error_description\":\""
                + (locked ? "The client is locked" : "Client " + clientId + " is deactivated") + "\"}");
    }

    private String clientId(HttpServletRequest request) {
        if (this.authorize) {
            return request.getParameter("client_id");
        }
        if (SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2ClientAuthenticationToken client
                && client.getRegisteredClient() != null) {
            return client.getRegisteredClient().getClientId();
        }
        return null;
    }
}
