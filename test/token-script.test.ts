/**
 * `npm run token`, run as users run it: the token it prints is signed with the secret the server uses
 * (AUTH_JWT_SECRET, or the one kept under DATA_DIR) and carries the agency and roles asked for, so the
 * server reads and writes as that viewer; bad arguments print a usage message and no token.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApp, type RunningApp } from '../src/app.js';
import { devSecretPath } from '../src/auth/dev-secret.js';
import { loadConfig } from '../src/config.js';
import type { OpenDatabase } from '../src/database/open.js';
import { databaseAt, serveApp } from './support/app.js';
import { TEST_SECRET } from './support/auth.js';
import { clientAs } from './support/writes.js';

const ROOT = resolve(import.meta.dirname, '..');
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

// Each run gets a DATA_DIR of its own, so no run reads or makes a secret under the project's ./data.
const scratch = mkdtempSync(join(tmpdir(), 'token-script-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let runs = 0;

/** Runs the script with only the settings given: none inherited from the shell running the tests. */
function mint(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(AUTH_|DATA_DIR$|DATABASE_URL$)/.test(name)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/token.ts', ...args], {
    cwd: ROOT,
    env: { ...inherited, DATA_DIR: join(scratch, `run-${++runs}`), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((done, fail) => child.once('error', fail).once('close', (status) => done({ status, stdout, stderr })));
}

/** A token the script printed: one line, nothing else on stdout or stderr. */
async function minted(args: string[], env: Record<string, string> = {}) {
  const { status, stdout, stderr } = await mint(args, env);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  expect(stdout).toMatch(/^[^\n]+\n$/);
  const token = stdout.trim();
  expect(token).toMatch(JWT);
  return token;
}

// A server with the test secret, as AUTH_JWT_SECRET configures it; the read-only database suffices,
// since the writes tried here are refused or stale and commit nothing.
const configured = serveApp();

// A development server with no secret configured: it keeps one under its DATA_DIR, where the script,
// given the same DATA_DIR, must find it.
const devDataDir = join(scratch, 'dev');
let dev: RunningApp;
let devDatabase: OpenDatabase;
beforeAll(async () => {
  devDatabase = databaseAt(inject('databaseUrl'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SHUTDOWN_GRACE_MS: '2000', RATE_LIMIT_PER_MINUTE: '0', DATA_DIR: devDataDir });
  expect(config.auth.secret).toBeUndefined();
  dev = await startApp(config, pino({ level: 'silent' }), devDatabase);
});
afterAll(async () => {
  await dev?.stop();
  await devDatabase?.close();
});

const post = async (origin: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> =>
  (await clientAs(origin, null, { authorization: `Bearer ${token}` }))(query, variables);

/**
 * What the server makes of a token: whether it is signed in (the audit trail needs that), and how a
 * write to an action of JEXU's with a stale version ends. VersionConflict means the write got past
 * authorisation (an editor of an owning agency); NotAuthorized that it did not. Nothing is committed.
 */
async function seenBy(origin: string, token: string) {
  const { data } = await post(
    origin,
    token,
    `{ recommendation(inspection: "ct-joint-inspection-2023", number: 11) { actions { id version } } jexu: agency(slug: "jexu") { roles { id } } }`,
  );
  const [action] = data.recommendation.actions;
  const trail = await post(origin, token, '{ auditEvents(first: 1) { totalCount } }');
  const write = await post(origin, token, `mutation($i: ChangeActionOwnerInput!) { changeActionOwner(input: $i) { __typename } }`, {
    i: { action: action.id, expectedVersion: action.version + 1, owners: [data.jexu.roles[0].id] },
  });
  return { signedIn: trail.errors === undefined && trail.status === 200, write: write.data.changeActionOwner.__typename };
}

describe('npm run token', () => {
  it('prints a token of the configured secret, for the agency and role asked, valid for 8 hours', async () => {
    const token = await minted(['--agency', 'jexu', '--role', 'editor'], { AUTH_JWT_SECRET: TEST_SECRET });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ agency: 'jexu', roles: ['editor'], sub: 'jexu-editor' });
    expect(claims.exp! - claims.iat!).toBe(8 * 3600);
    expect(await seenBy(configured.app().url, token)).toEqual({ signedIn: true, write: 'VersionConflict' });
  });

  it('carries every role, the subject, name and lifetime given, and the agency decides what it may write', async () => {
    const [viewer, elsewhere, both] = await Promise.all([
      minted(['--agency', 'jexu', '--role', 'viewer', '--sub', 'alice', '--name', 'Alice Example', '--ttl', '5m'], {
        AUTH_JWT_SECRET: TEST_SECRET,
      }),
      minted(['--agency', 'ct-nominal-management', '--role', 'editor'], { AUTH_JWT_SECRET: TEST_SECRET }),
      minted(['--agency', 'jexu', '--role', 'viewer', '--role', 'editor'], { AUTH_JWT_SECRET: TEST_SECRET }),
    ]);
    const claims = decodeJwt(viewer);
    expect(claims).toMatchObject({ agency: 'jexu', roles: ['viewer'], sub: 'alice', name: 'Alice Example' });
    expect(claims.exp! - claims.iat!).toBe(300);
    expect(decodeJwt(both)).toMatchObject({ roles: ['viewer', 'editor'], sub: 'jexu-viewer-editor' });
    const origin = configured.app().url;
    expect(await seenBy(origin, viewer)).toEqual({ signedIn: true, write: 'NotAuthorized' });
    expect(await seenBy(origin, elsewhere)).toEqual({ signedIn: true, write: 'NotAuthorized' });
    expect(await seenBy(origin, both)).toEqual({ signedIn: true, write: 'VersionConflict' });
  });

  // The script cannot know every agency (imports add them, and the embedded database belongs to the
  // running server): a well-formed unknown one gets a token, which the server refuses at first use.
  it('leaves an unknown agency to the server, which refuses the token outright', async () => {
    const token = await minted(['--agency', 'no-such-agency', '--role', 'editor'], { AUTH_JWT_SECRET: TEST_SECRET });
    const refused = await post(configured.app().url, token, '{ recommendations(first: 1) { totalCount } }');
    expect(refused.status).toBe(401);
    expect(refused.errors[0]).toMatchObject({
      message: 'The token names agency "no-such-agency", which this API does not know.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('sets the issuer and audience the server requires, when configured', async () => {
    const token = await minted(['--agency', 'jexu', '--role', 'viewer'], {
      AUTH_JWT_SECRET: TEST_SECRET,
      AUTH_ISSUER: 'https://issuer.test/',
      AUTH_AUDIENCE: 'inspection-actions',
    });
    expect(decodeJwt(token)).toMatchObject({ iss: 'https://issuer.test/', aud: 'inspection-actions' });
  });

  it('without a configured secret, signs with the one the development server keeps under DATA_DIR', async () => {
    const token = await minted(['--agency', 'jexu', '--role', 'editor'], { DATA_DIR: devDataDir });
    expect(statSync(devSecretPath(devDataDir)).mode & 0o777).toBe(0o600);
    expect(await seenBy(dev.url, token)).toEqual({ signedIn: true, write: 'VersionConflict' });
    // And only with that one: a server with another secret refuses it outright.
    const refused = await post(configured.app().url, token, '{ recommendations(first: 1) { totalCount } }');
    expect(refused.status).toBe(401);
    expect(refused.errors[0]).toMatchObject({ message: 'The token is not valid.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses bad arguments with a message and the usage, printing no token', async () => {
    const secret = { AUTH_JWT_SECRET: TEST_SECRET };
    const cases: [string[], Record<string, string>, string | RegExp][] = [
      [[], secret, '--agency is required.'],
      [['--role', 'editor'], secret, '--agency is required.'],
      [['--agency', 'jexu'], secret, '--role is required.'],
      [['--agency', 'jexu', '--role', 'superuser'], secret, 'Unknown role superuser.'],
      [['--agency', 'jexu', '--role', 'editor', '--role', 'root'], secret, 'Unknown role root.'],
      [['--agency', 'Not A Slug', '--role', 'editor'], secret, /^--agency "Not A Slug" is not an agency slug/],
      [['--agency', 'jexu', '--role', 'editor', '--sub', ''], secret, /^Unusable claims: sub /],
      [['--agency', 'jexu', '--role', 'editor', '--ttl', 'soon'], secret, /^--ttl "soon" is not a period/],
      [['--agency', 'jexu', '--role', 'editor', '--ttl=-1h'], secret, /^--ttl "-1h" is not a period/],
      [['--agency', 'jexu', '--role', 'editor', '--agencey', 'jexu'], secret, /^Unknown option '--agencey'/],
      [['--agency'], secret, /^Option '--agency <value>' argument missing/],
      [['--agency', 'jexu', '--role', 'editor', 'extra'], secret, /^Unexpected argument 'extra'/],
      [['--agency', 'jexu', '--role', 'editor'], { AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json' }, /AUTH_JWKS_URL/],
      [['--agency', 'jexu', '--role', 'editor'], { AUTH_JWT_SECRET: 'too-short' }, /^Invalid configuration: AUTH_JWT_SECRET/],
    ];
    // Two at a time: each run starts a Node process.
    const results: Awaited<ReturnType<typeof mint>>[] = [];
    for (let i = 0; i < cases.length; i += 2) results.push(...(await Promise.all(cases.slice(i, i + 2).map(([a, e]) => mint(a, e)))));
    cases.forEach(([args, , message], i) => {
      const { status, stdout, stderr } = results[i];
      const what = args.join(' ') || '(no arguments)';
      expect(stdout, what).toBe('');
      expect(status, what).toBe(2);
      expect(stderr, what).toMatch(
        typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`) : message,
      );
      expect(stderr, what).toContain('usage: npm run token -- --agency <slug> --role <viewer|editor|inspector|admin>');
      // A message, not a crash: no stack trace.
      expect(stderr, what).not.toMatch(/^\s+at /m);
    });
  }, 120_000);
});
