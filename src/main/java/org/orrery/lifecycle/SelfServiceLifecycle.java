package org.orrery.lifecycle;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.orrery.lifecycle.LifecycleLinks.Purpose;
import org.orrery.lifecycle.RecordState.Status;
import org.orrery.mail.MailOutbox;
import org.orrery.registry.Researcher;
import org.orrery.registry.ResearcherRepository;
import org.orrery.oauth.OrreryProperties;
import org.orrery.twofactor.SecondFactor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The researcher's own lifecycle flows: deactivation confirmed through a mailed link plus password (and code when
 * two-factor is on), reactivation through a link mailed to the record's address, and merging a duplicate record
 * into the signed-in one with that record's password (and code). Every flow's action is one transaction.
 */
@Service
public class SelfServiceLifecycle {

    /** Passwords shorter than this are refused (as at registration). */
    static final int MIN_PASSWORD_LENGTH = 8;

    /** bcrypt reads no more than this many bytes. */
    static final int MAX_PASSWORD_BYTES = 72;

    static final int MAX_NAME_LENGTH = 150;

    /** How a step of a flow ended. */
    public enum Outcome {
        DONE, BAD_LINK, BAD_PASSWORD, BAD_CODE, WRONG_STATE, TOO_MANY, INVALID_INPUT
    }

    private final RecordLifecycle lifecycle;

    private final LifecycleLinks links;

    private final ResearcherRepository researchers;

    private final PasswordEncoder passwords;

    private final SecondFactor secondFactor;

    private final MailOutbox mail;

    private final String baseUrl;

    SelfServiceLifecycle(RecordLifecycle lifecycle, LifecycleLinks links, ResearcherRepository researchers,
            PasswordEncoder passwords, SecondFactor secondFactor, MailOutbox mail, OrreryProperties properties) {
        this.lifecycle = lifecycle;
        this.links = links;
        this.researchers = researchers;
        this.passwords = passwords;
        this.secondFactor = secondFactor;
        this.mail = mail;
        this.baseUrl = properties.baseUrl();
    }

    /** Mails a deactivation link to the researcher's address; TOO_MANY past the hourly limit. */
    @Transactional
    public Outcome requestDeactivation(String orcid, Locale language) {
        Researcher researcher = this.researchers.findByOrcid(orcid).orElseThrow();
        if (!isOneOf(orcid, Status.ACTIVE, Status.LOCKED)) {
            return Outcome.WRONG_STATE;
        }
        Optional<String> token = this.links.issue(orcid, Purpose.DEACTIVATE);
        if (token.isEmpty()) {
            return Outcome.TOO_MANY;
        }
        this.mail.enqueue(researcher.email(), "lifecycle-deactivate", Map.of("orcid", orcid, "link",
                this.baseUrl + "/account/deactivate/confirm?token=" + token.get(), "hours",
                Purpose.DEACTIVATE.lifetime.toHours()), language);
        return Outcome.DONE;
    }

    /** The record a deactivation link is for, if the link is usable. */
    public Optional<String> deactivationLink(String token) {
        return this.links.peek(token, Purpose.DEACTIVATE);
    }

    /** Whether the record asks for a second-factor code. */
    public boolean needsCode(String orcid) {
        return this.secondFactor.enabledFor(orcid);
    }

    /** Deactivates the link's record when the password (and code) are right. */
    @Transactional
    public Outcome confirmDeactivation(String token, String password, String code) {
        Optional<String> orcid = this.links.peek(token, Purpose.DEACTIVATE);
        if (orcid.isEmpty()) {
            return Outcome.BAD_LINK;
        }
        Researcher researcher = this.researchers.findByOrcid(orcid.get()).orElseThrow();
        Outcome proof = prove(researcher, password, code);
        if (proof != Outcome.DONE) {
            this.links.failedAttempt(token);
            return proof;
        }
        if (!isOneOf(orcid.get(), Status.ACTIVE, Status.LOCKED)) {
            return Outcome.WRONG_STATE;
        }
        if (!this.links.consume(token, Purpose.DEACTIVATE)) {
            return Outcome.BAD_LINK;
        }
        this.lifecycle.deactivate(orcid.get(), Actor.researcher(orcid.get()));
        this.links.retireAll(orcid.get());
        return Outcome.DONE;
    }

