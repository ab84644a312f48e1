package org.orrery.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

import org.orrery.i18n.SupportedLanguage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A researcher's digest settings ({@code notification_preference}): the frequency, the language the digest is
 * written in (the page's language when the researcher last saved the frequency), and when the last digest went.
 */
@Repository
public class DigestPreferences {

    /** The settings of one researcher. */
    public record Preference(DigestFrequency frequency, Locale language, Instant lastDigestAt) {
    }

    private final JdbcTemplate jdbc;

    DigestPreferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Preference of(String orcid) {
        return this.jdbc.query("SELECT frequency, language, last_digest_at FROM notification_preference"
                + " WHERE orcid = ?", (rs, row) -> {
                    DigestFrequency frequency = DigestFrequency.parse(rs.getString("frequency"));
                    Timestamp last = rs.getTimestamp("last_digest_at");
                    return new Preference(frequency == null ? DigestFrequency.DEFAULT : frequency,
                            Locale.forLanguageTag(rs.getString("language")), last == null ? null : last.toInstant());
                }, orcid)
            .stream()
            .findFirst()
            .orElse(new Preference(DigestFrequency.DEFAULT, Locale.ENGLISH, null));
    }

    /** Saves the frequency and the language of the page it was chosen on. */
    public void save(String orcid, DigestFrequency frequency, Locale language) {
        String tag = SupportedLanguage.match(language).toLanguageTag();
        String update = "UPDATE notification_preference SET frequency = ?, language = ? WHERE orcid = ?";
        if (this.jdbc.update(update, frequency.name(), tag, orcid) == 0) {
            try {
                this.jdbc.update("INSERT INTO notification_preference (orcid, frequency, language) VALUES (?, ?, ?)",
                        orcid, frequency.name(), tag);
            }
            catch (org.springframework.dao.DuplicateKeyException ex) {
                this.jdbc.update(update, frequency.name(), tag, orcid); // a save on another node came first
            }
        }
    }

    /** Records a digest sent now; run under the researcher's row lock (see {@link DigestSender}). */
    void digestSent(String orcid, Instant at) {
        if (this.jdbc.update("UPDATE notification_preference SET last_digest_at = ? WHERE orcid = ?",
                Timestamp.from(at), orcid) == 0) {
            this.jdbc.update("INSERT INTO notification_preference (orcid, frequency, language, last_digest_at)"
                    + " VALUES (?, ?, ?, ?)", orcid, DigestFrequency.DEFAULT.name(), "en", Timestamp.from(at));
        }
    }
}
