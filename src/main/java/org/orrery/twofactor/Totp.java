package org.orrery.twofactor;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps make them: HMAC-SHA1, 30-second steps from the Unix epoch,
 * 6 digits (RFC 6238 §4 over RFC 4226 §5.3 dynamic truncation).
 */
final class Totp {

    static final int STEP_SECONDS = 30;

    static final int DIGITS = 6;

    private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

    private Totp() {
    }

    /** The time step an instant falls in (RFC 6238's T). */
    static long step(Instant when) {
        return Math.floorDiv(when.getEpochSecond(), STEP_SECONDS);
    }

    /** The 6-digit code of a step, zero-padded. */
    static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS, "HmacSHA1");
    }

    /** The code of a step with any length and HMAC (RFC 6238's test vectors use SHA-256 and SHA-512 too). */
    static String code(byte[] secret, long step, int digits, String hmac) {
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(secret, hmac));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            String code = Integer.toString(binary % POWERS[digits]);
            return "0".repeat(digits - code.length()) + code;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC unavailable", ex);
        }
    }

    /**
     * The step whose code this is, among the current step and the one before it (a code typed just as it changed),
     * or -1. Both candidates are always computed and compared in constant time.
     */
    static long matchingStep(byte[] secret, String code, Instant now) {
        long current = step(now);
        long found = -1;
        for (long step = current - 1; step <= current; step++) {
            if (java.security.MessageDigest.isEqual(code(secret, step).getBytes(), code.getBytes())) {
                found = step;
            }
        }
        return found;
    }
}
