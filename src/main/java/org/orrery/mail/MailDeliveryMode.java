package org.orrery.mail;

import org.orrery.system.SandboxMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Where queued mail goes: to the SMTP server of {@code spring.mail.host} when one is configured; otherwise, in a
 * sandbox, nowhere but the {@code /sandbox/mail} page (status SANDBOX); otherwise it waits, PENDING, until a node
 * with an SMTP server sends it.
 */
@Component
public class MailDeliveryMode {

    private static final Logger log = LoggerFactory.getLogger(MailDeliveryMode.class);

    private final JavaMailSender smtp;

    private final boolean capturing;

    MailDeliveryMode(ObjectProvider<JavaMailSender> smtp, SandboxMode sandbox) {
        this.smtp = smtp.getIfAvailable();
        this.capturing = this.smtp == null && sandbox.enabled();
        if (this.smtp == null && !this.capturing) {
            log.warn("No SMTP server is configured (spring.mail.host): mail is queued in mail_outbox and waits for a"
                    + " node that has one.");
        }
    }

    /** The SMTP sender, or null when this node sends no mail. */
    JavaMailSender smtp() {
        return this.smtp;
    }

    /** True when mail is only shown at {@code /sandbox/mail}, never sent. */
    public boolean capturing() {
        return this.capturing;
    }
}
