/**
 * Tokens verified against a JSON Web Key Set (AUTH_JWKS_URL) instead of a shared secret, with the
 * issuer and audience required: a key set served from loopback, tokens signed with its key read and
 * write as their claims say, and every other token is refused with 401 rather than read as anonymous,
 * among them HS256 tokens, which a key set of public keys must never verify.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey, type JWK } from 'jose';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApp, type RunningApp } from '../src/app.js';
import type { Role } from '../src/auth/claims.js';
import { loadConfig } from '../src/config.js';
import type { OpenDatabase } from '../src/database/open.js';
import { databaseAt } from './support/app.js';
import { TEST_SECRET } from './support/auth.js';
import { clientAs, fingerprint } from './support/writes.js';

const ISSUER = 'https://issuer.test/';
const AUDIENCE = 'inspection-actions';
const KID = 'served-key';

let signing: CryptoKey;
let publicKey: CryptoKey;
let publicJwk: JWK;
let jwks: Server;
let jwksRequests = 0;
let app: RunningApp;
let database: OpenDatabase;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  signing = pair.privateKey;
  publicKey = pair.publicKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'ES256', use: 'sig' };
  jwks = createServer((_req, res) => {
    jwksRequests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((ready) => jwks.listen(0, '127.0.0.1', ready));
  const { port } = jwks.address() as AddressInfo;
  // Built here rather than with serveApp, which configures a shared secret: the two cannot be combined.
  // The read-only database suffices, since the writes tried here are refused or stale and commit nothing.
  database = databaseAt(inject('databaseUrl'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SHUTDOWN_GRACE_MS: '2000',
    RATE_LIMIT_PER_MINUTE: '0',
    // Anonymous reading on, so that a refused token cannot pass for an anonymous read.
    ANONYMOUS_READ: 'true',
    AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
  });
  expect(config.auth.secret).toBeUndefined();
  app = await startApp(config, pino({ level: 'silent' }), database);
});

afterAll(async () => {
  await app?.stop();
  await database?.close();
  await new Promise((done) => jwks?.close(done));
});

interface Signed {
  agency?: string;
  roles?: Role[];
  iss?: string;
  aud?: string;
  /** Seconds from now. */
  expiresIn?: number;
  kid?: string;
  key?: CryptoKey | Uint8Array;
  alg?: string;
}

async function token({
  agency = 'jexu',
  roles = ['viewer'],
  iss = ISSUER,
  aud = AUDIENCE,
  expiresIn = 600,
  kid = KID,
  key = signing,
  alg = 'ES256',
}: Signed = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ agency, roles })
    .setProtectedHeader({ alg, kid })
    .setSubject(`${agency}-${roles.join('-')}`)
    .setIssuer(iss)
    .setAudience(aud)
    .setIssuedAt(now - 60)
    .setExpirationTime(now + expiresIn)
    .sign(key);
}

// Answers are read loosely here: each test asserts the shape it expects.
const post = async (query: string, variables: Record<string, unknown> = {}, jwt?: string): Promise<any> =>
  (await clientAs(app.url, null, jwt ? { authorization: `Bearer ${jwt}` } : {}))(query, variables);

// The audit trail needs a signed-in viewer: reading it shows the token was taken, not ignored.
const READ = '{ recommendations(first: 1) { totalCount } auditEvents(first: 1) { totalCount } }';

