package org.orrery.system;

import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Gives each H2 connection room for the statements a request sends. H2 keeps the parsed form of a connection's last
 * eight statements ({@code QUERY_CACHE_SIZE}); a warm dance alone sends more than eight different ones through
 * the same pooled connections, so each was parsed and planned again on every request (a quarter of the dance's CPU
 * in bench/RESULTS.md). A URL that sets the size itself keeps its own; other databases are left alone.
 */
@Component
class H2StatementCache implements BeanPostProcessor {

    static final String SETTING = "QUERY_CACHE_SIZE";

    static final String SIZE = "64";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:h2:")
                && !pool.getJdbcUrl().toUpperCase(Locale.ROOT).contains(SETTING)
                && !pool.getDataSourceProperties().containsKey(SETTING)) {
            pool.addDataSourceProperty(SETTING, SIZE);
        }
        return bean;
    }
}
