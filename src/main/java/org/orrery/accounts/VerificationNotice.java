package org.orrery.accounts;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * For pages that include {@code accounts/verify-notice :: notice}: the signed-in researcher's primary address while
 * it is unverified ({@code ${@verificationNotice.unverifiedPrimary()}}), else null.
 */
@Component("verificationNotice")
public class VerificationNotice {

    private final EmailAddresses addresses;

    VerificationNotice(EmailAddresses addresses) {
        this.addresses = addresses;
    }

    public String unverifiedPrimary() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated() || signedIn.getName() == null) {
            return null;
        }
        return this.addresses.of(signedIn.getName()).stream()
            .filter(address -> address.primary() && !address.verified())
            .map(EmailAddress::address)
            .findFirst()
            .orElse(null);
    }
}
