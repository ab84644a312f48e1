-- Synthetic OAuth rows for bench/token-scale, shaped like the ones Orrery writes (HashedAuthorizationService):
-- 1,000 API clients, then authorizations with their codes and tokens in a fixed mix that repeats every 20
-- authorizations (40 token rows). Synthetic token n (0, 1, 2, ...) is always the same row, so the table grows by
-- inserting the next range of n: SELECT bench.insert_tokens(lo, hi). Everything but the rows lives in
-- schema bench.
CREATE SCHEMA bench;

-- The run: when it started and how many tokens it grows to (psql variable top).
CREATE TABLE bench.run AS SELECT now() AS started, :'top'::bigint AS top;

-- A pseudo-random number in [0, 1) from 8 hex digits of a hash, starting at the given one.
CREATE FUNCTION bench.unit(hash text, digit int) RETURNS double precision LANGUAGE sql IMMUTABLE
AS $$ SELECT ('x' || substr(hash, digit, 8))::bit(32)::bigint / 4294967296.0 $$;

-- One period of the mix: 20 authorizations (grp 0..19) and their 40 token rows (slot 0..39), in this order.
-- Three-legged tokens live about 20 years (ORCID's lifetime), so little expires: codes do, after 10 minutes, and
-- stay until the purge (1 day after expiry); that is why new and abandoned grants are from the last 12 hours.
CREATE TABLE bench.token_slot AS
WITH mix (pos, grant_kind, grants, tokens) AS (VALUES
    (1, 'read-public', 5, ARRAY['access']),                                        -- client credentials
    (2, 'granted',     8, ARRAY['access', 'refresh']),                             -- three-legged, in use
    (3, 'refreshed',   2, ARRAY['rotated access', 'rotated refresh', 'access', 'refresh']),
    (4, 'new',         2, ARRAY['used code', 'access', 'refresh']),               -- granted today
    (5, 'revoked',     2, ARRAY['revoked access', 'revoked refresh']),            -- by researcher or client
    (6, 'abandoned',   1, ARRAY['code'])),                                         -- never exchanged
grants AS (
    SELECT mix.*, row_number() OVER (ORDER BY pos, i) - 1 AS grp FROM mix, generate_series(1, grants) i)
SELECT row_number() OVER (ORDER BY grp, ord) - 1 AS slot, grp, grant_kind, ord,
       substring(token FROM '[a-z]+$') AS kind, substring(token FROM '^([a-z]+) ') AS state
FROM grants, unnest(tokens) WITH ORDINALITY AS u (token, ord);

-- 1,000 clients (ids APP-SYN0000000000000 ..), each with one redirect URI.
INSERT INTO api_client (client_id, client_type, name, description, website, redirect_uri_matching, created_at)
SELECT 'APP-SYN' || lpad(c::text, 13, '0'),
       CASE WHEN c % 10 < 7 THEN 'MEMBER' WHEN c % 10 < 9 THEN 'PUBLIC' ELSE 'PREMIUM_MEMBER' END,
       'Synthetic client ' || c, 'A client of bench/token-scale.', 'https://client' || c || '.example.org',
       'EXACT', now() - interval '8 years' * bench.unit(md5(c::text), 1)
FROM generate_series(0, 999) c;
INSERT INTO api_client_redirect_uri (client_id, position, uri)
SELECT client_id, 0, website || '/orcid/callback' FROM api_client WHERE client_id LIKE 'APP-SYN%';

-- Synthetic tokens lo .. hi - 1 with the columns of their authorization (g), whose row comes with its first
-- token (ord = 1). The MD5 of g is the authorization's id and its random choices. Grants are issued in order over
-- the 3 years before the run (by the time the table reaches its top size), as a table that grew over time holds
-- them, except new and abandoned ones (last 12 hours). Clients are skewed: a few hold most grants.
CREATE FUNCTION bench.synthetic(lo bigint, hi bigint) RETURNS TABLE (
    n bigint, g bigint, ord bigint, grant_kind text, kind text, state text, token_hash text, authorization_id text,
    client_id text, orcid text, scopes text, created timestamptz, later timestamptz)
LANGUAGE sql STABLE AS $$
SELECT n, g, s.ord, s.grant_kind, s.kind, s.state,
       encode(sha256(('orrery-synthetic-token-' || n)::bytea), 'hex'), h::uuid::text,
       'APP-SYN' || lpad(floor(1000 * bench.unit(h, 1) ^ 3)::text, 13, '0'),
       CASE WHEN s.grant_kind <> 'read-public' THEN '0009-' || substr(d, 1, 4) || '-' || substr(d, 5, 4) || '-'
           || substr(d, 9, 4) END,
       CASE WHEN s.grant_kind = 'read-public' THEN '/read-public'
            WHEN bench.unit(h, 20) < 0.6 THEN '/read-limited /activities/update'
            WHEN bench.unit(h, 20) < 0.85 THEN '/authenticate'
            ELSE '/read-limited /activities/update /person/update' END,
       created, created + (r.started - created) * bench.unit(h, 25)
FROM bench.run r
CROSS JOIN generate_series(lo, hi - 1) n
JOIN bench.token_slot s ON s.slot = n % 40
CROSS JOIN LATERAL (SELECT n / 40 * 20 + s.grp AS g) grp
CROSS JOIN LATERAL (SELECT md5('orrery-synthetic-authorization-' || g) AS h) hash
CROSS JOIN LATERAL (SELECT lpad((('x' || substr(h, 9, 11))::bit(44)::bigint % 1000000000000)::text, 12, '0') AS d) iD
CROSS JOIN LATERAL (SELECT CASE WHEN s.grant_kind IN ('new', 'abandoned')
        THEN r.started - interval '12 hours' * bench.unit(h, 17)
        ELSE r.started - interval '3 years' * (1 - (n / 40 + bench.unit(h, 17)) * 40 / r.top) END AS created) c
$$;

-- Inserts synthetic tokens lo .. hi - 1 (and their authorizations); returns how many.
CREATE FUNCTION bench.insert_tokens(lo bigint, hi bigint) RETURNS bigint LANGUAGE sql
SET jit = off            -- compiling the generated expressions would take longer than running them
AS $$
INSERT INTO oauth_authorization (id, client_id, orcid, grant_type, authorized_scopes, request, attributes, created_at,
    expires_at)
SELECT authorization_id, client_id, orcid,
       CASE WHEN grant_kind = 'read-public' THEN 'client_credentials' ELSE 'authorization_code' END, scopes,
       CASE WHEN grant_kind <> 'read-public' THEN json_build_object('authorizationUri',
           'https://orrery.example.org/oauth/authorize', 'clientId', client_id,
           'redirectUri', 'https://client' || ltrim(substr(client_id, 8), '0') || '.example.org/orcid/callback',
           'scopes', string_to_array(scopes, ' '), 'state', NULL, 'additionalParameters', '{}'::json)::text END,
       '{}', created,
       CASE grant_kind WHEN 'abandoned' THEN created + interval '10 minutes'
           WHEN 'refreshed' THEN later ELSE created END + interval '631138519 seconds'
FROM bench.synthetic(lo, hi) WHERE ord = 1;
INSERT INTO oauth_token (token_hash, authorization_id, token_kind, scopes, issued_at, expires_at, invalidated,
    revoke_reason, revoked_at, pair_hash)
SELECT token_hash, authorization_id, kind, CASE WHEN kind = 'access' THEN scopes END, issued,
       issued + CASE WHEN kind = 'code' THEN interval '10 minutes' ELSE interval '631138519 seconds' END,
       state IS NOT NULL,
       CASE state WHEN 'rotated' THEN 'ROTATED'
           WHEN 'revoked' THEN CASE WHEN g % 2 = 0 THEN 'USER_REVOKED' ELSE 'CLIENT_REVOKED' END END,
       CASE state WHEN 'used' THEN created + interval '100 milliseconds' WHEN 'rotated' THEN later
           WHEN 'revoked' THEN later END,
       CASE WHEN kind = 'refresh' THEN encode(sha256(('orrery-synthetic-token-' || n - 1)::bytea), 'hex') END
FROM bench.synthetic(lo, hi)
CROSS JOIN LATERAL (SELECT CASE WHEN grant_kind = 'refreshed' AND state IS NULL THEN later ELSE created END
    AS issued) i;
SELECT hi - lo;
$$;
