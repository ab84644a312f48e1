package org.orrery.twofactor;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.orrery.mail.MailOutbox;
import org.orrery.oauth.OrreryProperties;
import org.orrery.registry.ResearcherRepository;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The e-mails that tell a researcher about a change to how they sign in (two-factor on or off, password changed),
 * sent to their primary address in the language of the page they made the change on, with when and from where.
 */
@Component
public class SecurityMail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
        .withZone(ZoneOffset.UTC);

    private final MailOutbox outbox;

    private final ResearcherRepository researchers;

    private final String baseUrl;

    SecurityMail(MailOutbox outbox, ResearcherRepository researchers, OrreryProperties properties) {
        this.outbox = outbox;
        this.researchers = researchers;
        this.baseUrl = properties.baseUrl();
    }

    /** Queues one of the templates {@code two-factor-enabled}, {@code two-factor-disabled}, {@code password-changed}. */
    public void send(String orcid, String template, String address) {
        this.researchers.findByOrcid(orcid).ifPresent(researcher -> this.outbox.enqueue(researcher.email(), template,
                Map.of("name", researcher.displayName(), "orcid", orcid, "when", WHEN.format(Instant.now()),
                        "address", address == null ? "" : address, "accountUrl", this.baseUrl + "/account",
                        "historyUrl", this.baseUrl + "/account/history"),
                LocaleContextHolder.getLocale()));
    }
}
