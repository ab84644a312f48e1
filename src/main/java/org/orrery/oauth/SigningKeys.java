package org.orrery.oauth;

import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The RS256 keys that sign ID tokens, kept in the database so that every node signs and verifies alike.
 * <p>
 * Rotation: {@link #rotate} adds a key that is published at once but used for signing only from
 * {@code active_from} (clients have time to fetch it), and retires the previous keys after the lifetime of the
 * tokens they signed (24 hours). The JWK set publishes every key that is not retired.
 */
@Component
public class SigningKeys {

    static final Duration PUBLISH_BEFORE_USE = Duration.ofHours(1);

    static final Duration KEEP_AFTER_RETIREMENT = Duration.ofHours(25);

    private final JdbcTemplate jdbc;

    public SigningKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every published key (current, upcoming and retiring), public and private parts. */
    public JWKSet published() {
        ensureOne();
        return new JWKSet(load("SELECT * FROM signing_key WHERE retired_at IS NULL OR retired_at > ? ORDER BY active_from DESC",
                Timestamp.from(Instant.now())));
    }

    /**
     * The key that signs now: the most recently activated one. When none is active yet (a fresh registry whose only
     * key is still waiting to be used), one is made that signs at once.
     */
    public RSAKey signing() {
        List<JWK> active = active();
        if (active.isEmpty()) {
            insert(Instant.now().minusSeconds(1));
            active = active();
        }
        return (RSAKey) active.get(0);
    }

    private List<JWK> active() {
        Timestamp now = Timestamp.from(Instant.now());
        return load("SELECT * FROM signing_key WHERE active_from <= ? AND (retired_at IS NULL OR retired_at > ?)"
                + " ORDER BY active_from DESC", now, now);
    }

    /** Publishes a new key now, to sign from {@code activeFrom}; keys activated before it retire later. */
    public String rotate(Instant activeFrom) {
        String kid = insert(activeFrom);
        this.jdbc.update("UPDATE signing_key SET retired_at = ? WHERE kid <> ? AND retired_at IS NULL",
                Timestamp.from(activeFrom.plus(KEEP_AFTER_RETIREMENT)), kid);
        return kid;
    }

    /** When the newest key was created, or null when there is none. */
    public Instant newestCreatedAt() {
        Timestamp newest = this.jdbc.queryForObject("SELECT MAX(created_at) FROM signing_key", Timestamp.class);
        return newest == null ? null : newest.toInstant();
    }

    private void ensureOne() {
        Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM signing_key WHERE retired_at IS NULL",
                Integer.class);
        if (count == null || count == 0) {
            insert(Instant.now().minusSeconds(1));
        }
    }

    private String insert(Instant activeFrom) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyID(UUID.randomUUID().toString())
                .generate();
            this.jdbc.update("INSERT INTO signing_key (kid, private_jwk, created_at, active_from) VALUES (?, ?, ?, ?)",
                    key.getKeyID(), key.toJSONString(), Timestamp.from(Instant.now()), Timestamp.from(activeFrom));
            return key.getKeyID();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not generate a signing key", ex);
        }
        catch (DuplicateKeyException ex) {
            return null;
        }
    }

    private List<JWK> load(String sql, Object... args) {
        List<JWK> keys = new ArrayList<>();
        for (Map<String, Object> row : this.jdbc.queryForList(sql, args)) {
            try {
                keys.add(JWK.parse((String) row.get("private_jwk")));
            }
            catch (ParseException ex) {
                throw new IllegalStateException("Unreadable signing key " + row.get("kid"), ex);
            }
        }
        return keys;
    }
}
