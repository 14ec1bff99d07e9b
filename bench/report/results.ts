/** Everything one benchmark run measured, as the report writers read it. */
import type { Machine } from '../lib/machine.js';
import type { LoadResult } from '../lib/load-test.js';
import type { StatementSource } from '../lib/statement-counter.js';
import type { PeerName } from '../peers/peers.js';

export interface LoadCell {
  peer: PeerName;
  query: string;
  connections: number;
  /** Medians over the timed runs (sums for non-2xx and errors). */
  median: LoadResult;
  runs: number;
}

export interface SequentialCell {
  peer: PeerName;
  query: string;
  scale: number;
  page: number;
  statementsPerRequest: number;
  medianMs: number;
  bytes: number;
}

export interface RunResults {
  name: string;
  quick: boolean;
  machine: Machine;
  settings: { compareScale: number; seed: number; poolSize: number; durationSeconds: number; runs: number; connections: number[] };
  statementSource: StatementSource;
  load: { scale: number; rows: number; loadMs: number }[];
  queries: { key: string; title: string; defaultPage: number }[];
  peers: PeerName[];
  loadCells: LoadCell[];
  /** Statements per request and latency of each query at the compare scale and default page. */
  statements: SequentialCell[];
  /** Query 3 across page sizes (compare scale) and across scales (default page). */
  pageScaling: SequentialCell[];
  scaleScaling: SequentialCell[];
  peakRssMiB: Partial<Record<PeerName, number>>;
  /** The most frequent statements of this server for query 3, for profiling. */
  serverTreeStatements: { calls: number; meanMs: number; query: string }[];
  skipped: string[];
  totalSeconds: number;
}
