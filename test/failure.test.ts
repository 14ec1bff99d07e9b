/** When the database is gone: readiness says so, and clients learn nothing of the internals. */
import { describe, expect, it } from 'vitest';
import { serveApp } from './support/app.js';

// Port 1 on loopback: nothing listens there, so every query fails to connect.
const { app } = serveApp(() => 'postgresql://nobody@127.0.0.1:1/nothing');

describe('an unreachable database', () => {
  it('fails readiness but not liveness', async () => {
    expect((await fetch(`${app().url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app().url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database unreachable' });
  });

  it('masks the failure: no SQL, stack, address or path reaches the client', async () => {
    const response = await fetch(`${app().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ recommendations(first: 2) { nodes { text } } }' }),
    });
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.errors).toEqual([
      {
        message: 'Internal server error',
        locations: [{ line: 1, column: 3 }],
        path: ['recommendations'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expect(text).not.toMatch(/SELECT|ECONNREFUSED|127\.0\.0\.1|prisma|\/work|node_modules|\bat \w/i);
  });
});
