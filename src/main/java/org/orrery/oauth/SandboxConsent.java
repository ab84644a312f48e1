package org.orrery.oauth;

import java.util.concurrent.Callable;

/**
 * Marks an authorization request that a sandbox runs on a researcher's behalf ({@code POST
 * /sandbox/oauth/authorize}): while it runs on this thread, the researcher counts as having pressed "Authorize
 * access", so no consent screen is shown, and the grant is recorded, and audited with the reason
 * {@value #AUDIT_REASON}, exactly where the consent decision would record it.
 */
public final class SandboxConsent {

    /** The audit reason of a grant given through the sandbox. */
    public static final String AUDIT_REASON = "SANDBOX";

    private static final ThreadLocal<Boolean> GIVEN = new ThreadLocal<>();

    private SandboxConsent() {
    }

    /** Runs the work with consent given for the authorization request it makes on this thread. */
    static <T> T given(Callable<T> work) throws Exception {
        GIVEN.set(Boolean.TRUE);
        try {
            return work.call();
        }
        finally {
            GIVEN.remove();
        }
    }

    /** True while a sandbox authorization request runs on this thread. */
    static boolean isGiven() {
        return Boolean.TRUE.equals(GIVEN.get());
    }
}
