/** The HTTP surface, exercised over loopback against the real server. */
import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { RecommendationDetailDocument, type RecommendationDetailQuery } from './generated/graphql.js';
import { serveApp } from './support/app.js';

const { app } = serveApp();
const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app().url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('GraphQL over HTTP', () => {
  it('runs a generated typed document and returns typed data', async () => {
    const response = await post({ query: print(RecommendationDetailDocument), variables: { number: 16 } });
    expect(response.status).toBe(200);
    const { data, errors } = (await response.json()) as { data: RecommendationDetailQuery; errors?: unknown };
    expect(errors).toBeUndefined();
    const r = data.recommendation!;
    expect(r.number).toBe(16);
    expect(r.text).toBe('Prioritise basic extremism training for all frontline staff, including refresher training, where required.');
    expect(r.response).toMatchObject({ value: 'PARTLY_AGREED', reasons: ['OPERATIONAL'] });
    expect(r.actions.flatMap((a) => a.dateRevisions.map((d) => d.revised?.text))).toEqual(['December 2024', 'Spring 2025']);
  });

  it('echoes a caller’s request id, or issues one', async () => {
    const given = await post({ query: '{ __typename }' }, { 'x-request-id': 'trace-123' });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const issued = await post({ query: '{ __typename }' }, { 'x-request-id': 'not a valid id; drop table' });
    expect(issued.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects malformed requests with a clear, typed error', async () => {
    const badJson = await post('{"query": ');
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST', requestId: expect.any(String) } }],
    });

    const badSyntax = await post({ query: '{ recommendations(' });
    expect(badSyntax.status).toBe(400);
    expect((await badSyntax.json()).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');

    const unknownField = await post({ query: '{ recommendationz { totalCount } }' });
    expect((await unknownField.json()).errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });

    const tooManyTokens = await post({ query: `{ ${'__typename '.repeat(5_000)}}` });
    expect(tooManyTokens.status).toBe(400);
    expect((await tooManyTokens.json()).errors[0]).toMatchObject({
      message: 'The document has more than 4000 tokens, the limit.',
      extensions: { code: 'TOO_MANY_TOKENS', limit: 4000 },
    });

    const tooLarge = await post({ query: `{ __typename }`, padding: 'x'.repeat(1_100_000) });
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).errors[0]).toMatchObject({
      message: 'The request body exceeds 1000000 bytes, the limit.',
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });

    const tooBig = await post({ query: '{ recommendations(first: 1000) { totalCount } }' });
    expect((await tooBig.json()).errors[0]).toMatchObject({
      message: '"first" must be between 0 and 100; got 1000.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('answers bad ids, cursors and operations as client errors, never as server faults', async () => {
    const errorOf = async (body: unknown) => (await (await post(body)).json()).errors[0];
    const unknownType = Buffer.from('Nope:x').toString('base64');
    expect(await errorOf({ query: `{ node(id: "${unknownType}") { id } }` })).toMatchObject({
      message: 'Invalid global ID: it names no type of this API ("Nope").',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const tooMany = Array.from({ length: 101 }, (_, i) => Buffer.from(`Agency:a${i}`).toString('base64'));
    expect(await errorOf({ query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: tooMany } })).toMatchObject({
      message: '"ids" may hold at most 100 ids; got 101.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    for (const cursor of ['R1BDOk46MTIz' /* GPC:N:123, a numeric id */, 'bm90IGEgY3Vyc29y' /* "not a cursor" */]) {
      expect(await errorOf({ query: `{ recommendations(after: "${cursor}") { totalCount } }` })).toMatchObject({
        message: 'Invalid cursor: "after" must be a cursor this API returned.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    for (const operation of ['mutation { x }', 'subscription { x }']) {
      expect(await errorOf({ query: operation }), operation).toMatchObject({ extensions: { code: expect.not.stringMatching('INTERNAL') } });
    }
  });

  it('refuses queries nested beyond the depth limit', async () => {
    const deep = `{ agency(slug: "nsd") { ${'parent { '.repeat(16)}name${' }'.repeat(16)} } }`;
    const body = await (await post({ query: deep })).json();
    expect(body.errors[0]).toMatchObject({
      message: 'Query depth limit of 14 exceeded, found 18.',
      extensions: { code: 'QUERY_TOO_DEEP', limit: 14 },
    });
    expect(body.data).toBeUndefined();
  });
});

describe('health and GraphiQL', () => {
  it('reports liveness and readiness', async () => {
    expect(await (await fetch(`${app().url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app().url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('serves GraphiQL from its own assets to a browser, with the example query', async () => {
    const page = await fetch(`${app().url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('/graphql/assets/graphiql.js');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    expect(html).toContain('RecommendationDetail');
    const script = await fetch(`${app().url}/graphql/assets/graphiql.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${app().url}/graphql/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${app().url}/nowhere`)).status).toBe(404);
  });
});
