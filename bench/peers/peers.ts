/**
 * The peers, each started as its own process on a free loopback port against the same database with
 * the same pool size, and how to send each of them a benchmark query.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { freePort } from '../lib/free-port.js';
import type { BenchQuery } from '../queries/types.js';

export type PeerName = 'server' | 'unbatched' | 'postgraphile' | 'floor';

export const PEER_TITLES: Record<PeerName, string> = {
  server: 'this server',
  unbatched: 'this server, unbatched (N+1)',
  postgraphile: 'PostGraphile v4',
  floor: 'raw SQL floor',
};

export interface HttpRequest {
  path: string;
  body: string;
}

export interface Peer {
  name: PeerName;
  origin: string;
  pid: number;
  alive(): boolean;
  /** The HTTP request that asks `query` with page size `page`. */
  request(query: BenchQuery, page: number): HttpRequest;
  /** The response body's `data` in this server's shape. */
  toServerShape(query: BenchQuery, body: any): unknown;
  stop(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '../..');
const TSX = createRequire(import.meta.url).resolve('tsx');
/** As `npm start` runs the server (see package.json). */
const NODE_FLAGS = '--max-semi-space-size=64';

export interface PeerOptions {
  databaseUrl: string;
  poolSize: number;
  /** Where each peer's stdout/stderr goes, for diagnosing a peer that fails to start. */
  onOutput?: (peer: PeerName, text: string) => void;
}

/** How each peer is started: the script and its environment. */
function command(name: PeerName, port: number, options: PeerOptions): { script: string; env: Record<string, string> } {
  const common = { DATABASE_URL: options.databaseUrl, PORT: String(port), HOST: '127.0.0.1' };
  switch (name) {
    case 'server':
    case 'unbatched':
      // NODE_ENV=production as deployed; the server's pool size is its createDatabase default (10).
      // Production requires a signing key; the queries are read anonymously, as PostGraphile's are.
      // The per-address rate limit is off: every request comes from one loopback address, and the
      // peers it is compared with have none, so it would measure 429s instead of queries.
      return {
        script: 'src/main.ts',
        env: {
          ...common,
          LOG_LEVEL: 'silent',
          NODE_ENV: 'production',
          AUTH_JWT_SECRET: randomBytes(32).toString('base64url'),
          ANONYMOUS_READ: 'true',
          RATE_LIMIT_PER_MINUTE: '0',
          ...(name === 'unbatched' ? { BENCH_UNBATCHED: '1' } : {}),
        },
      };
    case 'postgraphile':
      return { script: 'bench/peers/postgraphile.ts', env: { ...common, POOL_SIZE: String(options.poolSize), NODE_ENV: 'production' } };
    case 'floor':
      return { script: 'bench/peers/floor.ts', env: { ...common, POOL_SIZE: String(options.poolSize), NODE_ENV: 'production' } };
  }
}

async function waitUntilReady(origin: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not ready after ${timeoutMs} ms`);
}

export async function startPeer(name: PeerName, options: PeerOptions): Promise<Peer> {
  const port = await freePort();
  const { script, env } = command(name, port, options);
  // Node itself runs the script (no npm or npx in between), so `pid` is the process that serves.
  // Every Node peer gets the same young generation: 64 MiB semi-spaces instead of 16, so the short-lived
  // objects of a large response die young instead of being promoted and collected by full mark-compacts.
  const child = spawn(process.execPath, [NODE_FLAGS, '--import', TSX, script], {
    cwd: ROOT,
    env: { ...process.env, ...env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = (chunk: Buffer) => options.onOutput?.(name, chunk.toString());
  child.stdout!.on('data', output);
  child.stderr!.on('data', output);
  // A peer that dies mid-run says so (the server logs nothing at LOG_LEVEL=silent, not even a crash).
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) options.onOutput?.(name, `exited unexpectedly (code ${code}, signal ${signal})\n`);
  });
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilReady(origin, child, 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${PEER_TITLES[name]} failed to start: ${(error as Error).message}`);
  }

  const graphql = name !== 'floor';
  return {
    name,
    origin,
    pid: child.pid!,
    alive: () => child.exitCode === null && child.signalCode === null,
    request(query, page) {
      if (!graphql) return { path: `/${query.key}?page=${page}`, body: '{}' };
      const request = name === 'postgraphile' ? query.postgraphile(page) : query.server(page);
      return { path: '/graphql', body: JSON.stringify(request) };
    },
    toServerShape(query, body) {
      if (body.errors?.length)
        throw new Error(`${PEER_TITLES[name]} answered ${query.key} with errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
      return name === 'postgraphile' ? query.fromPostgraphile(body.data) : body.data;
    },
    stop,
  };
}
