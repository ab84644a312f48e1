package org.orrery.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The scenarios run against a {@link Peer} as well: client credentials, refresh along one chain per worker (each
 * chain started with the password grant), and, given the peer's authorization endpoint, the cold dance and
 * userinfo ({@link PeerDance}). Nothing is assumed of the peer beyond RFC 6749 and OpenID Connect.
 */
final class PeerScenarios {

    static final List<String> ALL = List.of("dance", "userinfo", "refresh", "client-credentials");

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
            case "dance" -> dance();
            case "userinfo" -> userinfo();
            default -> throw new IllegalArgumentException("no peer scenario " + scenario + "; known: " + ALL);
        };
    }

    private Prepared dance() throws IOException {
        if (this.peer.authorizeEndpoint() == null) {
            return Prepared.skip("no --peer-authorize-endpoint");
        }
        PeerDance dance = new PeerDance(this.peer);
        dance.tokens("openid");
        return Prepared.ready(worker -> dance.tokens("openid"));
    }

    private Prepared userinfo() throws IOException {
        if (this.peer.authorizeEndpoint() == null || this.peer.userinfoEndpoint() == null) {
            return Prepared.skip("no --peer-authorize-endpoint and --peer-userinfo-endpoint");
        }
        PeerDance dance = new PeerDance(this.peer);
        String[] tokens = new String[this.concurrency];
        for (int w = 0; w < this.concurrency; w++) {
            tokens[w] = Web.jsonString(dance.tokens("openid"), "access_token");
        }
        String endpoint = this.peer.userinfoEndpoint();
        Web.expect(Web.get(endpoint, null, "Authorization", "Bearer " + tokens[0]), 200, "userinfo");
        return Prepared.ready(worker -> Web.expect(Web.get(endpoint, null, "Authorization", "Bearer " + tokens[worker]),
                200, "userinfo"));
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
