/**
 * Sends a hostile corpus to a running server over real HTTP (node:http, and plain sockets for what an
 * HTTP client refuses to send), a bounded number at a time, and checks every answer: no 5xx, no stack
 * trace, no SQL, no file path, a typed error code on every GraphQL error, no masked server fault, no
 * accepted write, no hang. It keeps counts and the first few examples of each problem, never the
 * responses themselves, so a run of any size holds little memory.
 *
 * From the command line, against a server already running:
 *   HOSTILE_TARGET=http://127.0.0.1:4000 HOSTILE_REQUESTS=12000 npx tsx test/hostile/run.ts
 */
import { createWriteStream } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { pathToFileURL } from 'node:url';
import { CATEGORIES, corpus, DEFAULT_SEED, type Category, type HostileRequest } from './corpus.js';

export interface RunOptions {
  concurrency?: number;
  /** A request not answered in this time is a hang. */
  timeoutMs?: number;
  /** Responses are read up to this many bytes (the rest is drained and counted). */
  captureBytes?: number;
  onProgress?: (done: number) => void;
  /** Called with one line per request (index, category, variant, status, codes, time, size), e.g. for a log file. */
  onOutcome?: (line: string) => void;
}

/** What came back for one request. */
export interface Outcome {
  /** An HTTP status, or what happened instead. */
  status: number | 'closed' | 'timeout' | 'client-refused';
  headers: Record<string, string>;
  body: Buffer;
  /** Bytes received in all (the body may be cut at captureBytes). */
  bytes: number;
  ms: number;
  /** The connection broke after the status line. */
  cut?: boolean;
  error?: string;
}

export interface Violation {
  kind: string;
  detail: string;
  index: number;
  category: Category;
  variant: string;
  request: string;
  status: Outcome['status'];
  response: string;
}

export interface Report {
  seed: string;
  tried: number;
  ms: number;
  concurrency: number;
  byCategory: Record<string, { tried: number; statuses: Record<string, number>; violations: number }>;
  byStatus: Record<string, number>;
  byCode: Record<string, number>;
  payloads: Record<string, number>;
  violations: number;
  violationsByKind: Record<string, number>;
  examples: Violation[];
  /** Answers that are not wrong but cost a lot: slow, or large for what was asked (counts, first examples). */
  warnings: Record<string, { count: number; examples: string[] }>;
  slowest: { ms: number; index: number; category: Category; variant: string; status: Outcome['status']; bytes: number }[];
  largestResponse: { bytes: number; index: number; category: Category; variant: string };
}

const EXAMPLES_PER_KIND = 5;
const SLOW_MS = 5_000;
const LARGE_ANSWER = 2 ** 20;

// ---------------------------------------------------------------------------------------------------
// Sending.

function headerRecord(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : String(v);
  return out;
}

/** The request's headers, with a Content-Length for its body unless it frames the body itself (node:http
 * would send a GET's or a DELETE's body unframed, and the server would read it as another request). */
function withLength(req: HostileRequest): HostileRequest['headers'] {
  const named = (name: string) => Object.keys(req.headers).some((k) => k.toLowerCase() === name);
  if (req.body === undefined || named('content-length') || named('transfer-encoding')) return req.headers;
  return { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) };
}

function sendHttp(origin: URL, req: HostileRequest, timeoutMs: number, captureBytes: number): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (o: Omit<Outcome, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...o, ms: performance.now() - started });
    };
    let client: ReturnType<typeof httpRequest>;
    try {
      client = httpRequest({
        host: origin.hostname,
        port: origin.port,
        method: req.method,
        path: req.path,
        headers: withLength(req),
        agent: false,
      });
    } catch (error) {
      // The client itself would not send it (an invalid header or path): a fault of the corpus.
      return finish({ status: 'client-refused', headers: {}, body: Buffer.alloc(0), bytes: 0, error: String(error) });
    }
    timer = setTimeout(() => {
      client.destroy();
      finish({ status: 'timeout', headers: {}, body: Buffer.alloc(0), bytes: 0 });
    }, timeoutMs);
    client.on('response', (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (kept < captureBytes) {
          const part = chunk.subarray(0, captureBytes - kept);
          chunks.push(part);
          kept += part.length;
        }
      });
      const done = (cut: boolean, error?: string) =>
        finish({ status: res.statusCode ?? 0, headers: headerRecord(res.headers), body: Buffer.concat(chunks), bytes, cut, error });
      res.on('end', () => done(false));
      res.on('aborted', () => done(true, 'aborted'));
      res.on('error', (e) => done(true, e.message));
    });
    client.on('error', (e) => finish({ status: 'closed', headers: {}, body: Buffer.alloc(0), bytes: 0, error: e.message }));
    if (req.body !== undefined) client.end(req.body);
    else client.end();
  });
}