describe('a server verifying tokens against a key set', () => {
  it('accepts a token signed with a key of the set, with the configured issuer and audience', async () => {
    const { status, data, errors } = await post(READ, {}, await token());
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(data.recommendations.totalCount).toBe(21);
    expect(data.auditEvents.totalCount).toEqual(expect.any(Number));
    expect(jwksRequests).toBeGreaterThan(0);
    // Without a token the same question is refused: the trail is for signed-in viewers only.
    expect((await post(READ)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  // A stale version gets a write past authorisation to the version check, which then writes nothing:
  // VersionConflict shows the editor was let in, where a viewer, or an editor elsewhere, is turned away.
  it("lets the token's agency and role decide what it may write", async () => {
    const { data } = await post(
      `{ recommendation(inspection: "ct-joint-inspection-2023", number: 11) { actions { id version } }
         jexu: agency(slug: "jexu") { roles { id } } }`,
      {},
      await token(),
    );
    const [action] = data.recommendation.actions;
    const write = async (agency: string, role: Role) =>
      (
        await post(
          `mutation($i: ChangeActionOwnerInput!) { changeActionOwner(input: $i) { __typename ... on UserError { message } } }`,
          { i: { action: action.id, expectedVersion: action.version + 1, owners: [data.jexu.roles[0].id] } },
          await token({ agency, roles: [role] }),
        )
      ).data.changeActionOwner;
    const before = await fingerprint(database.db);
    expect(await write('jexu', 'editor')).toMatchObject({ __typename: 'VersionConflict' });
    expect(await write('jexu', 'viewer')).toMatchObject({ __typename: 'NotAuthorized' });
    expect(await write('ct-nominal-management', 'editor')).toMatchObject({ __typename: 'NotAuthorized' });
    expect(await fingerprint(database.db)).toBe(before);
  });

  it('refuses, with 401, tokens the set does not vouch for, or with the wrong issuer, audience or expiry', async () => {
    const stranger = (await generateKeyPair('ES256')).privateKey;
    const cases: [string, string, string][] = [
      // Same kid and algorithm as the served key, but signed by another: only the signature differs.
      ['signed by a key outside the set', await token({ key: stranger }), 'The token is not valid.'],
      ['naming a kid the set does not hold', await token({ kid: 'unknown-key' }), 'The token is not valid.'],
      ['from another issuer', await token({ iss: 'https://elsewhere.test/' }), 'The token is not valid.'],
      ['for another audience', await token({ aud: 'another-api' }), 'The token is not valid.'],
      ['expired', await token({ expiresIn: -60 }), 'The token has expired.'],
    ];
    for (const [what, jwt, message] of cases) {
      const { status, data, errors } = await post(READ, {}, jwt);
      expect(status, what).toBe(401);
      expect(data, what).toBeUndefined();
      expect(errors[0], what).toMatchObject({ message, extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  // The classic confusion: an HS256 token whose HMAC key is the server's public key (which anyone may
  // fetch), or a shared secret the server once used. A key set of public keys verifies neither; nor
  // does anything verify an unsigned ("alg": "none") token.
  it('refuses HS256 and unsigned tokens, whatever secret signed them', async () => {
    const hs256 = (secret: string) => token({ alg: 'HS256', key: new TextEncoder().encode(secret) });
    const invalid = 'The token is not valid.';
    const cases: [string, string, string][] = [
      ['the test secret', await hs256(TEST_SECRET), invalid],
      ['the served JWK as text', await hs256(JSON.stringify(publicJwk)), invalid],
      ['the served key as PEM', await hs256(await exportSPKI(publicKey)), invalid],
      [
        'no signature',
        new UnsecuredJWT({ agency: 'jexu', roles: ['admin'] })
          .setSubject('jexu-admin')
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime('10m')
          .encode(),
        'The Authorization header must be "Bearer <token>".',
      ],
    ];
    for (const [what, jwt, message] of cases) {
      const { status, data, errors } = await post(READ, {}, jwt);
      expect(status, what).toBe(401);
      expect(data, what).toBeUndefined();
      expect(errors[0], what).toMatchObject({ message, extensions: { code: 'UNAUTHENTICATED' } });
    }
  });
});

describe('a server whose key set cannot be had', () => {
  // Its own app, pointed at a key-set address that first answers 500 and then is not served at all.
  let broken: Server;
  let brokenApp: RunningApp;
  beforeAll(async () => {
    broken = createServer((_req, res) => res.writeHead(500).end('down for maintenance'));
    await new Promise<void>((ready) => broken.listen(0, '127.0.0.1', ready));
    const { port } = broken.address() as AddressInfo;
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      SHUTDOWN_GRACE_MS: '2000',
      RATE_LIMIT_PER_MINUTE: '0',
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    });
    brokenApp = await startApp(config, pino({ level: 'silent' }), database);
  });
  afterAll(async () => {
    await brokenApp?.stop();
    if (broken.listening) await new Promise((done) => broken.close(done));
  });

  const ask = async () =>
    (await clientAs(brokenApp.url, null, { authorization: `Bearer ${await token()}` }))('{ recommendations(first: 1) { totalCount } }');

  it('answers 503 AUTHENTICATION_UNAVAILABLE, not 401 or 500, when the key set answers with an error or not at all', async () => {
    const expected = {
      status: 503,
      errors: [{ message: expect.stringContaining('cannot be checked right now'), extensions: { code: 'AUTHENTICATION_UNAVAILABLE' } }],
    };
    expect(await ask()).toMatchObject(expected);
    await new Promise((done) => broken.close(done));
    expect(await ask()).toMatchObject(expected);
  });
});
