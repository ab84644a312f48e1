package org.orrery.accounts;

import org.orrery.lifecycle.RecordLifecycle;
import org.orrery.lifecycle.RecordState;
import org.orrery.lifecycle.SelfServiceLifecycle;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.clients.SecretHasher;
import org.orrery.registry.Researcher;
import org.orrery.registry.ResearcherRegistration;
import org.orrery.registry.ResearcherRepository;
import org.orrery.system.PlainText;
import org.orrery.throttle.SignInThrottle;
import org.orrery.twofactor.SecondFactor;
import org.orrery.twofactor.SecurityMail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password reset by mail (ORCID wave 2 §5.2). A request answers the same whether or not the address is known, and is
 * throttled per typed address and per source address. A known address gets a link valid for four hours; a newer
 * link supersedes the older ones, and a link works once. A reset asks for a second-factor code when the account
 * has one, clears the account's sign-in throttle, ends every other session of the researcher, mails the
 * "password changed" security notice to the primary address and goes on the audit trail.
 */
@Service
class PasswordReset {

    static final int REQUESTS_PER_ADDRESS = 3;

    static final int REQUESTS_PER_SOURCE = 20;

    static final Duration THROTTLE_WINDOW = Duration.ofHours(1);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    /** What a request for a link did, as the requester may know it. */
    enum Requested {
        ANSWERED, THROTTLED, INVALID
    }

    /** What a reset did: done, or the message key of why not (the link's state when it is the link). */
    record Outcome(boolean done, AccountTokens.State linkState, String problem) {
    }

    private final AccountTokens tokens;

    private final ResearcherRepository researchers;

    private final ResearcherRegistration passwords;

    private final SecondFactor secondFactor;

    private final SignInThrottle signInThrottle;

    private final RequestThrottle throttle;

    private final ResearcherSessions sessions;

    private final AccountMails mails;

    private final AuditTrail audit;

    private final TransactionTemplate transactions;

    private final SecurityMail securityMail;

    private final Duration lifetime;

    private final RecordLifecycle lifecycle;

    private final SelfServiceLifecycle reactivation;

    PasswordReset(@Value("${orrery.accounts.reset-link-lifetime:PT4H}") Duration lifetime, AccountTokens tokens, ResearcherRepository researchers, ResearcherRegistration passwords,
            SecondFactor secondFactor, SignInThrottle signInThrottle, RequestThrottle throttle, ResearcherSessions sessions,
            AccountMails mails, AuditTrail audit, TransactionTemplate transactions, SecurityMail securityMail,
            RecordLifecycle lifecycle, SelfServiceLifecycle reactivation) {
        this.lifecycle = lifecycle;
        this.reactivation = reactivation;
        this.securityMail = securityMail;
        this.tokens = tokens;
        this.researchers = researchers;
        this.passwords = passwords;
        this.secondFactor = secondFactor;
        this.signInThrottle = signInThrottle;
        this.throttle = throttle;
        this.sessions = sessions;
        this.mails = mails;
        this.audit = audit;
        this.transactions = transactions;
        this.lifetime = lifetime;
    }

    /** Handles a request for a link sent to {@code email} from {@code source}. */
    Requested request(String email, String source, Locale language) {
        if (email == null || email.isBlank() || email.length() > 320 || !EMAIL.matcher(email.trim()).matches()
                || PlainText.hasForbiddenCharacters(email, false)) {
            return Requested.INVALID;
        }
        String address = ResearcherRepository.normalizeEmail(email);
        boolean bySource = this.throttle.allow("reset-source:" + source, REQUESTS_PER_SOURCE, THROTTLE_WINDOW);
        boolean byAddress = this.throttle.allow("reset-address:" + SecretHasher.sha256(address),
                REQUESTS_PER_ADDRESS, THROTTLE_WINDOW);
        if (!bySource || !byAddress) {
            return Requested.THROTTLED;
        }
        this.transactions.executeWithoutResult(status -> this.researchers.findByEmail(address).ifPresent(researcher -> {
            if (this.lifecycle.find(researcher.orcid().value())
                .filter(state -> state.status() == RecordState.Status.DEACTIVATED).isPresent()) {
                // ORCID's reactivation e-mail: a deactivated record is reactivated, not just given a new password
                this.reactivation.requestReactivation(address, language);
                return;
            }
            String token = this.tokens.issue(AccountTokens.Purpose.RESET_PASSWORD, researcher.orcid().value(), null,
                    this.lifetime, true);
            this.mails.resetPassword(researcher, address, token, language);
            this.audit.record(AuditEventType.PASSWORD_RESET_REQUESTED, researcher.orcid().value(), null, null, null);
        }));
        return Requested.ANSWERED;
    }

    /** Where a presented link stands. */
    AccountTokens.Lookup check(String token) {
        return this.tokens.find(AccountTokens.Purpose.RESET_PASSWORD, token);
    }

    /** Whether the link's account asks for a second-factor code. */
    boolean needsCode(AccountTokens.Lookup link) {
        return link.orcid() != null && this.secondFactor.enabledFor(link.orcid());
    }

    /** Sets a new password through a link; {@code currentSession} (may be null) is the one session kept. */
    Outcome reset(String token, String password, String retyped, String code, String currentSession,
            String source) {
        AccountTokens.Lookup link = check(token);
        if (link.state() != AccountTokens.State.VALID) {
            return new Outcome(false, link.state(), null);
        }
        String problem = PasswordRules.problem(password, retyped);
        if (problem != null) {
            return new Outcome(false, link.state(), problem);
        }
        if (needsCode(link) && (code == null || code.isBlank() || code.length() > 64
                || !this.secondFactor.verify(link.orcid(), code.replace(" ", "")))) {
            return new Outcome(false, link.state(), "accounts.reset.badCode");
        }
        Boolean done = this.transactions.execute(status -> {
            if (!this.tokens.use(link)) {
                return false;
            }
            Researcher r = this.researchers.findByOrcid(link.orcid()).orElseThrow();
            this.researchers.update(new Researcher(r.orcid(), r.givenNames(), r.familyName(), r.creditName(),
                    r.email(), this.passwords.hashPassword(password), r.createdAt()));
            this.signInThrottle.clear(SignInThrottle.accountKey(link.orcid()));
            this.securityMail.send(link.orcid(), "password-changed", source);
            this.audit.record(AuditEventType.PASSWORD_RESET, link.orcid(), null, null, null);
            return true;
        });
        if (!Boolean.TRUE.equals(done)) {
            return new Outcome(false, check(token).state(), null);
        }
        this.sessions.end(link.orcid(), currentSession);
        return new Outcome(true, AccountTokens.State.USED, null);
    }
}