    /**
     * Mails a reactivation link when the address belongs to a deactivated record; otherwise does nothing. The
     * caller answers the same either way.
     */
    @Transactional
    public void requestReactivation(String email, Locale language) {
        if (email == null || email.isBlank() || email.length() > 320) {
            return;
        }
        this.researchers.findByEmail(email.strip())
            .filter(researcher -> isOneOf(researcher.orcid().value(), Status.DEACTIVATED))
            .ifPresent(researcher -> this.links.issue(researcher.orcid().value(), Purpose.REACTIVATE)
                .ifPresent(token -> this.mail.enqueue(researcher.email(), "lifecycle-reactivate",
                        Map.of("orcid", researcher.orcid().value(), "link",
                                this.baseUrl + "/reactivate/confirm?token=" + token, "hours",
                                Purpose.REACTIVATE.lifetime.toHours()),
                        language)));
    }

    /** The record a reactivation link is for, if the link is usable. */
    public Optional<String> reactivationLink(String token) {
        return this.links.peek(token, Purpose.REACTIVATE);
    }

    /** Reactivates the link's record with the names and new password given. */
    @Transactional
    public Outcome confirmReactivation(String token, String givenNames, String familyName, String password) {
        Optional<String> orcid = this.links.peek(token, Purpose.REACTIVATE);
        if (orcid.isEmpty()) {
            return Outcome.BAD_LINK;
        }
        String given = givenNames == null ? "" : givenNames.strip();
        String family = familyName == null || familyName.isBlank() ? null : familyName.strip();
        if (given.isEmpty() || given.length() > MAX_NAME_LENGTH || (family != null && family.length() > MAX_NAME_LENGTH)
                || hasControl(given) || (family != null && hasControl(family)) || !acceptablePassword(password)) {
            return Outcome.INVALID_INPUT;
        }
        if (!isOneOf(orcid.get(), Status.DEACTIVATED)) {
            return Outcome.WRONG_STATE;
        }
        if (!this.links.consume(token, Purpose.REACTIVATE)) {
            return Outcome.BAD_LINK;
        }
        Researcher old = this.researchers.findByOrcid(orcid.get()).orElseThrow();
        this.lifecycle.reactivate(orcid.get(), Actor.researcher(orcid.get()));
        this.researchers.update(new Researcher(old.orcid(), given, family, null, old.email(),
                this.passwords.encode(password), old.createdAt()));
        this.links.retireAll(orcid.get());
        return Outcome.DONE;
    }

    /** Whether a new password meets the registration rules. */
    static boolean acceptablePassword(String password) {
        return password != null && password.length() >= MIN_PASSWORD_LENGTH
                && password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES && password.indexOf('\0') < 0;
    }

    /** Checks the record's password and, when two-factor is on, its code. */
    Outcome prove(Researcher researcher, String password, String code) {
        if (password == null || password.isEmpty() || password.getBytes(StandardCharsets.UTF_8).length > 200
                || !this.passwords.matches(password, researcher.passwordHash())) {
            return Outcome.BAD_PASSWORD;
        }
        String orcid = researcher.orcid().value();
        if (this.secondFactor.enabledFor(orcid)
                && (code == null || code.isBlank() || code.length() > 64 || !this.secondFactor.verify(orcid, code.strip()))) {
            return Outcome.BAD_CODE;
        }
        return Outcome.DONE;
    }

    private boolean isOneOf(String orcid, Status... statuses) {
        Status now = this.lifecycle.stateOf(orcid).status();
        for (Status status : statuses) {
            if (status == now) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
