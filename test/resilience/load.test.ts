/**
 * Load: the server as `npm start` runs it in production mode, in a process of its own, under a mixed
 * read/write workload from autocannon: LOAD_CONNECTIONS connections for LOAD_SECONDS (10 for 5 s in
 * `npm test`; CI runs 50 for 60 s). Every request must succeed (no socket error, timeout, non-2xx
 * or GraphQL error), every acknowledged write must be in the database and nothing else, and the
 * server's resident memory must stay bounded. The results are printed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/database/client.js';
import { tokenFor } from '../support/auth.js';
import { freePort } from '../support/controlled-postgres.js';
import { freshDatabase } from '../support/fresh-database.js';
import { residentBytes, startServerProcess, type ServerProcess } from '../support/server-process.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 10);
/** Peak resident memory allowed to the server process. */
const RSS_LIMIT_MB = Number(process.env.LOAD_RSS_LIMIT_MB ?? 768);
/** How far resident memory may still rise from the second half of the run to its last quarter. */
const RSS_CLIMB_MB = Number(process.env.LOAD_RSS_CLIMB_MB ?? 64);
const WARM_UP_SECONDS = 2;

const example = (name: string) => readFileSync(resolve(import.meta.dirname, '../../schema/examples', `${name}.graphql`), 'utf8');
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

// A database of its own: the comments it writes must not show in other tests' answers.
const databaseUrl = freshDatabase('load', { seeded: true });
let server: ServerProcess;
let db: Database;
beforeAll(async () => {
  const url = databaseUrl();
  server = await startServerProcess(url, await freePort(), { NODE_ENV: 'production', LOG_LEVEL: 'warn' });
  db = createDatabase({ url, maxConnections: 2 });
}, 60_000);
afterAll(async () => {
  // Stopped, and gone, before its database is.
  if (server && server.child.exitCode === null) {
    const exited = new Promise((done) => server.child.once('exit', done));
    server.child.kill('SIGTERM');
    await exited;
  }
  await db?.$disconnect();
});

interface Tally {
  responses: number;
  writesSent: number;
  writeResponses: number;
  graphqlErrors: Record<string, number>;
  acknowledged: Set<string>;
}

/** The workload, one request after another on each connection: a write, then four reads. */
function workload(tag: string, token: string, subjects: string[], tally: Tally, writes: boolean): autocannon.Request[] {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const check = (_status: number, body: string) => {
    tally.responses++;
    const { data, errors } = JSON.parse(body) as { data?: Record<string, any>; errors?: { extensions?: { code?: string } }[] };
    for (const error of errors ?? []) {
      const code = error.extensions?.code ?? 'NO_CODE';
      tally.graphqlErrors[code] = (tally.graphqlErrors[code] ?? 0) + 1;
    }
    if (data && 'addInspectorateComment' in data) tally.writeResponses++;
    const written = data?.addInspectorateComment?.comment?.body;
    if (typeof written === 'string') tally.acknowledged.add(written);
  };
  const read = (query: string, variables: () => Record<string, unknown> = () => ({})): autocannon.Request => ({
    method: 'POST',
    path: '/graphql',
    headers,
    setupRequest: (request) => ({ ...request, body: JSON.stringify({ query, variables: variables() }) }),
    onResponse: check,
  });
  let n = 0;
  const reads = [
    read(example('plan-summary')),
    read(example('recommendation-detail'), () => ({ number: 1 + (n++ % 21) })),
    read(example('filtered-recommendations'), () => ({ addressedTo: ['hmpps'], first: 10 })),
    read(example('overdue-actions'), () => ({ on: '2025-03-31' })),
  ];
  if (!writes) return reads;
  const write: autocannon.Request = {
    method: 'POST',
    path: '/graphql',
    headers,
    setupRequest: (request) => {
      const i = tally.writesSent++;
      const input = { subject: subjects[i % subjects.length], body: `${tag} comment ${i}` };
      return {
        ...request,
        body: JSON.stringify({
          query: `mutation($input: AddInspectorateCommentInput!) { addInspectorateComment(input: $input) {
            __typename ... on AddInspectorateCommentPayload { comment { body } } ... on UserError { message } } }`,
          variables: { input },
        }),
      };
    },
    onResponse: check,
  };
  return [write, ...reads];
}

