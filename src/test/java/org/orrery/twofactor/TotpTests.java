package org.orrery.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The code generator against RFC 6238's published test vectors (Appendix B), and base32 against RFC 4648 §10. */
class TotpTests {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] SHA512_SEED = ("1234567890123456789012345678901234567890123456789012345678901234")
        .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0}")
    @CsvSource({ "59, 94287082, 46119246, 90693936", "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326", "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901", "20000000000, 65353130, 77737706, 47863826" })
    void codesMatchRfc6238AppendixB(long unixSeconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));
        assertThat(Totp.code(SHA1_SEED, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_SEED, step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_SEED, step, 8, "HmacSHA512")).isEqualTo(sha512);
        assertThat(Totp.code(SHA1_SEED, step)).as("the 6-digit code is the last six digits")
            .isEqualTo(sha1.substring(2));
    }

    @Test
    void theCurrentAndThePreviousStepAreAcceptedButNotOlderOrLaterOnes() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long current = Totp.step(now);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, current), now)).isEqualTo(current);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, current - 1), now)).isEqualTo(current - 1);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, current - 2), now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, current + 1), now)).isEqualTo(-1);
    }

    @ParameterizedTest
    @CsvSource({ "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI" })
    void base32MatchesRfc4648(String text, String encoded) {
        assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
        assertThat(new String(Base32.decode(encoded.toLowerCase()), StandardCharsets.US_ASCII)).isEqualTo(text);
        assertThat(new String(Base32.decode(encoded + "======"), StandardCharsets.US_ASCII)).isEqualTo(text);
    }

    @Test
    void base32RefusesCharactersOutsideItsAlphabet() {
        assertThatThrownBy(() -> Base32.decode("MZXW1")).isInstanceOf(IllegalArgumentException.class);
    }
}
