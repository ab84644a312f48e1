package org.orrery.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.orrery.registry.PasswordHashProperties.Algorithm;
import org.orrery.registry.PasswordHashProperties.Argon2;
import org.orrery.registry.PasswordHashProperties.Bcrypt;
import org.orrery.registry.PasswordHashProperties.Pbkdf2;
import org.orrery.registry.PasswordHashProperties.Scrypt;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Each configurable algorithm: what a stored hash names, which hashes are accepted, which are re-made. */
class PasswordHashSettingsTests {

    private static final String PASSWORD = "correct horse battery";

    // Cheap parameters keep this test fast; the defaults are checked by name only.
    private static PasswordEncoder encoder(Algorithm algorithm) {
        return new PasswordHashing().passwordEncoder(new PasswordHashProperties(algorithm, new Argon2(1024, 1, 1),
                new Bcrypt(4), new Scrypt(1024, 8, 1), new Pbkdf2(1000)));
    }

    @Test
    void defaultsAreArgon2idAtOwaspMinimums() {
        var defaults = new PasswordHashProperties(null, null, null, null, null);
        assertThat(defaults.algorithm()).isEqualTo(Algorithm.ARGON2ID);
        assertThat(defaults.argon2()).isEqualTo(new Argon2(19_456, 2, 1));
        assertThat(defaults.bcrypt().cost()).isEqualTo(10);
        assertThat(defaults.scrypt()).isEqualTo(new Scrypt(131_072, 8, 1));
        assertThat(defaults.pbkdf2().iterations()).isEqualTo(600_000);
    }

    @Test
    void eachAlgorithmsHashNamesItAndItsParameters() {
        assertThat(encoder(Algorithm.ARGON2ID).encode(PASSWORD)).startsWith("{argon2id}$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(encoder(Algorithm.BCRYPT).encode(PASSWORD)).startsWith("{bcrypt}$2a$04$");
        assertThat(encoder(Algorithm.SCRYPT).encode(PASSWORD)).matches("\\{scrypt}\\$[0-9a-f]+\\$.+\\$.+");
        assertThat(encoder(Algorithm.PBKDF2).encode(PASSWORD)).startsWith("{pbkdf2}sha256:i=1000$");
    }

    @Test
    void aHashMadeWithAnyAlgorithmIsAcceptedWhateverTheCurrentOne() {
        for (Algorithm made : Algorithm.values()) {
            String hash = encoder(made).encode(PASSWORD);
            for (Algorithm current : Algorithm.values()) {
                assertThat(encoder(current).matches(PASSWORD, hash)).as(made + " under " + current).isTrue();
                assertThat(encoder(current).matches("wrong", hash)).as(made + " under " + current).isFalse();
            }
        }
    }

    @Test
    void aBcryptHashFromBeforeThisSchemeStillSignsInAndIsReMade() {
        String legacy = new BCryptPasswordEncoder(10).encode(PASSWORD);
        PasswordEncoder argon2 = encoder(Algorithm.ARGON2ID);
        assertThat(argon2.matches(PASSWORD, legacy)).isTrue();
        assertThat(argon2.upgradeEncoding(legacy)).isTrue();
    }

    @Test
    void onlyAHashMadeWithExactlyTheCurrentSettingsIsKept() {
        PasswordEncoder current = encoder(Algorithm.ARGON2ID);
        assertThat(current.upgradeEncoding(current.encode(PASSWORD))).isFalse();
        assertThat(current.upgradeEncoding(encoder(Algorithm.BCRYPT).encode(PASSWORD))).isTrue();
        PasswordEncoder stronger = new PasswordHashing().passwordEncoder(new PasswordHashProperties(Algorithm.ARGON2ID,
                new Argon2(2048, 1, 1), null, null, null));
        assertThat(stronger.upgradeEncoding(current.encode(PASSWORD))).isTrue();
        PasswordEncoder weaker = new PasswordHashing().passwordEncoder(new PasswordHashProperties(Algorithm.ARGON2ID,
                new Argon2(512, 1, 1), null, null, null));
        assertThat(weaker.upgradeEncoding(current.encode(PASSWORD))).isTrue();
        for (Algorithm algorithm : Algorithm.values()) {
            PasswordEncoder encoder = encoder(algorithm);
            assertThat(encoder.upgradeEncoding(encoder.encode(PASSWORD))).as(algorithm.name()).isFalse();
        }
    }

    @Test
    void settingsBelowWhatTheAlgorithmsAllowAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new Scrypt(1000, 8, 1)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> new Bcrypt(3)).hasMessageContaining("at least 4");
        assertThatThrownBy(() -> new Argon2(4, 1, 1)).hasMessageContaining("memory-kib");
    }

    @Test
    void aMalformedStoredHashIsAWrongPasswordNotAFailure() {
        PasswordEncoder encoder = encoder(Algorithm.ARGON2ID);
        for (String hash : new String[] { "", "{pbkdf2}sha256:i=x$$", "{pbkdf2}sha256:i=5$!!$!!", "{argon2id}junk",
                "{bcrypt}junk" }) {
            assertThat(encoder.matches(PASSWORD, hash)).as(hash).isFalse();
        }
    }
}
