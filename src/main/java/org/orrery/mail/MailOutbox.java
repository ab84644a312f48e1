package org.orrery.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Queues an e-mail in {@code mail_outbox} inside the caller's transaction, so an action that rolls back sends
 * nothing. The message is rendered now, in the researcher's language, from the templates
 * {@code templates/mail/<template>.txt} and {@code .html} with subject {@code mail.<template>.subject}; a sender
 * on every node delivers it ({@link OutboxSender}); in a sandbox without an SMTP server it is only shown at
 * {@code /sandbox/mail} (status SANDBOX).
 */
@Service
public class MailOutbox {

    private final JdbcTemplate jdbc;

    private final MailRenderer renderer;

    private final MailDeliveryMode mode;

    public MailOutbox(JdbcTemplate jdbc, MailRenderer renderer, MailDeliveryMode mode) {
        this.jdbc = jdbc;
        this.renderer = renderer;
        this.mode = mode;
    }

    /** Renders and queues one message; returns its outbox id. */
    public long enqueue(String recipient, String template, Map<String, Object> model, Locale language) {
        MailRenderer.Rendered message = this.renderer.render(template, model, language);
        Timestamp now = Timestamp.from(Instant.now());
        String status = this.mode.capturing() ? "SANDBOX" : "PENDING";
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        this.jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO mail_outbox (recipient, subject, text_body,"
                    + " html_body, template, created_at, status, attempts, next_attempt_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)", new String[] { "id" });
            statement.setString(1, recipient);
            statement.setString(2, message.subject());
            statement.setString(3, message.text());
            statement.setString(4, message.html());
            statement.setString(5, template);
            statement.setTimestamp(6, now);
            statement.setString(7, status);
            statement.setTimestamp(8, now);
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }
}
