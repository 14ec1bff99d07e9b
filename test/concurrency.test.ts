/**
 * Fifty writers at once on one action. Every write either commits, with its own audit event, or gets
 * a version conflict and writes nothing: no update is lost, none is applied twice.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../src/database/client.js';
import { serveApp } from './support/app.js';
import { clientAs, type Gql } from './support/writes.js';

const { app } = serveApp(() => inject('writableDatabaseUrl'));
const db = createDatabase({ url: inject('writableDatabaseUrl'), maxConnections: 2 });
afterAll(() => db.$disconnect());

const WRITERS = 50;
const RECORD = `mutation($i: RecordProgressInput!) {
  recordProgress(input: $i) { __typename ... on ProgressPayload { action { version } auditEvent { sequence } } ... on VersionConflict { currentVersion } }
}`;

let action: { id: string; dbId: string };
let round: string;
let writers: Gql[];

beforeAll(async () => {
  const admin = await clientAs(app().url, { agency: 'hmi-probation', roles: ['admin'], sub: 'setup' });
  const { data } = await admin(`{ recommendation(inspection: "ct-joint-inspection-2023", number: 16) { actions { id } }
    inspection(slug: "ct-joint-inspection-2023") { rounds { id } } }`);
  const id = data.recommendation.actions[0].id;
  action = { id, dbId: Buffer.from(id, 'base64').toString().split(':').slice(1).join(':') };
  round = data.inspection.rounds.at(-1).id;
  // Each writer has a token of its own, as fifty people would.
  writers = await Promise.all(
    Array.from({ length: WRITERS }, (_, i) => clientAs(app().url, { agency: 'jexu', roles: ['editor'], sub: `writer-${i}` })),
  );
});

const versionNow = async () => (await db.action.findUniqueOrThrow({ where: { id: action.dbId } })).version;
const writesFor = () => db.progressUpdateAction.count({ where: { actionId: action.dbId } });
const eventsFor = () => db.auditEvent.count({ where: { subjectId: action.dbId } });

describe('fifty concurrent writers on one action', () => {
  it('lets exactly one of fifty writes carrying the same version commit; the rest conflict and write nothing', async () => {
    const start = await versionNow();
    const [writes, events] = [await writesFor(), await eventsFor()];
    const results = await Promise.all(
      writers.map(async (as, i) => {
        const { data } = await as(RECORD, {
          i: { subject: action.id, round, expectedVersion: start, status: 'IN_PROGRESS', paragraphs: [`Report from writer ${i}.`] },
        });
        return data.recordProgress;
      }),
    );
    const committed = results.filter((r) => r.__typename === 'ProgressPayload');
    const conflicts = results.filter((r) => r.__typename === 'VersionConflict');
    console.log(`same version: ${committed.length} committed, ${conflicts.length} conflicts of ${WRITERS}`);
    expect(committed).toHaveLength(1);
    expect(conflicts).toHaveLength(WRITERS - 1);
    expect(conflicts.every((c) => c.currentVersion === start + 1)).toBe(true);
    expect(await versionNow()).toBe(start + 1);
    expect(await writesFor()).toBe(writes + 1);
    expect(await eventsFor()).toBe(events + 1);
  });

  it('lets fifty writers that reread on conflict all commit, each once, each with its own audit event', async () => {
    const start = await versionNow();
    const [writes, events] = [await writesFor(), await eventsFor()];
    let conflicts = 0;
    const sequences = await Promise.all(
      writers.map(async (as, i) => {
        let expectedVersion = start;
        for (let attempt = 0; attempt < 200; attempt++) {
          const { data } = await as(RECORD, {
            i: { subject: action.id, round, expectedVersion, status: 'IN_PROGRESS', paragraphs: [`Retried report ${i}.`] },
          });
          if (data.recordProgress.__typename === 'ProgressPayload') return data.recordProgress.auditEvent.sequence as string;
          conflicts++;
          expectedVersion = data.recordProgress.currentVersion;
        }
        throw new Error(`writer ${i} never committed`);
      }),
    );
    console.log(`rereading writers: ${WRITERS} committed after ${conflicts} conflicts`);
    expect(new Set(sequences).size).toBe(WRITERS);
    expect(await versionNow()).toBe(start + WRITERS);
    expect(await writesFor()).toBe(writes + WRITERS);
    expect(await eventsFor()).toBe(events + WRITERS);
    // Every writer's paragraph is there exactly once: nothing lost, nothing doubled.
    const texts = (await db.progressUpdate.findMany({ where: { paragraphs: { has: 'Retried report 0.' } } })).length;
    expect(texts).toBe(1);
    const all = await db.progressUpdate.findMany({ where: { actions: { some: { actionId: action.dbId } } }, select: { paragraphs: true } });
    for (let i = 0; i < WRITERS; i++) expect(all.filter((p) => p.paragraphs[0] === `Retried report ${i}.`)).toHaveLength(1);
  });
});
