package org.orrery.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How researchers' passwords are hashed ({@code orrery.password-hash.*}). The defaults are OWASP's current
 * minimums (Password Storage Cheat Sheet): Argon2id m=19 MiB, t=2, p=1; bcrypt cost 10; scrypt N=2^17, r=8, p=1;
 * PBKDF2-HMAC-SHA256 600,000 iterations.
 */
@ConfigurationProperties("orrery.password-hash")
public record PasswordHashProperties(Algorithm algorithm, Argon2 argon2, Bcrypt bcrypt, Scrypt scrypt, Pbkdf2 pbkdf2) {

    /** The algorithms a new hash may be made with; every one of them is always accepted on sign-in. */
    public enum Algorithm {
        ARGON2ID, BCRYPT, SCRYPT, PBKDF2
    }

    public PasswordHashProperties {
        algorithm = algorithm == null ? Algorithm.ARGON2ID : algorithm;
        argon2 = argon2 == null ? new Argon2(null, null, null) : argon2;
        bcrypt = bcrypt == null ? new Bcrypt(null) : bcrypt;
        scrypt = scrypt == null ? new Scrypt(null, null, null) : scrypt;
        pbkdf2 = pbkdf2 == null ? new Pbkdf2(null) : pbkdf2;
    }

    public record Argon2(Integer memoryKib, Integer iterations, Integer parallelism) {
        public Argon2 {
            memoryKib = atLeast("argon2.memory-kib", memoryKib, 19_456, 8);
            iterations = atLeast("argon2.iterations", iterations, 2, 1);
            parallelism = atLeast("argon2.parallelism", parallelism, 1, 1);
        }
    }

    public record Bcrypt(Integer cost) {
        public Bcrypt {
            cost = atLeast("bcrypt.cost", cost, 10, 4);
            if (cost > 31) {
                throw new IllegalArgumentException("orrery.password-hash.bcrypt.cost must be 31 or less");
            }
        }
    }

    public record Scrypt(Integer n, Integer r, Integer p) {
        public Scrypt {
            n = atLeast("scrypt.n", n, 131_072, 2);
            if (Integer.bitCount(n) != 1) {
                throw new IllegalArgumentException("orrery.password-hash.scrypt.n must be a power of two");
            }
            r = atLeast("scrypt.r", r, 8, 1);
            p = atLeast("scrypt.p", p, 1, 1);
        }
    }

    public record Pbkdf2(Integer iterations) {
        public Pbkdf2 {
            iterations = atLeast("pbkdf2.iterations", iterations, 600_000, 1_000);
        }
    }

    private static Integer atLeast(String name, Integer value, int fallback, int minimum) {
        int chosen = value == null ? fallback : value;
        if (chosen < minimum) {
            throw new IllegalArgumentException("orrery.password-hash." + name + " must be at least " + minimum);
        }
        return chosen;
    }
}
