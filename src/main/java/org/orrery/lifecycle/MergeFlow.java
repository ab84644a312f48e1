package org.orrery.lifecycle;

import java.util.Locale;
import java.util.Optional;

import org.orrery.clients.SecretHasher;
import org.orrery.lifecycle.LifecycleException.Code;
import org.orrery.lifecycle.RecordState.Status;
import org.orrery.lifecycle.SelfServiceLifecycle.Outcome;
import org.orrery.registry.OrcidId;
import org.orrery.registry.Researcher;
import org.orrery.registry.ResearcherRepository;
import org.orrery.throttle.SignInThrottle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging a duplicate record into the signed-in researcher's (ORCID §5.5): the researcher proves they hold the
 * other record with its password (and its code when two-factor is on), then confirms. Wrong passwords count
 * against the other account and the source address in the sign-in throttle, so the form cannot be used to
 * guess passwords faster than the sign-in page.
 */
@Service
public class MergeFlow {

    /** The result of checking a merge request: the outcome and, when DONE, the record to deprecate. */
    public record Check(Outcome outcome, LifecycleException.Code refusal, Researcher other) {
    }

    private final RecordLifecycle lifecycle;

    private final ResearcherRepository researchers;

    private final SelfServiceLifecycle proofs;

    private final SignInThrottle throttle;

    MergeFlow(RecordLifecycle lifecycle, ResearcherRepository researchers, SelfServiceLifecycle proofs,
            SignInThrottle throttle) {
        this.lifecycle = lifecycle;
        this.researchers = researchers;
        this.proofs = proofs;
        this.throttle = throttle;
    }

    /** Checks that {@code keptOrcid} may absorb the record named by {@code otherId} (an iD or an e-mail address). */
    @Transactional
    public Check check(String keptOrcid, String otherId, String password, String code, String address) {
        String typed = otherId == null ? "" : otherId.strip();
        if (typed.isEmpty() || typed.length() > 320 || typed.indexOf('\0') >= 0) {
            return new Check(Outcome.INVALID_INPUT, null, null);
        }
        String bare = typed.replaceFirst("^https?://[^/]+/", "");
        Optional<Researcher> other = OrcidId.isValid(bare) ? this.researchers.findByOrcid(bare)
                : this.researchers.findByEmail(typed);
        String account = other.map(found -> SignInThrottle.accountKey(found.orcid().value()))
            .orElse(SignInThrottle.unknownAccountKey(SecretHasher.sha256(typed.toLowerCase(Locale.ROOT))));
        String addressKey = SignInThrottle.addressKey(address == null ? "unknown" : address);
        if (this.throttle.blockedUntil(account, addressKey) != null) {
            return new Check(Outcome.TOO_MANY, null, null);
        }
        Outcome proof = other.map(found -> this.proofs.prove(found, password, code)).orElse(Outcome.BAD_PASSWORD);
        if (proof != Outcome.DONE) {
            this.throttle.recordFailure(account, addressKey);
            return new Check(proof, null, null);
        }
        this.throttle.clear(account);
        Researcher found = other.get();
        String otherOrcid = found.orcid().value();
        if (otherOrcid.equals(keptOrcid)) {
            return new Check(Outcome.WRONG_STATE, Code.SAME_RECORD, found);
        }
        if (!this.lifecycle.stateOf(keptOrcid).isActive()) {
            return new Check(Outcome.WRONG_STATE, Code.TARGET_NOT_ACTIVE, found);
        }
        if (this.lifecycle.stateOf(otherOrcid).status() != Status.ACTIVE) {
            return new Check(Outcome.WRONG_STATE, Code.WRONG_STATE, found);
        }
        return new Check(Outcome.DONE, null, found);
    }

    /** Deprecates {@code otherOrcid} into {@code keptOrcid}, as the researcher of the kept record. */
    @Transactional
    public RecordState merge(String keptOrcid, String otherOrcid) {
        if (this.lifecycle.stateOf(otherOrcid).status() != Status.ACTIVE) {
            throw new LifecycleException(Code.WRONG_STATE, "Record " + otherOrcid + " is no longer active.");
        }
        return this.lifecycle.deprecate(otherOrcid, keptOrcid, Actor.researcher(keptOrcid));
    }
}