describe('load', () => {
  it(
    `serves ${CONNECTIONS} connections of mixed reads and writes for ${SECONDS} s without an error, a lost write or unbounded memory`,
    async () => {
      const token = await tokenFor({ agency: 'hmi-probation', roles: ['inspector'], sub: 'load-inspector' });
      const listed = await fetch(`${server.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ recommendations(first: 21) { nodes { id } } }' }),
      });
      const subjects = ((await listed.json()).data.recommendations.nodes as { id: string }[]).map((r) => r.id);
      expect(subjects).toHaveLength(21);

      const samples: { at: number; rss: number }[] = [];
      const sampler = setInterval(async () => {
        const rss = await residentBytes(server.pid);
        if (rss !== null) samples.push({ at: Date.now(), rss });
      }, 250);

      const run = (seconds: number, requests: autocannon.Request[]) =>
        autocannon({ url: server.origin, connections: CONNECTIONS, duration: seconds, timeout: 20, requests });
      try {
        const warmTally: Tally = { responses: 0, writesSent: 0, writeResponses: 0, graphqlErrors: {}, acknowledged: new Set() };
        await run(WARM_UP_SECONDS, workload('warm-up', token, subjects, warmTally, false));
        const warmedAt = Date.now();
        const afterWarmUp = (await residentBytes(server.pid)) ?? 0;

        const tag = `load ${Date.now()}`;
        const tally: Tally = { responses: 0, writesSent: 0, writeResponses: 0, graphqlErrors: {}, acknowledged: new Set() };
        const result = await run(SECONDS, workload(tag, token, subjects, tally, true));
        clearInterval(sampler);

        const stored = await db.inspectorateComment.findMany({ where: { body: { startsWith: `${tag} ` } }, select: { body: true } });
        const storedBodies = new Set(stored.map((c) => c.body));
        const lost = [...tally.acknowledged].filter((body) => !storedBodies.has(body));
        // Writes still in flight when the run ended were made but their answers not read: only those
        // may be stored without an acknowledgement.
        const inFlight = tally.writesSent - tally.writeResponses;
        const unacknowledged = [...storedBodies].filter((body) => !tally.acknowledged.has(body));

        const during = samples.filter((s) => s.at >= warmedAt);
        const peak = Math.max(...during.map((s) => s.rss));
        // Medians of each quarter of the run: a leak keeps climbing, a warm heap levels off.
        const quarters = [0, 1, 2, 3].map((q) =>
          median(during.slice(Math.floor((during.length * q) / 4), Math.floor((during.length * (q + 1)) / 4)).map((s) => s.rss)),
        );
        const climb = quarters[3]! - quarters[1]!;
        console.log(
          `load: ${JSON.stringify({
            seconds: SECONDS,
            connections: CONNECTIONS,
            requests: result.requests.total,
            requestsPerSecond: Math.round(result.requests.average),
            latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
            '2xx': result['2xx'],
            non2xx: result.non2xx,
            socketErrors: result.errors,
            timeouts: result.timeouts,
            graphqlErrors: tally.graphqlErrors,
            writesSent: tally.writesSent,
            writesAcknowledged: tally.acknowledged.size,
            writesInFlightAtEnd: inFlight,
            writesStored: storedBodies.size,
            lost: lost.length,
            rssMb: { afterWarmUp: mb(afterWarmUp), quarterMedians: quarters.map(mb), peak: mb(peak), climb: mb(climb) },
          })}`,
        );

        expect(result.requests.total).toBeGreaterThan(0);
        expect({
          non2xx: result.non2xx,
          socketErrors: result.errors,
          timeouts: result.timeouts,
          graphqlErrors: tally.graphqlErrors,
        }).toEqual({
          non2xx: 0,
          socketErrors: 0,
          timeouts: 0,
          graphqlErrors: {},
        });
        // Every response was read and checked, and some of them were acknowledged writes.
        expect(tally.responses).toBe(result['2xx']);
        expect(tally.acknowledged.size).toBeGreaterThan(0);
        // A comment carries no version, so no write may come back as a typed refusal: each answer is a commit.
        expect(tally.acknowledged.size).toBe(tally.writeResponses);
        expect(lost).toEqual([]);
        expect(unacknowledged.length).toBeLessThanOrEqual(inFlight);
        expect(server.child.exitCode).toBeNull();
        expect(during.length).toBeGreaterThan(0);
        expect(mb(peak)).toBeLessThan(RSS_LIMIT_MB);
        expect(mb(climb)).toBeLessThan(RSS_CLIMB_MB);
      } finally {
        clearInterval(sampler);
      }
    },
    (WARM_UP_SECONDS + SECONDS) * 1_000 + 60_000,
  );
});