/** Splits raw response bytes into the final (non-1xx, or 101) response. */
function parseRaw(data: Buffer): Omit<Outcome, 'ms' | 'bytes'> {
  let rest = data;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) return { status: 'closed', headers: {}, body: Buffer.alloc(0), error: 'no complete response' };
    const head = rest.subarray(0, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(head[0] ?? '')?.[1] ?? NaN);
    if (!Number.isFinite(status))
      return { status: 'closed', headers: {}, body: Buffer.alloc(0), error: `not HTTP: ${head[0]?.slice(0, 40)}` };
    const headers: Record<string, string> = {};
    for (const line of head.slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    rest = rest.subarray(end + 4);
    if (status >= 100 && status < 200 && status !== 101) continue;
    let body = rest;
    if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      const parts: Buffer[] = [];
      let at = 0;
      for (;;) {
        const eol = body.indexOf('\r\n', at);
        if (eol < 0) break;
        const size = parseInt(body.subarray(at, eol).toString('latin1'), 16);
        if (!(size > 0)) break;
        parts.push(body.subarray(eol + 2, eol + 2 + size));
        at = eol + 2 + size + 2;
      }
      body = Buffer.concat(parts);
    } else if (headers['content-length'] !== undefined) body = body.subarray(0, Number(headers['content-length']));
    return { status, headers, body };
  }
}

function sendRaw(origin: URL, req: HostileRequest, timeoutMs: number, captureBytes: number): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    let idle: NodeJS.Timeout | undefined;
    const socket = connect({ host: origin.hostname, port: Number(origin.port) });
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(idle);
      socket.destroy();
      const ms = performance.now() - started;
      if (bytes === 0) return resolve({ status: timedOut ? 'timeout' : 'closed', headers: {}, body: Buffer.alloc(0), bytes, ms });
      resolve({ ...parseRaw(Buffer.concat(chunks)), bytes, ms });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= captureBytes) chunks.push(chunk);
      // A connection kept open after an answer (an upgrade, keep-alive): take what came.
      clearTimeout(idle);
      idle = setTimeout(() => finish(false), 2000);
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
    socket.write(req.raw!);
  });
}

export const send = (origin: URL, req: HostileRequest, timeoutMs: number, captureBytes: number) =>
  req.raw ? sendRaw(origin, req, timeoutMs, captureBytes) : sendHttp(origin, req, timeoutMs, captureBytes);

// ---------------------------------------------------------------------------------------------------
// Checking.

/** What a server reveals of itself when it fails: not to appear in any answer, unless the request said it first. */
const LEAKS: { kind: string; pattern: RegExp }[] = [
  { kind: 'stack trace', pattern: /\n\s*at [^\n]{0,200}\(?[^\s()]+:\d+:\d+\)?/ },
  { kind: 'stack trace', pattern: /\bat (?:async )?[\w$.<>[\] ]+ \([^)]*:\d+:\d+\)/ },
  { kind: 'stack trace', pattern: /\b[\w-]+\.(?:ts|tsx|js|mjs|cjs):\d+(?::\d+)?\b/ },
  { kind: 'stack trace', pattern: /\b(?:TypeError|ReferenceError|RangeError|PrismaClient\w*Error|DriverAdapterError|AggregateError)\b/ },
  { kind: 'stack trace', pattern: /"stacktrace"|"stack"\s*:/ },
  { kind: 'SQL', pattern: /prisma/i },
  { kind: 'SQL', pattern: /\bSELECT\b[\s\S]{0,300}?\bFROM\b/i },
  { kind: 'SQL', pattern: /\b(?:INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+"?\w+"?\s+SET)\b/i },
  { kind: 'SQL', pattern: /\b(?:FROM|JOIN|INTO)\s+"[A-Za-z_]\w*"/ },
  { kind: 'SQL', pattern: /"[A-Z]\w*"\."\w+"/ },
  { kind: 'SQL', pattern: /\b(?:relation|column|table|constraint)\s+"[^"]{1,80}"/i },
  {
    kind: 'SQL',
    pattern:
      /syntax error at or near|invalid input syntax for|invalid byte sequence for encoding|violates [\w ]*constraint|duplicate key value|current transaction is aborted|SQLSTATE|\bpg_\w+|websearch_to_tsquery|to_tsvector|numnode|\$queryRaw|bind message|prepared statement/i,
  },
  { kind: 'SQL', pattern: /\bP[1-6]\d{3}\b/ },
  { kind: 'file path', pattern: /\/(?:work|root|home|tmp|usr|opt|app|srv|var)\/[\w.-]/ },
  { kind: 'file path', pattern: /node_modules|file:\/\/|\bsrc\/[\w/-]+\.(?:ts|js)\b|[A-Z]:\\\\/ },
];

