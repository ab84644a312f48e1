package org.orrery.mail;

import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox on every node that has an SMTP server: claims due messages, sends each with its plain-text
 * and HTML parts, marks it SENT. A failed attempt is retried with growing delays until the message is older than
 * {@code orrery.mail.give-up-after}, then it is FAILED. Delivery is at least once: a node that dies after sending
 * but before marking a message sent leaves its lease to run out, and the message is sent again. Neither bodies
 * nor recipients are logged.
 */
@Component
@EnableConfigurationProperties(MailDeliveryProperties.class)
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private static final int MAX_ERROR = 1000;

    private final OutboxRepository outbox;

    private final MailDeliveryMode mode;

    private final MailDeliveryProperties settings;

    private final Duration sentRetention;

    OutboxSender(OutboxRepository outbox, MailDeliveryMode mode, MailDeliveryProperties settings,
            @Value("${orrery.mail.sent-retention:P30D}") Duration sentRetention) {
        this.outbox = outbox;
        this.sentRetention = sentRetention;
        this.mode = mode;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${orrery.mail.poll-interval:PT5S}", initialDelayString = "${orrery.mail.poll-interval:PT5S}")
    void deliverDue() {
        JavaMailSender smtp = this.mode.smtp();
        if (smtp == null) {
            return;
        }
        try {
            List<OutboxRepository.Message> claimed;
            do {
                String claim = UUID.randomUUID().toString();
                Instant now = Instant.now();
                claimed = this.outbox.claimDue(now, now.plus(this.settings.claimLease()), this.settings.batchSize(),
                        claim);
                for (OutboxRepository.Message message : claimed) {
                    deliver(smtp, message, claim);
                }
            }
            while (claimed.size() == this.settings.batchSize());
        }
        catch (DataAccessException ex) {
            log.warn("Mail delivery paused: the database did not answer ({})", ex.getClass().getSimpleName());
        }
    }

    /** Forgets messages sent more than {@code orrery.mail.sent-retention} (30 days) ago; FAILED ones stay. */
    @Scheduled(initialDelayString = "${orrery.purge.interval:PT10M}", fixedDelayString = "${orrery.purge.interval:PT10M}")
    void purgeSent() {
        this.outbox.purgeSentBefore(Instant.now().minus(this.sentRetention));
    }

    private void deliver(JavaMailSender smtp, OutboxRepository.Message message, String claim) {
        try {
            smtp.send(mime(smtp, message));
        }
        catch (MailException | MessagingException | UnsupportedEncodingException ex) {
            failed(message, claim, ex);
            return;
        }
        if (!this.outbox.markSent(message.id(), claim, Instant.now())) {
            log.warn("Mail {} was sent after its claim ran out; it may be delivered twice", message.id());
        }
    }

    private MimeMessage mime(JavaMailSender smtp, OutboxRepository.Message message)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(this.settings.from(), this.settings.fromName());
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.textBody(), message.htmlBody());
        mime.setHeader("X-Orrery-Message", String.valueOf(message.id()));
        return mime;
    }

    private void failed(OutboxRepository.Message message, String claim, Exception ex) {
        String error = describe(ex);
        Instant now = Instant.now();
        if (message.createdAt().plus(this.settings.giveUpAfter()).isBefore(now)) {
            this.outbox.markFailed(message.id(), claim, error);
            log.error("Mail {} ({}) FAILED after {} attempts: {}", message.id(), message.template(),
                    message.attempts(), error);
            return;
        }
        Instant next = now.plus(this.settings.retryDelay(message.attempts()));
        this.outbox.retryLater(message.id(), claim, next, error);
        log.warn("Mail {} ({}) not sent, attempt {}; next attempt at {}: {}", message.id(), message.template(),
                message.attempts(), next, error);
    }

    /** The failure as an operator needs it: the exception types and messages down to the root, never a body. */
    private static String describe(Throwable ex) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = ex; cause != null && text.length() < MAX_ERROR; cause = cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage().replaceAll("\\s+", " "));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text.toString();
    }
}
