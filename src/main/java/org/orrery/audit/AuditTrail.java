package org.orrery.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit trail ({@code audit_event}). An event recorded while a request is being served
 * carries that request's source address ({@link HttpServletRequest#getRemoteAddr()}: the client's own address
 * when the server is configured to trust its proxy's {@code X-Forwarded-For}).
 */
@Service
public class AuditTrail {

    private static final int MAX_DETAIL = 1000;

    private static final String SELECT = "SELECT e.id, e.occurred_at, e.event_type, e.orcid, e.client_id, c.name,"
            + " e.address, e.reason, e.detail FROM audit_event e LEFT JOIN api_client c ON c.client_id = e.client_id";

    private final JdbcTemplate jdbc;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an event now; any argument but the type may be null. */
    public void record(AuditEventType type, String orcid, String clientId, String reason, String detail) {
        this.jdbc.update("INSERT INTO audit_event (occurred_at, event_type, orcid, client_id, address, reason, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(Instant.now()), type.name(), orcid, clientId,
                currentAddress(), reason, detail == null || detail.length() <= MAX_DETAIL ? detail
                        : detail.substring(0, MAX_DETAIL));
    }

    /** A researcher's events, newest first. */
    public List<AuditEvent> ofResearcher(String orcid, int limit) {
        return find(new AuditQuery(orcid, null, null, null, null, limit));
    }

    /** The events that match every criterion the query sets, newest first. */
    public List<AuditEvent> find(AuditQuery query) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (query.orcid() != null) {
            where.add("e.orcid = ?");
            args.add(query.orcid());
        }
        if (query.clientId() != null) {
            where.add("e.client_id = ?");
            args.add(query.clientId());
        }
        if (query.type() != null) {
            where.add("e.event_type = ?");
            args.add(query.type().name());
        }
        if (query.since() != null) {
            where.add("e.occurred_at >= ?");
            args.add(Timestamp.from(query.since()));
        }
        if (query.until() != null) {
            where.add("e.occurred_at < ?");
            args.add(Timestamp.from(query.until()));
        }
        String sql = SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY e.occurred_at DESC, e.id DESC LIMIT " + query.limit();
        return this.jdbc.query(sql, AuditTrail::map, args.toArray());
    }

    private static AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                AuditEventType.valueOf(rs.getString("event_type")), rs.getString("orcid"), rs.getString("client_id"),
                rs.getString("name"), rs.getString("address"), rs.getString("reason"), rs.getString("detail"));
    }

    private static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
