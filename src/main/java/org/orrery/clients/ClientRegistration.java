package org.orrery.clients;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.orrery.system.PlainText;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers API clients: mints ids ({@code APP-} and sixteen of {@code [0-9A-Z]}) and secrets, checks redirect
 * URIs, stores each secret only as its hash, and resets a client's secret.
 */
@Service
@EnableConfigurationProperties(ClientProperties.class)
public class ClientRegistration {

    public static final Pattern CLIENT_ID = Pattern.compile("APP-[0-9A-Z]{16}");

    private static final String ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final ClientRepository clients;

    private final ClientProperties properties;

    private final SecureRandom random = new SecureRandom();

    public ClientRegistration(ClientRepository clients, ClientProperties properties) {
        this.clients = clients;
        this.properties = properties;
    }

    /** A client as a form or a seed file describes it. */
    public record Application(String name, String description, String website, List<String> redirectUris,
            ClientType type, RedirectUriMatching matching) {
    }

    /** The stored client and the secret in clear, which is shown once and never again. */
    public record Registered(ApiClient client, String clientSecret) {
    }

    /** A client's new secret in clear, shown once and never again, and when its previous secrets stop working. */
    public record SecretReset(String clientSecret, Instant previousSecretsEnd) {
    }

    /** How long a client's previous secrets keep working after a reset. */
    public Duration secretGracePeriod() {
        return this.properties.secretGracePeriod();
    }

    /** Field name to message; empty when the application can be accepted. */
    public Map<String, String> validate(Application application) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (application.name() == null || application.name().isBlank()) {
            errors.put("name", "Please enter the application's name.");
        }
        else if (application.name().length() > 150) {
            errors.put("name", "The name must be at most 150 characters.");
        }
        else if (PlainText.hasForbiddenCharacters(application.name(), false)) {
            errors.put("name", "The name may not contain control characters.");
        }
        if (application.description() == null || application.description().isBlank()) {
            errors.put("description", "Please describe the application.");
        }
        else if (application.description().length() > 1000) {
            errors.put("description", "The description must be at most 1000 characters.");
        }
        else if (PlainText.hasForbiddenCharacters(application.description(), true)) {
            errors.put("description", "The description may not contain control characters.");
        }
        if (application.website() != null && !application.website().isBlank()
                && !RedirectUriPolicy.isWebAddress(application.website())) {
            errors.put("website", "The website must be an http or https address.");
        }
        if (application.redirectUris() == null || application.redirectUris().isEmpty()) {
            errors.put("redirectUris", "At least one redirect URI must be registered.");
        }
        else {
            for (String uri : application.redirectUris()) {
                String problem = RedirectUriPolicy.problemWith(uri);
                if (problem != null) {
                    errors.put("redirectUris", problem);
                    break;
                }
            }
        }
        return errors;
    }

    /** Registers a new client with a minted id and a generated secret. */
    @Transactional
    public Registered register(Application application, String ownerOrcid) {
        Map<String, String> errors = validate(application);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.values().iterator().next());
        }
        String secret = newSecret();
        ApiClient client = toClient(newClientId(), application, ownerOrcid);
        this.clients.insert(client);
        this.clients.addSecretHash(client.clientId(), SecretHasher.sha256(secret));
        return new Registered(client, secret);
    }

    /**
     * Creates or updates a client under a chosen id (sandbox seeding). With a null secret a new client gets a
     * generated one (returned) and an existing client keeps its secrets.
     */
    @Transactional
    public Registered upsert(String clientId, Application application, String secret) {
        ApiClient client = toClient(clientId, application, null);
        var existing = this.clients.findById(clientId);
        String generated = null;
        if (existing.isPresent()) {
            client = new ApiClient(clientId, client.type(), client.name(), client.description(), client.website(),
                    client.redirectUris(), client.redirectUriMatching(), existing.get().ownerOrcid(),
                    existing.get().createdAt());
            if (!existing.get().equals(client)) {
                this.clients.update(client);
            }
        }
        else {
            this.clients.insert(client);
        }
        if (secret != null) {
            this.clients.replaceSecrets(clientId, SecretHasher.sha256(secret));
        }
        else if (existing.isEmpty()) {
            generated = newSecret();
            this.clients.addSecretHash(clientId, SecretHasher.sha256(generated));
        }
        return new Registered(client, generated);
    }

    /**
     * Gives a client a new secret. Its previous secrets keep working through the grace period and then stop, as
     * ORCID's do after a reset, so that the integration can switch to the new one without an interruption.
     */
    @Transactional
    public SecretReset resetSecret(String clientId) {
        Instant end = Instant.now().plus(this.properties.secretGracePeriod());
        this.clients.expireSecrets(clientId, end);
        String secret = newSecret();
        this.clients.addSecretHash(clientId, SecretHasher.sha256(secret));
        return new SecretReset(secret, end);
    }

    private ApiClient toClient(String clientId, Application application, String ownerOrcid) {
        String website = application.website() == null || application.website().isBlank() ? null
                : application.website().trim();
        List<String> uris = new ArrayList<>();
        for (String uri : application.redirectUris()) {
            uris.add(uri.trim());
        }
        return new ApiClient(clientId, application.type(), application.name().trim(),
                application.description().trim(), website, uris,
                application.matching() == null ? RedirectUriMatching.EXACT : application.matching(), ownerOrcid,
                Instant.now());
    }

    /** A fresh, unused client id. */
    public String newClientId() {
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder id = new StringBuilder("APP-");
            for (int i = 0; i < 16; i++) {
                id.append(ID_ALPHABET.charAt(this.random.nextInt(ID_ALPHABET.length())));
            }
            if (this.clients.findById(id.toString()).isEmpty()) {
                return id.toString();
            }
        }
        throw new IllegalStateException("Could not mint an unused client id");
    }

    /** 256 random bits, URL-safe. */
    private String newSecret() {
        byte[] bytes = new byte[32];
        this.random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
