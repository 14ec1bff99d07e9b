/**
 * Every mutation, tried by every role, for an agency that owns the record and one that does not (and
 * anonymously): what is allowed commits with its audit event; what is not gets a typed NotAuthorized
 * and leaves every table byte-for-byte unchanged.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Role } from '../src/auth/claims.js';
import { serveApp } from './support/app.js';
import type { Persona } from './support/auth.js';
import { createDatabase } from '../src/database/client.js';
import { schema } from '../src/schema/index.js';
import { clientAs, fingerprint, type Gql } from './support/writes.js';

const { app } = serveApp(() => inject('writableDatabaseUrl'));
const db = createDatabase({ url: inject('writableDatabaseUrl'), maxConnections: 2 });
afterAll(() => db.$disconnect());

const INSPECTION = 'ct-joint-inspection-2023';
let admin: Gql;
const ids: Record<string, string> = {};

beforeAll(async () => {
  admin = await clientAs(app().url, { agency: 'hmi-probation', roles: ['admin'], sub: 'setup-admin' });
  const { data } = await admin(`{
    inspection(slug: "${INSPECTION}") { id }
    recommendation(inspection: "${INSPECTION}", number: 11) { id actions { id } }
    dependency(slug: "ct-training-package") { id }
    jexu: agency(slug: "jexu") { id roles { id slug } }
    ctarc: agency(slug: "ct-arc") { roles { id slug } }
  }`);
  ids.inspection = data.inspection.id;
  ids.recommendation = data.recommendation.id;
  ids.action = data.recommendation.actions[0].id;
  ids.dependency = data.dependency.id;
  ids.jexu = data.jexu.id;
  ids.ddJexu = data.jexu.roles.find((r: any) => r.slug === 'dd-jexu').id;
  ids.sroCtarc = data.ctarc.roles.find((r: any) => r.slug === 'sro-ctarc').id;
});

let day = 0;
let documents = 0;
/** A fresh submission day for each new round, later than the last. */
const nextDay = () => {
  const d = new Date(Date.UTC(2030, 0, 1 + day++));
  return `${d.getUTCDate()} ${d.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${d.getUTCFullYear()}`;
};
const latestRound = async () => (await admin(`{ inspection(slug: "${INSPECTION}") { rounds { id } } }`)).data.inspection.rounds.at(-1).id;
const actionState = async () =>
  (await admin(`query($id: ID!) { node(id: $id) { ... on Action { version currentTarget { text } owners { id } } } }`, { id: ids.action }))
    .data.node;
const version = async (id: string) =>
  (
    await admin(
      `query($id: ID!) { node(id: $id) { ... on Action { version } ... on Recommendation { version } ... on Dependency { version } } }`,
      { id },
    )
  ).data.node.version;
const unlinkedDependency = async () => {
  const { data } = await admin(
    `query($id: ID!) { dependencies(first: 100) { nodes { id } } node(id: $id) { ... on Recommendation { dependencies { id } } } }`,
    { id: ids.recommendation },
  );
  const linked = new Set(data.node.dependencies.map((d: any) => d.id));
  return data.dependencies.nodes.map((d: any) => d.id).find((id: string) => !linked.has(id));
};

interface Case {
  mutation: string;
  /** An agency owning the record written. */
  own: string;
  /** Who may, besides admins. */
  writer: Role;
  input: () => Promise<Record<string, unknown>>;
  payload: string;
}

