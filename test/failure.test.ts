/**
 * When the database is gone, or fails in a way no client caused: readiness says so, clients get a
 * typed error with the request id, and the details go only to the server log.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/database/embedded.js';
import { serveApp } from './support/app.js';

const LEAKS = /SELECT|ECONNREFUSED|127\.0\.0\.1|prisma|relation|\/work|node_modules|\bat \w/i;
const query = (origin: string, requestId: string) =>
  fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ query: '{ recommendations(first: 2) { nodes { text } } }' }),
  });

describe('an unreachable database', () => {
  // Port 1 on loopback: nothing listens there, so every query fails to connect.
  const { app } = serveApp(() => 'postgresql://nobody@127.0.0.1:1/nothing');

  it('fails readiness but not liveness', async () => {
    expect((await fetch(`${app().url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app().url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database unreachable' });
  });

  it('answers at once with DATABASE_UNAVAILABLE (503), saying what to do, and nothing of the internals', async () => {
    const started = Date.now();
    const response = await query(app().url, 'outage-1');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    const text = await response.text();
    expect(JSON.parse(text).errors).toEqual([
      {
        message: expect.stringMatching(/^The database cannot be reached right now; try again shortly\./),
        locations: [{ line: 1, column: 3 }],
        path: ['recommendations'],
        extensions: { code: 'DATABASE_UNAVAILABLE', requestId: 'outage-1' },
      },
    ]);
    expect(text).not.toMatch(LEAKS);
  });
});

describe('a fault no client caused', () => {
  // A database without the tables: every statement fails, as a broken deployment would.
  let bare: EmbeddedPostgres;
  beforeAll(async () => {
    bare = await startEmbeddedPostgres();
  });
  afterAll(() => bare.stop());
  const lines: string[] = [];
  const log = pino({ level: 'error' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
  const { app } = serveApp(() => bare.url, {}, log);

  it('is masked with the request id; the details are in the server log under the same id', async () => {
    const response = await query(app().url, 'fault-1');
    const text = await response.text();
    expect(JSON.parse(text).errors).toEqual([
      {
        message: 'Internal server error',
        locations: [{ line: 1, column: 3 }],
        path: ['recommendations'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'fault-1' },
      },
    ]);
    expect(text).not.toMatch(LEAKS);
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.req?.id === 'fault-1' || l.reqId === 'fault-1');
    expect(logged, lines.join('\n')).toMatchObject({ msg: 'request failed', err: { message: expect.stringMatching(/does not exist/) } });
  });
});
