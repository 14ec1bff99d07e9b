/**
 * The limits on what a request may ask, each refused with its own stable code and the limit it met;
 * the same limits configured tighter; the rate limit per user and per address; the request timeout;
 * and production mode, where introspection, GraphiQL and field suggestions are off unless enabled.
 */
import { describe, expect, it } from 'vitest';
import { serveApp } from './support/app.js';
import { tokenFor } from './support/auth.js';

const post = async (origin: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
};
const firstError = async (origin: string, query: string) => (await post(origin, { query })).body.errors?.[0];

describe('query limits, at their defaults', () => {
  const { app } = serveApp();

  it.each([
    ['depth', `{ agency(slug: "nsd") { ${'parent { '.repeat(16)}name${' }'.repeat(16)} } }`, 'QUERY_TOO_DEEP', 14],
    ['aliases', `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: agency(slug: "nsd") { name }`).join(' ')} }`, 'TOO_MANY_ALIASES', 30],
    ['directives', `{ __typename ${'@include(if: true) '.repeat(51)}}`, 'TOO_MANY_DIRECTIVES', 50],
    ['tokens', `{ ${'__typename '.repeat(5_000)}}`, 'TOO_MANY_TOKENS', 4000],
    [
      'cost',
      // Costs multiply by page size: 100 inspections x 100 recommendations of each, with their actions.
      `{ inspections(first: 100) { nodes { recommendations(first: 100) { nodes { number actions { key text } } } } } }`,
      'QUERY_TOO_COSTLY',
      50_000,
    ],
  ])('refuses a query over the %s limit with its code, naming the limit', async (_what, query, code, limit) => {
    const { status, body } = await post(app().url, { query });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors[0]).toMatchObject({ message: expect.stringContaining(String(limit)), extensions: { code, limit } });
  });

  it('refuses more than 100 to a page, and a body over 1 MB', async () => {
    expect(await firstError(app().url, '{ recommendations(first: 101) { totalCount } }')).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const large = await post(app().url, { query: '{ __typename }', padding: 'x'.repeat(1_000_001) });
    expect(large.status).toBe(413);
    expect(large.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('limits set by configuration', () => {
  const { app } = serveApp(undefined, { LIMIT_DEPTH: '3', LIMIT_ALIASES: '2', LIMIT_BODY_BYTES: '400', LIMIT_TOKENS: '20' });

  it('applies them instead of the defaults', async () => {
    expect(await firstError(app().url, '{ agency(slug: "nsd") { parent { name } } }')).toBeUndefined();
    expect(await firstError(app().url, '{ agency(slug: "nsd") { parent { parent { name } } } }')).toMatchObject({
      extensions: { code: 'QUERY_TOO_DEEP', limit: 3 },
    });
    expect(
      await firstError(app().url, '{ a: agencies { totalCount } b: agencies { totalCount } c: agencies { totalCount } }'),
    ).toMatchObject({
      extensions: { code: 'TOO_MANY_ALIASES', limit: 2 },
    });
    expect(await firstError(app().url, `{ ${'__typename '.repeat(22)}}`)).toMatchObject({
      extensions: { code: 'TOO_MANY_TOKENS', limit: 20 },
    });
    expect((await post(app().url, { query: `{ __typename }`, padding: 'x'.repeat(400) })).status).toBe(413);
  });
});

describe('the rate limit', () => {
  const { app } = serveApp(undefined, { RATE_LIMIT_PER_MINUTE: '5' });

  it('counts each signed-in user apart, and answers 429 RATE_LIMITED with when to retry', async () => {
    const as = async (sub: string) => ({ authorization: `Bearer ${await tokenFor({ agency: 'jexu', roles: ['viewer'], sub })}` });
    const alice = await as('alice');
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(app().url, { query: '{ __typename }' }, alice)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await post(app().url, { query: '{ __typename }' }, alice);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/^Too many requests: the limit is 5 a minute\. Try again in \d+ s\.$/),
      extensions: { code: 'RATE_LIMITED', retryAfter: expect.any(Number), requestId: expect.any(String) },
    });
    expect((await post(app().url, { query: '{ __typename }' }, await as('bob'))).status).toBe(200);
  });

  it('counts anonymous requests and bad tokens against the address they come from', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(app().url, { query: '{ __typename }' })).status);
    for (let i = 0; i < 3; i++)
      statuses.push((await post(app().url, { query: '{ __typename }' }, { authorization: 'Bearer a.b.c' })).status);
    expect(statuses).toEqual([200, 200, 200, 401, 401, 429]);
    expect((await fetch(`${app().url}/export/recommendations.csv`)).status).toBe(429);
  });
});

describe('the request timeout', () => {
  const { app } = serveApp(undefined, { REQUEST_TIMEOUT_MS: '1' });

  it('answers 503 REQUEST_TIMEOUT, saying a write may still be made', async () => {
    const { status, body } = await post(app().url, { query: '{ recommendations(first: 50) { nodes { actions { text } } } }' });
    expect(status).toBe(503);
    expect(body.errors[0]).toMatchObject({
      message: expect.stringContaining('did not finish within 1 ms. If it was a write, it may still be made'),
      extensions: { code: 'REQUEST_TIMEOUT' },
    });
  });
});

describe('production mode', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';
  const production = { NODE_ENV: 'production' };
  const closed = serveApp(undefined, production);
  const introspective = serveApp(undefined, { ...production, INTROSPECTION: 'true' });
  const withGraphiql = serveApp(undefined, { ...production, GRAPHIQL: 'true' });
  const graphiqlPage = (origin: string) => fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
  /** Production reads need a token. */
  const ask = async (origin: string, query: string) =>
    (await post(origin, { query }, { authorization: `Bearer ${await tokenFor({ agency: 'jexu', roles: ['viewer'] })}` })).body;

  it('refuses introspection, serves no GraphiQL, and suggests no field names', async () => {
    expect((await ask(closed.app().url, INTROSPECT)).errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(await (await graphiqlPage(closed.app().url)).text()).not.toContain('graphiql');
    expect((await fetch(`${closed.app().url}/graphql/assets/graphiql.js`)).status).toBe(404);
    const typo = (await ask(closed.app().url, '{ recommendationz { totalCount } }')).errors[0];
    expect(typo).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(typo.message).not.toMatch(/Did you mean/);
    // graphql words an enum hint differently ("Did you mean the enum value …?"): hidden as well.
    const enumTypo = (await ask(closed.app().url, '{ recommendations(filter: { status: [OVERDU] }) { totalCount } }')).errors[0];
    expect(enumTypo.message).toBe('Value "OVERDU" does not exist in "WorkState" enum. [Suggestion hidden]');
  });

  it('turns introspection on, or GraphiQL with it, when configured', async () => {
    expect((await ask(introspective.app().url, INTROSPECT)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect(await (await graphiqlPage(introspective.app().url)).text()).not.toContain('graphiql');
    expect(await (await graphiqlPage(withGraphiql.app().url)).text()).toContain('/graphql/assets/graphiql.js');
    expect((await ask(withGraphiql.app().url, INTROSPECT)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});
