package org.orrery.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.orrery.system.SandboxMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Encrypts TOTP secrets at rest with AES-256-GCM (random 96-bit nonce, the iD as associated data, so a ciphertext
 * cannot be moved to another account) and keys the hash of backup codes. The key is
 * {@code orrery.two-factor.encryption-key} (base64 of 32 bytes, the same on every node). A sandbox without one
 * makes a key at its first start and keeps it in its own database; any other registry without one cannot turn
 * two-factor on ({@link #available()} is false).
 */
@Component
class SecretCipher {

    static final String KEY_PROPERTY = "orrery.two-factor.encryption-key";

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);

    private static final int NONCE_BYTES = 12;

    private final SecureRandom random = new SecureRandom();

    private final byte[] key;

    SecretCipher(Environment environment, SandboxMode sandbox, JdbcTemplate jdbc) {
        String configured = environment.getProperty(KEY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            this.key = parse(configured.trim());
        }
        else if (sandbox.enabled()) {
            this.key = sandboxKey(jdbc);
            log.info("Two-factor secrets are encrypted with this sandbox's own key, kept in its database; a"
                    + " production registry must set {}.", KEY_PROPERTY);
        }
        else {
            this.key = null;
            log.warn("{} is not set: researchers cannot turn two-factor sign-in on. Set it to the base64 of 32 random"
                    + " bytes, the same on every node (for example: openssl rand -base64 32).", KEY_PROPERTY);
        }
    }

    /** Whether a key is configured (or kept by a sandbox): without one two-factor cannot be turned on. */
    boolean available() {
        return this.key != null;
    }

    String encrypt(byte[] secret, String orcid) {
        byte[] nonce = new byte[NONCE_BYTES];
        this.random.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, orcid).doFinal(secret);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot encrypt a two-factor secret", ex);
        }
    }

    byte[] decrypt(String ciphertext, String orcid) {
        byte[] in = Base64.getDecoder().decode(ciphertext);
        try {
            return cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, NONCE_BYTES), orcid)
                .doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("A two-factor secret does not open with the configured key", ex);
        }
    }

    /** HMAC-SHA-256 of a backup code under a key derived from the encryption key, as 64 hex digits. */
    String backupCodeHash(String orcid, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derived("backup-codes"), "HmacSHA256"));
            return java.util.HexFormat.of()
                .formatHex(mac.doFinal((orcid + ":" + code).getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private byte[] derived(String purpose) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(requireKey(), "HmacSHA256"));
        return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
    }

    private Cipher cipher(int mode, byte[] nonce, String orcid) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(requireKey(), "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(orcid.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private byte[] requireKey() {
        if (this.key == null) {
            throw new IllegalStateException(KEY_PROPERTY + " is not set");
        }
        return this.key;
    }

    private static byte[] parse(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException(KEY_PROPERTY + " must be base64 (of 32 random bytes)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(KEY_PROPERTY + " must be the base64 of exactly 32 bytes, not "
                    + bytes.length);
        }
        return bytes;
    }

    private byte[] sandboxKey(JdbcTemplate jdbc) {
        for (int attempt = 0; attempt < 2; attempt++) {
            List<String> kept = jdbc.queryForList("SELECT key_base64 FROM two_factor_sandbox_key WHERE id = 1",
                    String.class);
            if (!kept.isEmpty()) {
                return parse(kept.get(0));
            }
            byte[] fresh = new byte[32];
            this.random.nextBytes(fresh);
            try {
                jdbc.update("INSERT INTO two_factor_sandbox_key (id, key_base64) VALUES (1, ?)",
                        Base64.getEncoder().encodeToString(fresh));
                return fresh;
            }
            catch (DuplicateKeyException anotherNodeFirst) {
                // read the other node's key
            }
        }
        throw new IllegalStateException("Cannot keep the sandbox's two-factor key");
    }
}
