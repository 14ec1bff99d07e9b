/**
 * The hostile-input corpus against the real server over HTTP: every request must be answered with a
 * client error (or a correct answer), never a 5xx, a stack trace, SQL or a file path; nothing may be
 * written; the server must still answer normally afterwards, and its heap come back to where it was.
 *
 * HOSTILE_REQUESTS sets the size (default 1,500, a few seconds' worth for `npm test`; CI runs 12,000),
 * HOSTILE_SEED the seed. The server reads the run's seeded database: every hostile write must be
 * refused, and a digest of the tables writes touch proves that none got through.
 */
import { createWriteStream } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { serveApp } from '../support/app.js';
import { TEST_SECRET } from '../support/auth.js';
import { fingerprint } from '../support/writes.js';
import { corpus, DEFAULT_SEED } from './corpus.js';
import { formatReport, runCorpus } from './run.js';

const COUNT = Number(process.env.HOSTILE_REQUESTS ?? 1500);
const SEED = process.env.HOSTILE_SEED ?? DEFAULT_SEED;
/** How far the heap may stay above its baseline once the run is over and garbage collected. */
const HEAP_BOUND_MB = 32;

// A rate limit would refuse most of the corpus with 429s and test nothing else: off for this server.
const { app } = serveApp(undefined, { RATE_LIMIT_PER_MINUTE: '0' });

/** The garbage collector, exposed at run time (so no pool or worker option is needed). */
function garbageCollector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap in use after full collections, once finalisers and pending I/O have run. */
async function settledHeap(gc: () => void): Promise<number> {
  for (let i = 0; i < 6; i++) {
    await new Promise((done) => setTimeout(done, 50));
    gc();
  }
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

async function healthy(origin: string) {
  const health = await fetch(`${origin}/healthz`);
  const detail = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query Q($n: Int!) { recommendation(inspection: "ct-joint-inspection-2023", number: $n) { number text response { value } } }',
      variables: { n: 16 },
    }),
  });
  return { health: { status: health.status, body: await health.json() }, detail: { status: detail.status, body: await detail.json() } };
}

const HEALTHY = {
  health: { status: 200, body: { status: 'ok' } },
  detail: {
    status: 200,
    body: {
      data: {
        recommendation: {
          number: 16,
          text: 'Prioritise basic extremism training for all frontline staff, including refresher training, where required.',
          response: { value: 'PARTLY_AGREED' },
        },
      },
    },
  },
};

describe('hostile input', () => {
  it(
    `answers ${COUNT} hostile requests with client errors, leaks nothing, writes nothing and keeps its memory`,
    async () => {
      const origin = app().url;
      const db = app().database.db;
      const gc = garbageCollector();
      expect(typeof gc).toBe('function');

      // Warm up what a first request initialises, so that the baseline is the server at rest.
      expect(await healthy(origin)).toEqual(HEALTHY);
      const before = await fingerprint(db);
      const heapBefore = await settledHeap(gc);
      const rssBefore = process.memoryUsage().rss;

      // HOSTILE_LOG names a file to get one line per request (status, codes, time, size), e.g. as a CI artefact.
      const log = process.env.HOSTILE_LOG ? createWriteStream(process.env.HOSTILE_LOG) : null;
      const report = await runCorpus(origin, corpus({ count: COUNT, seed: SEED, secret: TEST_SECRET }), {
        seed: SEED,
        concurrency: 16,
        onOutcome: log ? (line) => log.write(`${line}\n`) : undefined,
      });
      await new Promise((done) => (log ? log.end(done) : done(null)));

      // Still up, still right, nothing written, nothing polluted.
      const after = await healthy(origin);
      const written = await fingerprint(db);
      const heapAfter = await settledHeap(gc);
      const rssAfter = process.memoryUsage().rss;
      const memory = [
        `Heap used: ${mb(heapBefore)} before, ${mb(heapAfter)} after (${heapAfter >= heapBefore ? '+' : ''}${mb(heapAfter - heapBefore)}; bound +${HEAP_BOUND_MB} MB)`,
        `RSS: ${mb(rssBefore)} before, ${mb(rssAfter)} after`,
      ].join('\n');
      console.log(`${formatReport(report)}\n\n${memory}`);

      expect(report.tried).toBe(COUNT);
      const fivexx = Object.entries(report.byStatus)
        .filter(([s]) => /^5\d\d$/.test(s))
        .reduce((sum, [, n]) => sum + n, 0);
      expect.soft(fivexx, 'responses with status 5xx').toBe(0);
      expect.soft(report.violationsByKind, 'violations by kind (examples in the report above)').toEqual({});
      expect.soft(after, 'the server afterwards').toEqual(HEALTHY);
      expect.soft(written === before, 'the database is unchanged').toBe(true);
      expect.soft(({} as Record<string, unknown>).polluted, 'Object.prototype is not polluted').toBeUndefined();
      expect.soft(heapAfter - heapBefore, memory).toBeLessThan(HEAP_BOUND_MB * 2 ** 20);
    },
    120_000 + COUNT * 100,
  );
});
