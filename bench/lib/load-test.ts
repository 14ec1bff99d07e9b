/**
 * One timed load against one peer: autocannon at a fixed number of connections for a fixed time,
 * with the peer's CPU time over the same window. Traffic goes to the loopback peer only, and each run
 * is bounded by its duration (plus the request timeout for requests still in flight).
 */
import autocannon from 'autocannon';
import { cpuMs } from './process-stats.js';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p97_5: number;
  p99: number;
  completed: number;
  non2xx: number;
  errors: number;
  /** Response bytes per completed request. */
  bytesPerRequest: number;
  /** Peer CPU milliseconds per completed request. */
  cpuMsPerRequest: number;
}

export async function loadTest(options: {
  url: string;
  body: string;
  connections: number;
  /** Either a time... */
  durationSeconds?: number;
  /** ...or a number of requests, all of which complete (slow queries: see measure/load-cell.ts). */
  amount?: number;
  timeoutSeconds: number;
  pid: number;
}): Promise<LoadResult> {
  const cpuBefore = cpuMs(options.pid);
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: options.body,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds }),
    timeout: options.timeoutSeconds,
  });
  const cpu = cpuMs(options.pid) - cpuBefore;
  const completed = result['2xx'] + result.non2xx;
  const none = completed === 0;
  return {
    requestsPerSecond: completed / result.duration,
    p50: none ? Number.NaN : result.latency.p50,
    p97_5: none ? Number.NaN : result.latency.p97_5,
    p99: none ? Number.NaN : result.latency.p99,
    completed,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    bytesPerRequest: none ? Number.NaN : result.throughput.total / completed,
    cpuMsPerRequest: none ? Number.NaN : cpu / completed,
  };
}
