/**
 * One cell of the throughput table: one peer, one query, one connection count; a warm-up, then the
 * timed runs, medians.
 *
 * A fast query runs for a fixed time. A slow one (hundreds of milliseconds per request) would mostly be
 * cut off mid-flight by a fixed time, and the abandoned requests would go on loading the peer during
 * the next measurement; it runs instead for a fixed number of requests, sized from its one-at-a-time
 * latency to last about as long, all of which complete. A cell whose estimate exceeds the time budget
 * (the N+1 baseline on the tree) is skipped, and the report says so.
 */
import { loadTest, type LoadResult } from '../lib/load-test.js';
import { cpuMs } from '../lib/process-stats.js';
import type { StatementCounter } from '../lib/statement-counter.js';
import { median } from '../lib/stats.js';
import type { Peer } from '../peers/peers.js';
import type { BenchQuery } from '../queries/types.js';

export interface CellOptions {
  durationSeconds: number;
  runs: number;
  warmUpSeconds: number;
  /** Longest a single run may be expected to take. */
  maxRunSeconds: number;
}

const SLOW_MS = 50;
/** The requests a peer serves at once, roughly: one Node process, with the database on another core. */
const PARALLELISM = 1.5;

/** Waits until the database and the peer process are both idle (at most two minutes). */
export async function settle(peer: Peer, counter: StatementCounter) {
  await counter.quiet(120_000);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const before = cpuMs(peer.pid);
    await new Promise((r) => setTimeout(r, 200));
    if (!(cpuMs(peer.pid) - before > 20)) return;
  }
}

export async function measureCell(
  peer: Peer,
  query: BenchQuery,
  page: number,
  connections: number,
  sequentialMs: number,
  counter: StatementCounter,
  options: CellOptions,
): Promise<{ median: LoadResult } | { skipped: string }> {
  if (!peer.alive()) throw new Error(`${peer.name} is no longer running`);
  const { path, body } = peer.request(query, page);
  const base = { url: `${peer.origin}${path}`, body, connections, pid: peer.pid, timeoutSeconds: 120 };
  const slow = sequentialMs >= SLOW_MS;
  const amount = slow ? Math.max(connections, Math.round(((options.durationSeconds * 1000) / sequentialMs) * PARALLELISM)) : undefined;
  if (amount) {
    const estimate = (amount * sequentialMs) / PARALLELISM / 1000;
    if (estimate > options.maxRunSeconds)
      return { skipped: `about ${Math.round(estimate)} s per run (${amount} requests of ~${Math.round(sequentialMs)} ms)` };
  }
  await settle(peer, counter);
  if (!slow) await loadTest({ ...base, durationSeconds: options.warmUpSeconds });
  const runs: LoadResult[] = [];
  for (let i = 0; i < options.runs; i++) {
    await settle(peer, counter);
    runs.push(await loadTest(amount ? { ...base, amount } : { ...base, durationSeconds: options.durationSeconds }));
  }
  const pick = (k: keyof LoadResult) => median(runs.map((r) => r[k]));
  const sum = (k: keyof LoadResult) => runs.reduce((n, r) => n + r[k], 0);
  return {
    median: {
      requestsPerSecond: pick('requestsPerSecond'),
      p50: pick('p50'),
      p97_5: pick('p97_5'),
      p99: pick('p99'),
      completed: sum('completed'),
      non2xx: sum('non2xx'),
      errors: sum('errors'),
      bytesPerRequest: pick('bytesPerRequest'),
      cpuMsPerRequest: pick('cpuMsPerRequest'),
    },
  };
}
