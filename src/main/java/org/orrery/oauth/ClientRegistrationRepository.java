package org.orrery.oauth;

import java.util.List;

import org.orrery.clients.ApiClient;
import org.orrery.clients.ClientRepository;
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
 */
@Component
public class ClientRegistrationRepository implements RegisteredClientRepository {

    static final String MATCHING_SETTING = "orrery.redirect-uri-matching";

    static final String CLIENT_TYPE_SETTING = "orrery.client-type";

    private final ClientRepository clients;

    private final OrreryProperties properties;

    public ClientRegistrationRepository(ClientRepository clients, OrreryProperties properties) {
        this.clients = clients;
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
        return this.clients.findById(clientId).map(this::toRegisteredClient).orElse(null);
    }

    private RegisteredClient toRegisteredClient(ApiClient client) {
        List<String> secretHashes = this.clients.activeSecretHashes(client.clientId());
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
            .scopes(scopes -> scopes.addAll(client.type().allowedScopes()))
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
