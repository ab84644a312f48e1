package org.orrery.oauth;

import java.io.Serializable;
import java.util.Set;

/**
 * A validated implicit-flow authorization request ({@code response_type=token}, {@code id_token token}) waiting
 * for the researcher's decision. Kept in the HTTP session, which lives in the database: any node can finish it.
 */
record ImplicitRequest(String clientId, String redirectUri, Set<String> scopes, String state, String nonce,
        boolean idToken) implements Serializable {
}
