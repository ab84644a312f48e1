package org.orrery.oauth;

import org.orrery.clients.SecretHasher;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a presented client secret against the client's stored SHA-256 hashes (comma-separated when several
 * secrets are active, as after a reset). Secrets are server-generated 256-bit values, so a fast hash suffices:
 * a slow password hash here would cap token throughput without adding security.
 */
final class ClientSecretMatcher implements PasswordEncoder {

    @Override
    public String encode(CharSequence rawSecret) {
        return SecretHasher.sha256(rawSecret.toString());
    }

    @Override
    public boolean matches(CharSequence rawSecret, String storedHashes) {
        if (rawSecret == null || storedHashes == null || storedHashes.isEmpty()) {
            return false;
        }
        String presented = SecretHasher.sha256(rawSecret.toString());
        boolean matched = false;
        for (String hash : storedHashes.split(",")) {
            matched |= SecretHasher.sameHash(presented, hash);
        }
        return matched;
    }
}
