/**
 * Database faults under a write load, on a database of the test's own (a PostgreSQL server where
 * one is installed; CI requires it):
 * - the database stops mid-load: readiness turns red, requests fail at once with DATABASE_UNAVAILABLE,
 *   the process stays up; it starts again: the server recovers within 5 s, without a restart;
 * - the server is killed with SIGKILL mid-write and started again;
 * and after each, every acknowledged write is in the database, whole, and no failed write is half-made.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/database/client.js';
import { serveApp } from '../support/app.js';
import { tokenFor } from '../support/auth.js';
import { controlledPostgres, freePort, type ControlledPostgres } from '../support/controlled-postgres.js';
import { startServerProcess } from '../support/server-process.js';
import { checkWrites, startWriters, type Outcome, type WriterTarget } from './support/writers.js';

const WRITERS = 8;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

let pg: ControlledPostgres;
let db: Database;
beforeAll(async () => {
  pg = await controlledPostgres();
  db = createDatabase({ url: pg.url, maxConnections: 2 });
}, 120_000);
afterAll(async () => {
  await db?.$disconnect();
  await pg?.close();
});

/** Actions to write to (one per writer), the latest round, and the actions' versions now. */
async function targets(origin: string, tag: string): Promise<{ target: WriterTarget; versions: Map<string, number> }> {
  const token = await tokenFor({ agency: 'hmi-probation', roles: ['admin'] });
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `{ actions(first: ${WRITERS}) { nodes { id version } }
        inspection(slug: "ct-joint-inspection-2023") { rounds { id } } }`,
    }),
  });
  const { data } = await response.json();
  const nodes = data.actions.nodes as { id: string; version: number }[];
  return {
    target: { origin: () => origin, actions: nodes.map((n) => n.id), round: data.inspection.rounds.at(-1).id, tag },
    versions: new Map(nodes.map((n) => [n.id, n.version])),
  };
}

const summary = (name: string, outcomes: Outcome[], extra: Record<string, unknown>) => {
  const failures: Record<string, number> = {};
  for (const o of outcomes.filter((x) => !x.acknowledged)) failures[o.failure!] = (failures[o.failure!] ?? 0) + 1;
  console.log(
    `${name}: ${JSON.stringify({ writes: outcomes.length, acknowledged: outcomes.filter((o) => o.acknowledged).length, failures, ...extra })}`,
  );
};

describe('a connection that dies inside a transaction', () => {
  it('goes back to the pool, so the pool is whole again once the database is back', async () => {
    // As many transactions as the pool has connections, each holding one when the database stops.
    const small = createDatabase({ url: pg.url, maxConnections: 3 });
    try {
      await small.$queryRaw`select 1`;
      let inside = 0;
      const transactions = [1, 2, 3].map(() =>
        small
          .$transaction(async (tx) => {
            await tx.$queryRaw`select 1`;
            inside++;
            await pause(800);
            await tx.$queryRaw`select 2`;
          })
          .then(
            () => 'committed',
            (error: Error) => error.message,
          ),
      );
      while (inside < 3) await pause(10);
      await pg.stop();
      const ended = await Promise.all(transactions);
      expect(ended.every((outcome) => outcome !== 'committed')).toBe(true);
      await pg.start();

      // Were the dead connections still checked out, this would wait out the 5 s connect timeout and fail.
      const started = Date.now();
      expect(await small.$queryRaw`select 1 as one`).toEqual([{ one: 1 }]);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await small.$disconnect();
    }
  });
});

describe('the database stops under load and starts again', () => {
  const { app } = serveApp(() => pg.url, { REQUEST_TIMEOUT_MS: '10000' });

  it('fails fast while it is down, recovers within 5 s without a restart, and loses no acknowledged write', async () => {
    const origin = app().url;
    const { target, versions } = await targets(origin, 'outage');
    const writers = await startWriters(target);
    await pause(1_500);

    const stoppedAt = Date.now();
    await pg.stop();
    // Readiness turns red, and requests are refused at once while it is down.
    const ready = await fetch(`${origin}/readyz`);
    expect(ready.status).toBe(503);
    const started = Date.now();
    const down = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ recommendations(first: 1) { totalCount } }' }),
    });
    const failFastMs = Date.now() - started;
    expect(down.status).toBe(503);
    expect((await down.json()).errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
    expect(failFastMs).toBeLessThan(5_000);
    await pause(1_500);
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);

    await pg.start();
    const restartedAt = Date.now();
    let recoveredMs = -1;
    while (Date.now() - restartedAt < 10_000) {
      if ((await fetch(`${origin}/readyz`)).status === 200) {
        recoveredMs = Date.now() - restartedAt;
        break;
      }
      await pause(50);
    }
    expect(recoveredMs).toBeGreaterThanOrEqual(0);
    expect(recoveredMs).toBeLessThan(5_000);
    await pause(1_500);
    const outcomes = await writers.stop();

    const check = await checkWrites(db, target, outcomes, versions);
    const during = outcomes.filter((o) => o.at >= stoppedAt && o.at < restartedAt);
    summary('database outage', outcomes, {
      downMs: restartedAt - stoppedAt,
      failFastMs,
      recoveredMs,
      writesWhileDown: during.length,
      acknowledgedAfter: outcomes.filter((o) => o.at >= restartedAt && o.acknowledged).length,
      lost: check.lost.length,
      halfMade: check.halfMade.length,
      failedButMade: check.failedButMade,
    });
    expect(outcomes.filter((o) => o.at < stoppedAt && o.acknowledged).length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.at >= restartedAt && o.acknowledged).length).toBeGreaterThan(0);
    expect(check).toMatchObject({ lost: [], halfMade: [], versionMismatches: [] });
  });
});

describe('the server is killed mid-write', () => {
  let child: ChildProcess | null = null;
  afterAll(() => void child?.kill('SIGKILL'));

  const startServer = async (port: number) => {
    const server = await startServerProcess(pg.url, port);
    child = server.child;
    return server.origin;
  };

  it('keeps every acknowledged write, whole, and the audit trail matches the records', async () => {
    const port = await freePort();
    let origin = await startServer(port);
    const { target, versions } = await targets(origin, 'sigkill');
    target.origin = () => origin;
    const writers = await startWriters(target);
    await pause(2_000);
    const killedAt = Date.now();
    child!.kill('SIGKILL');
    await new Promise((done) => child!.once('exit', done));
    await pause(500);
    origin = await startServer(port);
    const restartedMs = Date.now() - killedAt;
    await pause(1_500);
    const outcomes = await writers.stop();
    child!.kill('SIGTERM');

    const check = await checkWrites(db, target, outcomes, versions);
    summary('server killed', outcomes, {
      restartedMs,
      acknowledgedAfter: outcomes.filter((o) => o.at > killedAt && o.acknowledged).length,
      lost: check.lost.length,
      halfMade: check.halfMade.length,
      failedButMade: check.failedButMade,
    });
    expect(outcomes.filter((o) => o.at < killedAt && o.acknowledged).length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.at > killedAt && o.acknowledged).length).toBeGreaterThan(0);
    expect(check).toMatchObject({ lost: [], halfMade: [], versionMismatches: [] });
  });
});
