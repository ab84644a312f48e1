#!/bin/sh
# An integration's test in curl, against an Orrery sandbox started with integration-seed.yml:
# reset, authorize without a browser, exchange the code, read with the token. Prints "ok" or fails.
#   ORRERY=http://localhost:8080 sh docs/examples/sandbox-dance.sh
set -eu
ORRERY=${ORRERY:-http://localhost:8080}
CLIENT_ID=APP-EXAMPLE000000001
CLIENT_SECRET=example-integration-secret
REDIRECT_URI=https://integration.example.org/orcid/callback
ORCID=0000-0002-7319-2192

fail() { echo "FAILED: $*" >&2; exit 1; }

# 1. Back to exactly what the seed file describes.
curl -sSf -X POST "$ORRERY/sandbox/reset" > /dev/null || fail "reset"

# 2. Authorize as the researcher, as if they had pressed "Authorize access": the answer is the redirect.
location=$(curl -sS -o /dev/null -w '%{redirect_url}' -u "$CLIENT_ID:$CLIENT_SECRET" \
  -d orcid=$ORCID -d response_type=code --data-urlencode 'scope=/read-limited /activities/update' \
  --data-urlencode "redirect_uri=$REDIRECT_URI" -d state=xyz "$ORRERY/sandbox/oauth/authorize")
code=$(printf '%s' "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
[ -n "$code" ] || fail "no code in '$location'"

# 3. Exchange the code exactly as in production.
token=$(curl -sSf "$ORRERY/oauth/token" -H 'Accept: application/json' \
  -d client_id=$CLIENT_ID -d client_secret=$CLIENT_SECRET -d grant_type=authorization_code -d code="$code" \
  --data-urlencode "redirect_uri=$REDIRECT_URI" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "no access token"

# 4. Read: the /read-limited token sees the limited work; the public API does not.
curl -sSf "$ORRERY/api/v3.0/$ORCID/works" -H 'Accept: application/vnd.orcid+json' \
  -H "Authorization: Bearer $token" | grep -q 'A limited work' || fail "member API without the limited work"
if curl -sSf "$ORRERY/pub/v3.0/$ORCID/works" -H 'Accept: application/vnd.orcid+json' | grep -q 'A limited work'
then fail "public API shows the limited work"; fi
echo ok
