package org.orrery.support;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The newest link of a kind ({@code /verify-email/}, {@code /reset-password/}) in mail queued for an address, read
 * as a newcomer would in a sandbox (the {@code /sandbox/mail} pages), or, where the registry is no sandbox (the
 * shared server on PostgreSQL), from the message still waiting in the outbox of the test database.
 */
public final class QueuedMail {

    private static final Pattern MESSAGE = Pattern.compile("href=\"(/sandbox/mail/[0-9]+)\"");

    private QueuedMail() {
    }

    public static String newestLink(String base, String recipient, String pathPart) {
        HttpResponse<String> list = Http.get(base + "/sandbox/mail");
        if (list.statusCode() == 200) {
            String page = list.body();
            Matcher message = MESSAGE.matcher(page);
            String newest = null;
            while (newest == null && message.find()) {
                int next = page.indexOf("href=\"/sandbox/mail/", message.end());
                if (page.substring(message.end(), next < 0 ? page.length() : next).contains(recipient)) {
                    newest = message.group(1);
                }
            }
            if (newest == null) {
                throw new IllegalStateException("No sandbox mail to " + recipient);
            }
            return link(Http.get(base + newest).body().replace("&amp;", "&"), base, pathPart);
        }
        long end = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < end) {
            String text = outboxText(recipient, pathPart);
            if (text == null) {
                // The SMTP test nodes on this database may have sent it already (and dropped its body).
                text = SmtpNodes.sentText(recipient, pathPart);
            }
            if (text != null) {
                return link(text, base, pathPart);
            }
            try {
                Thread.sleep(200);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("No queued mail to " + recipient + " with a link to " + pathPart);
    }

    private static String outboxText(String recipient, String pathPart) {
        try (Connection connection = DriverManager.getConnection(OrreryIntegrationTest.DATASOURCE_URL,
                OrreryIntegrationTest.DATASOURCE_USERNAME, OrreryIntegrationTest.DATASOURCE_PASSWORD);
                PreparedStatement query = connection.prepareStatement("SELECT text_body FROM mail_outbox"
                        + " WHERE recipient = ? ORDER BY id DESC")) {
            query.setString(1, recipient);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).contains(pathPart)) {
                        return rs.getString(1);
                    }
                }
            }
            return null;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String link(String text, String base, String pathPart) {
        Matcher link = Pattern.compile("https?://[^\\s<>\"']*" + Pattern.quote(pathPart) + "[A-Za-z0-9_-]+").matcher(text);
        if (!link.find()) {
            throw new IllegalStateException("The message has no link to " + pathPart);
        }
        return link.group();
    }
}
