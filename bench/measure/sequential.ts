/**
 * Requests sent one at a time: SQL statements per request (exact, with nothing else running) and the
 * latency of a single request, the numbers the scaling tables are made of.
 */
import { send } from '../lib/equivalence.js';
import type { StatementCounter } from '../lib/statement-counter.js';
import { median } from '../lib/stats.js';
import type { Peer } from '../peers/peers.js';
import type { BenchQuery } from '../queries/types.js';
import { settle } from './load-cell.js';

export interface SequentialResult {
  statementsPerRequest: number;
  medianMs: number;
  bytes: number;
}

export async function sequential(
  peer: Peer,
  query: BenchQuery,
  page: number,
  counter: StatementCounter,
  requests: number,
): Promise<SequentialResult> {
  await settle(peer, counter);
  await counter.reset();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    bytes = (await send(peer, query, page)).bytes;
    times.push(performance.now() - started);
  }
  await counter.quiet(30_000);
  return { statementsPerRequest: (await counter.read()) / requests, medianMs: median(times), bytes };
}
