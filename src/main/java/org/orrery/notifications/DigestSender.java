package org.orrery.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.orrery.mail.MailOutbox;
import org.orrery.registry.Researcher;
import org.orrery.registry.ResearcherRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails each researcher a digest of the notifications they have not seen yet, at the frequency they chose
 * (wave-2 spec §4.3), through the outbox (template {@code mail/notification-digest}). A digest is due when the
 * chosen period has passed since the last one, or, before the first, since the oldest notification waiting. It
 * goes only to a verified primary address; without one the waiting notifications are marked as not mailed
 * ({@code mail_skipped_at}, ORCID's "failed") and never mailed later. Read, archived and already mailed
 * notifications are left out; so are records that are not active. Every node runs it every
 * {@code orrery.notifications.digest-interval} (a minute); the researcher's row lock makes one node send each digest.
 */
@Component
class DigestSender {

    private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;

    private final NotificationRepository notifications;

    private final DigestPreferences preferences;

    private final ResearcherRepository researchers;

    private final MailOutbox outbox;

    private final MessageSource messages;

    private final TransactionTemplate transactions;

    private final String base;

    DigestSender(JdbcTemplate jdbc, NotificationRepository notifications, DigestPreferences preferences,
            ResearcherRepository researchers, MailOutbox outbox, MessageSource messages,
            TransactionTemplate transactions, @Value("${orrery.base-url}") String base) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.preferences = preferences;
        this.researchers = researchers;
        this.outbox = outbox;
        this.messages = messages;
        this.transactions = transactions;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Scheduled(initialDelayString = "${orrery.notifications.digest-interval:PT1M}",
            fixedDelayString = "${orrery.notifications.digest-interval:PT1M}")
    void run() {
        try {
            sendDue(Instant.now());
        }
        catch (RuntimeException ex) {
            log.warn("Notification digests not sent this round: {}", ex.getMessage());
        }
    }

    /** Sends every digest due at {@code now}; answers how many went. */
    int sendDue(Instant now) {
        // Only researchers whose digest is due: those waiting out their period must not fill the batch and starve
        // the rest. Due: the last digest (or, before the first, a waiting notification) is a period old.
        StringBuilder due = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (DigestFrequency frequency : DigestFrequency.values()) {
            if (frequency.period() == null) {
                continue;
            }
            due.append(due.isEmpty() ? "" : " OR ").append("(COALESCE(p.frequency, ?) = ?"
                    + " AND COALESCE(p.last_digest_at, n.created_at) <= ?)");
            args.add(DigestFrequency.DEFAULT.name());
            args.add(frequency.name());
            args.add(Timestamp.from(now.minus(frequency.period())));
        }
        List<String> candidates = this.jdbc.queryForList("SELECT DISTINCT n.orcid FROM notification n"
                + " JOIN researcher r ON r.orcid = n.orcid"
                + " LEFT JOIN notification_preference p ON p.orcid = n.orcid"
                + " WHERE n.sent_at IS NULL AND n.mail_skipped_at IS NULL AND n.read_at IS NULL"
                + " AND n.archived_at IS NULL AND r.record_state = 'ACTIVE'"
                + " AND (" + due + ") ORDER BY n.orcid LIMIT " + BATCH, String.class, args.toArray());
        int sent = 0;
        for (String orcid : candidates) {
            Boolean went = this.transactions.execute(status -> sendTo(orcid, now));
            sent += Boolean.TRUE.equals(went) ? 1 : 0;
        }
        return sent;
    }

    private boolean sendTo(String orcid, Instant now) {
        // the researcher's row lock: a node that waited here finds the notifications already mailed
        this.jdbc.queryForList("SELECT orcid FROM researcher WHERE orcid = ? FOR UPDATE", String.class, orcid);
        DigestPreferences.Preference preference = this.preferences.of(orcid);
        if (preference.frequency().period() == null) {
            return false;
        }
        List<Notification> waiting = this.notifications.waiting(orcid);
        if (waiting.isEmpty()) {
            return false;
        }
        Instant since = preference.lastDigestAt() != null ? preference.lastDigestAt() : waiting.get(0).createdAt();
        if (now.isBefore(since.plus(preference.frequency().period()))) {
            return false;
        }
        List<Long> ids = waiting.stream().map(Notification::putCode).toList();
        List<String> address = this.jdbc.queryForList("SELECT address FROM email_address WHERE orcid = ?"
                + " AND is_primary = TRUE AND verified = TRUE", String.class, orcid);
        Researcher researcher = this.researchers.findByOrcid(orcid).orElse(null);
        if (address.isEmpty() || researcher == null) {
            this.notifications.mark(ids, "mail_skipped_at", now);
            return false;
        }
        this.outbox.enqueue(address.get(0), "notification-digest", model(researcher, waiting, preference),
                preference.language());
        this.notifications.mark(ids, "sent_at", now);
        this.preferences.digestSent(orcid, now);
        return true;
    }

    private Map<String, Object> model(Researcher researcher, List<Notification> waiting,
            DigestPreferences.Preference preference) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Notification n : waiting) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("permission", n.kind() == NotificationKind.PERMISSION);
            line.put("client", n.clientName() == null ? n.clientId() : n.clientName());
            line.put("subject", n.subject() != null ? n.subject()
                    : this.messages.getMessage("inbox.permission.untitled", null, preference.language()));
            line.put("count", n.items().size());
            lines.add(line);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", researcher.displayName());
        model.put("orcid", researcher.orcid().value());
        model.put("lines", lines);
        model.put("inboxUrl", this.base + InboxController.PAGE);
        model.put("frequencyName", this.messages.getMessage("inbox.digest." + preference.frequency().name(), null,
                preference.language()).toLowerCase(preference.language()));
        return model;
    }
}
