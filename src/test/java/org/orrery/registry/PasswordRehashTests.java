package org.orrery.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.sql.DataSource;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryNode;
import org.orrery.support.OwnEmbeddedDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Stored password hashes through sign-in, on a node left at the default password hash (test servers use cheaper
 * parameters): new ones name Argon2id and OWASP's minimum parameters; old bcrypt ones are re-made.
 */
@OwnEmbeddedDatabase
class PasswordRehashTests {

    private static final String CURRENT = "{argon2id}$argon2id$v=19$m=19456,t=2,p=1$";

    private static OrreryNode node;

    private static String base;

    @BeforeAll
    static void startNodeWithTheDefaultPasswordHash() {
        // naming the algorithm (the default one) keeps the test servers' cheaper parameters off this node
        node = OrreryNode.startFresh(Map.of("orrery.password-hash.algorithm", "argon2id"));
        base = "http://127.0.0.1:" + node.port();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aRegisteredPasswordIsStoredAsArgon2idNamingItsParameters() {
        try (Browser browser = new Browser()) {
            NewResearcher researcher = NewResearcher.register(browser, base, "Hash", "Named");
            assertThat(storedHash(researcher.orcid())).startsWith(CURRENT);
        }
    }

    @Test
    void aBcryptHashFromAnEarlierVersionSignsInAndIsThenStoredUnderTheCurrentSettings() {
        NewResearcher researcher;
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, base, "Legacy", "Hash");
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
            HtmlPage record = Browser.signIn(browser.openHtml(base + "/signin"), userId, password);
            assertThat(record.getUrl().getPath()).isEqualTo("/my-orcid");
        }
    }

    private String storedHash(String orcid) {
        return jdbc().queryForObject("SELECT password_hash FROM researcher WHERE orcid = ?", String.class, orcid);
    }

    private static JdbcTemplate jdbc() {
        return new JdbcTemplate(node.bean(DataSource.class));
    }
}
