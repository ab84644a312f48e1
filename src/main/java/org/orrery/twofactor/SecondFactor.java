package org.orrery.twofactor;

/**
 * A researcher's second factor (two-factor sign-in, ORCID §5.3), as the flows that must ask for it see it:
 * password reset, deactivation, merging, turning two-factor off.
 */
public interface SecondFactor {

    /** Whether the researcher has two-factor sign-in on. */
    boolean enabledFor(String orcid);

    /**
     * Checks a 6-digit code or a backup code for the researcher and uses it up: a code is accepted at most once.
     * False for a wrong, reused or malformed code, or when two-factor is off.
     */
    boolean verify(String orcid, String code);
}
