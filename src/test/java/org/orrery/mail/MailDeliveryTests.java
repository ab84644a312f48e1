package org.orrery.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.OrreryNode;
import org.orrery.support.SmtpNodes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mail is never lost: two nodes on the test database send the outbox through a real SMTP server (GreenMail) in this
 * JVM; each message arrives once with its text and HTML parts, survives an SMTP outage and a node that died
 * mid-send, and a message that cannot be sent for long enough is FAILED and shown to the operator.
 */
class MailDeliveryTests extends OrreryIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static OrreryNode first;

    private static OrreryNode second;

    @BeforeAll
    static void start() {
        first = SmtpNodes.first();
        second = SmtpNodes.second();
    }

    private static GreenMail smtp() {
        return SmtpNodes.smtp();
    }

    @Test
    void aQueuedMessageArrivesOnceWithItsTextAndHtmlPartsFromTheConfiguredSender() throws Exception {
        String recipient = recipient();
        first.bean(MailOutbox.class).enqueue(recipient, "verify-email", mail("Ada Lovelace"), Locale.ENGLISH);

        List<MimeMessage> received = SmtpNodes.await(smtp(), recipient, 1, 15_000);
        Thread.sleep(1000);
        assertThat(SmtpNodes.to(smtp(), recipient)).hasSize(1);
        MimeMessage message = received.get(0);
        assertThat(message.getSubject()).isEqualTo("Verify your email address for Orrery");
        assertThat(message.getFrom()[0].toString()).isEqualTo("Orrery Test <registry@orrery.test>");
        List<String> types = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        collect(message.getContent(), types, bodies);
        assertThat(types).anyMatch(type -> type.startsWith("text/plain")).anyMatch(type -> type.startsWith("text/html"));
        assertThat(bodies).allMatch(body -> body.contains("http://localhost/verify-email/abc"));
        assertThat(outbox("SELECT status FROM mail_outbox WHERE recipient = ?", recipient)).isEqualTo("SENT");
        assertThat(outbox("SELECT text_body FROM mail_outbox WHERE recipient = ?", recipient))
            .as("a sent message's link is no longer kept").isEmpty();
    }

    @Test
    void messagesQueuedWhileTheSmtpServerIsDownArriveExactlyOnceAfterItComesBack() throws Exception {
        List<String> recipients = new ArrayList<>();
        SmtpNodes.stopSmtp();
        try {
            for (int i = 0; i < 5; i++) {
                String recipient = recipient();
                recipients.add(recipient);
                second.bean(MailOutbox.class).enqueue(recipient, "verify-email", mail("Ada"), Locale.ENGLISH);
            }
            waitUntil(() -> count("SELECT COUNT(*) FROM mail_outbox WHERE recipient IN (?, ?, ?, ?, ?)"
                    + " AND attempts >= 2 AND status = 'PENDING' AND last_error IS NOT NULL", recipients) == 5, 20_000);
        }
        finally {
            SmtpNodes.restartSmtp();
        }
        for (String recipient : recipients) {
            assertThat(SmtpNodes.await(smtp(), recipient, 1, 20_000)).hasSize(1);
        }
        Thread.sleep(1500);
        for (String recipient : recipients) {
            assertThat(SmtpNodes.to(smtp(), recipient)).as("delivered once: " + recipient).hasSize(1);
        }
    }

    @Test
    void twoNodesSendingTheSameOutboxAtOnceDeliverEachMessageOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int writer = 0; writer < 2; writer++) {
            OrreryNode node = writer == 0 ? first : second;
            List<String> own = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                own.add(recipient());
            }
            recipients.addAll(own);
            writers.add(CompletableFuture.runAsync(() -> own.forEach(recipient -> node.bean(MailOutbox.class)
                .enqueue(recipient, "verify-email", mail("Ada"), Locale.ENGLISH))));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();
        for (String recipient : recipients) {
            assertThat(SmtpNodes.await(smtp(), recipient, 1, 30_000)).as(recipient).isNotEmpty();
        }
        Thread.sleep(1500);
        for (String recipient : recipients) {
            assertThat(SmtpNodes.to(smtp(), recipient)).as("delivered once: " + recipient).hasSize(1);
        }
    }

    @Test
    void aMessageClaimedByANodeThatDiedMidSendIsSentByAnotherOnceTheClaimRunsOut() throws Exception {
        String recipient = recipient();
        // What a node leaves behind when it is killed after claiming a message, before sending or marking it:
        // queued and claimed in one transaction, so no live node sees it unclaimed first.
        first.bean(TransactionTemplate.class).executeWithoutResult(status -> {
            long id = first.bean(MailOutbox.class).enqueue(recipient, "verify-email", mail("Ada"), Locale.ENGLISH);
            jdbc().update("UPDATE mail_outbox SET claim_token = 'dead-node', attempts = 1, claimed_until = ?"
                    + " WHERE id = ?", Timestamp.from(Instant.now().plusSeconds(3)), id);
        });
        Thread.sleep(1500);
        assertThat(SmtpNodes.to(smtp(), recipient)).as("nobody sends while the claim holds").isEmpty();
        assertThat(SmtpNodes.await(smtp(), recipient, 1, 15_000)).hasSize(1);
        Thread.sleep(1000);
        assertThat(SmtpNodes.to(smtp(), recipient)).hasSize(1);
    }

    @Test
    void aMessageThatCannotBeSentForLongEnoughIsFailedAndListedForTheOperator() throws Exception {
        OrreryNode lonely = SmtpNodes.production();
        {
            String recipient = recipient();
            lonely.bean(MailOutbox.class).enqueue(recipient, "verify-email", mail("Ada"), Locale.ENGLISH);
            JsonNode failed = null;
            long end = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < end) {
                HttpResponse<String> answer = Http.get(lonely.url() + "/admin/mail-outbox?status=FAILED",
                        "Authorization", "Bearer " + OPERATOR_TOKEN);
                assertThat(answer.statusCode()).isEqualTo(200);
                for (JsonNode message : JSON.readTree(answer.body()).path("messages")) {
                    if (message.path("recipient").asString().equals(recipient)) {
                        failed = message;
                    }
                }
                if (failed != null) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(failed).as("listed as FAILED").isNotNull();
            assertThat(failed.path("status").asString()).isEqualTo("FAILED");
            assertThat(failed.path("subject").asString()).isEqualTo("Verify your email address for Orrery");
            assertThat(failed.path("attempts").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(failed.path("last_error").asString()).contains("Connect");
            assertThat(failed.has("text_body")).isFalse();

            assertThat(Http.get(lonely.url() + "/admin/mail-outbox?status=FAILED").statusCode()).isEqualTo(401);
            assertThat(Http.get(lonely.url() + "/admin/mail-outbox?status=FAILED", "Authorization", "Bearer wrong-token")
                .statusCode()).isEqualTo(401);
            HttpResponse<String> bad = Http.get(lonely.url() + "/admin/mail-outbox?status=LOST", "Authorization",
                    "Bearer " + OPERATOR_TOKEN);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(bad.body()).path("error").asString()).isEqualTo("invalid_request");
        }
    }

    @Test
    void theRetryScheduleDoublesFromOneMinuteToAnHourAndKeepsTryingForMoreThanADay() {
        MailDeliveryProperties defaults = new MailDeliveryProperties(null, null, null, null, null, null, null, null);
        assertThat(defaults.retryDelay(1)).hasMinutes(1);
        assertThat(defaults.retryDelay(2)).hasMinutes(2);
        assertThat(defaults.retryDelay(7)).hasMinutes(60);
        assertThat(defaults.retryDelay(30)).hasMinutes(60);
        assertThat(defaults.giveUpAfter()).isGreaterThanOrEqualTo(java.time.Duration.ofHours(24));
    }

    private static void collect(Object content, List<String> types, List<String> bodies) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.getContent() instanceof MimeMultipart nested) {
                    collect(nested, types, bodies);
                }
                else {
                    types.add(part.getContentType().toLowerCase(Locale.ROOT));
                    bodies.add(String.valueOf(part.getContent()));
                }
            }
        }
    }

    private static String recipient() {
        return "m-" + UUID.randomUUID() + "@example.org";
    }

    private static JdbcTemplate jdbc() {
        return first.bean(JdbcTemplate.class);
    }

    private static String outbox(String sql, String recipient) {
        return jdbc().queryForObject(sql, String.class, recipient);
    }

    private static int count(String sql, List<String> recipients) {
        Integer count = jdbc().queryForObject(sql, Integer.class, recipients.toArray());
        return count == null ? 0 : count;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited too long").isLessThan(end);
            Thread.sleep(100);
        }
    }

    /** The model of a verification mail whose link points nowhere. */
    private static Map<String, Object> mail(String name) {
        return Map.of("name", name, "address", "a@example.org", "orcid", "0000-0002-1825-0097", "link",
                "http://localhost/verify-email/abc");
    }
}