/** Every string inside a JSON value (keys too), unescaped. */
function strings(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 64) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out, depth + 1);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out, depth + 1);
    }
  return out;
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
};

/** `text` with every piece (between commas, `&` and `=`) of what the client said (of four characters or more) blanked out. */
function withoutEchoes(text: string, said: string[]): string {
  const pieces = said
    .filter((s) => s.length < 20_000)
    .flatMap((s) => s.split(/[,&=]/))
    .map((p) => p.trim())
    .filter((p) => p.length >= 4)
    .sort((a, b) => b.length - a.length);
  return pieces.reduce((rest, piece) => rest.split(piece).join(' '), text);
}

/** Everything the client said, in every form the server could echo it back in. */
function requestTexts(req: HostileRequest): string[] {
  const texts: string[] = [req.path, safeDecode(req.path)];
  for (const v of Object.values(req.headers)) texts.push(...(Array.isArray(v) ? v : [v]));
  const bodies = [req.body, req.raw].filter((b): b is string | Buffer => b !== undefined);
  for (const body of bodies) {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    texts.push(text);
    if (Buffer.isBuffer(body)) texts.push(body.toString('latin1'));
    const parsed = text.length < 5_000_000 ? tryJson(text) : { ok: false as const };
    if (parsed.ok) texts.push(...strings(parsed.value));
    if (/form-urlencoded/.test(String(req.headers['content-type']))) texts.push(safeDecode(text));
  }
  return texts;
}

const MUTATION_FIELDS =
  /^(?:addInspectorateComment|addSourceDocument|changeActionOwner|completeAction|importActionPlan|linkDependency|openReportingRound|recordProgress|reviseTargetDate|unlinkDependency|updateDependency)$/;

interface Checked {
  problems: { kind: string; detail: string }[];
  codes: string[];
  payloads: string[];
}

