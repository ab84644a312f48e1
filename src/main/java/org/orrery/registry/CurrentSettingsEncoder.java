package org.orrery.registry;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Asks for a new hash whenever a stored one was not made with exactly the current algorithm and parameters
 * (Spring's encoders only ask when the stored parameters are weaker). The parameters are the part of a fresh hash
 * before its salt: {@code $argon2id$v=19$m=19456,t=2,p=1$}, {@code $2a$10$}, scrypt's {@code $<hex params>$},
 * {@code sha256:i=600000$}. That part is learnt from the first fresh hash this node needs for it, not at start-up:
 * one hash at current settings costs as much CPU as a sign-in (Argon2id at OWASP's minimum: tens of milliseconds
 * when compiled, several times that in a JVM still starting).
 */
final class CurrentSettingsEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;

    private final String algorithm;

    private final PasswordEncoder current;

    private volatile String currentPrefix;

    CurrentSettingsEncoder(PasswordEncoder delegate, String algorithm, PasswordEncoder current) {
        this.delegate = delegate;
        this.algorithm = algorithm;
        this.current = current;
    }

    @Override
    public String encode(CharSequence password) {
        String encoded = this.delegate.encode(password);
        if (this.currentPrefix == null) {
            learnPrefix(encoded.substring(this.algorithm.length() + 2));
        }
        return encoded;
    }

    @Override
    public boolean matches(CharSequence password, String encoded) {
        return encoded != null && this.delegate.matches(password, encoded);
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return encoded != null && !encoded.startsWith(currentPrefix());
    }

    private String currentPrefix() {
        String prefix = this.currentPrefix;
        return prefix != null ? prefix : learnPrefix(this.current.encode("parameters"));
    }

    /** Keeps the parameters part of {@code sample}, a fresh hash at current settings without its {@code {id}}. */
    private String learnPrefix(String sample) {
        String prefix = "{" + this.algorithm + "}" + sample.substring(0, parametersEnd(sample) + 1);
        this.currentPrefix = prefix;
        return prefix;
    }

    /** Where the parameters of a hash end: before its salt, the second-to-last {@code $}-separated field. */
    private static int parametersEnd(String hash) {
        if (hash.startsWith("$2")) {
            return hash.indexOf('$', 4); // $2a$10$ then 53 characters of salt and hash, no separator between them
        }
        int last = hash.lastIndexOf('$');
        return hash.lastIndexOf('$', last - 1);
    }
}
