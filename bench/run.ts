/**
 * `npm run bench [-- --quick] [--database-url URL] [--scales 0.1,1,4] [--pages 10,50,100] [--name NAME]`
 *
 * 1. A database: --database-url (or BENCH_DATABASE_URL), else a throwaway cluster from the installed
 *    PostgreSQL server binaries. The run installs nothing.
 * 2. Synthetic data at the comparison scale; the four peers, each its own process with the same pool.
 * 3. Every peer must give the same JSON for every query, or the run stops.
 * 4. SQL statements per request (requests one at a time), then autocannon at each connection count:
 *    a warm-up, then the timed runs, medians.
 * 5. Query 3 by page size, then by scale (reloading the data for each scale).
 * 6. bench/results/<name>.md and .svg.
 *
 * --quick: small data, short runs, one run each; under two minutes on two cores.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { prepareDatabase } from './data/prepare.js';
import { numberList, positiveNumber, readArgs } from './lib/args.js';
import { checkEquivalent, send } from './lib/equivalence.js';
import { describeMachine } from './lib/machine.js';
import { peakRssMiB } from './lib/process-stats.js';
import { statementCounter } from './lib/statement-counter.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from './lib/throwaway-postgres.js';
import { measureCell } from './measure/load-cell.js';
import { sequential } from './measure/sequential.js';
import { PEER_TITLES, startPeer, type Peer, type PeerName } from './peers/peers.js';
import { QUERIES, tree, type BenchQuery } from './queries/index.js';
import { markdownReport } from './report/markdown.js';
import type { LoadCell, RunResults, SequentialCell } from './report/results.js';
import { svgChart } from './report/svg.js';

const args = readArgs({
  quick: { type: 'boolean', default: false },
  'database-url': { type: 'string' },
  scales: { type: 'string' },
  pages: { type: 'string' },
  'compare-scale': { type: 'string' },
  connections: { type: 'string' },
  duration: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string', default: '1' },
  peers: { type: 'string', default: 'server,unbatched,postgraphile,floor' },
  name: { type: 'string' },
});
const quick = args.quick;
const settings = {
  compareScale: positiveNumber(args['compare-scale'], '--compare-scale', quick ? 0.1 : 1),
  seed: Math.trunc(positiveNumber(args.seed, '--seed', 1)),
  poolSize: 10,
  durationSeconds: positiveNumber(args.duration, '--duration', quick ? 1 : 8),
  runs: Math.trunc(positiveNumber(args.runs, '--runs', quick ? 1 : 3)),
  connections: numberList(args.connections ?? (quick ? '10' : '10,50'), '--connections'),
};
const scales = numberList(args.scales ?? (quick ? '0.05,0.1' : '0.1,1,4'), '--scales');
const pages = numberList(args.pages ?? (quick ? '1,5' : '10,50,100'), '--pages');
const peerNames = args.peers.split(',').map((p) => p.trim()) as PeerName[];
for (const p of peerNames) if (!(p in PEER_TITLES)) throw new Error(`--peers: unknown peer "${p}"`);
const name = args.name ?? (quick ? 'quick' : `scale-${settings.compareScale}`);
/** Query 3 answers at most this many agencies from the N+1 baseline: each costs thousands of statements. */
const UNBATCHED_MAX_TREE_PAGE = quick ? 1 : 10;
/** Quick mode asks query 3 for one agency, so the N+1 baseline answers in a couple of seconds. */
const pageOf = (query: BenchQuery) => (quick && query === tree ? 1 : query.defaultPage);
const cellOptions = {
  durationSeconds: settings.durationSeconds,
  runs: settings.runs,
  warmUpSeconds: quick ? 0.3 : 3,
  maxRunSeconds: quick ? 4 : 90,
};

const started = performance.now();
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

