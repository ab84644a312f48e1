package org.orrery.registry;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Stored password hashes through sign-in: new ones name Argon2id and its parameters; old bcrypt ones are re-made. */
class PasswordRehashTests extends OrreryIntegrationTest {

    private static final String CURRENT = "{argon2id}$argon2id$v=19$m=19456,t=2,p=1$";

    @Autowired
    private DataSource dataSource;

    @Test
    void aRegisteredPasswordIsStoredAsArgon2idNamingItsParameters() {
        try (Browser browser = new Browser()) {
            NewResearcher researcher = NewResearcher.register(browser, BASE, "Hash", "Named");
            assertThat(storedHash(researcher.orcid())).startsWith(CURRENT);
        }
    }

    @Test
    void aBcryptHashFromAnEarlierVersionSignsInAndIsThenStoredUnderTheCurrentSettings() {
        NewResearcher researcher;
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, BASE, "Legacy", "Hash");
        }
        String legacy = new BCryptPasswordEncoder(10).encode(researcher.password());
        jdbc().update("UPDATE researcher SET password_hash = ? WHERE orcid = ?", legacy, researcher.orcid());

        signIn(researcher.email(), researcher.password());
        String rehashed = storedHash(researcher.orcid());
        assertThat(rehashed).startsWith(CURRENT).isNotEqualTo(legacy);

        signIn(researcher.orcid(), researcher.password());
        assertThat(storedHash(researcher.orcid())).isEqualTo(rehashed);
    }

    private static void signIn(String userId, String password) {
        try (Browser browser = new Browser()) {
            HtmlPage record = Browser.signIn(browser.openHtml(BASE + "/signin"), userId, password);
            assertThat(record.getUrl().getPath()).isEqualTo("/my-orcid");
        }
    }

    private String storedHash(String orcid) {
        return jdbc().queryForObject("SELECT password_hash FROM researcher WHERE orcid = ?", String.class, orcid);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(this.dataSource);
    }
}
