package org.orrery.lifecycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.lifecycle.LifecycleException.Code;
import org.orrery.lifecycle.RecordState.Status;
import org.orrery.registry.OrcidId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a record's lifecycle state (ORCID §5.4–§5.6): lock and unlock, deactivate and reactivate, deprecate
 * (merge into another record). Each change is one transaction that takes the researcher row's lock first, raises
 * the record's version (so cached API answers and the search index drop it on every node) and writes one audit
 * event naming the actor. A refused change throws {@link LifecycleException} and changes nothing.
 * <p>
 * Who may ask is the caller's business (the researcher's own flows check password and second factor, the
 * operators' console checks the operator); this service checks only that the change makes sense.
 */
@Service
public class RecordLifecycle {

    /** Longest lock reason kept. */
    public static final int MAX_REASON = 500;

    private static final String SELECT = "SELECT orcid, record_state, deprecated_into, record_state_reason,"
            + " record_state_changed_at FROM researcher";

    private final JdbcTemplate jdbc;

    private final AuditTrail audit;

    private final RecordClearing clearing;

    public RecordLifecycle(JdbcTemplate jdbc, AuditTrail audit, RecordClearing clearing) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clearing = clearing;
    }

    /** The record's state now. */
    @Transactional(readOnly = true)
    public RecordState stateOf(String orcid) {
        return read(orcid, false);
    }

    /** The record's state now, or empty when no record has that iD (never throws for bad input). */
    public Optional<RecordState> find(String orcid) {
        String bare = orcid == null ? "" : orcid.strip().replaceFirst("^https?://[^/]+/", "");
        if (!OrcidId.isValid(bare)) {
            return Optional.empty();
        }
        return this.jdbc.query(SELECT + " WHERE orcid = ?", RecordLifecycle::map, bare).stream().findFirst();
    }

    /** Locks an active record (operators only): the API answers 409/9018, the owner cannot authorize apps. */
    @Transactional
    public RecordState lock(String orcid, Actor actor, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new LifecycleException(Code.INVALID_ARGUMENT,
                    "A lock needs a reason of 1 to " + MAX_REASON + " characters.");
        }
        RecordState state = read(orcid, true);
        expect(state, Status.LOCKED, Status.ACTIVE);
        change(state.orcid(), Status.LOCKED, null, why);
        record(AuditEventType.RECORD_LOCKED, state.orcid(), actor, why);
        return read(state.orcid(), false);
    }

    /** Unlocks a locked record. */
    @Transactional
    public RecordState unlock(String orcid, Actor actor) {
        RecordState state = read(orcid, true);
        if (state.status() != Status.LOCKED) {
            throw new LifecycleException(state.status() == Status.ACTIVE ? Code.ALREADY_IN_STATE : Code.WRONG_STATE,
                    "Record " + state.orcid() + " is " + state.status() + ", not LOCKED.");
        }
        change(state.orcid(), Status.ACTIVE, null, null);
        record(AuditEventType.RECORD_UNLOCKED, state.orcid(), actor, null);
        return read(state.orcid(), false);
    }

    /**
     * Deactivates an active or locked record: clears it as ORCID does, revokes every token of the researcher and
     * ends their sessions. The primary e-mail address is kept so that the record can be reactivated.
     */
    @Transactional
    public RecordState deactivate(String orcid, Actor actor) {
        RecordState state = read(orcid, true);
        expect(state, Status.DEACTIVATED, Status.ACTIVE, Status.LOCKED);
        this.clearing.clear(state.orcid(), true);
        this.clearing.revokeTokens(state.orcid(), "RECORD_DEACTIVATED");
        this.clearing.endSessions(state.orcid());
        change(state.orcid(), Status.DEACTIVATED, null, null);
        record(AuditEventType.RECORD_DEACTIVATED, state.orcid(), actor, null);
        return read(state.orcid(), false);
    }

    /** Reactivates a deactivated record; its content stays cleared (the researcher fills it in again). */
    @Transactional
    public RecordState reactivate(String orcid, Actor actor) {
        RecordState state = read(orcid, true);
        if (state.status() != Status.DEACTIVATED) {
            throw new LifecycleException(state.status() == Status.ACTIVE ? Code.ALREADY_IN_STATE : Code.WRONG_STATE,
                    "Record " + state.orcid() + " is " + state.status() + ", not DEACTIVATED.");
        }
        change(state.orcid(), Status.ACTIVE, null, null);
        record(AuditEventType.RECORD_REACTIVATED, state.orcid(), actor, null);
        return read(state.orcid(), false);
    }

    /**
     * Deprecates {@code orcid} into {@code into} (merging duplicates): {@code into} is kept and must be active;
     * {@code orcid} must be active or locked. The deprecated record is cleared, its tokens revoked and its
     * sessions ended; its e-mail addresses move to the kept record (see {@link RecordClearing#moveEmails}).
     */
    @Transactional
    public RecordState deprecate(String orcid, String into, Actor actor) {
        String gone = canonical(orcid);
        String kept = canonical(into);
        if (gone.equals(kept)) {
            throw new LifecycleException(Code.SAME_RECORD, "A record cannot be merged into itself (" + gone + ").");
        }
        // Row locks in iD order, so two merges of the same pair cannot deadlock.
        RecordState first = read(gone.compareTo(kept) < 0 ? gone : kept, true);
        RecordState second = read(gone.compareTo(kept) < 0 ? kept : gone, true);
        RecordState deprecated = first.orcid().equals(gone) ? first : second;
        RecordState target = first.orcid().equals(kept) ? first : second;
        if (deprecated.status() == Status.DEPRECATED) {
            throw new LifecycleException(Code.ALREADY_IN_STATE, "Record " + gone + " is already deprecated into "
                    + deprecated.deprecatedInto() + ".");
        }
        if (target.status() != Status.ACTIVE) {
            throw new LifecycleException(Code.TARGET_NOT_ACTIVE,
                    "Record " + kept + " is " + target.status() + "; only an active record can be kept.");
        }
        expect(deprecated, Status.DEPRECATED, Status.ACTIVE, Status.LOCKED);
        this.clearing.moveEmails(gone, kept);
        this.clearing.clear(gone, false);
        this.clearing.revokeTokens(gone, "RECORD_DEACTIVATED");
        this.clearing.endSessions(gone);
        change(gone, Status.DEPRECATED, kept, null);
        this.jdbc.update("UPDATE researcher SET record_version = record_version + 1 WHERE orcid = ?", kept);
        record(AuditEventType.RECORD_DEPRECATED, gone, actor, "into " + kept);
        record(AuditEventType.RECORD_MERGED, kept, actor, "from " + gone);
        return read(gone, false);
    }

    private static void expect(RecordState state, Status target, Status... allowed) {
        if (state.status() == target) {
            throw new LifecycleException(Code.ALREADY_IN_STATE,
                    "Record " + state.orcid() + " is already " + target + ".");
        }
        if (!List.of(allowed).contains(state.status())) {
            throw new LifecycleException(Code.WRONG_STATE, "Record " + state.orcid() + " is " + state.status()
                    + "; it must be " + String.join(" or ", List.of(allowed).stream().map(Enum::name).toList())
                    + " to become " + target + ".");
        }
    }

    private void change(String orcid, Status status, String into, String reason) {
        this.jdbc.update("UPDATE researcher SET record_state = ?, deprecated_into = ?, record_state_reason = ?,"
                + " record_state_changed_at = ?, record_version = record_version + 1,"
                + " record_changed_at = CURRENT_TIMESTAMP WHERE orcid = ?", status.name(),
                into, reason, Timestamp.from(Instant.now()), orcid);
    }

    private void record(AuditEventType event, String orcid, Actor actor, String detail) {
        Actor who = actor == null ? Actor.system("unknown") : actor;
        this.audit.record(event, orcid, null, who.kind().name(),
                who.describe() + (detail == null ? "" : ": " + detail));
    }

    private RecordState read(String orcid, boolean forUpdate) {
        String id = canonical(orcid);
        List<RecordState> found = this.jdbc.query(SELECT + " WHERE orcid = ?" + (forUpdate ? " FOR UPDATE" : ""),
                RecordLifecycle::map, id);
        if (found.isEmpty()) {
            throw new LifecycleException(Code.UNKNOWN_RECORD, "No record has the iD " + id + ".");
        }
        return found.get(0);
    }

    private static RecordState map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp changed = rs.getTimestamp(5);
        return new RecordState(rs.getString(1), Status.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                changed == null ? null : changed.toInstant());
    }

    /** The bare iD of {@code orcid} (an iD or its URI), or UNKNOWN_RECORD when it is not a well-formed iD. */
    static String canonical(String orcid) {
        String bare = orcid == null ? "" : orcid.strip().replaceFirst("^https?://[^/]+/", "");
        if (!OrcidId.isValid(bare)) {
            throw new LifecycleException(Code.UNKNOWN_RECORD, "'" + shorten(orcid) + "' is not an ORCID iD.");
        }
        return bare;
    }

    private static String shorten(String value) {
        if (value == null) {
            return "";
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
