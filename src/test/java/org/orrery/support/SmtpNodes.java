package org.orrery.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server in the test JVM (GreenMail) and two Orrery nodes that send through it, on the database of the
 * shared test server (H2 or PostgreSQL), with a compressed retry schedule (first retry after 300 ms, at most 1 s
 * apart), reset links that live 30 s, and a strict sign-in throttle (one free failure, then 20 s); plus a
 * "production" node of its own (fresh database, sandbox off, an SMTP port nobody listens on, giving up after
 * 2 s). Started once per test JVM, on first use, because a node takes long to start on a busy machine.
 */
public final class SmtpNodes {

    /** How long the shared nodes' password-reset links live. */
    public static final java.time.Duration RESET_LINK_LIFETIME = java.time.Duration.ofMinutes(20);

    private static int smtpPort;

    private static GreenMail smtp;

    private static OrreryNode first;

    private static OrreryNode second;

    private static OrreryNode production;

    private SmtpNodes() {
    }

    /** The shared SMTP server (a new object after {@link #restartSmtp()}). */
    public static synchronized GreenMail smtp() {
        startShared();
        return smtp;
    }

    /** The first shared node on the test database. */
    public static synchronized OrreryNode first() {
        startShared();
        return first;
    }

    /** The second shared node on the test database. */
    public static synchronized OrreryNode second() {
        startShared();
        return second;
    }

    /** Stops the shared SMTP server: an outage. */
    public static synchronized void stopSmtp() {
        startShared();
        smtp.stop();
    }

    /** Starts the shared SMTP server again on its port, empty. */
    public static synchronized GreenMail restartSmtp() {
        smtp = smtp(smtpPort);
        return smtp;
    }

    /** The production-like node: fresh database, sandbox off, nothing listening on its SMTP port. */
    public static synchronized OrreryNode production() {
        if (production == null) {
            int nobody = OrreryIntegrationTest.freePort();
            production = OrreryNode.startFresh(Map.of("orrery.sandbox.enabled", "false", "spring.mail.host",
                    "127.0.0.1", "spring.mail.port", String.valueOf(nobody), "orrery.mail.poll-interval", "200ms",
                    "orrery.mail.first-retry-delay", "200ms", "orrery.mail.max-retry-delay", "400ms",
                    "orrery.mail.give-up-after", "2s", "orrery.audit.operator-token",
                    OrreryIntegrationTest.OPERATOR_TOKEN));
            Runtime.getRuntime().addShutdownHook(new Thread(production::close));
        }
        return production;
    }

    private static void startShared() {
        if (first != null) {
            return;
        }
        smtpPort = OrreryIntegrationTest.freePort();
        smtp = smtp(smtpPort);
        Map<String, String> more = Map.of("server.forward-headers-strategy", "native",
                "orrery.accounts.reset-link-lifetime", RESET_LINK_LIFETIME.toMinutes() + "m",
                "orrery.sign-in-throttle.account-free-failures", "1", "orrery.sign-in-throttle.first-delay", "20s",
                "orrery.sign-in-throttle.account-max-delay", "20s", "orrery.sign-in-throttle.address-max-delay", "20s",
                "orrery.sign-in-throttle.window", "1m", "orrery.mail.batch-size", "3");
        first = OrreryNode.start(settings(smtpPort, more));
        second = OrreryNode.start(settings(smtpPort, more));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            second.close();
            first.close();
            smtp.stop();
        }));
    }

    /** A GreenMail SMTP server on this port, started. */
    public static GreenMail smtp(int port) {
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** The settings of a node that sends through the SMTP server on this port; more settings on top. */
    public static Map<String, String> settings(int smtpPort, Map<String, String> more) {
        int port = OrreryIntegrationTest.freePort();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", String.valueOf(port));
        settings.put("orrery.base-url", "http://localhost:" + port);
        settings.put("spring.datasource.url", OrreryIntegrationTest.DATASOURCE_URL);
        settings.put("spring.datasource.username", OrreryIntegrationTest.DATASOURCE_USERNAME);
        settings.put("spring.datasource.password", OrreryIntegrationTest.DATASOURCE_PASSWORD);
        settings.put("orrery.seed-file", OrreryIntegrationTest.testSeedFile());
        settings.put("orrery.rate-limit.enabled", "false");
        settings.put("orrery.audit.operator-token", OrreryIntegrationTest.OPERATOR_TOKEN);
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", String.valueOf(smtpPort));
        settings.put("orrery.mail.from", "registry@orrery.test");
        settings.put("orrery.mail.from-name", "Orrery Test");
        settings.put("orrery.mail.poll-interval", "200ms");
        settings.put("orrery.mail.first-retry-delay", "300ms");
        settings.put("orrery.mail.max-retry-delay", "1s");
        if (!OrreryIntegrationTest.DATASOURCE_URL.startsWith("jdbc:h2:")) {
            // Off H2 two-factor needs a configured key, the same on every node: the shared server's.
            settings.put("orrery.two-factor.encryption-key", "dGVzdC1vbmx5LXR3by1mYWN0b3Ita2V5LTMyYnl0ZXM=");
        }
        settings.putAll(more);
        return settings;
    }

    /**
     * The raw text of the newest message the shared SMTP server received for this recipient that contains
     * {@code text}, or null (also when the shared nodes were never started).
     */
    public static synchronized String sentText(String recipient, String text) {
        if (smtp == null) {
            return null;
        }
        List<MimeMessage> received = to(smtp, recipient);
        for (int i = received.size() - 1; i >= 0; i--) {
            try {
                String decoded = parts(received.get(i).getContent());
                if (decoded.contains(text)) {
                    return decoded;
                }
            }
            catch (java.io.IOException | MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return null;
    }

    /**
     * The raw texts of every message the shared SMTP server received for this recipient that contain {@code text},
     * oldest first (none when the shared nodes were never started).
     */
    public static synchronized List<String> sentTexts(String recipient, String text) {
        List<String> texts = new ArrayList<>();
        if (smtp == null) {
            return texts;
        }
        for (MimeMessage message : to(smtp, recipient)) {
            try {
                String decoded = parts(message.getContent());
                if (decoded.contains(text)) {
                    texts.add(decoded);
                }
            }
            catch (java.io.IOException | MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return texts;
    }

    /** Every text part of a message's content, one after the other. */
    private static String parts(Object content) throws java.io.IOException, MessagingException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(parts(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    /** The messages the server received for this recipient, oldest first. */
    public static List<MimeMessage> to(GreenMail smtp, String recipient) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                for (Address address : message.getAllRecipients()) {
                    if (address.toString().equalsIgnoreCase(recipient)) {
                        found.add(message);
                    }
                }
            }
            catch (MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return found;
    }

    /** Waits until the server has at least this many messages for the recipient; returns them. */
    public static List<MimeMessage> await(GreenMail smtp, String recipient, int count, long millis) {
        long end = System.currentTimeMillis() + millis;
        List<MimeMessage> found = to(smtp, recipient);
        while (found.size() < count && System.currentTimeMillis() < end) {
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
            found = to(smtp, recipient);
        }
        return found;
    }
}
