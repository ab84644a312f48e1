package org.orrery.oauth;

import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.orrery.registry.ResearcherRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;

/**
 * OpenID Connect pieces: the published JWK set (every key that is not retired, from the database) and the ID
 * token generator, which signs with the one current key.
 */
@Configuration
class OpenIdConfig {

    /** Published at {@code /oauth/jwks}. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return (selector, context) -> selector.select(keys.published());
    }

    @Bean
    JwtGenerator idTokenGenerator(SigningKeys keys, ResearcherRepository researchers,
            org.orrery.twofactor.SecondFactor secondFactor) {
        JWKSource<SecurityContext> signingKey = (selector, context) -> selector.select(new JWKSet(List.of(keys.signing())));
        JwtGenerator generator = new JwtGenerator(new NimbusJwtEncoder(signingKey));
        generator.setJwtCustomizer(new IdTokenClaims(researchers, secondFactor));
        return generator;
    }
}
