package org.orrery.oauth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deployment settings of the authorization server.
 *
 * @param baseUrl the public base URL: the OAuth issuer and the root of every absolute URL Orrery emits
 * @param codeLength length of authorization codes (ORCID: 6)
 * @param codeTimeToLive how long a code may be exchanged (ORCID: 24 h; Orrery: 10 minutes)
 * @param accessTokenTimeToLive lifetime of three-legged access and refresh tokens (ORCID: about 20 years)
 * @param refreshReuseGrace how long a used refresh token is still honoured, for concurrent refreshes; after it,
 *        presenting it again revokes every token of the grant
 */
@ConfigurationProperties("orrery")
public record OrreryProperties(String baseUrl, Integer codeLength, Duration codeTimeToLive,
        Duration accessTokenTimeToLive, Duration refreshReuseGrace) {

    public OrreryProperties {
        if (baseUrl == null || baseUrl.isBlank()) {
            baseUrl = "http://localhost:8080";
        }
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (codeLength == null) {
            codeLength = 6;
        }
        if (codeLength < 6 || codeLength > 64) {
            throw new IllegalArgumentException("orrery.code-length must be between 6 and 64");
        }
        if (codeTimeToLive == null) {
            codeTimeToLive = Duration.ofMinutes(10);
        }
        if (refreshReuseGrace == null) {
            refreshReuseGrace = Duration.ofSeconds(30);
        }
        if (accessTokenTimeToLive == null) {
            accessTokenTimeToLive = Duration.ofSeconds(631138519);
        }
    }
}
