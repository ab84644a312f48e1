package org.orrery.accounts;

import java.nio.charset.StandardCharsets;

import org.orrery.registry.ResearcherRegistration;
import org.orrery.system.PlainText;

/** The rules a new password follows (those of registration), as message keys of the {@code accounts} bundle. */
final class PasswordRules {

    private PasswordRules() {
    }

    /** The key of what is wrong with the new password and its retyped copy, or null when it may be used. */
    static String problem(String password, String retyped) {
        if (password == null || password.length() < ResearcherRegistration.MIN_PASSWORD_LENGTH) {
            return "accounts.password.tooShort";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > ResearcherRegistration.MAX_PASSWORD_BYTES) {
            return "accounts.password.tooLong";
        }
        if (PlainText.hasForbiddenCharacters(password, false)) {
            return "accounts.password.controlCharacters";
        }
        if (!password.equals(retyped)) {
            return "accounts.password.mismatch";
        }
        return null;
    }
}
