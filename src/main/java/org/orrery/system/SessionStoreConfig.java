package org.orrery.system;

import java.sql.Connection;
import java.sql.SQLException;

import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * HTTP sessions are kept in the database (Spring Session JDBC, tables from migration V20), so nodes hold no
 * session state and any node can serve any step of a dance. On PostgreSQL, session attributes are written with
 * an upsert, so two concurrent requests of one browser cannot collide on the attribute's primary key.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> postgresqlSessionAttributeUpsert(DataSource dataSource) {
        boolean postgresql = isPostgresql(dataSource);
        SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsert = new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        return repository -> {
            if (postgresql) {
                upsert.customize(repository);
            }
        };
    }

    /**
     * Reads the session cookie as usual but ignores a value that cannot be a session id (Spring Session's ids are
     * UUIDs): a forged or corrupted cookie then simply starts no session, instead of reaching the database (where
     * PostgreSQL refuses, for example, the NUL bytes a garbage value decodes to).
     */
    @Bean
    CookieSerializer sessionCookieSerializer() {
        DefaultCookieSerializer cookies = new DefaultCookieSerializer() {
            @Override
            public List<String> readCookieValues(HttpServletRequest request) {
                return super.readCookieValues(request).stream().filter(id -> SESSION_ID.matcher(id).matches()).toList();
            }
        };
        cookies.setUseBase64Encoding(true);
        cookies.setSameSite("Lax");
        return cookies;
    }

    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static boolean isPostgresql(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot reach the database to choose the session store's SQL", ex);
        }
    }
}
