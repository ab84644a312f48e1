package org.orrery.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.orrery.clients.ApiClient;
import org.orrery.clients.ClientRepository;
import org.orrery.clients.ClientRepository.ActiveSecret;
import org.orrery.clients.ClientStates;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Presents Orrery's API clients to the authorization server. Clients are registered through the
 * {@code clients} feature, never through this repository.
 * <p>
 * The authorization server asks for the same client several times per token request, so found clients are kept
 * in a small cache (at most {@value #CACHE_SIZE} clients). Staleness is bounded: a change made through this
 * node's {@link ClientRepository} (new secret, reset, redirect URIs, type) takes effect at once; a change made on
 * another node takes effect here within {@link #CACHE_TIME_TO_LIVE}; a secret with an expiry never outlives it,
 * because an entry is dropped at the earliest expiry of the secrets it holds. Unknown client ids are not cached.
 */
@Component
public class ClientRegistrationRepository implements RegisteredClientRepository {

    static final String MATCHING_SETTING = "orrery.redirect-uri-matching";

    static final String CLIENT_TYPE_SETTING = "orrery.client-type";

    /** How long a cached client may lag a change made on another node. */
    static final Duration CACHE_TIME_TO_LIVE = Duration.ofSeconds(5);

    static final int CACHE_SIZE = 1000;

    private final ClientRepository clients;

    private final OrreryProperties properties;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private final ClientStates states;

    /** A client as loaded, the repository's change count before loading, and when it must be loaded again. */
    private record Cached(RegisteredClient client, long changeCount, Instant expiresAt) {
    }

    public ClientRegistrationRepository(ClientRepository clients, OrreryProperties properties, ClientStates states) {
        this.clients = clients;
        this.states = states;
        this.properties = properties;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("Clients are registered through developer tools or the seed file");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        if (clientId == null) {
            return null;
        }
        long changeCount = this.clients.changeCount();
        Instant now = Instant.now();
        Cached cached = this.cache.get(clientId);
        if (cached != null && cached.changeCount() == changeCount && now.isBefore(cached.expiresAt())) {
            return cached.client();
        }
        ApiClient client = this.clients.findById(clientId).orElse(null);
        if (client == null) {
            this.cache.remove(clientId);
            return null;
        }
        List<ActiveSecret> secrets = this.clients.activeSecrets(clientId);
        Instant expiresAt = now.plus(CACHE_TIME_TO_LIVE);
        for (ActiveSecret secret : secrets) {
            if (secret.expiresAt() != null && secret.expiresAt().isBefore(expiresAt)) {
                expiresAt = secret.expiresAt();
            }
        }
        RegisteredClient registered = toRegisteredClient(client, secrets.stream().map(ActiveSecret::hash).toList(),
                this.states.extraScopes(clientId));
        if (this.cache.size() >= CACHE_SIZE) {
            this.cache.clear();
        }
        this.cache.put(clientId, new Cached(registered, changeCount, expiresAt));
        return registered;
    }

    private RegisteredClient toRegisteredClient(ApiClient client, List<String> secretHashes,
            java.util.Set<String> extraScopes) {
        return RegisteredClient.withId(client.clientId())
            .clientId(client.clientId())
            .clientName(client.name())
            .clientSecret(String.join(",", secretHashes))
            .clientIdIssuedAt(client.createdAt())
            .clientAuthenticationMethods(methods -> {
                methods.add(ClientAuthenticationMethod.CLIENT_SECRET_POST);
                methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
            })
            .authorizationGrantTypes(grants -> {
                grants.add(AuthorizationGrantType.AUTHORIZATION_CODE);
                grants.add(AuthorizationGrantType.REFRESH_TOKEN);
                grants.add(AuthorizationGrantType.CLIENT_CREDENTIALS);
            })
            .redirectUris(uris -> uris.addAll(client.redirectUris()))
            .scopes(scopes -> {
                scopes.addAll(client.type().allowedScopes());
                scopes.addAll(extraScopes); // operator-granted (ClientLifecycle)
            })
            .clientSettings(ClientSettings.builder()
                .requireAuthorizationConsent(true)
                .requireProofKey(false)
                .setting(MATCHING_SETTING, client.redirectUriMatching())
                .setting(CLIENT_TYPE_SETTING, client.type())
                .build())
            .tokenSettings(TokenSettings.builder()
                .authorizationCodeTimeToLive(this.properties.codeTimeToLive())
                .accessTokenTimeToLive(this.properties.accessTokenTimeToLive())
                .refreshTokenTimeToLive(this.properties.accessTokenTimeToLive())
                .reuseRefreshTokens(false)
                .accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                .build())
            .build();
    }
}
