package org.orrery.twofactor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Until two-factor sign-in exists, nobody has a second factor. */
@Configuration
class NoSecondFactor {

    @Bean
    @ConditionalOnMissingBean(SecondFactor.class)
    SecondFactor noSecondFactor() {
        return new SecondFactor() {
            @Override
            public boolean enabledFor(String orcid) {
                return false;
            }

            @Override
            public boolean verify(String orcid, String code) {
                return false;
            }
        };
    }
}