/** The problems with one answer, and the error codes and mutation payload types it carries. */
export function check(req: HostileRequest, outcome: Outcome): Checked {
  const problems: { kind: string; detail: string }[] = [];
  const codes: string[] = [];
  const payloads: string[] = [];
  const { status } = outcome;
  if (status === 'timeout') problems.push({ kind: 'hang', detail: `no answer in time` });
  else if (status === 'client-refused') problems.push({ kind: 'unsendable request', detail: outcome.error ?? '' });
  else if (status === 'closed') {
    if (!req.mayClose) problems.push({ kind: 'connection closed without an answer', detail: outcome.error ?? '' });
    return { problems, codes, payloads };
  }
  if (typeof status !== 'number') return { problems, codes, payloads };
  if (status >= 500) problems.push({ kind: 'status 5xx', detail: String(status) });
  if (outcome.cut) problems.push({ kind: 'response cut short', detail: outcome.error ?? '' });

  const contentType = outcome.headers['content-type'] ?? '';
  // GraphiQL's own scripts and styles are the server's static files, not answers to what was asked.
  const staticAsset = status === 200 && /javascript|text\/css/.test(contentType);
  const text = outcome.body.toString('utf8');
  const complete = outcome.bytes === outcome.body.length;
  const json = /json/.test(contentType) ? tryJson(text) : ({ ok: false } as const);
  if (/json/.test(contentType) && !json.ok && complete && req.method !== 'HEAD')
    problems.push({ kind: 'invalid JSON answer', detail: text.slice(0, 120) });

  if (!staticAsset) {
    const said = requestTexts(req);
    const texts = [...(json.ok ? strings(json.value) : [text]), ...Object.values(outcome.headers)];
    for (const { kind, pattern } of LEAKS) {
      for (const t of texts) {
        const m = pattern.exec(t);
        if (!m || said.some((s) => s.includes(m[0]))) continue;
        // An echo can join pieces of what was said (a list parameter split at its commas, each piece
        // quoted): what is left once they are taken out is the server's own words.
        const own = withoutEchoes(t, said);
        const mine = pattern.exec(own);
        if (mine) {
          problems.push({ kind, detail: own.slice(Math.max(0, mine.index - 60), mine.index + mine[0].length + 60) });
          break;
        }
      }
    }
    if (/INTERNAL_SERVER_ERROR|Internal server error/.test(text))
      problems.push({ kind: 'masked server error', detail: text.slice(0, 200) });
  }

  const path = req.path.split('?')[0];
  if (json.ok && json.value && typeof json.value === 'object') {
    const body = json.value as { errors?: unknown; data?: unknown; error?: unknown };
    if (Array.isArray(body.errors)) {
      for (const e of body.errors as { extensions?: { code?: unknown } }[]) {
        const code = e?.extensions?.code;
        if (typeof code === 'string') codes.push(code);
        else problems.push({ kind: 'error without a code', detail: JSON.stringify(e).slice(0, 200) });
      }
      if (body.errors.length === 0) problems.push({ kind: 'empty errors list', detail: '' });
    } else if (path === '/graphql' && status >= 400) problems.push({ kind: 'GraphQL refusal without errors', detail: text.slice(0, 200) });
    else if (typeof body.error === 'string') codes.push(`(${status} ${body.error})`);
    if (body.data && typeof body.data === 'object') {
      for (const [field, value] of Object.entries(body.data as Record<string, unknown>)) {
        const typename = (value as { __typename?: unknown } | null)?.__typename;
        if (typeof typename !== 'string' || !MUTATION_FIELDS.test(field)) continue;
        payloads.push(typename);
        // A hostile write is never accepted: only a UserError may come back.
        if (!/^(?:NotAuthorized|NotFound|InvalidInput|VersionConflict|ImportRefused)$/.test(typename))
          problems.push({ kind: 'write accepted', detail: `${field} → ${typename}` });
      }
    }
  } else if (path === '/graphql' && status >= 400 && req.method !== 'HEAD' && !/^4(?:00|05|13|31)$/.test(String(status)) && text)
    problems.push({ kind: 'GraphQL refusal that is not JSON', detail: `${contentType}: ${text.slice(0, 120)}` });
  if (!codes.length && typeof status === 'number') codes.push(status < 300 ? '(answered)' : `(${status}, no code)`);
  return { problems, codes: [...new Set(codes)], payloads };
}

// ---------------------------------------------------------------------------------------------------
// Running.

/** A short, printable account of a request (bodies cut), enough to send it again by hand. */
export function describeRequest(req: HostileRequest, max = 400): string {
  const show = (b: string | Buffer) => {
    const s = typeof b === 'string' ? b : b.toString('latin1');
    const printable = JSON.stringify(s.length > max ? s.slice(0, max) : s);
    return `${printable}${s.length > max ? ` … (${Buffer.byteLength(s)} bytes)` : ''}`;
  };
  if (req.raw) return `raw ${show(req.raw)}`;
  const headers = Object.entries(req.headers)
    .map(([k, v]) => `${k}: ${String(v).slice(0, 80)}${String(v).length > 80 ? '…' : ''}`)
    .join('; ');
  const path = req.path.length > max ? `${req.path.slice(0, max)}… (${req.path.length} chars)` : req.path;
  return `${req.method} ${path}${headers ? ` [${headers}]` : ''}${req.body !== undefined ? ` ${show(req.body)}` : ''}`;
}

const bump = (counts: Record<string, number>, key: string, by = 1) => void (counts[key] = (counts[key] ?? 0) + by);

