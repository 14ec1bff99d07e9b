/**
 * Writers that keep recording progress, each on an action of its own, and remember what the server
 * acknowledged and what it refused; and the check that the database holds exactly the acknowledged
 * writes, each whole (update, action link, version bump and audit event) or not at all.
 */
import type { Database } from '../../../src/database/client.js';
import { tokenFor } from '../../support/auth.js';

export interface Outcome {
  paragraph: string;
  action: string;
  /** The server returned the payload: the write is acknowledged. */
  acknowledged: boolean;
  /** For a failure: the code, the HTTP status, or the network error. */
  failure?: string;
  /** When it was sent (epoch ms), and how long the answer took. */
  at: number;
  ms: number;
}

export interface WriterTarget {
  /** The server's origin; a function, since a restarted server may listen elsewhere. */
  origin: () => string;
  /** Global ids of the actions to write to, one per writer. */
  actions: string[];
  round: string;
  /** Marks this run's paragraphs, so the check finds exactly them. */
  tag: string;
}

const RECORD = `mutation($i: RecordProgressInput!) { recordProgress(input: $i) {
  __typename ... on ProgressPayload { action { version } } ... on VersionConflict { currentVersion } ... on UserError { message } } }`;
const VERSION = `query($id: ID!) { node(id: $id) { ... on Action { version } } }`;

export const rowId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':').slice(1).join(':');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts one writer per action; `stop()` ends them and resolves to every outcome. */
export async function startWriters(target: WriterTarget): Promise<{ stop: () => Promise<Outcome[]>; outcomes: Outcome[] }> {
  const outcomes: Outcome[] = [];
  let running = true;
  const token = await tokenFor({ agency: 'hmi-probation', roles: ['admin'], sub: `writer-${target.tag}` });
  const call = async (query: string, variables: unknown) => {
    const response = await fetch(`${target.origin()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(20_000),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
  };
  const versionOf = async (action: string): Promise<number> => {
    for (;;) {
      try {
        const { body } = await call(VERSION, { id: action });
        if (body.data?.node) return body.data.node.version;
      } catch {
        // the server or its database is away: try again shortly
      }
      if (!running) return -1;
      await pause(100);
    }
  };
  const writer = async (action: string, n: number) => {
    let version = await versionOf(action);
    for (let i = 0; running; i++) {
      const paragraph = `${target.tag} writer ${n} write ${i}`;
      const started = Date.now();
      const outcome: Outcome = { paragraph, action, acknowledged: false, at: started, ms: 0 };
      try {
        const { status, body } = await call(RECORD, {
          i: { subject: action, round: target.round, expectedVersion: version, status: 'IN_PROGRESS', paragraphs: [paragraph] },
        });
        const result = body.data?.recordProgress;
        if (result?.__typename === 'ProgressPayload') {
          outcome.acknowledged = true;
          version = result.action.version;
        } else if (result?.__typename === 'VersionConflict') {
          outcome.failure = 'CONFLICT';
          version = result.currentVersion;
        } else {
          outcome.failure = body.errors?.[0]?.extensions?.code ?? result?.__typename ?? `HTTP ${status}`;
        }
      } catch (error) {
        outcome.failure = `network: ${(error as Error).name}`;
      }
      outcome.ms = Date.now() - started;
      outcomes.push(outcome);
      // After a failure the write may or may not have been made: read the version again.
      if (!outcome.acknowledged && outcome.failure !== 'CONFLICT') {
        await pause(50);
        version = await versionOf(action);
      }
    }
  };
  const loops = target.actions.map((action, n) => writer(action, n));
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

export interface WriteCheck {
  acknowledged: number;
  failed: number;
  /** Acknowledged but not in the database. */
  lost: string[];
  /** Failed, yet made in full (the outcome was unknown to the client: the connection dropped at commit). */
  failedButMade: number;
  /** Present without its audit event or action link, or an audit event without its update. */
  halfMade: string[];
  /** Actions whose version does not count exactly their writes. */
  versionMismatches: string[];
}

/** What the database holds of a run's writes, against what the writers were told. */
export async function checkWrites(db: Database, target: WriterTarget, outcomes: Outcome[], initialVersions: Map<string, number>) {
  const actionIds = target.actions.map(rowId);
  const ours = (paragraphs: unknown) => Array.isArray(paragraphs) && String(paragraphs[0]).startsWith(`${target.tag} `);
  const updates = (
    await db.progressUpdate.findMany({
      where: { actions: { some: { actionId: { in: actionIds } } } },
      select: { id: true, paragraphs: true, actions: { select: { actionId: true } } },
    })
  ).filter((u) => ours(u.paragraphs));
  const events = (
    await db.auditEvent.findMany({
      where: { operation: 'recordProgress', subjectId: { in: actionIds } },
      select: { subjectId: true, after: true },
    })
  )
    .map((e) => ({ subjectId: e.subjectId, update: (e.after as { progressUpdate: { id: string; paragraphs: string[] } }).progressUpdate }))
    .filter((e) => ours(e.update.paragraphs));
  const eventFor = new Map(events.map((e) => [e.update.id, e]));
  const byParagraph = new Map(updates.map((u) => [u.paragraphs[0], u]));
  const check: WriteCheck = { acknowledged: 0, failed: 0, lost: [], failedButMade: 0, halfMade: [], versionMismatches: [] };
  for (const o of outcomes) {
    const update = byParagraph.get(o.paragraph);
    const whole =
      !!update && eventFor.get(update.id)?.subjectId === rowId(o.action) && update.actions.some((a) => a.actionId === rowId(o.action));
    if (update && !whole) check.halfMade.push(o.paragraph);
    if (o.acknowledged) {
      check.acknowledged++;
      if (!whole) check.lost.push(o.paragraph);
    } else {
      check.failed++;
      if (whole) check.failedButMade++;
    }
  }
  const updateIds = new Set(updates.map((u) => u.id));
  for (const e of events) if (!updateIds.has(e.update.id)) check.halfMade.push(`audit event without its update: ${e.update.id}`);
  for (const action of target.actions) {
    const { version } = await db.action.findUniqueOrThrow({ where: { id: rowId(action) }, select: { version: true } });
    const made = updates.filter((u) => u.actions.some((a) => a.actionId === rowId(action))).length;
    if (version !== initialVersions.get(action)! + made)
      check.versionMismatches.push(`${rowId(action)}: version ${version}, ${made} writes`);
  }
  return check;
}