const CASES: Case[] = [
  {
    mutation: 'openReportingRound',
    own: 'hmpps',
    writer: 'editor',
    payload: 'OpenReportingRoundPayload',
    input: async () => ({ inspection: ids.inspection, kind: 'PROGRESS_UPDATE', label: 'Interim update', submittedOn: nextDay() }),
  },
  {
    mutation: 'recordProgress',
    own: 'jexu',
    writer: 'editor',
    payload: 'ProgressPayload',
    input: async () => ({
      subject: ids.action,
      round: await latestRound(),
      expectedVersion: await version(ids.action),
      status: 'IN_PROGRESS',
      paragraphs: ['Pilot sessions continue.'],
    }),
  },
  {
    mutation: 'reviseTargetDate',
    own: 'jexu',
    writer: 'editor',
    payload: 'ReviseTargetDatePayload',
    input: async () => {
      const action = await actionState();
      return {
        action: ids.action,
        round: await latestRound(),
        expectedVersion: action.version,
        revised: action.currentTarget?.text === 'Autumn 2031' ? 'Winter 2031' : 'Autumn 2031',
        reason: 'Trainers were reassigned.',
      };
    },
  },
  {
    mutation: 'completeAction',
    own: 'jexu',
    writer: 'editor',
    payload: 'ProgressPayload',
    input: async () => ({
      action: ids.action,
      round: await latestRound(),
      expectedVersion: await version(ids.action),
      evidence: 'Rolled out to all sites.',
    }),
  },
  {
    mutation: 'changeActionOwner',
    own: 'jexu',
    writer: 'editor',
    payload: 'ChangeActionOwnerPayload',
    input: async () => {
      const action = await actionState();
      // Always kept with a JEXU owner, so JEXU stays an owning agency for the next attempts.
      return {
        action: ids.action,
        expectedVersion: action.version,
        owners: action.owners.length === 1 ? [ids.ddJexu, ids.sroCtarc] : [ids.ddJexu],
      };
    },
  },
  {
    mutation: 'linkDependency',
    own: 'jexu',
    writer: 'editor',
    payload: 'DependencyLinkPayload',
    input: async () => ({
      recommendation: ids.recommendation,
      dependency: await unlinkedDependency(),
      expectedVersion: await version(ids.recommendation),
    }),
  },
  {
    mutation: 'unlinkDependency',
    own: 'jexu',
    writer: 'editor',
    payload: 'DependencyLinkPayload',
    input: async () => {
      // Something to unlink, linked by an admin first.
      const dependency = await unlinkedDependency();
      await admin(`mutation($i: LinkDependencyInput!) { linkDependency(input: $i) { __typename } }`, {
        i: { recommendation: ids.recommendation, dependency, expectedVersion: await version(ids.recommendation) },
      });
      return { recommendation: ids.recommendation, dependency, expectedVersion: await version(ids.recommendation) };
    },
  },
  {
    mutation: 'updateDependency',
    own: 'jexu',
    writer: 'editor',
    payload: 'UpdateDependencyPayload',
    input: async () => ({
      dependency: ids.dependency,
      round: await latestRound(),
      expectedVersion: await version(ids.dependency),
      status: 'IN_PROGRESS',
      statement: 'Delivery continues.',
    }),
  },
  {
    mutation: 'addInspectorateComment',
    own: 'jexu',
    writer: 'inspector',
    payload: 'AddInspectorateCommentPayload',
    input: async () => ({ subject: ids.recommendation, body: 'Please give the evidence of completion.' }),
  },
  {
    mutation: 'addSourceDocument',
    own: 'jexu',
    writer: 'editor',
    payload: 'AddSourceDocumentPayload',
    // A text of its own each time: the same text again is the document on record, and writes nothing.
    input: async () => ({ title: 'Progress letter', kind: 'PROGRESS_LETTER', text: `Letter ${++documents}.`, issuers: [ids.jexu] }),
  },
];

/** Mutations whose every role is tried elsewhere, where what they write cannot disturb other tests. */
const ELSEWHERE = { importActionPlan: 'test/importer/store.test.ts: admins only, into a database of its own' };

it('covers every mutation', () => {
  expect([...CASES.map((c) => c.mutation), ...Object.keys(ELSEWHERE)].sort()).toEqual(
    Object.keys(schema.getMutationType()!.getFields()).sort(),
  );
});

const OTHER = 'ct-nominal-management';
type Who = { label: string; persona: Persona | null };
const people = (own: string): Who[] => [
  { label: 'anonymous', persona: null },
  ...(['viewer', 'editor', 'inspector', 'admin'] as const).flatMap((role) => [
    { label: `${role} of an owning agency`, persona: { agency: own, roles: [role], sub: `${role}@${own}` } },
    { label: `${role} of another agency`, persona: { agency: OTHER, roles: [role], sub: `${role}@${OTHER}` } },
  ]),
];

describe.each(CASES)('$mutation', (c) => {
  it.each(people(c.own))('by $label', async ({ persona }) => {
    const may =
      persona !== null &&
      (persona.roles.includes('admin') || (persona.roles.includes(c.writer) && (c.writer === 'inspector' || persona.agency === c.own)));
    const input = await c.input();
    const before = await fingerprint(db);
    const events = await db.auditEvent.count();
    const as = await clientAs(app().url, persona);
    const { data, errors } = await as(
      `mutation($i: ${c.mutation[0].toUpperCase()}${c.mutation.slice(1)}Input!) {
      result: ${c.mutation}(input: $i) { __typename ... on UserError { message } ... on NotAuthorized { signedIn } }
    }`,
      { i: input },
    );
    expect(errors).toBeUndefined();
    if (may) {
      expect(data.result.__typename, data.result.message).toBe(c.payload);
      expect(await db.auditEvent.count()).toBe(events + 1);
      const event = await db.auditEvent.findFirstOrThrow({ orderBy: { sequence: 'desc' } });
      expect(event).toMatchObject({ operation: c.mutation, actorId: persona!.sub, actorAgencyId: persona!.agency });
      expect(await fingerprint(db)).not.toBe(before);
    } else {
      expect(data.result).toMatchObject({ __typename: 'NotAuthorized', signedIn: persona !== null });
      expect(await fingerprint(db)).toBe(before);
    }
  });
});

describe('an agency acts for its units', () => {
  it('lets an editor of HMPPS write what its Joint Extremism Unit owns', async () => {
    const as = await clientAs(app().url, { agency: 'hmpps', roles: ['editor'], sub: 'editor@hmpps' });
    const { data } = await as(`mutation($i: RecordProgressInput!) { recordProgress(input: $i) { __typename } }`, {
      i: {
        subject: ids.action,
        round: await latestRound(),
        expectedVersion: await version(ids.action),
        status: 'IN_PROGRESS',
        paragraphs: ['From HMPPS.'],
      },
    });
    expect(data.recordProgress.__typename).toBe('ProgressPayload');
  });
});
