// node-oidc-provider 9 as a bench peer: in memory, one confidential client, one user whose password is checked
// with scrypt at a cost given on the command line, a sign-in page and a consent page. Never part of the product:
// bench/peers/node-oidc/run installs it into a scratch folder and starts it on loopback.
//
//   node server.mjs PORT [SCRYPT_LOG2_N]    (default 14: N=16384, r=8, p=1, node-oidc-provider's example cost)
import { createServer } from 'node:http';
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.argv[2] || 8190);
const logN = Number(process.argv[3] || 14);
const issuer = `http://127.0.0.1:${port}`;
const scryptOptions = { N: 2 ** logN, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };

const USER = { id: 'bench-user', username: 'bench-user', password: 'bench-password', name: 'Bench User' };
const salt = randomBytes(16);
const storedHash = scryptSync(USER.password, salt, 32, scryptOptions);
const passwordMatches = (given) => timingSafeEqual(scryptSync(String(given), salt, 32, scryptOptions), storedHash);

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'bench-client',
    client_secret: 'bench-client-secret',
    grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
    response_types: ['code'],
    redirect_uris: ['http://127.0.0.1:9/callback'],
    token_endpoint_auth_method: 'client_secret_post',
    scope: 'openid profile offline_access api',
  }],
  scopes: ['openid', 'profile', 'offline_access', 'api'],
  claims: { openid: ['sub'], profile: ['name'] },
  features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
  pkce: { required: () => false },
  findAccount: (ctx, id) => (id === USER.id ? { accountId: id, claims: () => ({ sub: id, name: USER.name }) } : undefined),
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  ttl: { AccessToken: 3600, ClientCredentials: 3600, AuthorizationCode: 600, RefreshToken: 86400, Session: 3600, Interaction: 600, Grant: 86400 },
});
provider.proxy = false;

const page = (title, body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>`
  + `<body><main><h1>${title}</h1>${body}</main></body></html>`;

function readForm(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk) => { data += chunk; if (data.length > 10000) reject(new Error('form too large')); });
    req.on('end', () => resolve(new URLSearchParams(data)));
    req.on('error', reject);
  });
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) {
    res.writeHead(400).end('interaction mismatch');
    return;
  }
  if (req.method === 'GET') {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (details.prompt.name === 'login') {
      res.end(page('Sign in', `<form method="post" action="/interaction/${uid}/login">`
        + '<label>User <input name="username"></label><label>Password <input type="password" name="password"></label>'
        + '<button>Sign in</button></form>'));
    } else {
      res.end(page('Authorize', `<form method="post" action="/interaction/${uid}/confirm"><button>Authorize</button></form>`));
    }
    return;
  }
  const form = await readForm(req);
  if (action === 'login') {
    if (form.get('username') !== USER.username || !passwordMatches(form.get('password') || '')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page('Sign in', '<p>Wrong password</p>'));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: USER.id } }, { mergeWithLastSubmission: false });
    return;
  }
  const { prompt: { details: missing }, params, session } = details;
  const grant = details.grantId ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

const callback = provider.callback();
createServer(async (req, res) => {
  const match = /^\/interaction\/([^/?]+)(?:\/(login|confirm))?$/.exec(req.url.split('?')[0]);
  if (!match) {
    callback(req, res);
    return;
  }
  try {
    await interaction(req, res, match[1], match[2]);
  } catch (error) {
    if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain' });
    res.end(String(error.message || error));
  }
}).listen(port, '127.0.0.1', () => console.log(`node-oidc-provider peer on ${issuer}, scrypt N=2^${logN}`));
