package org.orrery.accounts;

import java.util.Locale;
import java.util.Map;

import org.orrery.mail.MailOutbox;
import org.orrery.registry.Researcher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The mails of the accounts feature, queued in the caller's transaction with links under the public base URL:
 * templates {@code mail/verify-email}, {@code reset-password} and {@code primary-email-changed} (the "password
 * changed" notice is the two-factor feature's {@code SecurityMail}).
 */
@Component
class AccountMails {

    private final MailOutbox outbox;

    private final String base;

    private final java.time.Duration resetLifetime;

    AccountMails(MailOutbox outbox, @Value("${orrery.base-url}") String base,
            @Value("${orrery.accounts.reset-link-lifetime:PT4H}") java.time.Duration resetLifetime) {
        this.outbox = outbox;
        this.resetLifetime = resetLifetime;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    void verifyEmail(Researcher researcher, String address, String token, Locale language) {
        this.outbox.enqueue(address, "verify-email", Map.of("name", researcher.displayName(), "address", address,
                "orcid", researcher.orcid().value(), "link", this.base + "/verify-email/" + token), language);
    }

    void resetPassword(Researcher researcher, String address, String token, Locale language) {
        this.outbox.enqueue(address, "reset-password", Map.of("name", researcher.displayName(), "orcid",
                researcher.orcid().value(), "orcidUri", this.base + "/" + researcher.orcid().value(), "link",
                this.base + "/reset-password/" + token, "hours", Math.max(1, this.resetLifetime.toHours())), language);
    }

    void primaryEmailChanged(Researcher researcher, String oldAddress, String newAddress, Locale language) {
        Map<String, Object> model = Map.of("name", researcher.displayName(), "orcid", researcher.orcid().value(),
                "oldAddress", oldAddress, "newAddress", newAddress, "link", this.base + "/account/emails");
        this.outbox.enqueue(oldAddress, "primary-email-changed", model, language);
        this.outbox.enqueue(newAddress, "primary-email-changed", model, language);
    }
}
