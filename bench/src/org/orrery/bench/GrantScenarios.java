package org.orrery.bench;

import java.io.IOException;
import java.net.http.HttpResponse;

/**
 * The token-endpoint scenarios that any standards-following server can run, so that Orrery and a peer are
 * measured by the same code: client credentials, and refresh along one chain per worker. Each grant is probed
 * first; a server that refuses it makes the scenario skipped with its answer as the reason.
 */
final class GrantScenarios {

    private GrantScenarios() {
    }

    /** {@code grant_type=client_credentials}, with this scope or (null) none. */
    static Prepared clientCredentials(TokenClient client, String scope) throws IOException {
        String[] parameters = scope == null ? new String[0] : new String[] { "scope", scope };
        HttpResponse<String> probe = client.grant("client_credentials", parameters);
        if (probe.statusCode() != 200) {
            return Prepared.skip("server answers " + probe.statusCode() + " " + probe.body());
        }
        return Prepared.ready(worker -> Web.expect(client.grant("client_credentials", parameters), 200,
                "client credentials"));
    }

    /**
     * {@code grant_type=refresh_token}, worker {@code w} along {@code chains[w]}, keeping the refresh token each
     * answer returns (rotation). The first chain is refreshed twice before, so that a server which rotates and
     * then refuses the old token is caught here rather than in the measurement.
     */
    static Prepared refresh(TokenClient client, String[] chains) throws IOException {
        for (int twice = 0; twice < 2; twice++) {
            HttpResponse<String> probe = client.grant("refresh_token", "refresh_token", chains[0]);
            if (probe.statusCode() != 200) {
                return Prepared.skip("refresh " + (twice + 1) + " of a chain: server answers " + probe.statusCode()
                        + " " + probe.body());
            }
            chains[0] = next(probe, chains[0]);
        }
        return Prepared.ready(worker -> {
            HttpResponse<String> refreshed = client.grant("refresh_token", "refresh_token", chains[worker]);
            Web.expect(refreshed, 200, "refresh");
            chains[worker] = next(refreshed, chains[worker]);
        });
    }

    private static String next(HttpResponse<String> refreshed, String current) {
        String rotated = Web.jsonString(refreshed.body(), "refresh_token");
        return rotated != null ? rotated : current;
    }
}
