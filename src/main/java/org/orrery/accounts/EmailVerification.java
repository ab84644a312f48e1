package org.orrery.accounts;

import java.time.Duration;
import java.util.Locale;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.registry.Researcher;
import org.orrery.registry.ResearcherRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verification of a researcher's addresses (ORCID wave 2 §5.1): a link {@code /verify-email/{token}} mailed to the
 * address; following it (signed in or not) marks that address verified. Links do not expire, as ORCID's do not,
 * but each works once and only for the account that still has the address. Resending is throttled per account.
 */
@Service
public class EmailVerification {

    /** What following a link did. */
    public enum Outcome {
        VERIFIED, ALREADY_VERIFIED, USED, INVALID, GONE
    }

    /** The outcome and the address it concerns (null when the link is invalid). */
    public record Result(Outcome outcome, String address, boolean primary) {
    }

    static final int RESENDS_PER_HOUR = 5;

    private final AccountTokens tokens;

    private final EmailAddresses addresses;

    private final ResearcherRepository researchers;

    private final AccountMails mails;

    private final AuditTrail audit;

    private final RequestThrottle throttle;

    EmailVerification(AccountTokens tokens, EmailAddresses addresses, ResearcherRepository researchers,
            AccountMails mails, AuditTrail audit, RequestThrottle throttle) {
        this.tokens = tokens;
        this.addresses = addresses;
        this.researchers = researchers;
        this.mails = mails;
        this.audit = audit;
        this.throttle = throttle;
    }

    /** Mails a verification link for an address of the researcher's account, in the caller's transaction. */
    @Transactional
    public void send(Researcher researcher, String address, Locale language) {
        String token = this.tokens.issue(AccountTokens.Purpose.VERIFY_EMAIL, researcher.orcid().value(), address,
                null, false);
        this.mails.verifyEmail(researcher, address, token, language);
    }

    /** A resend asked for by the signed-in researcher; false when throttled or the address is not theirs. */
    boolean resend(String orcid, String address, Locale language) {
        var found = this.addresses.find(address);
        if (found.isEmpty() || !found.get().orcid().equals(orcid) || found.get().verified()) {
            return false;
        }
        if (!this.throttle.allow("verify:" + orcid, RESENDS_PER_HOUR, Duration.ofHours(1))) {
            return false;
        }
        send(this.researchers.findByOrcid(orcid).orElseThrow(), found.get().address(), language);
        return true;
    }

    /** Follows a link. */
    @Transactional
    public Result verify(String token) {
        AccountTokens.Lookup lookup = this.tokens.find(AccountTokens.Purpose.VERIFY_EMAIL, token);
        if (lookup.state() == AccountTokens.State.UNKNOWN) {
            return new Result(Outcome.INVALID, null, false);
        }
        var address = this.addresses.find(lookup.address());
        if (address.isEmpty() || !address.get().orcid().equals(lookup.orcid())) {
            return new Result(Outcome.GONE, lookup.address(), false);
        }
        if (lookup.state() != AccountTokens.State.VALID || !this.tokens.use(lookup)) {
            return new Result(address.get().verified() ? Outcome.ALREADY_VERIFIED : Outcome.USED, lookup.address(),
                    address.get().primary());
        }
        if (!this.addresses.markVerified(lookup.orcid(), lookup.address())) {
            return new Result(Outcome.ALREADY_VERIFIED, lookup.address(), address.get().primary());
        }
        this.audit.record(AuditEventType.EMAIL_VERIFIED, lookup.orcid(), null, null, null);
        return new Result(Outcome.VERIFIED, lookup.address(), address.get().primary());
    }
}
