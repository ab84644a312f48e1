package org.orrery.bench;

import java.util.Locale;
import java.util.Map;

/**
 * Another OAuth server to measure side by side with Orrery, known only by its token endpoint and a confidential
 * client of it (optionally a user for the password grant, which starts the refresh chains, and its process id
 * for CPU and RSS).
 */
record Peer(String label, String tokenEndpoint, String clientId, String clientSecret, String scope,
        TokenClient.Authentication clientAuthentication, String username, String password, long pid,
        String authorizeEndpoint, String userinfoEndpoint, String redirectUri) {

    /** The peer described by the {@code --peer-*} options (removed from {@code given}), or null when there is none. */
    static Peer from(Map<String, String> given) {
        String endpoint = given.remove("peer-token-endpoint");
        String label = given.remove("peer-label");
        String clientId = given.remove("peer-client-id");
        String secret = given.remove("peer-client-secret");
        String scope = given.remove("peer-scope");
        String auth = given.remove("peer-client-auth");
        String username = given.remove("peer-username");
        String password = given.remove("peer-password");
        String pid = given.remove("peer-pid");
        String authorize = given.remove("peer-authorize-endpoint");
        String userinfo = given.remove("peer-userinfo-endpoint");
        String redirect = given.remove("peer-redirect-uri");
        if (endpoint == null) {
            if (label != null || clientId != null || secret != null || scope != null || auth != null
                    || username != null || password != null || pid != null || authorize != null || userinfo != null
                    || redirect != null) {
                throw new IllegalArgumentException("the --peer-* options need --peer-token-endpoint");
            }
            return null;
        }
        if (clientId == null || secret == null) {
            throw new IllegalArgumentException("--peer-token-endpoint needs --peer-client-id and --peer-client-secret");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("give both --peer-username and --peer-password, or neither");
        }
        if ((authorize == null) != (redirect == null) || (authorize != null && username == null)) {
            throw new IllegalArgumentException("--peer-authorize-endpoint needs --peer-redirect-uri and a --peer-username");
        }
        TokenClient.Authentication authentication = switch (auth == null ? "basic" : auth) {
            case "basic" -> TokenClient.Authentication.BASIC;
            case "post" -> TokenClient.Authentication.POST;
            default -> throw new IllegalArgumentException("--peer-client-auth is basic or post, not " + auth);
        };
        return new Peer(label == null ? "peer" : label, endpoint, clientId, secret, scope, authentication, username,
                password, pid == null ? -1 : Long.parseLong(pid), authorize, userinfo, redirect);
    }

    TokenClient client() {
        return new TokenClient(this.tokenEndpoint, this.clientId, this.clientSecret, this.clientAuthentication);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s, client %s, %s)", this.label, this.tokenEndpoint, this.clientId,
                this.clientAuthentication.name().toLowerCase(Locale.ROOT));
    }
}
