/** The run as Markdown tables: throughput and latency, statements per request, scaling, ratios. */
import { ratio } from '../lib/stats.js';
import { PEER_TITLES, type PeerName } from '../peers/peers.js';
import type { LoadCell, RunResults, SequentialCell } from './results.js';

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const times = (n: number) => (Number.isFinite(n) ? `${n >= 10 ? n.toFixed(0) : n.toFixed(2)}×` : '–');
const kib = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KiB` : '–');
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function loadTable(r: RunResults, query: string): string {
  const rows = r.loadCells
    .filter((c) => c.query === query)
    .map((c) => [
      PEER_TITLES[c.peer],
      String(c.connections),
      fixed(c.median.requestsPerSecond),
      fixed(c.median.p50, 0),
      fixed(c.median.p97_5, 0),
      fixed(c.median.p99, 0),
      String(c.median.non2xx + c.median.errors),
      kib(c.median.bytesPerRequest),
      fixed(c.median.cpuMsPerRequest, 2),
    ]);
  return table(['peer', 'conn.', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'non-2xx + errors', 'response', 'peer CPU ms/req'], rows);
}

function ratioTable(r: RunResults): string {
  const cell = (peer: PeerName, query: string, connections: number) =>
    r.loadCells.find((c) => c.peer === peer && c.query === query && c.connections === connections);
  const others = r.peers.filter((p) => p !== 'server');
  const rows: string[][] = [];
  for (const q of r.queries) {
    for (const connections of r.settings.connections) {
      const server = cell('server', q.key, connections);
      if (!server) continue;
      rows.push([
        q.key,
        String(connections),
        ...others.map((p) => {
          const other = cell(p, q.key, connections);
          if (!other) return '–';
          return `${times(ratio(server.median.requestsPerSecond, other.median.requestsPerSecond))} req/s, ${times(ratio(server.median.p50, other.median.p50))} p50`;
        }),
      ]);
    }
  }
  return table(['query', 'conn.', ...others.map((p) => `server ÷ ${PEER_TITLES[p]}`)], rows);
}

function statementsTable(r: RunResults): string {
  const rows = r.queries.map((q) => [
    q.key,
    ...r.peers.map((p) => {
      const c = r.statements.find((s) => s.peer === p && s.query === q.key);
      return c ? fixed(c.statementsPerRequest, c.statementsPerRequest % 1 ? 1 : 0) : '–';
    }),
  ]);
  return table(['query', ...r.peers.map((p) => PEER_TITLES[p])], rows);
}

function scalingTable(cells: SequentialCell[], r: RunResults, by: 'page' | 'scale'): string {
  const keys = [...new Set(cells.map((c) => c[by]))].sort((a, b) => a - b);
  const rows = keys.map((k) => [
    String(k),
    ...r.peers.map((p) => {
      const c = cells.find((x) => x.peer === p && x[by] === k);
      return c ? `${fixed(c.statementsPerRequest, 0)} st. / ${fixed(c.medianMs, 0)} ms` : 'skipped';
    }),
  ]);
  return table([by === 'page' ? 'page size' : 'scale', ...r.peers.map((p) => PEER_TITLES[p])], rows);
}

export function markdownReport(r: RunResults): string {
  const m = r.machine;
  const s = r.settings;
  const sections = [
    `# Benchmark: ${r.name}${r.quick ? ' (quick mode: short runs, small data; for smoke-testing, not for quoting)' : ''}`,
    `Run ${m.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; ${m.postgres}. ` +
      `Everything (PostgreSQL, the peer, the load generator) shares this machine. Total time ${fixed(r.totalSeconds, 0)} s.`,
    `Data: synthetic, seed ${s.seed}; the comparison at scale ${s.compareScale}. Each peer is one process with a pool of ${s.poolSize} connections to the same database; ` +
      `autocannon for ${s.durationSeconds} s per run, ${s.runs} run(s) after a warm-up, medians. Statements counted with ${r.statementSource}.`,
    table(
      ['scale', 'rows', 'load time'],
      r.load.map((l) => [String(l.scale), l.rows.toLocaleString('en'), `${fixed(l.loadMs / 1000, 1)} s`]),
    ),
    '## Queries',
    r.queries.map((q) => `- **${q.key}**: ${q.title} (page size ${q.defaultPage})`).join('\n'),
    '## Throughput and latency',
    ...r.queries.flatMap((q) => [`### ${q.title}`, loadTable(r, q.key)]),
    '## Ratios: this server ÷ each peer',
    'Above 1× in req/s, this server is faster; above 1× in p50, it is slower.',
    ratioTable(r),
    '## SQL statements per request',
    statementsTable(r),
    '## Peak memory (RSS) per peer process',
    table(
      ['peer', 'peak RSS'],
      r.peers.map((p) => [PEER_TITLES[p], `${fixed(r.peakRssMiB[p] ?? Number.NaN, 0)} MiB`]),
    ),
    `## Query 3 by page size (scale ${s.compareScale}): statements per request / latency of one request`,
    scalingTable(r.pageScaling, r, 'page'),
    `## Query 3 by scale (page size ${r.queries.find((q) => q.key === 'q3-tree')?.defaultPage}): statements per request / latency of one request`,
    scalingTable(r.scaleScaling, r, 'scale'),
    '## This server’s statements for query 3',
    r.serverTreeStatements.length
      ? table(
          ['calls', 'mean ms', 'statement'],
          r.serverTreeStatements.map((t) => [
            String(t.calls),
            fixed(t.meanMs, 2),
            `\`${t.query.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 160)}…\``,
          ]),
        )
      : '(pg_stat_statements unavailable)',
    ...(r.skipped.length ? ['## Skipped', r.skipped.map((s) => `- ${s}`).join('\n')] : []),
  ];
  return sections.join('\n\n') + '\n';
}
