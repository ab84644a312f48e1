package org.orrery.web;

import java.time.Instant;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A refused sign-in: either the password was checked and was wrong, or a block from earlier failures refused
 * the attempt without checking it.
 */
final class SignInRefusedException extends BadCredentialsException {

    private final String orcid;

    private final Instant blockedUntil;

    private final boolean passwordChecked;

    SignInRefusedException(String orcid, Instant blockedUntil, boolean passwordChecked) {
        super(passwordChecked ? "Bad credentials" : "Too many failed attempts");
        this.orcid = orcid;
        this.blockedUntil = blockedUntil;
        this.passwordChecked = passwordChecked;
    }

    /** The account the typed user id names, or null when it names none. */
    String orcid() {
        return this.orcid;
    }

    /** When the block that now applies ends, or null when there is none. */
    Instant blockedUntil() {
        return this.blockedUntil;
    }

    boolean passwordChecked() {
        return this.passwordChecked;
    }
}
