package org.orrery.clients;

import java.time.Instant;
import java.util.List;

/** A registered API client. Its secrets live apart, as hashes. */
public record ApiClient(String clientId, ClientType type, String name, String description, String website,
        List<String> redirectUris, RedirectUriMatching redirectUriMatching, String ownerOrcid, Instant createdAt) {

    public ApiClient {
        redirectUris = List.copyOf(redirectUris);
    }
}
