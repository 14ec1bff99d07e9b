/**
 * Who may read and write what, over HTTP: tokens that are missing, expired, forged or malformed; the
 * audit trail and inspectorate comments as each agency and role sees them; and bad write input,
 * refused with typed errors and nothing written. Tests that write share one database, so each file
 * writes to records of its own (here recommendation 12).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../src/database/client.js';
import { serveApp } from './support/app.js';
import { tokenFor, type Persona } from './support/auth.js';
import { clientAs, fingerprint, type Gql } from './support/writes.js';

const writable = () => inject('writableDatabaseUrl');
const open = serveApp(writable, { ANONYMOUS_READ: 'true' });
const closed = serveApp(writable, { ANONYMOUS_READ: 'false' });
const db = createDatabase({ url: writable(), maxConnections: 2 });
afterAll(() => db.$disconnect());

const QUERY = '{ recommendations(first: 1) { totalCount } }';
const post = (origin: string, body: unknown, authorization?: string) =>
  fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });

describe('signing in', () => {
  it('lets anonymous requests read only where configured to', async () => {
    expect((await post(open.app().url, { query: QUERY })).status).toBe(200);
    const refused = await post(closed.app().url, { query: QUERY });
    expect(refused.status).toBe(401);
    expect((await refused.json()).errors[0]).toMatchObject({
      message: expect.stringContaining('Sign in: send "Authorization: Bearer <token>".'),
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const export_ = await fetch(`${closed.app().url}/export/recommendations.csv`);
    expect(export_.status).toBe(401);
    const token = await tokenFor({ agency: 'jexu', roles: ['viewer'] });
    expect(await (await post(closed.app().url, { query: QUERY }, `Bearer ${token}`)).json()).toEqual({
      data: { recommendations: { totalCount: 21 } },
    });
  });

  it('refuses expired, forged, malformed and unusable tokens outright, even where anonymous reading is on', async () => {
    const cases: [string, string][] = [
      [`Bearer ${await tokenFor({ agency: 'jexu', roles: ['viewer'], expiresIn: -60 })}`, 'The token has expired.'],
      [
        `Bearer ${await tokenFor({ agency: 'jexu', roles: ['admin'], secret: 'another-secret-of-at-least-32-characters' })}`,
        'The token is not valid.',
      ],
      ['Token abc', 'The Authorization header must be "Bearer <token>".'],
      [
        `Bearer ${await tokenFor({ agency: 'no-such-agency', roles: ['viewer'] })}`,
        'The token names agency "no-such-agency", which this API does not know.',
      ],
      [
        `Bearer ${await tokenFor({ agency: 'jexu', roles: ['superuser' as never] })}`,
        expect.stringContaining("The token's claims are not usable: roles.0"),
      ],
    ];
    for (const [authorization, message] of cases) {
      const response = await post(open.app().url, { query: QUERY }, authorization);
      expect(response.status, authorization.slice(0, 30)).toBe(401);
      const body = await response.json();
      expect(body.data).toBeUndefined();
      expect(body.errors[0]).toMatchObject({
        message: expect.stringContaining(typeof message === 'string' ? message : ''),
        extensions: { code: 'UNAUTHENTICATED' },
      });
      if (typeof message !== 'string') expect(body.errors[0].message).toEqual(message);
    }
  });
});

describe('reading the trail and the comments', () => {
  let event: string;
  let comment: string;
  let recommendation: string;
  const as = (persona: Parameters<typeof clientAs>[1]) => clientAs(open.app().url, persona);

  beforeAll(async () => {
    const reader = await as({ agency: 'nsd', roles: ['viewer'] });
    const { data } = await reader(`{ recommendation(inspection: "ct-joint-inspection-2023", number: 12) { id } }`);
    recommendation = data.recommendation.id;
    const inspector = await as({ agency: 'hmi-probation', roles: ['inspector'], sub: 'access-inspector' });
    const made = await inspector(
      `mutation($i: AddInspectorateCommentInput!) { addInspectorateComment(input: $i) { ... on AddInspectorateCommentPayload { comment { id } auditEvent { id } } } }`,
      { i: { subject: data.recommendation.id, body: 'The pilot evaluation should be shared.' } },
    );
    comment = made.data.addInspectorateComment.comment.id;
    event = made.data.addInspectorateComment.auditEvent.id;
  });

  const lookup = async (gql: Gql) =>
    gql(
      `query($e: ID!, $c: ID!) { e: node(id: $e) { id } c: node(id: $c) { id }
      recommendation(inspection: "ct-joint-inspection-2023", number: 12) { comments { body } } }`,
      { e: event, c: comment },
    );

  // Recommendation 12 is addressed to the Probation Service, and its actions owned by the NSD (a unit of
  // it, itself in HMPPS): those agencies see its trail and comments; CT Policing's do not.
  it('shows inspectors and the owning agency the trail and the comments, and others neither', async () => {
    for (const persona of [
      { agency: 'hmi-probation', roles: ['inspector' as const] },
      { agency: 'nsd', roles: ['viewer' as const] },
      { agency: 'hmpps', roles: ['viewer' as const] },
    ]) {
      const { data, errors } = await lookup(await as(persona));
      expect(errors, persona.agency).toBeUndefined();
      expect(data.e.id).toBe(event);
      expect(data.c.id).toBe(comment);
      expect(data.recommendation.comments).toEqual([{ body: 'The pilot evaluation should be shared.' }]);
    }
    const outsider = await lookup(await as({ agency: 'ct-nominal-management', roles: ['viewer'] }));
    expect(outsider.data.recommendation.comments).toEqual([]);
    expect(outsider.data.e).toBeNull();
    expect(outsider.data.c).toBeNull();
    expect(outsider.errors!.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  // `nodes` resolves each id apart from the field that asked, so the restricted types must refuse each
  // item as `node` does; the public recommendation beside them shows the refusal is per item.
  it('applies the same rule to nodes(ids:) as to node(id:)', async () => {
    const both = async (gql: Gql) => {
      const fields = '__typename ... on AuditEvent { operation } ... on InspectorateComment { body }';
      const single = await gql(`query($e: ID!, $c: ID!) { e: node(id: $e) { ${fields} } c: node(id: $c) { ${fields} } }`, {
        e: event,
        c: comment,
      });
      const many = await gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id ${fields} } }`, { ids: [event, comment, recommendation] });
      return { single, many };
    };
    for (const persona of [
      { agency: 'hmi-probation', roles: ['inspector' as const] },
      { agency: 'nsd', roles: ['viewer' as const] },
    ]) {
      const { many } = await both(await as(persona));
      expect(many.errors, persona.agency).toBeUndefined();
      expect(many.data.nodes).toEqual([
        { id: event, __typename: 'AuditEvent', operation: 'addInspectorateComment' },
        { id: comment, __typename: 'InspectorateComment', body: 'The pilot evaluation should be shared.' },
        { id: recommendation, __typename: 'Recommendation' },
      ]);
    }
    const refused: [Persona | null, string, string][] = [
      [{ agency: 'ct-nominal-management', roles: ['viewer'] }, 'FORBIDDEN', 'Not allowed:'],
      [null, 'UNAUTHENTICATED', 'Sign in: send "Authorization: Bearer <token>".'],
    ];
    for (const [persona, code, message] of refused) {
      const { single, many } = await both(await as(persona));
      const who = persona?.agency ?? 'anonymous';
      expect(many.data.nodes, who).toEqual([null, null, { id: recommendation, __typename: 'Recommendation' }]);
      expect(single.data, who).toEqual({ e: null, c: null });
      // One refusal per restricted item, located at it, with the code and message `node` gives for it.
      expect(many.errors, who).toHaveLength(2);
      const at = (r: { errors?: any[] }, path: (string | number)[]) => {
        const error = r.errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(path));
        return error && { code: error.extensions.code, message: error.message };
      };
      for (const [item, alias] of [
        [0, 'e'],
        [1, 'c'],
      ] as const) {
        expect(at(many, ['nodes', item]), `${who} ${alias}`).toEqual({ code, message: expect.stringContaining(message) });
        expect(at(many, ['nodes', item])).toEqual(at(single, [alias]));
      }
    }
  });

  it('lists the trail by what each viewer may read, and filters it', async () => {
    const trail = async (gql: Gql, filter = '{}') =>
      (await gql(`{ auditEvents(first: 100, filter: ${filter}) { totalCount nodes { operation actor { id } } } }`)).data?.auditEvents;
    const inspector = await trail(await as({ agency: 'hmi-probation', roles: ['inspector'] }));
    const outsider = await trail(await as({ agency: 'ct-nominal-management', roles: ['viewer'] }));
    const member = await trail(await as({ agency: 'nsd', roles: ['viewer'] }), '{ user: "access-inspector" }');
    expect(inspector.totalCount).toBeGreaterThan(0);
    expect(outsider.nodes.every((n: any) => n.operation !== 'addInspectorateComment')).toBe(true);
    expect(member.nodes).toEqual([{ operation: 'addInspectorateComment', actor: { id: 'access-inspector' } }]);
    const anonymous = await (await as(null))('{ auditEvents(first: 1) { totalCount } }');
    expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('bad write input', () => {
  it('is refused with typed errors, and nothing is written', async () => {
    const editor = await clientAs(open.app().url, { agency: 'jexu', roles: ['editor'] });
    const { data } = await editor(`{ recommendation(inspection: "ct-joint-inspection-2023", number: 11) { actions { id version } }
      dependency(slug: "mapps") { id } inspection(slug: "ct-joint-inspection-2023") { rounds { id } } }`);
    const [action] = data.recommendation.actions;
    const round = data.inspection.rounds.at(-1).id;
    const missing = Buffer.from('Action:ct-joint-inspection-2023/r11/a99').toString('base64');
    const write = (input: Record<string, unknown>) =>
      editor(
        `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { __typename ... on UserError { message } ... on InvalidInput { issues { path message } } } }`,
        {
          i: { subject: action.id, round, expectedVersion: action.version, status: 'IN_PROGRESS', paragraphs: ['Fine.'], ...input },
        },
      );
    const before = await fingerprint(db);

    expect((await write({ subject: missing })).data.recordProgress).toMatchObject({
      __typename: 'NotFound',
      message: 'No action with id "ct-joint-inspection-2023/r11/a99".',
    });
    expect((await write({ paragraphs: ['x'.repeat(20_001)] })).data.recordProgress).toMatchObject({
      __typename: 'InvalidInput',
      issues: [{ path: 'input.paragraphs.0', message: 'must be at most 20000 characters' }],
    });
    expect((await write({ paragraphs: [] })).data.recordProgress.issues[0].message).toBe('must hold at least one paragraph');
    expect((await write({ target: '31/02/2025' })).data.recordProgress.__typename).toBe('InvalidInput');
    expect((await write({ target: 'December 2040' })).data.recordProgress.message).toMatch(
      /use reviseTargetDate, which records the reason/,
    );
    expect((await write({ expectedVersion: action.version + 7 })).data.recordProgress.__typename).toBe('VersionConflict');
    // A global id of the wrong type never reaches the resolver.
    const wrongType = await write({ subject: data.dependency.id });
    expect(wrongType.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    // A required reason left out is a validation error of the operation itself.
    const noReason = await editor(
      `mutation { reviseTargetDate(input: { action: "${action.id}", round: "${round}", expectedVersion: 1, revised: "2040" }) { __typename } }`,
    );
    expect(noReason.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

    expect(await fingerprint(db)).toBe(before);
  });
});
