package org.orrery.registry;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Asks for a new hash whenever a stored one was not made with exactly the current algorithm and parameters
 * (Spring's encoders only ask when the stored parameters are weaker). The parameters are the part of a fresh hash
 * before its salt: {@code $argon2id$v=19$m=19456,t=2,p=1$}, {@code $2a$10$}, scrypt's {@code $<hex params>$},
 * {@code sha256:i=600000$}.
 */
final class CurrentSettingsEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;

    private final String currentPrefix;

    CurrentSettingsEncoder(PasswordEncoder delegate, String algorithm, PasswordEncoder current) {
        this.delegate = delegate;
        String sample = current.encode("parameters");
        this.currentPrefix = "{" + algorithm + "}" + sample.substring(0, parametersEnd(sample) + 1);
    }

    @Override
    public String encode(CharSequence password) {
        return this.delegate.encode(password);
    }

    @Override
    public boolean matches(CharSequence password, String encoded) {
        return encoded != null && this.delegate.matches(password, encoded);
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return encoded != null && !encoded.startsWith(this.currentPrefix);
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
