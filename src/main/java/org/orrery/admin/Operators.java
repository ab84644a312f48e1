package org.orrery.admin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.registry.ResearcherRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Researchers with the operator role ({@code operator_role}). Read from the database on every check, so a grant
 * or withdrawal made through the command line holds on every running node at once.
 */
@Service
public class Operators {

    private final JdbcTemplate jdbc;

    private final ResearcherRepository researchers;

    private final AuditTrail audit;

    public Operators(JdbcTemplate jdbc, ResearcherRepository researchers, AuditTrail audit) {
        this.jdbc = jdbc;
        this.researchers = researchers;
        this.audit = audit;
    }

    public boolean isOperator(String orcid) {
        return orcid != null && this.jdbc.queryForObject("SELECT COUNT(*) FROM operator_role WHERE orcid = ?",
                Integer.class, orcid) > 0;
    }

    /** Grants the role; false when the researcher already had it. Unknown iD: {@link IllegalArgumentException}. */
    @Transactional
    public boolean grant(String orcid, String actor) {
        if (orcid == null || this.researchers.findByOrcid(orcid).isEmpty()) {
            throw new IllegalArgumentException("There is no researcher " + orcid);
        }
        if (isOperator(orcid)) {
            return false;
        }
        this.jdbc.update("INSERT INTO operator_role (orcid, granted_at) VALUES (?, ?)", orcid,
                Timestamp.from(Instant.now()));
        this.audit.record(AuditEventType.OPERATOR_GRANTED, orcid, null, null, "by " + actor);
        return true;
    }

    /** Withdraws the role; false when the researcher did not have it. */
    @Transactional
    public boolean revoke(String orcid, String actor) {
        if (this.jdbc.update("DELETE FROM operator_role WHERE orcid = ?", orcid) == 0) {
            return false;
        }
        this.audit.record(AuditEventType.OPERATOR_REVOKED, orcid, null, null, "by " + actor);
        return true;
    }

    public List<String> list() {
        return this.jdbc.queryForList("SELECT orcid FROM operator_role ORDER BY granted_at, orcid", String.class);
    }
}
