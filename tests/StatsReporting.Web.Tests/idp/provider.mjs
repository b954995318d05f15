// The kommun's OpenID provider in the tests: the certified `oidc-provider` (npm), not a mock, with its own login form
// and three users in different groups. Started by OidcProvider.cs:
//   node provider.mjs <port> <client-json>
// client-json: the registered client, or an array of them (client_id, client_secret or jwks, redirect_uris,
// post_logout_redirect_uris).
// Prints one JSON line {"issuer": …} once it listens. For the tests only, under /_test/:
//   POST /_test/groups/<user>   body: JSON array      the user's groups from now on (as AD changes them)
//   POST /_test/tamper/<mode>                          the token endpoint's next id tokens, spoilt: signed by another
//                                                      key (nyckel), for another client (klient), expired (utgangen),
//                                                      with another nonce (nonce); "av" stops it.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';

const [port, clientJson] = process.argv.slice(2);
if (!port || !clientJson) {
  console.error('användning: node provider.mjs <port> <client-json>');
  process.exit(2);
}
const issuer = `http://localhost:${port}`;

const users = {
  anna: { password: 'anna-losen', name: 'Anna Andersson', groups: ['SR-Controller-A'] },
  bertil: { password: 'bertil-losen', name: 'Bertil Berg', groups: ['SR-Ivo-B'] },
  ulla: { password: 'ulla-losen', name: 'Ulla Utan', groups: ['Ekonomi'] },
};

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signing = { ...(await exportJWK(privateKey)), kid: 'k1', use: 'sig', alg: 'RS256' };
const other = (await generateKeyPair('RS256')).privateKey;
let tamper = 'av';

const provider = new Provider(issuer, {
  clients: [JSON.parse(clientJson)].flat().map((c) => ({ response_types: ['code'], grant_types: ['authorization_code'], ...c })),
  jwks: { keys: [signing] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'groups'],
  claims: { openid: ['sub'], profile: ['name'], groups: ['groups'] },
  conformIdTokenClaims: false, // name and groups in the id token itself, as Entra ID and ADFS send them
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true, logoutSource },
  },
  // Our own first-party client: no consent screen.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile groups');
    await grant.save();
    return grant;
  },
  async findAccount(ctx, id) {
    if (!users[id]) return undefined;
    return { accountId: id, async claims() { return { sub: id, name: users[id].name, groups: users[id].groups }; } };
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
});

// A spoilt id token, as an attacker or a broken provider would send it; signed with the provider's own key unless
// the point is another key.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || tamper === 'av' || !ctx.body?.id_token) return;
  const claims = decodeJwt(ctx.body.id_token);
  const now = Math.floor(Date.now() / 1000);
  if (tamper === 'klient') claims.aud = 'en-annan-klient';
  if (tamper === 'utgangen') Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
  if (tamper === 'nonce') claims.nonce = 'en-annan-nonce';
  ctx.body.id_token = await new SignJWT(claims).setProtectedHeader(decodeProtectedHeader(ctx.body.id_token))
    .sign(tamper === 'nyckel' ? other : privateKey);
});

async function logoutSource(ctx, form) {
  ctx.body = `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Logga ut</title></head><body>
    <h1>Vill du logga ut från kommunens inloggning?</h1>${form}
    <button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, logga ut</button>
    <button type="submit" form="op.logoutForm">Nej</button></body></html>`;
}

function loginPage(uid, error) {
  return `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Kommunens inloggning</title></head><body>
    <h1>Kommunens inloggning</h1>${error ? `<p role="alert">${error}</p>` : ''}
    <form method="post" action="/interaction/${uid}">
      <label for="user">Användarnamn</label> <input id="user" name="user" autocomplete="username">
      <label for="password">Lösenord</label> <input id="password" name="password" type="password">
      <button type="submit">Logga in</button>
    </form></body></html>`;
}

async function body(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

async function interaction(req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name !== 'login') throw new Error(`oväntad prompt ${details.prompt.name}`);
  if (req.method === 'POST') {
    const form = new URLSearchParams(await body(req));
    const user = users[form.get('user')];
    if (user && user.password === form.get('password')) {
      return provider.interactionFinished(req, res, { login: { accountId: form.get('user') } }, { mergeWithLastSubmission: false });
    }
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(loginPage(uid, req.method === 'POST' ? 'Fel användarnamn eller lösenord.' : ''));
}

async function control(req, res, [what, arg]) {
  if (req.method !== 'POST') { res.writeHead(405); return res.end(); }
  if (what === 'groups' && users[arg]) users[arg].groups = JSON.parse(await body(req));
  else if (what === 'tamper' && ['av', 'nyckel', 'klient', 'utgangen', 'nonce'].includes(arg)) tamper = arg;
  else { res.writeHead(404); return res.end(); }
  res.writeHead(204);
  res.end();
}

const callback = provider.callback();
const handle = async (req, res) => {
  const path = new URL(req.url, issuer).pathname.split('/').filter(Boolean);
  try {
    if (path[0] === 'interaction' && path.length === 2) return await interaction(req, res, path[1]);
    if (path[0] === '_test') return await control(req, res, path.slice(1));
    return callback(req, res);
  } catch (e) {
    console.error(e);
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(String(e));
  }
};
// "localhost" is both 127.0.0.1 and ::1: whichever a client tries first answers.
await Promise.all(['127.0.0.1', '::1'].map((host) => new Promise((ok) => http.createServer(handle).listen(Number(port), host, ok))));
console.log(JSON.stringify({ issuer }));
