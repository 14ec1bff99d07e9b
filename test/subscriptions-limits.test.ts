/**
 * The WebSocket endpoint holds to the same limits as HTTP: it serves subscriptions only (queries and
 * mutations would escape the HTTP timeout and rate limit), counts each subscription start against the
 * HTTP rate limiter, refuses introspection and hides field suggestions in production, and stamps every
 * error with a request id.
 */
import { createClient, type Client } from 'graphql-ws';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serveApp } from './support/app.js';
import { tokenFor } from './support/auth.js';

/** graphql-ws's client has no headers option: this sends `headers` with the upgrade request. */
const sendingHeaders = (headers: Record<string, string>) =>
  class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };

const clients: Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
});

/** A connection, signed in as `sub` (or anonymous), from `address` as X-Forwarded-For says; resolves once acknowledged. */
async function connect(origin: string, { sub, address = '198.51.100.1' }: { sub?: string; address?: string }) {
  const token = sub ? await tokenFor({ agency: 'jexu', roles: ['viewer'], sub }) : undefined;
  const client = createClient({
    url: origin.replace('http', 'ws') + '/graphql',
    webSocketImpl: sendingHeaders({ 'x-forwarded-for': address }),
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: false,
    retryAttempts: 0,
    // The server closes every connection as it stops; that is not worth a line on stderr.
    onNonLazyError: () => {},
  });
  clients.push(client);
  await new Promise((connected, closed) => {
    client.on('connected', connected);
    client.on('closed', closed);
  });
  return client;
}

type Outcome = { next: any } | { error: any } | 'running';

/** What an operation first gets: a result, an error, or (for a live subscription with nothing to send yet) nothing. */
function start(client: Client, query: string): Promise<Outcome> {
  return new Promise((resolve) => {
    client.subscribe(
      { query },
      { next: (next) => resolve({ next }), error: (error) => resolve({ error }), complete: () => resolve('running') },
    );
    setTimeout(() => resolve('running'), 500);
  });
}

/** The errors of an operation refused before it runs (graphql-ws's `error` message). */
async function refusal(client: Client, query: string) {
  const outcome = await start(client, query);
  expect(outcome).toHaveProperty('error');
  return (outcome as { error: any[] }).error;
}

const post = async (origin: string, query: string, headers: Record<string, string>) =>
  fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

const FEED = 'subscription { planEvents(inspection: "ct-joint-inspection-2023") { sequence } }';
/** graphql-ws's operation ids, behind the connection's: `<connection>:<operation>`. */
const REQUEST_ID = expect.stringMatching(/^[\w-]+:[\w-]+$/);

describe('the WebSocket endpoint', () => {
  const { app } = serveApp(undefined, { RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'true' });

  it('refuses queries and mutations, which go over HTTP, with BAD_REQUEST and a request id', async () => {
    const client = await connect(app().url, { sub: 'ws-asker' });
    const expected = [
      {
        message: 'Queries and mutations are served over HTTP (POST /graphql), not over WebSocket.',
        extensions: { code: 'BAD_REQUEST', requestId: REQUEST_ID },
      },
    ];
    expect(await refusal(client, '{ __typename }')).toEqual(expected);
    expect(await refusal(client, 'mutation { __typename }')).toEqual(expected);
  });

  it('reports a limit with its code and the limit it met', async () => {
    const client = await connect(app().url, { sub: 'ws-limits' });
    const errors = await refusal(client, `subscription { planEvents { sequence ${'@include(if: true) '.repeat(51)}} }`);
    expect(errors[0]).toMatchObject({ extensions: { code: 'TOO_MANY_DIRECTIVES', limit: 50, requestId: REQUEST_ID } });
  });

  it('suggests field names outside production', async () => {
    const client = await connect(app().url, { sub: 'ws-typo' });
    const errors = await refusal(client, 'subscription { planEventz { sequence } }');
    expect(errors[0].message).toMatch(/Did you mean "planEvents"\?/);
    // The code HTTP gives the same mistake.
    expect(errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: REQUEST_ID });
  });

  it('counts each subscription start against the user, in the same count as HTTP', async () => {
    const client = await connect(app().url, { sub: 'ws-alice' });
    const alice = { authorization: `Bearer ${await tokenFor({ agency: 'jexu', roles: ['viewer'], sub: 'ws-alice' })}` };
    expect((await post(app().url, '{ __typename }', alice)).status).toBe(200);
    expect([await start(client, FEED), await start(client, FEED)]).toEqual(['running', 'running']);
    expect(await refusal(client, FEED)).toEqual([
      {
        message: expect.stringMatching(/^Too many requests: the limit is 3 a minute\. Try again in \d+ s\.$/),
        extensions: { code: 'RATE_LIMITED', retryAfter: expect.any(Number), requestId: REQUEST_ID },
      },
    ]);
    expect((await post(app().url, '{ __typename }', alice)).status).toBe(429);
    // Another user, on the same address, is counted apart.
    expect(await start(await connect(app().url, { sub: 'ws-bob' }), FEED)).toBe('running');
  });

  it('counts anonymous subscription starts against the address the upgrade request came from', async () => {
    const address = '203.0.113.7';
    for (let i = 0; i < 3; i++) expect((await post(app().url, '{ __typename }', { 'x-forwarded-for': address })).status).toBe(200);
    const anonymous = await connect(app().url, { address });
    expect((await refusal(anonymous, FEED))[0].extensions).toMatchObject({ code: 'RATE_LIMITED', requestId: REQUEST_ID });
    // Another address is not: planEvents itself then asks it to sign in.
    const elsewhere = await start(await connect(app().url, { address: '203.0.113.8' }), FEED);
    expect(elsewhere).toEqual({
      next: { errors: [expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED', requestId: REQUEST_ID } })] },
    });
  });
});

describe('the WebSocket endpoint in production', () => {
  const { app } = serveApp(undefined, { NODE_ENV: 'production' });

  it('refuses introspection', async () => {
    const client = await connect(app().url, { sub: 'ws-prod-introspect' });
    const errors = await refusal(client, '{ __schema { queryType { name } } }');
    // One error for each introspection field asked for (__schema, queryType).
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors)
      expect(error).toMatchObject({
        message: expect.stringContaining('introspection has been disabled'),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', requestId: REQUEST_ID },
      });
  });

  it('suggests no field names', async () => {
    const client = await connect(app().url, { sub: 'ws-prod-typo' });
    const errors = await refusal(client, 'subscription { planEventz { sequence } }');
    expect(errors[0].message).toContain('Cannot query field "planEventz" on type "Subscription".');
    expect(errors[0].message).not.toMatch(/Did you mean|planEvents"/);
    expect(errors[0].extensions.requestId).toEqual(REQUEST_ID);
  });
});
