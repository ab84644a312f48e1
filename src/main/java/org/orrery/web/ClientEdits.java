package org.orrery.web;

import org.orrery.clients.ApiClient;
import org.orrery.clients.ClientRegistration;
import org.orrery.clients.ClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes what an owner may change of their client (name, description, website, redirect URIs); its id, type,
 * redirect URI matching, owner, creation time and secrets stay. The caller validates first.
 */
@Service
class ClientEdits {

    private final ClientRepository clients;

    ClientEdits(ClientRepository clients) {
        this.clients = clients;
    }

    @Transactional
    void apply(ApiClient client, ClientRegistration.Application application) {
        String website = application.website() == null || application.website().isBlank() ? null
                : application.website().trim();
        this.clients.update(new ApiClient(client.clientId(), client.type(), application.name().trim(),
                application.description().trim(), website,
                application.redirectUris().stream().map(String::trim).toList(), client.redirectUriMatching(),
                client.ownerOrcid(), client.createdAt()));
    }
}
