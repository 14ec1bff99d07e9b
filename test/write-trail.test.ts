/**
 * The audit trail of writes, read back through the API: an event says who wrote, when, to which
 * record, and what the write replaced and made; the trail's filters narrow it by record, agency,
 * inspection and time; and the database itself refuses to change or delete an event.
 *
 * Other files write to the same database at the same time, so the writes here are to records they
 * leave alone (recommendations 4 and 21, and a document of its own), and every list of events read is
 * narrowed to the token subjects used only here.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../src/database/client.js';
import { serveApp } from './support/app.js';
import { clientAs, read, type Gql } from './support/writes.js';

const { app } = serveApp(() => inject('writableDatabaseUrl'));
const db = createDatabase({ url: inject('writableDatabaseUrl'), maxConnections: 2 });
afterAll(() => db.$disconnect());

const INSPECTION = 'ct-joint-inspection-2023';
/** The record id inside a global id, as the trail's before and after name records. */
const rawId = (id: string) => Buffer.from(id, 'base64').toString().split(':').slice(1).join(':');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const EVENT = `id sequence operation occurredAt requestId subjectType subject { id } inspection { slug } version before after
  actor { id roles agency { slug } }`;

let admin: Gql;
const ids: Record<string, string> = {};

beforeAll(async () => {
  admin = await clientAs(app().url, { agency: 'hmi-probation', roles: ['admin'], sub: 'trail-admin' });
  const data = await read(
    admin,
    `{
      r4: recommendation(inspection: "${INSPECTION}", number: 4) { id actions { id } }
      r21: recommendation(inspection: "${INSPECTION}", number: 21) { actions { id } }
      ctarc: agency(slug: "ct-arc") { id }
      jexu: agency(slug: "jexu") { id }
      inspection(slug: "${INSPECTION}") { id rounds { id slug } }
    }`,
  );
  Object.assign(ids, {
    r4: data.r4.id,
    r4a1: data.r4.actions[0].id,
    r21a1: data.r21.actions[0].id,
    ctarc: data.ctarc.id,
    jexu: data.jexu.id,
    inspection: data.inspection.id,
    letter: data.inspection.rounds.find((r: { slug: string }) => r.slug === 'letter-2025-03').id,
  });
});

describe('an audit event', () => {
  it('records who wrote, when, to which record, and the old and new values', async () => {
    const editor = await clientAs(app().url, { agency: 'nsd', roles: ['editor'], sub: 'trail-nsd-editor' });
    const { node: action } = await read(admin, `query($id: ID!) { node(id: $id) { ... on Action { version currentTarget { text } } } }`, {
      id: ids.r4a1,
    });
    const revised = action.currentTarget.text === 'October 2027' ? 'November 2027' : 'October 2027';
    const reason = 'Trail: the national rollout waited for the new case management system.';
    const start = Date.now();
    const { result } = await read(
      editor,
      `mutation($i: ReviseTargetDateInput!) { result: reviseTargetDate(input: $i) {
        __typename ... on UserError { message }
        ... on ReviseTargetDatePayload { dateRevision { id } auditEvent { ${EVENT} } }
      } }`,
      { i: { action: ids.r4a1, round: ids.letter, expectedVersion: action.version, revised, reason } },
    );
    const end = Date.now();
    expect(result.__typename, result.message).toBe('ReviseTargetDatePayload');
    const event = result.auditEvent;
    expect(event).toMatchObject({
      operation: 'reviseTargetDate',
      actor: { id: 'trail-nsd-editor', roles: ['editor'], agency: { slug: 'nsd' } },
      subjectType: 'Action',
      subject: { id: ids.r4a1 },
      inspection: { slug: INSPECTION },
      version: action.version + 1,
      before: { target: action.currentTarget.text },
      after: { target: revised, reason, round: rawId(ids.letter), dateRevision: rawId(result.dateRevision.id) },
    });
    expect(event.requestId).not.toBe('');
    // Stamped by the database while the request was under way (a little leeway for its clock).
    const at = Date.parse(event.occurredAt);
    expect(at).toBeGreaterThanOrEqual(start - 2_000);
    expect(at).toBeLessThanOrEqual(end + 2_000);

    // The trail holds the very event the write returned.
    const { auditEvents } = await read(
      admin,
      `query($r: ID!) { auditEvents(first: 5, filter: { record: $r, user: "trail-nsd-editor" }) { nodes { ${EVENT} } } }`,
      { r: ids.r4a1 },
    );
    expect(auditEvents.nodes).toEqual([event]);
  });
});

