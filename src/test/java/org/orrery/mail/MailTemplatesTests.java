package org.orrery.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.orrery.i18n.MessageBundles;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

/**
 * Every e-mail the registry sends, rendered by the running application's renderer in each of the seven languages:
 * both parts resolve every message key, the HTML part names its language and carries the subject, and the two parts
 * say the same (each line of the plain-text part is in the HTML part).
 */
class MailTemplatesTests extends OrreryIntegrationTest {

    private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates", "mail");

    @Autowired
    private MailRenderer renderer;

    @Test
    void everyMailRendersBothPartsInEveryLanguageAndTheySayTheSame() throws IOException {
        List<String> mails = mails();
        assertThat(mails).contains("password-changed", "two-factor-enabled", "lifecycle-reactivate", "reset-password");
        for (String mail : mails) {
            for (Locale language : MessageBundles.LANGUAGES) {
                String what = mail + " in " + language.toLanguageTag();
                MailRenderer.Rendered rendered = this.renderer.render(mail, model(), language);
                assertThat(rendered.subject()).as(what).isNotBlank().doesNotContain("??");
                assertThat(rendered.text()).as(what).doesNotContain("??").doesNotContain("th:");
                String html = HtmlUtils.htmlUnescape(rendered.html());
                assertThat(html).as(what).doesNotContain("??").contains("lang=\"" + language.toLanguageTag() + "\"")
                    .contains("<title>" + rendered.subject() + "</title>");
                rendered.text().lines().map(String::strip).filter(line -> !line.isEmpty())
                    .forEach(line -> assertThat(html).as(what + ": the HTML part has the text's line").contains(line));
            }
        }
    }

    /** The mails: each template with a plain-text part (HTML-only files are fragments the mails share). */
    private static List<String> mails() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".txt"))
                .map(name -> name.substring(0, name.length() - ".txt".length())).sorted().toList();
        }
    }

    /** Values for every variable a mail template reads. */
    private static Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", "Ada Lovelace");
        model.put("when", "5 December 2026, 08:00 UTC");
        model.put("address", "203.0.113.9");
        model.put("accountUrl", "https://orrery.example.org/account");
        model.put("historyUrl", "https://orrery.example.org/account/history");
        model.put("hours", 24);
        model.put("link", "https://orrery.example.org/verify-email/abc");
        model.put("orcid", "0000-0002-1825-0097");
        model.put("orcidUri", "https://orrery.example.org/0000-0002-1825-0097");
        model.put("oldAddress", "ada@example.org");
        model.put("newAddress", "ada.lovelace@example.org");
        model.put("lines", List.of(Map.of("permission", true, "client", "Member", "subject", "your works", "count", 2),
                Map.of("permission", false, "client", "Member", "subject", "", "count", 3)));
        model.put("inboxUrl", "https://orrery.example.org/inbox");
        model.put("frequencyName", "weekly");
        return model;
    }
}
