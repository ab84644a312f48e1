package org.orrery.registry;

import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.scrypt.SCryptPasswordEncoder;

/**
 * Researchers' password hashes: made with the configured algorithm and parameters ({@link PasswordHashProperties}),
 * stored as {@code {algorithm}<hash naming its parameters>}, checked whatever algorithm made them (hashes from
 * before this scheme are bcrypt without a prefix), and re-made on sign-in when made under other settings.
 */
@Configuration
@EnableConfigurationProperties(PasswordHashProperties.class)
class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder(PasswordHashProperties settings) {
        var argon2 = settings.argon2();
        var scrypt = settings.scrypt();
        Map<String, PasswordEncoder> byId = Map.of(
                "argon2id", new Argon2PasswordEncoder(16, 32, argon2.parallelism(), argon2.memoryKib(),
                        argon2.iterations()),
                "bcrypt", new BCryptPasswordEncoder(settings.bcrypt().cost()),
                "scrypt", new SCryptPasswordEncoder(scrypt.n(), scrypt.r(), scrypt.p(), 32, 16),
                "pbkdf2", new Pbkdf2Hash(settings.pbkdf2().iterations()));
        String current = settings.algorithm().name().toLowerCase(java.util.Locale.ROOT);
        var delegating = new DelegatingPasswordEncoder(current, byId);
        delegating.setDefaultPasswordEncoderForMatches(byId.get("bcrypt"));
        return new CurrentSettingsEncoder(delegating, current, byId.get(current));
    }
}