describe('the trail', () => {
  const USER = 'trail-admin';
  /** Three writes by one user, a moment apart: on an NSD action, a CT-ARC document, a CT Nominal Management action. */
  const made: { nsd: any; document: any; ctnm: any } = {} as never;

  beforeAll(async () => {
    const progress = async (action: string, paragraph: string) => {
      const { node } = await read(admin, `query($id: ID!) { node(id: $id) { ... on Action { version } } }`, { id: action });
      const { result } = await read(
        admin,
        `mutation($i: RecordProgressInput!) { result: recordProgress(input: $i) {
          __typename ... on UserError { message } ... on ProgressPayload { auditEvent { sequence occurredAt } }
        } }`,
        { i: { subject: action, round: ids.letter, expectedVersion: node.version, status: 'IN_PROGRESS', paragraphs: [paragraph] } },
      );
      expect(result.__typename, result.message).toBe('ProgressPayload');
      return result.auditEvent;
    };
    made.nsd = await progress(ids.r4a1, 'Trail: the NSD reports the pilot continues.');
    // Events are stamped to the millisecond: a pause keeps the three instants apart.
    await pause(25);
    const { result } = await read(
      admin,
      `mutation($i: AddSourceDocumentInput!) { result: addSourceDocument(input: $i) {
        __typename ... on UserError { message } ... on AddSourceDocumentPayload { document { id } auditEvent { sequence occurredAt } }
      } }`,
      {
        i: { title: 'Trail: CT-ARC note', kind: 'PROGRESS_LETTER', text: 'Trail: a note CT-ARC issued, of its own.', issuers: [ids.ctarc] },
      },
    );
    expect(result.__typename, result.message).toBe('AddSourceDocumentPayload');
    made.document = { ...result.auditEvent, subject: result.document.id };
    await pause(25);
    made.ctnm = await progress(ids.r21a1, 'Trail: CT Nominal Management reports the review continues.');
    expect(made.nsd.occurredAt < made.document.occurredAt && made.document.occurredAt < made.ctnm.occurredAt).toBe(true);
  });

  /** The sequences of the events of this user that `filter` keeps, newest first. */
  const trail = async (filter: Record<string, unknown>) => {
    const { auditEvents } = await read(
      admin,
      `query($f: AuditEventFilter!) { auditEvents(first: 100, filter: $f) { totalCount nodes { sequence } } }`,
      { f: { user: USER, ...filter } },
    );
    expect(auditEvents.totalCount).toBe(auditEvents.nodes.length);
    return auditEvents.nodes.map((n: { sequence: string }) => n.sequence);
  };

  it('lists the user’s events newest first', async () => {
    expect(await trail({})).toEqual([made.ctnm.sequence, made.document.sequence, made.nsd.sequence]);
  });

  it('narrows by record', async () => {
    expect(await trail({ record: ids.r4a1 })).toEqual([made.nsd.sequence]);
    expect(await trail({ record: made.document.subject })).toEqual([made.document.sequence]);
    // The write was to the action, not to the recommendation it sits under.
    expect(await trail({ record: ids.r4 })).toEqual([]);
  });

  it('narrows by the agency owning the record, its units included', async () => {
    expect(await trail({ agency: 'nsd' })).toEqual([made.nsd.sequence]);
    // The NSD is a unit of the Probation Service, itself in HMPPS, as is CT-ARC.
    expect(await trail({ agency: 'probation-service' })).toEqual([made.nsd.sequence]);
    expect(await trail({ agency: 'hmpps' })).toEqual([made.document.sequence, made.nsd.sequence]);
    expect(await trail({ agency: ids.ctarc })).toEqual([made.document.sequence]);
    expect(await trail({ agency: 'ct-policing' })).toEqual([made.ctnm.sequence]);
    expect(await trail({ agency: ids.jexu })).toEqual([]);
  });

  it('narrows by inspection, leaving out writes to records of none', async () => {
    const both = [made.ctnm.sequence, made.nsd.sequence];
    expect(await trail({ inspection: INSPECTION })).toEqual(both);
    expect(await trail({ inspection: ids.inspection })).toEqual(both);
  });

  it('narrows by time: from is inclusive, to exclusive', async () => {
    expect(await trail({ from: made.document.occurredAt })).toEqual([made.ctnm.sequence, made.document.sequence]);
    expect(await trail({ to: made.document.occurredAt })).toEqual([made.nsd.sequence]);
    expect(await trail({ from: made.nsd.occurredAt, to: made.ctnm.occurredAt })).toEqual([made.document.sequence, made.nsd.sequence]);
    const later = new Date(Date.parse(made.ctnm.occurredAt) + 1).toISOString();
    expect(await trail({ from: later })).toEqual([]);
  });
});

describe('the audit table', () => {
  it('is append-only: the database refuses to change or delete an event', async () => {
    const { result } = await read(
      admin,
      `mutation($i: AddSourceDocumentInput!) { result: addSourceDocument(input: $i) {
        __typename ... on UserError { message } ... on AddSourceDocumentPayload { auditEvent { ${EVENT} } }
      } }`,
      {
        i: {
          title: 'Trail: a note to tamper with',
          kind: 'PROGRESS_LETTER',
          text: 'Trail: a note whose event no one may rewrite.',
          issuers: [ids.ctarc],
        },
      },
    );
    expect(result.__typename, result.message).toBe('AddSourceDocumentPayload');
    const event = result.auditEvent;
    const sequence = BigInt(event.sequence);
    await expect(
      db.$executeRaw`UPDATE "AuditEvent" SET "operation" = 'tampered', "actorId" = 'someone-else' WHERE sequence = ${sequence}`,
    ).rejects.toThrow(/AuditEvent rows cannot be changed or deleted/);
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE sequence = ${sequence}`).rejects.toThrow(
      /AuditEvent rows cannot be changed or deleted/,
    );
    const { node } = await read(admin, `query($id: ID!) { node(id: $id) { ... on AuditEvent { ${EVENT} } } }`, { id: event.id });
    expect(node).toEqual(event);
  });
});
