package org.orrery.oauth;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.clients.RedirectUriMatching;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Where to send the error of an authorization request the framework refused while parsing it (no
 * {@code response_type}, an unsupported one, a repeated {@code state} or {@code scope}): to its redirect URI when
 * the request names exactly one known client and exactly one redirect URI registered by it, as RFC 6749 §4.1.2.1
 * requires; otherwise nowhere, and the researcher sees the error page (RFC 9700 §4.11).
 */
final class UnparsedRequestRedirect {

    private final RegisteredClientRepository clients;

    UnparsedRequestRedirect(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    /** The validated redirect URI, or null when the error must not be redirected. */
    String validatedRedirectUri(HttpServletRequest request) {
        String clientId = single(request, OAuth2ParameterNames.CLIENT_ID);
        String redirectUri = single(request, OAuth2ParameterNames.REDIRECT_URI);
        if (clientId == null || redirectUri == null || clientId.isBlank() || redirectUri.isBlank()) {
            return null;
        }
        RegisteredClient client = this.clients.findByClientId(clientId);
        if (client == null) {
            return null;
        }
        RedirectUriMatching matching = client.getClientSettings()
            .getSetting(ClientRegistrationRepository.MATCHING_SETTING);
        return AuthorizationRequestValidator.matchesRegistered(redirectUri, client.getRedirectUris(), matching)
                ? redirectUri : null;
    }

    /** The parameter's value when it is sent exactly once, else null. */
    static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values != null && values.length == 1 ? values[0] : null;
    }
}
