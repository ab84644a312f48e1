package org.orrery.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.orrery.clients.RedirectUriMatching;
import org.orrery.clients.RedirectUriPolicy;
import org.orrery.clients.Scopes;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Checks an authorization request's redirect URI and scopes.
 * <p>
 * Redirect URI (security rule 1, RFC 9700 §4.1.3): required, and equal byte for byte to a registered one; the
 * port of a loopback IP literal may differ (RFC 8252 §7.3). Clients flagged for ORCID's legacy rule match on
 * scheme, user-info, host and port, with the path as a prefix. A failure leaves the redirect URI out of the
 * error, so the researcher sees an error page and is never redirected.
 * <p>
 * Request objects (OpenID Connect Core §6): not supported, and discovery says so; a request that carries one
 * ({@code request}) gets {@code request_not_supported} at its validated redirect URI (§6.1), with the
 * {@code state} it carried, so that the client can match the answer to its request.
 * <p>
 * Scopes (ORCID): each must be known, three-legged, and allowed for the client; otherwise
 * {@code invalid_scope} "Invalid scope: X" goes back to the (validated) redirect URI.
 */
final class AuthorizationRequestValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        RegisteredClient client = context.getRegisteredClient();
        String redirectUri = request.getRedirectUri();
        if (redirectUri == null || redirectUri.isBlank()) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, "Please specify a redirect URL", request, null);
        }
        RedirectUriMatching matching = client.getClientSettings().getSetting(ClientRegistrationRepository.MATCHING_SETTING);
        if (!matchesRegistered(redirectUri, client.getRedirectUris(), matching)) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST,
                    "Redirect URI doesn't match your registered redirect URIs.", request, null);
        }
        if (request.getAdditionalParameters().containsKey("request")) {
            throw RequestObjects.notSupported(request, redirectUri);
        }
        Set<String> scopes = request.getScopes();
        if (scopes.isEmpty()) {
            throw error(OAuth2ErrorCodes.INVALID_SCOPE, "Please specify the desired scopes", request, redirectUri);
        }
        for (String scope : scopes) {
            if (!Scopes.isKnown(scope) || Scopes.isInternal(scope) || Scopes.isClientCredentialsOnly(scope)
                    || !client.getScopes().contains(scope)) {
                throw error(OAuth2ErrorCodes.INVALID_SCOPE, "Invalid scope: " + scope, request, redirectUri);
            }
        }
    }

    static boolean matchesRegistered(String requested, Set<String> registered, RedirectUriMatching matching) {
        if (registered.contains(requested)) {
            return true;
        }
        URI requestedUri = parse(requested);
        if (requestedUri == null || requestedUri.getRawFragment() != null) {
            return false;
        }
        for (String candidate : registered) {
            URI registeredUri = parse(candidate);
            if (registeredUri == null) {
                continue;
            }
            if (isLoopbackPortVariant(requestedUri, registeredUri)) {
                return true;
            }
            if (matching == RedirectUriMatching.ORCID_PREFIX && isOrcidPrefixMatch(requestedUri, registeredUri)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Same URI apart from the port, on http://127.0.0.1 or http://[::1]; the port is a real one (1 to 65535)
     * written plainly, so that {@code :0}, {@code :99999}, {@code :0080} or an empty port do not pass as one.
     */
    private static boolean isLoopbackPortVariant(URI requested, URI registered) {
        return "http".equals(requested.getScheme()) && "http".equals(registered.getScheme())
                && RedirectUriPolicy.isLoopbackLiteral(requested.getHost())
                && requested.getHost().equals(registered.getHost()) && requested.getRawUserInfo() == null
                && registered.getRawUserInfo() == null
                && requested.getRawAuthority().equals(requested.getHost() + portSuffix(requested.getPort()))
                && same(requested.getRawPath(), registered.getRawPath())
                && same(requested.getRawQuery(), registered.getRawQuery());
    }

    private static String portSuffix(int port) {
        return port == -1 ? "" : port >= 1 && port <= 65535 ? ":" + port : ":invalid";
    }

    /**
     * ORCID's legacy rule: scheme, user-info, host and port equal (as written, so an empty port {@code host:} is
     * not the registered {@code host}); the path starts with the registered path.
     */
    private static boolean isOrcidPrefixMatch(URI requested, URI registered) {
        return same(requested.getScheme(), registered.getScheme())
                && same(requested.getRawAuthority(), registered.getRawAuthority())
                && nullToEmpty(requested.getRawPath()).startsWith(nullToEmpty(registered.getRawPath()))
                && !climbsUp(requested.getRawPath()) && requested.getHost() != null;
    }

    /**
     * A {@code ..} segment, also with its dots percent-encoded: browsers resolve {@code %2e%2e} as {@code ..}
     * (WHATWG URL), so {@code /orcid/%2e%2e/admin} would leave the registered path. Encoded percent signs are
     * undone first, for a client's server that decodes twice ({@code %252e%252e}).
     */
    private static boolean climbsUp(String rawPath) {
        String path = nullToEmpty(rawPath).toLowerCase(Locale.ROOT);
        for (String undone = path.replace("%25", "%"); !undone.equals(path); undone = path.replace("%25", "%")) {
            path = undone;
        }
        return path.replace("%2e", ".").contains("/..");
    }

    /** An absolute URI of printable ASCII only (RFC 3986), or null: no invisible or look-alike characters. */
    private static URI parse(String uri) {
        if (!uri.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return null;
        }
        try {
            URI parsed = new URI(uri);
            return parsed.isAbsolute() ? parsed : null;
        }
        catch (URISyntaxException ex) {
            return null;
        }
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static OAuth2AuthorizationCodeRequestAuthenticationException error(String code, String description,
            OAuth2AuthorizationCodeRequestAuthenticationToken request, String validatedRedirectUri) {
        var withRedirect = new OAuth2AuthorizationCodeRequestAuthenticationToken(request.getAuthorizationUri(),
                request.getClientId(), (Authentication) request.getPrincipal(), validatedRedirectUri,
                request.getState(), request.getScopes(), request.getAdditionalParameters());
        return new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(code, description, null),
                withRedirect);
    }
}
