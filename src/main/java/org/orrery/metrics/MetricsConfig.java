package org.orrery.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/** Orrery's own meters for {@code /actuator/prometheus}, and the guard in front of it. */
@Configuration(proxyBeanMethods = false)
class MetricsConfig {

    @Bean
    StateGauges stateGauges(JdbcTemplate jdbc) {
        return new StateGauges(jdbc);
    }

    @Bean
    FilterRegistrationBean<RequestMetricsFilter> requestMetricsFilter(MeterRegistry registry) {
        var registration = new FilterRegistrationBean<>(new RequestMetricsFilter(registry));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5); // outside everything: sees every final status
        registration.addUrlPatterns("/oauth/token", "/api/*", "/pub/*", "/signin");
        return registration;
    }

    @Bean
    FilterRegistrationBean<PrometheusGuard> prometheusGuard(
            @Value("${orrery.audit.operator-token:}") String operatorToken) {
        var registration = new FilterRegistrationBean<>(new PrometheusGuard(operatorToken));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
        registration.addUrlPatterns("/actuator/prometheus");
        return registration;
    }
}
