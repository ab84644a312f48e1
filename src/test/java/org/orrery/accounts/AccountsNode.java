package org.orrery.accounts;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;
import org.htmlunit.html.HtmlPage;
import org.orrery.support.Browser;
import org.orrery.support.SmtpNodes;

/**
 * What the accounts tests share: reading the plain-text part of mail a real SMTP server received, taking a link
 * out of it, and registering a researcher through the register page of a node that sends mail.
 */
final class AccountsNode {

    /** A researcher registered for one test; the browser that registered is signed in as them. */
    record Registered(String orcid, String email, String password) {
    }

    private AccountsNode() {
    }

    /** The plain-text part of a received message. */
    static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof MimeMultipart multipart) {
                return text(multipart);
            }
            return String.valueOf(content);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String text(MimeMultipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart nested) {
                String found = text(nested);
                if (found != null) {
                    return found;
                }
            }
            else if (part.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("text/plain")) {
                return String.valueOf(part.getContent());
            }
        }
        return null;
    }

    /** The link to {@code pathPart} in the {@code n}-th message (from 1) the recipient received, waiting for it. */
    static String link(GreenMail smtp, String recipient, int n, String pathPart) {
        List<MimeMessage> received = SmtpNodes.await(smtp, recipient, n, 20_000);
        if (received.size() < n) {
            throw new IllegalStateException("Only " + received.size() + " messages reached " + recipient);
        }
        Matcher link = Pattern.compile("https?://\\S*" + Pattern.quote(pathPart) + "[A-Za-z0-9_-]+")
            .matcher(text(received.get(n - 1)));
        if (!link.find()) {
            throw new IllegalStateException("Message " + n + " to " + recipient + " has no link to " + pathPart);
        }
        return link.group();
    }

    /** Registers through the page and, if asked, follows the verification link the SMTP server received. */
    static Registered register(Browser browser, String base, GreenMail smtp, boolean verify) {
        String email = "a-" + UUID.randomUUID() + "@example.org";
        String password = "pw-" + UUID.randomUUID();
        HtmlPage register = browser.openHtml(base + "/register");
        Browser.type(register, "givenNames", "Ann");
        Browser.type(register, "familyName", "Count");
        Browser.type(register, "email", email);
        Browser.type(register, "password", password);
        HtmlPage record = Browser.click(register, "register-button");
        if (!record.getUrl().getPath().equals("/my-orcid")) {
            throw new IllegalStateException("Registering did not reach the record page: " + record.getUrl());
        }
        String orcid = record.getHtmlElementById("orcid-id").asNormalizedText();
        if (verify) {
            browser.open(link(smtp, email, 1, "/verify-email/"));
        }
        return new Registered(orcid, email, password);
    }

    /** A browser whose requests come from this source address (the node trusts X-Forwarded-For). */
    static Browser from(String address) {
        Browser browser = new Browser();
        browser.client().addRequestHeader("X-Forwarded-For", address);
        return browser;
    }

}
