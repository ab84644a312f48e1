package org.orrery.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
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

    private static boolean isPostgresql(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot reach the database to choose the session store's SQL", ex);
        }
    }
}
