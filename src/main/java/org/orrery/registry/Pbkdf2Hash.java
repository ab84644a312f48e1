package org.orrery.registry;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * PBKDF2-HMAC-SHA256 from the JDK, stored as {@code sha256:i=<iterations>$<salt>$<hash>} (base64), so that the
 * hash names its own parameters (Spring's own PBKDF2 encoder does not store the iteration count).
 */
final class Pbkdf2Hash implements PasswordEncoder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    Pbkdf2Hash(int iterations) {
        this.iterations = iterations;
    }

    @Override
    public String encode(CharSequence password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "sha256:i=" + this.iterations + "$" + b64(salt) + "$" + b64(derive(password, salt, this.iterations));
    }

    @Override
    public boolean matches(CharSequence password, String encoded) {
        if (encoded == null || !encoded.startsWith("sha256:i=")) {
            return false;
        }
        String[] parts = encoded.substring("sha256:i=".length()).split("\\$");
        try {
            int rounds = Integer.parseInt(parts[0]);
            if (parts.length != 3 || rounds < 1 || rounds > 10_000_000) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            return MessageDigest.isEqual(expected, derive(password, salt, rounds));
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private static byte[] derive(CharSequence password, byte[] salt, int rounds) {
        try {
            var spec = new PBEKeySpec(password.toString().toCharArray(), salt, rounds, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", ex);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