export async function runCorpus(
  origin: string,
  requests: Iterable<HostileRequest>,
  options: RunOptions & { seed?: string } = {},
): Promise<Report> {
  const { concurrency = 16, timeoutMs = 60_000, captureBytes = 2_000_000, onProgress, onOutcome } = options;
  const target = new URL(origin);
  const report: Report = {
    seed: options.seed ?? DEFAULT_SEED,
    tried: 0,
    ms: 0,
    concurrency,
    byCategory: Object.fromEntries(Object.keys(CATEGORIES).map((c) => [c, { tried: 0, statuses: {}, violations: 0 }])),
    byStatus: {},
    byCode: {},
    payloads: {},
    violations: 0,
    violationsByKind: {},
    examples: [],
    warnings: {},
    slowest: [],
    largestResponse: { bytes: 0, index: -1, category: 'malformed-document', variant: '' },
  };
  const started = performance.now();
  const iterator = requests[Symbol.iterator]();
  const worker = async () => {
    for (;;) {
      const next = iterator.next();
      if (next.done) return;
      const req = next.value;
      const outcome = await send(target, req, timeoutMs, captureBytes);
      const { problems, codes, payloads } = check(req, outcome);
      const status = String(outcome.status);
      report.tried++;
      const cat = report.byCategory[req.category]!;
      cat.tried++;
      bump(cat.statuses, status);
      bump(report.byStatus, status);
      for (const code of codes) bump(report.byCode, code);
      for (const p of payloads) bump(report.payloads, p);
      if (problems.length) {
        report.violations++;
        cat.violations++;
      }
      for (const p of problems) {
        bump(report.violationsByKind, p.kind);
        if (report.examples.filter((e) => e.kind === p.kind).length < EXAMPLES_PER_KIND)
          report.examples.push({
            ...p,
            index: req.index,
            category: req.category,
            variant: req.variant,
            request: describeRequest(req),
            status: outcome.status,
            response: outcome.body.toString('utf8').slice(0, 400),
          });
      }
      const warn = (kind: string, detail: string) => {
        const w = (report.warnings[kind] ??= { count: 0, examples: [] });
        w.count++;
        if (w.examples.length < 3) w.examples.push(`#${req.index} ${req.category}/${req.variant}: ${detail}; ${describeRequest(req, 160)}`);
      };
      if (outcome.ms > SLOW_MS) warn(`answered in over ${SLOW_MS / 1000} s`, `${Math.round(outcome.ms)} ms`);
      const sent = req.raw?.length ?? (req.body === undefined ? 0 : Buffer.byteLength(req.body)) + req.path.length;
      if (outcome.bytes > LARGE_ANSWER && outcome.bytes > 4 * sent)
        warn(`answer over ${LARGE_ANSWER / 2 ** 20} MB`, `${outcome.bytes} B for ${sent} B sent`);
      const slow = {
        ms: Math.round(outcome.ms),
        index: req.index,
        category: req.category,
        variant: req.variant,
        status: outcome.status,
        bytes: outcome.bytes,
      };
      report.slowest = [...report.slowest, slow].sort((a, b) => b.ms - a.ms).slice(0, 8);
      if (outcome.bytes > report.largestResponse.bytes)
        report.largestResponse = { bytes: outcome.bytes, index: req.index, category: req.category, variant: req.variant };
      onOutcome?.(
        JSON.stringify({
          index: req.index,
          category: req.category,
          variant: req.variant,
          status: outcome.status,
          codes,
          ms: Math.round(outcome.ms),
          bytes: outcome.bytes,
          problems: problems.map((p) => p.kind),
        }),
      );
      onProgress?.(report.tried);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  report.ms = performance.now() - started;
  return report;
}

// ---------------------------------------------------------------------------------------------------
// Printing.

const sorted = (counts: Record<string, number>) => Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

export function formatReport(r: Report): string {
  const lines: string[] = [];
  const fivexx = Object.entries(r.byStatus)
    .filter(([s]) => /^5\d\d$/.test(s))
    .reduce((sum, [, n]) => sum + n, 0);
  lines.push(`Hostile corpus: ${r.tried} requests tried (seed ${r.seed}), ${r.concurrency} at a time, in ${(r.ms / 1000).toFixed(1)} s`);
  lines.push(`5xx responses: ${fivexx}    violations: ${r.violations}`);
  lines.push('');
  const statusColumns = ['2xx', '4xx', '5xx', 'other'];
  const classOf = (s: string) => (/^2\d\d$/.test(s) ? '2xx' : /^4\d\d$/.test(s) ? '4xx' : /^5\d\d$/.test(s) ? '5xx' : 'other');
  const w = Math.max(...Object.keys(r.byCategory).map((c) => c.length), 8);
  lines.push(
    `${'category'.padEnd(w)}  ${'tried'.padStart(6)}  ${statusColumns.map((c) => c.padStart(6)).join('  ')}  ${'violations'.padStart(10)}`,
  );
  for (const [name, c] of Object.entries(r.byCategory)) {
    const classes: Record<string, number> = {};
    for (const [s, n] of Object.entries(c.statuses)) bump(classes, classOf(s), n);
    lines.push(
      `${name.padEnd(w)}  ${String(c.tried).padStart(6)}  ${statusColumns.map((k) => String(classes[k] ?? 0).padStart(6)).join('  ')}  ${String(c.violations).padStart(10)}`,
    );
  }
  lines.push('');
  lines.push(
    `By status: ${sorted(r.byStatus)
      .map(([s, n]) => `${s} ×${n}`)
      .join(', ')}`,
  );
  lines.push('Rejected by error code (requests carrying each code):');
  for (const [code, n] of sorted(r.byCode)) lines.push(`  ${code.padEnd(40)} ${n}`);
  if (Object.keys(r.payloads).length)
    lines.push(
      `Mutation payloads: ${sorted(r.payloads)
        .map(([p, n]) => `${p} ×${n}`)
        .join(', ')}`,
    );
  lines.push(
    `Slowest: ${r.slowest.map((s) => `${s.ms} ms #${s.index} ${s.category}/${s.variant} (${s.status}, ${s.bytes} B)`).join('; ')}`,
  );
  lines.push(
    `Largest answer: ${r.largestResponse.bytes} B, #${r.largestResponse.index} ${r.largestResponse.category}/${r.largestResponse.variant}`,
  );
  for (const [kind, w] of Object.entries(r.warnings)) {
    lines.push(`Warning: ${kind}: ${w.count} request(s)`);
    for (const e of w.examples) lines.push(`    ${e}`);
  }
  lines.push('');
  lines.push(
    `Violations: ${r.violations}${
      r.violations
        ? ` (${sorted(r.violationsByKind)
            .map(([k, n]) => `${k} ×${n}`)
            .join(', ')})`
        : ''
    }`,
  );
  for (const v of r.examples) {
    lines.push(`- ${v.kind} [#${v.index} ${v.category}/${v.variant}] status ${v.status}: ${v.detail}`);
    lines.push(`    request:  ${v.request}`);
    lines.push(`    response: ${JSON.stringify(v.response)}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = process.env.HOSTILE_TARGET ?? 'http://127.0.0.1:4000';
  const count = Number(process.env.HOSTILE_REQUESTS ?? 1500);
  const seed = process.env.HOSTILE_SEED ?? DEFAULT_SEED;
  if (process.env.HOSTILE_ONLY) {
    // Replays chosen requests (by index) and prints each with its whole answer.
    const only = new Set(process.env.HOSTILE_ONLY.split(',').map(Number));
    for (const req of corpus({ count, seed, secret: process.env.AUTH_JWT_SECRET })) {
      if (!only.has(req.index)) continue;
      const outcome = await send(new URL(target), req, 60_000, 2_000_000);
      console.log(`#${req.index} ${req.category}/${req.variant}\n  request:  ${describeRequest(req, 2000)}`);
      console.log(`  status:   ${outcome.status} in ${Math.round(outcome.ms)} ms, ${outcome.bytes} B ${JSON.stringify(outcome.headers)}`);
      console.log(`  response: ${outcome.body.toString('utf8').slice(0, 2000)}`);
      console.log(`  problems: ${JSON.stringify(check(req, outcome).problems)}`);
    }
    process.exit(0);
  }
  const log = process.env.HOSTILE_LOG ? createWriteStream(process.env.HOSTILE_LOG) : null;
  const report = await runCorpus(target, corpus({ count, seed, secret: process.env.AUTH_JWT_SECRET }), {
    seed,
    concurrency: Number(process.env.HOSTILE_CONCURRENCY ?? 16),
    onOutcome: log ? (line) => log.write(`${line}\n`) : undefined,
  });
  log?.end();
  console.log(formatReport(report));
  process.exitCode = report.violations ? 1 : 0;
}
