package org.orrery.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The scenarios run against a {@link Peer} as well: client credentials, and refresh along one chain per worker,
 * each chain started with the password grant. Nothing is assumed of the peer beyond RFC 6749.
 */
final class PeerScenarios {

    static final List<String> ALL = List.of("refresh", "client-credentials");

    private final Peer peer;

    private final TokenClient client;

    private final int concurrency;

    PeerScenarios(Peer peer, int concurrency) {
        this.peer = peer;
        this.client = peer.client();
        this.concurrency = concurrency;
    }

    Prepared prepare(String scenario) throws IOException {
        return switch (scenario) {
            case "client-credentials" -> GrantScenarios.clientCredentials(this.client, this.peer.scope());
            case "refresh" -> refresh();
            default -> throw new IllegalArgumentException("no peer scenario " + scenario + "; known: " + ALL);
        };
    }

    private Prepared refresh() throws IOException {
        if (this.peer.username() == null) {
            return Prepared.skip("no --peer-username to start refresh chains with the password grant");
        }
        String[] chains = new String[this.concurrency];
        for (int w = 0; w < this.concurrency; w++) {
            HttpResponse<String> answer = this.peer.scope() == null
                    ? this.client.grant("password", "username", this.peer.username(), "password", this.peer.password())
                    : this.client.grant("password", "username", this.peer.username(), "password", this.peer.password(),
                            "scope", this.peer.scope());
            if (answer.statusCode() != 200) {
                return Prepared.skip("password grant: server answers " + answer.statusCode() + " " + answer.body());
            }
            chains[w] = Web.jsonString(answer.body(), "refresh_token");
            if (chains[w] == null) {
                return Prepared.skip("the password grant's answer has no refresh_token");
            }
        }
        return GrantScenarios.refresh(this.client, chains);
    }
}