let cluster: ThrowawayPostgres | null = null;
const peers: Peer[] = [];
const cleanUp = async () => {
  for (const peer of peers.splice(0)) await peer.stop();
  cluster?.stop();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

try {
  let url = args['database-url'] ?? process.env.BENCH_DATABASE_URL;
  let postgresVersion: string;
  if (!url) {
    cluster = await startThrowawayPostgres();
    url = cluster.url;
    postgresVersion = cluster.version;
    log(`throwaway ${postgresVersion} at ${url}`);
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    postgresVersion = `PostgreSQL ${(await client.query('SHOW server_version')).rows[0].server_version}`;
    await client.end();
  }
  const counter = await statementCounter(url);
  log(`statements counted with ${counter.source}`);

  const load: RunResults['load'] = [];
  const prepare = async (scale: number) => {
    const result = await prepareDatabase({ url: url!, scale, seed: settings.seed });
    const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
    if (result.loaded) load.push({ scale, rows, loadMs: result.loadMs });
    log(
      `scale ${scale}: ${rows.toLocaleString('en')} rows ${result.loaded ? `loaded in ${(result.loadMs / 1000).toFixed(1)} s` : 'already there'}`,
    );
  };
  await prepare(settings.compareScale);

  // Started together (they are idle once up), each with the same pool size.
  const onOutput = (p: PeerName, text: string) => process.stderr.write(`[${p}] ${text}`);
  const settled = await Promise.allSettled(
    peerNames.map((p) => startPeer(p, { databaseUrl: url!, poolSize: settings.poolSize, onOutput })),
  );
  for (const s of settled) if (s.status === 'fulfilled') peers.push(s.value);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  log(`peers started: ${peers.map((p) => `${p.name} (pid ${p.pid})`).join(', ')}`);

  const skipped: string[] = [];
  // Same answers first: timing peers that disagree would compare different work.
  for (const query of QUERIES) {
    const bytes = await checkEquivalent(peers, query, pageOf(query));
    log(`${query.key}: all peers agree (${(bytes / 1024).toFixed(1)} KiB)`);
  }

  const tooHeavy = (peer: Peer, page: number) => peer.name === 'unbatched' && page > UNBATCHED_MAX_TREE_PAGE;

  const statements: SequentialCell[] = [];
  for (const query of QUERIES) {
    for (const peer of peers) {
      const result = await sequential(peer, query, pageOf(query), counter, peer.name === 'unbatched' ? 1 : 3);
      statements.push({ peer: peer.name, query: query.key, scale: settings.compareScale, page: pageOf(query), ...result });
    }
    log(
      `${query.key}: statements per request ${statements
        .filter((s) => s.query === query.key)
        .map((s) => `${s.peer} ${s.statementsPerRequest}`)
        .join(', ')}`,
    );
  }
  await counter.reset();
  await send(peers.find((p) => p.name === 'server') ?? peers[0], tree, pageOf(tree));
  const serverTreeStatements = await counter.top(12);

  const loadCells: LoadCell[] = [];
  for (const query of QUERIES) {
    for (const peer of peers) {
      const alone = statements.find((c) => c.peer === peer.name && c.query === query.key)!;
      for (const connections of settings.connections) {
        const cell = await measureCell(peer, query, pageOf(query), connections, alone.medianMs, counter, cellOptions);
        if ('skipped' in cell) {
          skipped.push(`${PEER_TITLES[peer.name]}, ${query.key} at ${connections} connections: ${cell.skipped}`);
          log(`${query.key} ${peer.name} @${connections}: skipped, ${cell.skipped}`);
          continue;
        }
        loadCells.push({ peer: peer.name, query: query.key, connections, median: cell.median, runs: settings.runs });
        const m = cell.median;
        // A refusal is answered faster than a query: say so beside the numbers it flatters.
        const failed = m.non2xx + m.errors;
        log(
          `${query.key} ${peer.name} @${connections}: ${m.requestsPerSecond.toFixed(1)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms` +
            (failed ? `  (${m.non2xx} non-2xx, ${m.errors} errors/timeouts)` : ''),
        );
      }
    }
  }
  await counter.quiet(120_000);
  const peakRss = Object.fromEntries(peers.map((p) => [p.name, peakRssMiB(p.pid)]));

  const pageScaling: SequentialCell[] = [];
  for (const page of pages) {
    for (const peer of peers) {
      if (tooHeavy(peer, page)) {
        skipped.push(`${PEER_TITLES[peer.name]}, query 3 at page size ${page}: thousands of statements per agency`);
        continue;
      }
      const result = await sequential(peer, tree, page, counter, peer.name === 'unbatched' || page > 50 ? 1 : 3);
      pageScaling.push({ peer: peer.name, query: tree.key, scale: settings.compareScale, page, ...result });
    }
    log(
      `query 3 at page ${page}: ${pageScaling
        .filter((c) => c.page === page)
        .map((c) => `${c.peer} ${c.statementsPerRequest} st. ${c.medianMs.toFixed(0)} ms`)
        .join(', ')}`,
    );
  }

  const scaleScaling: SequentialCell[] = [];
  // The comparison scale's data is loaded now; visit it first, then the others.
  for (const scale of [...scales].sort((a, b) => Number(b === settings.compareScale) - Number(a === settings.compareScale))) {
    if (scale !== settings.compareScale) await prepare(scale);
    await checkEquivalent(peers, tree, pageOf(tree));
    for (const peer of peers) {
      const result = await sequential(peer, tree, pageOf(tree), counter, peer.name === 'unbatched' ? 1 : 3);
      scaleScaling.push({ peer: peer.name, query: tree.key, scale, page: pageOf(tree), ...result });
    }
    log(
      `query 3 at scale ${scale}: ${scaleScaling
        .filter((c) => c.scale === scale)
        .map((c) => `${c.peer} ${c.statementsPerRequest} st. ${c.medianMs.toFixed(0)} ms`)
        .join(', ')}`,
    );
  }
  await counter.close();

  const results: RunResults = {
    name,
    quick,
    machine: describeMachine(postgresVersion),
    settings,
    statementSource: counter.source,
    load,
    queries: QUERIES.map((q) => ({ key: q.key, title: q.title, defaultPage: pageOf(q) })),
    peers: peers.map((p) => p.name),
    loadCells,
    statements,
    pageScaling,
    scaleScaling,
    peakRssMiB: peakRss,
    serverTreeStatements,
    skipped,
    totalSeconds: (performance.now() - started) / 1000,
  };
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.md`), markdownReport(results));
  writeFileSync(join(dir, `${name}.svg`), svgChart(results));
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(results, null, 2));
  log(`wrote bench/results/${name}.md, .svg and .json`);
} finally {
  await cleanUp();
}
