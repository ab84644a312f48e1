package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_EMAIL;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.ADA_PASSWORD;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.orrery.clients.SecretHasher;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import tools.jackson.databind.JsonNode;

/**
 * The purge removes codes, tokens, authorizations and client secrets that expired longer than the retention (one
 * day) ago and keeps everything live. Time passing is simulated by moving a dance's expiry times into the past.
 */
class ExpiredRowsPurgeTests extends OrreryIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ExpiredRowsPurge purge;

    @Autowired
    private List<ScheduledTaskHolder> schedulers;

    @Test
    void purgeRemovesLongExpiredRowsAndKeepsLiveAndRecentlyExpiredOnes() {
        Danced old = danceAndExchange();
        Danced recent = danceAndExchange();
        Danced live = danceAndExchange();
        String pendingCode = code();
        expire(old, Instant.now().minus(Duration.ofDays(2)));
        expire(recent, Instant.now().minus(Duration.ofHours(1)));

        this.purge.purge(Instant.now());

        assertThat(tokenRows(old)).isZero();
        assertThat(authorizationRows(old)).isZero();
        assertThat(tokenRows(recent)).isEqualTo(3);
        assertThat(tokenRows(live)).isEqualTo(3);
        assertThat(readRecord(live.accessToken()).statusCode()).isEqualTo(200);
        assertThat(exchange(pendingCode).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = exchange(live.code());
        assertThat(Http.json(replay).get("error_description").asString())
            .isEqualTo("Reused authorization code: " + live.code());
    }

    @Test
    void purgeWorksThroughManyBatches() {
        Danced first = danceAndExchange();
        Danced second = danceAndExchange();
        Instant past = Instant.now().minus(Duration.ofDays(3));
        expire(first, past);
        expire(second, past);

        var purged = new ExpiredRowsPurge(this.jdbc, Duration.ofDays(1), 1).purge(Instant.now());

        assertThat(purged.tokens()).isGreaterThanOrEqualTo(6);
        assertThat(purged.authorizations()).isGreaterThanOrEqualTo(2);
        assertThat(tokenRows(first) + tokenRows(second) + authorizationRows(first) + authorizationRows(second)).isZero();
    }

    @Test
    void purgeRemovesClientSecretsThatEndedLongAgoAndKeepsTheOthers() {
        String endedLongAgo = SecretHasher.sha256("ended-long-ago-" + UUID.randomUUID());
        String endedRecently = SecretHasher.sha256("ended-recently-" + UUID.randomUUID());
        String endingLater = SecretHasher.sha256("ending-later-" + UUID.randomUUID());
        insertSecret(endedLongAgo, Instant.now().minus(Duration.ofDays(2)));
        insertSecret(endedRecently, Instant.now().minus(Duration.ofHours(1)));
        insertSecret(endingLater, Instant.now().plus(Duration.ofHours(1)));
        try {
            var purged = this.purge.purge(Instant.now());

            assertThat(purged.clientSecrets()).isGreaterThanOrEqualTo(1);
            assertThat(this.jdbc.queryForList("SELECT secret_hash FROM api_client_secret WHERE client_id = ?",
                    String.class, MEMBER))
                .doesNotContain(endedLongAgo)
                .contains(endedRecently, endingLater, SecretHasher.sha256(MEMBER_SECRET));
            HttpResponse<String> token = Http.postForm(BASE + "/oauth/token", Map.of("client_id", MEMBER,
                    "client_secret", MEMBER_SECRET, "grant_type", "client_credentials", "scope", "/read-public"));
            assertThat(token.statusCode()).isEqualTo(200);
        }
        finally {
            this.jdbc.update("DELETE FROM api_client_secret WHERE secret_hash IN (?, ?, ?)", endedLongAgo,
                    endedRecently, endingLater);
        }
    }

    @Test
    void purgeIsScheduled() {
        assertThat(this.schedulers.stream().map(ScheduledTaskHolder::getScheduledTasks).flatMap(Collection::stream)
            .map(task -> task.getTask().getRunnable().toString()))
            .anyMatch(name -> name.contains(ExpiredRowsPurge.class.getName() + ".purgeOnSchedule"));
    }

    /** A secret of the member client as a reset leaves it: ending at the given time. */
    private void insertSecret(String hash, Instant end) {
        this.jdbc.update("INSERT INTO api_client_secret (secret_hash, client_id, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?)", hash, MEMBER, Timestamp.from(end.minus(Duration.ofDays(1))),
                Timestamp.from(end));
    }

    private record Danced(String code, String accessToken, String authorizationId) {
    }

    private Danced danceAndExchange() {
        String code = code();
        JsonNode tokens = Http.json(exchange(code));
        String accessToken = tokens.get("access_token").asString();
        String authorizationId = this.jdbc.queryForObject(
                "SELECT authorization_id FROM oauth_token WHERE token_hash = ?", String.class,
                SecretHasher.sha256(accessToken));
        return new Danced(code, accessToken, authorizationId);
    }

    private void expire(Danced dance, Instant when) {
        this.jdbc.update("UPDATE oauth_token SET expires_at = ? WHERE authorization_id = ?", Timestamp.from(when),
                dance.authorizationId());
        this.jdbc.update("UPDATE oauth_authorization SET expires_at = ? WHERE id = ?", Timestamp.from(when),
                dance.authorizationId());
    }

    private int tokenRows(Danced dance) {
        return this.jdbc.queryForObject("SELECT COUNT(*) FROM oauth_token WHERE authorization_id = ?", Integer.class,
                dance.authorizationId());
    }

    private int authorizationRows(Danced dance) {
        return this.jdbc.queryForObject("SELECT COUNT(*) FROM oauth_authorization WHERE id = ?", Integer.class,
                dance.authorizationId());
    }

    private static String code() {
        try (Browser browser = new Browser()) {
            return Dance.code(browser, BASE, PORT, MEMBER, "/read-limited", ADA_EMAIL, ADA_PASSWORD);
        }
    }

    private static HttpResponse<String> exchange(String code) {
        return Http.postForm(BASE + "/oauth/token", Map.of("client_id", MEMBER, "client_secret", MEMBER_SECRET,
                "grant_type", "authorization_code", "code", code, "redirect_uri", Dance.redirectUri(PORT)),
                "Accept", "application/json");
    }

    private static HttpResponse<String> readRecord(String accessToken) {
        return Http.get(BASE + "/api/v3.0/" + ADA_ORCID + "/record", "Authorization", "Bearer " + accessToken,
                "Accept", "application/vnd.orcid+json");
    }
}
