package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded database keeps the parsed statements of a request's worth of SQL on each connection. */
class H2StatementCacheTests extends OrreryIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachH2ConnectionKeepsSixtyFourParsedStatements() {
        assumeTrue(DATASOURCE_URL.startsWith("jdbc:h2:"), "H2 only: other databases keep their own settings");
        String size = this.jdbc.queryForObject(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?", String.class,
                H2StatementCache.SETTING);
        assertThat(size).isEqualTo(H2StatementCache.SIZE);
    }
}
