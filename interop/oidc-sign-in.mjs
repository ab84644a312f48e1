// Signs a researcher in to a running Orrery with the openid-client library, configured only with the issuer URL:
// discovery, authorization code flow with PKCE, state and nonce, ID token validation against the published JWK
// set, then userinfo. The browser steps run in headless Chromium driven by playwright-core.
// Input (environment): ISSUER, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, USER_ID, PASSWORD, CHROMIUM.
// Output: one JSON line with what the library saw.
import * as client from 'openid-client';
import { chromium } from 'playwright-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`missing ${name}`);
  return value;
};

const issuer = new URL(env('ISSUER'));
const redirectUri = env('REDIRECT_URI');
// Plain http is fine on a loopback sandbox; openid-client refuses it unless told.
const config = await client.discovery(issuer, env('CLIENT_ID'), env('CLIENT_SECRET'), undefined,
  { execute: [client.allowInsecureRequests] });

const codeVerifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const nonce = client.randomNonce();
const authorizationUrl = client.buildAuthorizationUrl(config, {
  redirect_uri: redirectUri,
  scope: 'openid',
  code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
  code_challenge_method: 'S256',
  state,
  nonce,
});

const browser = await chromium.launch({
  executablePath: env('CHROMIUM'),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let landedOn;
try {
  const page = await browser.newPage();
  await page.goto(authorizationUrl.href);
  await page.fill('#userId', env('USER_ID'));
  await page.fill('#password', env('PASSWORD'));
  await page.click('#form-sign-in-button');
  const authorize = page.locator('#authorize');
  await authorize.waitFor({ timeout: 15000 });
  await Promise.all([page.waitForURL((url) => url.href.startsWith(redirectUri), { timeout: 15000 }), authorize.click()]);
  landedOn = new URL(page.url());
} finally {
  await browser.close();
}

const tokens = await client.authorizationCodeGrant(config, landedOn, {
  pkceCodeVerifier: codeVerifier,
  expectedState: state,
  expectedNonce: nonce,
  idTokenExpected: true,
});
const claims = tokens.claims();
const userInfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
console.log(JSON.stringify({ issuer: config.serverMetadata().issuer, claims, userInfo, scope: tokens.scope }));
