/**
 * The change feed over graphql-ws: a subscriber receives one event per committed write, in commit
 * order, matching the audit trail, and nothing for writes that rolled back or that it may not read.
 */
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { serveApp } from './support/app.js';
import { tokenFor } from './support/auth.js';
import { clientAs, type Gql } from './support/writes.js';

const { app } = serveApp(() => inject('writableDatabaseUrl'));

const subscribers: Client[] = [];
afterAll(async () => {
  await Promise.all(subscribers.map((s) => s.dispose()));
});

/** A signed-in subscriber collecting what `query` delivers. */
async function subscribe(persona: Parameters<typeof tokenFor>[0] | null, query: string) {
  const token = persona ? await tokenFor(persona) : null;
  const client = createClient({
    url: app().url.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  subscribers.push(client);
  const received: any[] = [];
  const errors: unknown[] = [];
  const done = new Promise<void>((resolve) =>
    client.subscribe({ query }, { next: (r) => received.push(r), error: (e) => (errors.push(e), resolve()), complete: resolve }),
  );
  // Let the subscription reach the server before anything is written.
  await new Promise((r) => setTimeout(r, 300));
  return { received, errors, done };
}

const FEED = 'subscription { planEvents(inspection: "ct-joint-inspection-2023") { sequence operation subjectType actor { id } } }';
const settle = () => new Promise((r) => setTimeout(r, 400));

let editor: Gql;
let actionId: string;
let round: string;

beforeAll(async () => {
  editor = await clientAs(app().url, { agency: 'jexu', roles: ['editor'], sub: 'feed-editor' });
  const { data } = await editor(`{ recommendation(inspection: "ct-joint-inspection-2023", number: 6) { actions { id } }
    inspection(slug: "ct-joint-inspection-2023") { rounds { id } } }`);
  actionId = data.recommendation.actions[0].id;
  round = data.inspection.rounds.at(-1).id;
});

const actionNow = async () =>
  (await editor(`query($id: ID!) { node(id: $id) { ... on Action { version currentTarget { text } } } }`, { id: actionId })).data.node;
const revise = async (expectedVersion: number, revised: string) =>
  (
    await editor(
      `mutation($i: ReviseTargetDateInput!) { reviseTargetDate(input: $i) { __typename ... on ReviseTargetDatePayload { auditEvent { sequence } } } }`,
      {
        i: { action: actionId, round, expectedVersion, revised, reason: 'Consultation took longer.' },
      },
    )
  ).data.reviseTargetDate;

describe('the planEvents feed', () => {
  it('delivers each committed write once, in order, and nothing for writes that rolled back', async () => {
    const inspector = await subscribe({ agency: 'hmi-probation', roles: ['inspector'], sub: 'watcher' }, FEED);
    const start = await actionNow();
    const next = start.currentTarget?.text === 'Autumn 2032' ? 'Winter 2032' : 'Autumn 2032';
    const first = await revise(start.version, next);
    // Rolled back inside the transaction after claiming the version: the same date again, then a stale version.
    const same = await revise(start.version + 1, next);
    const stale = await revise(start.version, 'Spring 2033');
    const second = await revise(start.version + 1, 'Spring 2033');
    expect([first.__typename, same.__typename, stale.__typename, second.__typename]).toEqual([
      'ReviseTargetDatePayload',
      'InvalidInput',
      'VersionConflict',
      'ReviseTargetDatePayload',
    ]);
    await settle();
    const events = inspector.received.map((r) => r.data.planEvents);
    expect(events.map((e) => e.sequence)).toEqual([first.auditEvent.sequence, second.auditEvent.sequence]);
    expect(events.every((e) => e.operation === 'reviseTargetDate' && e.actor.id === 'feed-editor')).toBe(true);
    // The trail holds exactly the same two writes.
    const admin = await clientAs(app().url, { agency: 'hmi-probation', roles: ['admin'] });
    const trail = await admin(`{ auditEvents(first: 2, filter: { operation: "reviseTargetDate" }) { nodes { sequence } } }`);
    expect(trail.data.auditEvents.nodes.map((n: any) => n.sequence).reverse()).toEqual(events.map((e) => e.sequence));
  });

  it('gives each subscriber only the events it may read, and narrows by agency', async () => {
    const sameAgency = await subscribe({ agency: 'jexu', roles: ['viewer'] }, FEED);
    const otherAgency = await subscribe({ agency: 'ct-nominal-management', roles: ['viewer'] }, FEED);
    const byAgency = await subscribe(
      { agency: 'hmi-probation', roles: ['inspector'] },
      'subscription { planEvents(agency: "ct-policing") { sequence } }',
    );
    const { version, currentTarget } = await actionNow();
    const written = await revise(version, currentTarget?.text === 'Summer 2033' ? 'Autumn 2033' : 'Summer 2033');
    await settle();
    expect(sameAgency.received.map((r) => r.data.planEvents.sequence)).toEqual([written.auditEvent.sequence]);
    expect(otherAgency.received).toEqual([]);
    expect(byAgency.received).toEqual([]);
  });

  it('refuses a connection with a bad token, and anonymous subscribers', async () => {
    const forged = await subscribe({ agency: 'jexu', roles: ['admin'], secret: 'x'.repeat(40) }, FEED);
    await forged.done;
    expect(forged.errors).toHaveLength(1);
    const anonymous = await subscribe(null, FEED);
    await anonymous.done;
    expect(anonymous.received).toEqual([
      {
        errors: [
          {
            message: 'Sign in: send "Authorization: Bearer <token>".',
            locations: [{ line: 1, column: 16 }],
            path: ['planEvents'],
            // The operation's request id: the connection's, then graphql-ws's id for the operation.
            extensions: { code: 'UNAUTHENTICATED', requestId: expect.stringMatching(/^[\w-]+:[\w-]+$/) },
          },
        ],
      },
    ]);
  });
});
