/**
 * The hostile-input corpus: a deterministic stream of HTTP requests that no well-behaved client
 * sends. Every category of the hardening checklist is drawn in fixed proportions at any size (a
 * smooth weighted round robin), and each request is generated from its own seeded generator, so
 * request `n` of a seed is the same on every run. The server must answer each with a typed client
 * error (or a correct answer), never a 5xx, a stack trace, SQL or a file path.
 *
 * Nothing here can write: mutations are sent anonymously or with tokens the server must refuse, and
 * the only tokens signed with the test secret are expired, malformed, or name an agency that does not
 * exist with the read-only `viewer` role.
 */
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Random } from './random.js';

export const CATEGORIES = {
  'malformed-document': {
    weight: 10,
    about: 'truncated and mutated example operations, unbalanced braces, bad tokens, unicode junk, NUL bytes',
  },
  'deep-nesting': { weight: 6, about: 'selections, list and object literals and variables nested far past the depth limit' },
  'alias-bomb': { weight: 5, about: 'hundreds to thousands of aliases of costly fields' },
  'fragment-bomb': { weight: 5, about: 'fragments spreading each other exponentially, wide spreads, fragment cycles' },
  'directive-flood': { weight: 4, about: '@include/@skip and unknown directives repeated past the directive limit' },
  'token-flood': { weight: 4, about: 'documents near and above the 4,000-token parser limit' },
  'huge-input': { weight: 6, about: 'huge strings and lists in arguments and variables, bodies around and over 1 MB' },
  'wrong-variables': { weight: 8, about: 'wrong variable types, null for non-null, missing and extra variables, bad scalars' },
  'request-shape': { weight: 5, about: 'JSON bodies of the wrong shape: query not a string, variables not an object, __proto__ keys' },
  'global-ids': { weight: 8, about: 'garbage, foreign-type, nonexistent and huge global ids and cursors, in queries and mutations' },
  injection: { weight: 10, about: 'SQL-, regex-, JSON- and template-looking strings in search, filter and slug arguments' },
  'non-json-body': { weight: 4, about: 'bodies that are not JSON, sent as application/json' },
  'content-type': { weight: 4, about: 'text/plain, multipart/form-data, form-urlencoded, none, odd charsets' },
  'http-method': { weight: 5, about: 'GET with queries in the URL, mutations over GET, huge URLs, other methods' },
  batched: { weight: 3, about: 'arrays of operations (batching is refused)' },
  'invalid-utf8': { weight: 3, about: 'invalid UTF-8 bytes in bodies, URLs and headers; UTF-16 and Latin-1 bodies' },
  auth: { weight: 5, about: 'mutations without tokens and with malformed, expired, forged, alg=none and huge tokens' },
  'other-paths': { weight: 6, about: 'CSV export and slippage chart with hostile parameters, unknown paths, asset traversal' },
  'raw-http': { weight: 3, about: 'malformed HTTP on a raw socket: bad request lines, header injection, smuggling framing' },
} as const satisfies Record<string, { weight: number; about: string }>;

export type Category = keyof typeof CATEGORIES;

export interface HostileRequest {
  /** Position in the corpus: the same seed and index give the same request. */
  index: number;
  category: Category;
  /** Which generator of the category made it. */
  variant: string;
  method: string;
  /** Path and query string, as sent. */
  path: string;
  headers: Record<string, string | string[]>;
  body?: string | Buffer;
  /** The whole request, bytes as sent, over a plain socket (for what an HTTP client refuses to send). */
  raw?: Buffer;
  /** The server may close the connection without answering (a body over the limit, broken framing). */
  mayClose?: boolean;
}

export interface CorpusOptions {
  count: number;
  seed?: string;
  /** The HS256 secret the server under test verifies tokens with (to forge tokens it must still refuse). */
  secret?: string;
}

export const DEFAULT_SEED = 'hostile-corpus-v1';

/** The server's body limit (src/http/graphql-handler.ts). */
export const MAX_BODY_BYTES = 1_000_000;

// ---------------------------------------------------------------------------------------------------
// Material: the example operations, the ids of the seeded record, hostile strings.

const EXAMPLES_DIR = resolve(import.meta.dirname, '../../schema/examples');
const EXAMPLES: readonly string[] = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .sort()
  .map((f) => readFileSync(resolve(EXAMPLES_DIR, f), 'utf8'));

const INSPECTION = 'ct-joint-inspection-2023';
export const gid = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64');

/** Global ids of records the seeded record holds, by type. */
export const IDS = {
  recommendation: [1, 3, 6, 16, 21].map((n) => gid('Recommendation', `${INSPECTION}/r${n}`)),
  action: ['r1/a1', 'r2/a1', 'r6/a1'].map((k) => gid('Action', `${INSPECTION}/${k}`)),
  agency: ['jexu', 'nsd', 'ct-arc', 'hmi-probation'].map((k) => gid('Agency', k)),
  dependency: ['mapps', 'ct-quality-development-tool'].map((k) => gid('Dependency', k)),
  round: ['plan-2023-07', 'update-2024-08', 'letter-2025-03'].map((k) => gid('ReportingRound', `${INSPECTION}/${k}`)),
  inspection: [gid('Inspection', INSPECTION)],
  role: [gid('Role', 'dd-jexu')],
  other: [
    gid('SourceDocument', 'action-plan'),
    gid('ProgressUpdate', `${INSPECTION}/r1/p1`),
    gid('DateRevision', `${INSPECTION}/r1/rev1`),
    gid('RecordNote', `${INSPECTION}/note1`),
  ],
};
const ALL_IDS = Object.values(IDS).flat();
const SLUGS = ['jexu', 'nsd', 'ct-arc', 'hmi-probation', 'mapps', INSPECTION, 'letter-2025-03', 'dd-jexu'];

/** Strings that look like attacks on whatever sits behind a filter. */
export const INJECTIONS: readonly string[] = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '" OR ""="',
  `'; DROP TABLE "Recommendation"; --`,
  '"; DROP TABLE recommendations; --',
  '1; SELECT pg_sleep(10) --',
  "' || pg_sleep(10) || '",
  '\' UNION SELECT id, slug FROM "Agency" --',
  "'/**/OR/**/1=1",
  "admin'--",
  '%',
  '_',
  '%%',
  '%_%',
  '\\',
  '\\\\',
  "\\'",
  '\\%',
  '$1',
  '$$',
  '$1::text',
  ':*',
  'a:* & b:*',
  '!!!',
  '(((',
  ')))',
  '<->',
  'a <2> b',
  '"',
  '""',
  '"unbalanced',
  '- - -',
  '-training',
  'OR OR OR',
  'training OR',
  '&|!',
  '{"$gt": ""}',
  '{"$where": "sleep(1000)"}',
  '[$ne]',
  '__proto__',
  'constructor',
  '.*',
  '(a+)+$',
  '^(a|a)*$',
  '[[:alpha:]]',
  '\\d{1000000}',
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '`id`',
  '$(id)',
  'a\nb\r\nc',
  '\t\v\f',
  '\u0000',
  'jexu\u0000',
  '\u0001\u0002\u001f',
  '\u007f',
  '\ufeff',
  '\u202e',
  '\u200b\u200c\u200d',
  'ＳＥＬＥＣＴ',
  'é́́́',
  '🏴‍☠️',
  '\ud800',
  '\udfff\ud800',
  '\uffff',
  ' ',
  '',
  'the',
  'training',
  'jexu',
  'JEXU',
  ' jexu ',
  'jexu,nsd',
];

function longInjection(rng: Random): string {
  const n = rng.logInt(200, 20_000);
  return rng.pick([
    () => 'a'.repeat(n),
    () => 'word '.repeat(Math.ceil(n / 5)),
    () => '-'.repeat(n),
    () => '"'.repeat(n),
    () => 'OR '.repeat(Math.ceil(n / 3)),
    () => '%'.repeat(n),
    () => '\\'.repeat(n),
    () => '('.repeat(n),
    () => "' OR 1=1 -- ".repeat(Math.ceil(n / 12)),
    () => rng.chars(n, 'abc xyz"-:*&|!()<>%_\\\''),
  ])();
}

const injection = (rng: Random) => (rng.chance(0.15) ? longInjection(rng) : rng.pick(INJECTIONS));

/** A GraphQL string literal for `text` (JSON escapes are GraphQL escapes). */
const literal = (text: string) => JSON.stringify(text);

const JUNK = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udc00',
  '\u202e',
  '\u200b',
  '́',
  '𝕏',
  '😀',
  '中文',
  'ß',
  'İ',
  'Ω',
  '\\',
  '\\u',
  '\\u{1F600}',
  '\\x00',
];

const BAD_TOKENS = [
  '@@',
  '$$',
  '$',
  '...',
  '..',
  '&',
  '%',
  '^',
  '~',
  '`',
  "'",
  ';',
  '<',
  '>',
  '?',
  '"unterminated',
  '"""unterminated block',
  '"\\q"',
  '"\\u12"',
  '1.2.3',
  '0x10',
  '1e',
  '00',
  '-',
  '.5',
  '1_000',
  '#',
  '\n#',
  'true!',
  'null:',
  '{}',
  '()',
  '[]',
  '=',
  '|',
  '!',
  ':',
];

// ---------------------------------------------------------------------------------------------------
// Request builders.

type Draft = Omit<HostileRequest, 'index' | 'category'>;

const JSON_TYPE = { 'content-type': 'application/json' };

function post(variant: string, body: unknown, headers: Record<string, string | string[]> = {}, extra: Partial<Draft> = {}): Draft {
  const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  return { variant, method: 'POST', path: '/graphql', headers: { ...JSON_TYPE, ...headers }, body: text, ...extra };
}

const gql = (variant: string, query: string, variables?: unknown, headers?: Record<string, string | string[]>, extra?: Partial<Draft>) =>
  post(variant, variables === undefined ? { query } : { query, variables }, headers, extra);

const get = (variant: string, path: string, headers: Record<string, string | string[]> = {}, extra: Partial<Draft> = {}): Draft => ({
  variant,
  method: 'GET',
  path,
  headers,
  ...extra,
});

/** The path a raw request line names (its target, as the server resolves it), for checking the answer. */
const rawPath = (bytes: string | Buffer) => {
  const target = /^\S+ (\S+)/.exec(bytes.toString('latin1'))?.[1];
  try {
    return target ? new URL(target, 'http://localhost').pathname : '/';
  } catch {
    return '/';
  }
};

const raw = (variant: string, bytes: string | Buffer, extra: Partial<Draft> = {}): Draft => ({
  variant,
  method: 'RAW',
  path: rawPath(bytes),
  headers: {},
  raw: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'latin1'),
  mayClose: true,
  ...extra,
});

const PREFLIGHT = { 'apollo-require-preflight': 'true' };
const qs = (params: Record<string, string>) => new URLSearchParams(params).toString();

// ---------------------------------------------------------------------------------------------------
// Tokens: HS256 signed synchronously; fixed timestamps keep the corpus deterministic.

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const EXPIRED = 1_600_000_000; // 2020
const FUTURE = 4_102_444_800; // 2100

function jwt(header: object, payload: object, secret: string | null): string {
  const head = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  if (secret === null) return `${head}.`;
  const algorithm = (header as { alg?: string }).alg === 'HS512' ? 'sha512' : 'sha256';
  return `${head}.${createHmac(algorithm, secret).update(head).digest('base64url')}`;
}

/** An Authorization header the server must refuse (401), or, for a mutation, must not let write. */
function bogusAuthorization(rng: Random, secret: string): { label: string; value: string } {
  const HS = { alg: 'HS256', typ: 'JWT' };
  const admin = { sub: 'attacker', agency: 'jexu', roles: ['admin'] };
  const choices: [string, () => string][] = [
    ['empty bearer', () => 'Bearer '],
    ['bearer only', () => 'Bearer'],
    ['two spaces', () => `Bearer  ${jwt(HS, { ...admin, exp: FUTURE }, 'wrong-secret-wrong-secret-wrong-secret')}`],
    ['lower-case scheme', () => `bearer ${jwt(HS, { ...admin, exp: FUTURE }, 'not-the-secret-not-the-secret-1234')}`],
    ['basic', () => 'Basic YWRtaW46YWRtaW4='],
    ['token scheme', () => 'Token abc'],
    ['no scheme', () => jwt(HS, { ...admin, exp: FUTURE }, 'not-the-secret-not-the-secret-1234')],
    ['two parts', () => 'Bearer abc.def'],
    ['four parts', () => 'Bearer a.b.c.d'],
    ['not base64', () => 'Bearer !!!.???.***'],
    ['garbage parts', () => `Bearer ${rng.chars(20, 'abcXYZ019-_')}.${rng.chars(40, 'abcXYZ019-_')}.${rng.chars(43, 'abcXYZ019-_')}`],
    ['wrong secret', () => `Bearer ${jwt(HS, { ...admin, exp: FUTURE }, 'wrong-secret-wrong-secret-wrong-secret')}`],
    ['alg none, empty signature', () => `Bearer ${jwt({ alg: 'none', typ: 'JWT' }, { ...admin, exp: FUTURE }, null)}`],
    ['alg none, junk signature', () => `Bearer ${jwt({ alg: 'none', typ: 'JWT' }, { ...admin, exp: FUTURE }, null)}x`],
    ['alg NONE', () => `Bearer ${jwt({ alg: 'NONE' }, { ...admin, exp: FUTURE }, null)}AAAA`],
    ['alg HS512, right secret', () => `Bearer ${jwt({ alg: 'HS512' }, { ...admin, exp: FUTURE }, secret)}`],
    [
      'alg RS256 header, HMAC signature',
      () => `Bearer ${jwt({ alg: 'RS256' }, { ...admin, exp: FUTURE }, secret).replace(/\.[^.]*$/, '.c2ln')}`,
    ],
    ['expired, right secret', () => `Bearer ${jwt(HS, { ...admin, exp: EXPIRED }, secret)}`],
    ['no exp, right secret', () => `Bearer ${jwt(HS, { ...admin }, secret)}`],
    ['no sub, right secret', () => `Bearer ${jwt(HS, { agency: 'jexu', roles: ['admin'], exp: EXPIRED }, secret)}`],
    ['not yet valid, right secret', () => `Bearer ${jwt(HS, { ...admin, exp: FUTURE, nbf: FUTURE - 1 }, secret)}`],
    ['exp as string, right secret', () => `Bearer ${jwt(HS, { ...admin, exp: 'never' }, secret)}`],
    ['roles not a list, right secret', () => `Bearer ${jwt(HS, { sub: 'x', agency: 'jexu', roles: 'admin', exp: EXPIRED }, secret)}`],
    // Signed with the right secret and unexpired, but for an agency that does not exist, as a viewer:
    // the server must refuse the agency (and a viewer could not write anyway).
    ...['no-such-agency', '', "jexu' OR '1'='1", '%', 'jexu\u0000', 'x'.repeat(100), '../jexu'].map((agency): [string, () => string] => [
      `unknown agency ${JSON.stringify(agency.slice(0, 20))}`,
      () => `Bearer ${jwt(HS, { sub: 'stranger', agency, roles: ['viewer'], exp: FUTURE }, secret)}`,
    ]),
    ['unknown role', () => `Bearer ${jwt(HS, { sub: 'x', agency: 'no-such-agency', roles: ['root'], exp: FUTURE }, secret)}`],
    ['claims of wrong types', () => `Bearer ${jwt(HS, { sub: 7, agency: ['jexu'], roles: [1], exp: FUTURE }, secret)}`],
    ['huge payload', () => `Bearer ${jwt(HS, { ...admin, exp: FUTURE, pad: 'p'.repeat(rng.logInt(1000, 12_000)) }, 'wrong')}`],
    ['huge header', () => `Bearer ${'a'.repeat(rng.logInt(1000, 14_000))}.b.c`],
    ['over the header limit', () => `Bearer ${'a'.repeat(20_000)}.b.c`],
    ['injection', () => `Bearer ' OR 1=1 --`],
    ['latin-1 bytes', () => 'Bearer \u00ff\u00fe\u00e9.\u00e0.\u00e7'],
  ];
  const [label, make] = rng.pick(choices);
  return { label, value: make() };
}

// ---------------------------------------------------------------------------------------------------
// Mutations, with inputs naming real records (or the ids a test wants to spoil).

interface MutationIds {
  action: string;
  round: string;
  recommendation: string;
  dependency: string;
  role: string;
  agency: string;
  inspection: string;
  subject: string;
}

const MUTATIONS: Record<string, { type: string; input: (ids: MutationIds, rng: Random) => Record<string, unknown> }> = {
  reviseTargetDate: {
    type: 'ReviseTargetDateInput',
    input: (ids) => ({ action: ids.action, round: ids.round, expectedVersion: 1, revised: 'September 2025', reason: 'Clearance.' }),
  },
  recordProgress: {
    type: 'RecordProgressInput',
    input: (ids) => ({ subject: ids.subject, round: ids.round, expectedVersion: 1, status: 'IN_PROGRESS', paragraphs: ['Under way.'] }),
  },
  completeAction: {
    type: 'CompleteActionInput',
    input: (ids) => ({ action: ids.action, round: ids.round, expectedVersion: 1, evidence: 'Done.', completedOn: 'March 2025' }),
  },
  changeActionOwner: {
    type: 'ChangeActionOwnerInput',
    input: (ids) => ({ action: ids.action, expectedVersion: 1, owners: [ids.role] }),
  },
  linkDependency: {
    type: 'LinkDependencyInput',
    input: (ids) => ({ recommendation: ids.recommendation, dependency: ids.dependency, expectedVersion: 1, actions: [ids.action] }),
  },
  unlinkDependency: {
    type: 'UnlinkDependencyInput',
    input: (ids) => ({ recommendation: ids.recommendation, dependency: ids.dependency, expectedVersion: 1 }),
  },
  updateDependency: {
    type: 'UpdateDependencyInput',
    input: (ids) => ({
      dependency: ids.dependency,
      round: ids.round,
      expectedVersion: 1,
      statement: 'Delayed.',
      status: 'AT_RISK',
      expected: 'March 2027',
      reason: 'Procurement.',
    }),
  },
  addInspectorateComment: {
    type: 'AddInspectorateCommentInput',
    input: (ids) => ({ subject: ids.subject, body: 'A comment.' }),
  },
  addSourceDocument: {
    type: 'AddSourceDocumentInput',
    input: (ids, rng) => ({ issuers: [ids.agency], kind: 'PROGRESS_LETTER', title: 'Letter', text: `Text ${rng.int(0, 1e9)}` }),
  },
  openReportingRound: {
    type: 'OpenReportingRoundInput',
    input: (ids) => ({ inspection: ids.inspection, kind: 'LETTER', label: 'Another letter', submittedOn: '1 June 2025' }),
  },
  importActionPlan: {
    type: 'ImportActionPlanInput',
    input: (_ids, rng) => ({ text: `1. Rec No\t2. Recommendation\n1\tDo it ${rng.int(0, 1e9)}\tAgreed`, dryRun: rng.chance(0.5) }),
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

function realMutationIds(rng: Random): MutationIds {
  return {
    action: rng.pick(IDS.action),
    round: rng.pick(IDS.round),
    recommendation: rng.pick(IDS.recommendation),
    dependency: rng.pick(IDS.dependency),
    role: rng.pick(IDS.role),
    agency: rng.pick(IDS.agency),
    inspection: IDS.inspection[0]!,
    subject: rng.pick([...IDS.action, ...IDS.recommendation]),
  };
}

function mutation(rng: Random, name: string, ids: MutationIds): { query: string; variables: { input: Record<string, unknown> } } {
  const { type, input } = MUTATIONS[name]!;
  return {
    query: `mutation M($input: ${type}!) { ${name}(input: $input) { __typename ... on UserError { message } } }`,
    variables: { input: input(ids, rng) },
  };
}

// ---------------------------------------------------------------------------------------------------
// Places a hostile string can go: (value) => a selection on Query, with the variable type if `value`
// is the variable `$v`.

interface Slot {
  type: string;
  select: (v: string) => string;
}

const STRING_SLOTS: readonly Slot[] = [
  { type: 'String!', select: (v) => `agency(slug: ${v}) { name }` },
  { type: 'String!', select: (v) => `dependency(slug: ${v}) { name }` },
  { type: 'String!', select: (v) => `inspection(slug: ${v}) { title }` },
  { type: 'String!', select: (v) => `sourceDocument(slug: ${v}) { title }` },
  { type: 'String!', select: (v) => `recommendation(inspection: ${v}, number: 1) { number }` },
  { type: 'String', select: (v) => `recommendations(first: 5, filter: { search: ${v} }) { totalCount nodes { number } }` },
  { type: 'String', select: (v) => `actions(first: 5, filter: { search: ${v} }) { totalCount nodes { key } }` },
  { type: 'String!', select: (v) => `recommendations(filter: { addressedTo: [${v}] }) { totalCount }` },
  { type: 'String!', select: (v) => `recommendations(filter: { ownedBy: [${v}] }) { totalCount }` },
  { type: 'String!', select: (v) => `recommendations(filter: { ownerRole: [${v}] }) { totalCount }` },
  { type: 'String!', select: (v) => `recommendations(filter: { dependsOn: [${v}] }) { totalCount }` },
  { type: 'String!', select: (v) => `recommendations(filter: { inspection: [${v}] }) { totalCount }` },
  { type: 'String!', select: (v) => `actions(filter: { ownedBy: [${v}], search: "training" }) { totalCount }` },
  { type: 'String!', select: (v) => `actions(filter: { addressedTo: ["jexu", ${v}] }) { totalCount }` },
  { type: 'String', select: (v) => `asOf(round: ${v}) { recommendations(first: 1) { totalCount } }` },
  { type: 'String', select: (v) => `asOf(round: "letter-2025-03", inspection: ${v}) { inspections(first: 1) { totalCount } }` },
  { type: 'String', select: (v) => `recommendation(inspection: "${INSPECTION}", number: 6) { citations(field: ${v}) { excerpt } }` },
  { type: 'String', select: (v) => `agency(slug: "jexu") { slippage(inspection: ${v}) { actions slippedActions } }` },
  { type: 'String', select: (v) => `recommendations(first: 2, after: ${v}) { totalCount }` },
  { type: 'String', select: (v) => `agencies(last: 2, before: ${v}) { totalCount }` },
  { type: 'String', select: (v) => `auditEvents(filter: { user: ${v}, operation: ${v} }) { totalCount }` },
  { type: 'ID!', select: (v) => `node(id: ${v}) { id }` },
  { type: 'ID!', select: (v) => `nodes(ids: [${v}]) { id }` },
];

/** A query putting `value` into a slot, inline or as the variable `$v`. */
function slotted(rng: Random, value: string, variant: string, slot = rng.pick(STRING_SLOTS)): Draft {
  const inline = rng.chance(0.4);
  if (inline) {
    const lit = rng.chance(0.1) && !/"""|\\/.test(value) ? `"""${value}"""` : literal(value);
    return gql(`${variant}, inline`, `query Q { ${slot.select(lit)} }`);
  }
  return gql(`${variant}, variable`, `query Q($v: ${slot.type}) { ${slot.select('$v')} }`, { v: value });
}

// ---------------------------------------------------------------------------------------------------
// The categories. Each is a list of variants; request k of a category uses variant k mod length, so
// every variant appears at any corpus size of a few hundred or more.

type Variant = (rng: Random, ctx: { secret: string }) => Draft;

function mutateText(rng: Random, text: string, edits: number): string {
  let out = text;
  for (let i = 0; i < edits; i++) {
    const at = rng.int(0, out.length);
    const kind = rng.int(0, 3);
    if (kind === 0) out = out.slice(0, at) + rng.pick(BAD_TOKENS) + out.slice(at);
    else if (kind === 1) out = out.slice(0, at) + out.slice(at + rng.int(1, 12));
    else if (kind === 2) out = out.slice(0, at) + rng.pick(JUNK) + out.slice(at);
    else out = out.slice(0, at) + rng.pick(['{', '}', '(', ')', '[', ']', '"', ':']) + out.slice(at);
  }
  return out;
}

const example = (rng: Random) => rng.pick(EXAMPLES);

const malformed: Variant[] = [
  (rng) => {
    const text = example(rng);
    return gql('truncated example', text.slice(0, rng.int(0, text.length - 2)));
  },
  (rng) => gql('mutated example', mutateText(rng, example(rng), rng.logInt(1, 40))),
  (rng) => {
    const text = example(rng);
    const at = rng.int(0, text.length);
    const braces = rng.pick(['{', '}', '(', ')', '[', ']']).repeat(rng.logInt(1, 500));
    return gql('unbalanced braces', text.slice(0, at) + braces + text.slice(at));
  },
  (rng) => gql('only opening braces', '{'.repeat(rng.logInt(1, 3000))),
  (rng) => gql('only closing braces', `{ __typename ${'}'.repeat(rng.logInt(1, 3000))}`),
  (rng) => {
    const text = example(rng);
    const at = rng.int(0, text.length);
    return gql('bad token', text.slice(0, at) + ` ${rng.pick(BAD_TOKENS)} ` + text.slice(at));
  },
  (rng) => {
    const text = example(rng);
    let out = text;
    for (let i = rng.int(1, 20); i > 0; i--) {
      const at = rng.int(0, out.length);
      out = out.slice(0, at) + rng.pick(JUNK) + out.slice(at);
    }
    return gql('unicode junk', out);
  },
  (rng) => {
    const text = example(rng);
    const at = rng.int(0, text.length);
    return gql('NUL byte', text.slice(0, at) + '\u0000'.repeat(rng.int(1, 8)) + text.slice(at));
  },
  (rng) => gql('NUL in a string literal', `{ agency(slug: "jexu${'\u0000'.repeat(rng.int(1, 3))}") { name } }`),
  (rng) =>
    gql(
      'empty or blank document',
      rng.pick(['', ' ', '\n\n', '# only a comment', ',,,,', '\ufeff', 'query', 'query Q', '{}', '{ }', 'fragment F on Query']),
    ),
  (rng) => gql('token soup', rng.chars(rng.logInt(1, 3000), '{}()[]:$@!.=|&"\\ \nabcqueryfragmentonmutation0123456789#,')),
  (rng) => gql('random text', rng.chars(rng.logInt(1, 5000), 'abcdefghijklmnopqrstuvwxyz ABC\n\t\'";\\/<>?`~é中😀\u0000')),
  (rng) =>
    gql(
      'two anonymous operations',
      `{ __typename } { inspections(first: 1) { totalCount } }${rng.chance(0.5) ? ' query { __typename }' : ''}`,
    ),
  (rng) =>
    post('unknown operation name', { query: example(rng), operationName: rng.pick(['Nope', '', ' ', '__proto__', 'a'.repeat(5000)]) }),
  (rng) =>
    gql(
      'misplaced keywords',
      rng.pick([
        'mutation { mutation }',
        'subscription { planEvents { id } } subscription { planEvents { id } }',
        'query Q($v: ) { __typename }',
        'query Q($v: Int = $v) { __typename }',
        'query Q { ... }',
        'query Q { ...on }',
        'query Q { a: b: c }',
        'query Q { __typename(: 1) }',
        'query Q { __typename @ }',
        'extend type Query { x: Int }',
        'type Query { x: Int }',
        'schema { query: Query }',
        'directive @x on FIELD',
        'scalar Date',
        'query Q { recommendations(first: 1, filter: { search: "a", search: "b" }) { totalCount } }',
        'query Q($a: Int, $a: Int) { __typename }',
        'query Q { __schema { types { name } } __type(name: "\\u0000") { name } }',
      ]),
    ),
];

/** `open` then `inner` then one `}` for each open brace in `open`, `depth` times. */
const nest = (depth: number, open: string, inner: string) => open.repeat(depth) + inner + ' }'.repeat(depth * (open.split('{').length - 1));

const deep: Variant[] = [
  (rng) => {
    const depth = rng.logInt(8, 700);
    return gql(
      'recommendation ↔ actions',
      `{ recommendation(inspection: "${INSPECTION}", number: 6) { ${nest(depth, 'actions { recommendation { ', 'number')} } }`,
    );
  },
  (rng) => gql('agency parents', `{ agency(slug: "nsd") { ${nest(rng.logInt(15, 1300), 'parent { ', 'name')} } }`),
  (rng) => gql('dependency graph', `{ dependency(slug: "mapps") { ${nest(rng.logInt(8, 600), 'dependsOn { dependents { ', 'slug')} } }`),
  (rng) =>
    gql(
      'recommendations → actions → owners → agency → children',
      `{ recommendations(first: 100) { nodes { ${nest(rng.logInt(4, 300), 'actions { owners { agency { ownedActions { recommendation { ', 'number')} } } }`,
    ),
  (rng) => gql('inline fragments', `{ ${nest(rng.logInt(15, 1300), '... on Query { ', '__typename')} }`),
  (rng) => gql('asOf in asOf', `{ ${nest(rng.logInt(15, 600), 'asOf(round: "letter-2025-03") { ', '__typename')} }`),
  (rng) => {
    const depth = rng.logInt(20, 1900);
    return gql('nested list literal', `{ nodes(ids: ${'['.repeat(depth)}"x"${']'.repeat(depth)}) { id } }`);
  },
  (rng) => {
    const depth = rng.logInt(20, 900);
    return gql(
      'nested object literal',
      `{ recommendations(filter: ${'{ search: '.repeat(depth)}"x"${' }'.repeat(depth)}) { totalCount } }`,
    );
  },
  (rng) => {
    const depth = rng.logInt(100, 100_000);
    const value = rng.chance(0.5) ? `${'['.repeat(depth)}"jexu"${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    return post(
      'deeply nested variable',
      `{"query":"query Q($v: [String!]) { recommendations(filter: { addressedTo: $v }) { totalCount } }","variables":{"v":${value}}}`,
    );
  },
  (rng) => {
    const depth = rng.logInt(100, 100_000);
    return post(
      'deeply nested unused variable',
      `{"query":"{ __typename }","variables":{"junk":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
    );
  },
  (rng) => {
    const depth = rng.logInt(100, 100_000);
    return post('deeply nested extensions', `{"query":"{ __typename }","extensions":${'{"x":'.repeat(depth)}0${'}'.repeat(depth)}}`);
  },
  (rng) => {
    const depth = rng.logInt(100, 200_000);
    return post('deeply nested body', `${'['.repeat(depth)}${']'.repeat(depth)}`);
  },
];

const COSTLY = [
  'recommendations(first: 100) { totalCount byState { state count } nodes { status { explanation } slippage { days } } }',
  'asOf(round: "letter-2025-03") { recommendations(first: 100) { nodes { status { explanation } } } }',
  'actions(first: 100, filter: { search: "training" }) { totalCount nodes { status { explanation } } }',
  'inspection(slug: "ct-joint-inspection-2023") { tally { byAgency { addressedTotal } } slippageByAgency { totalSlipDays } }',
  'dependency(slug: "mapps") { impact { atRiskCount recommendations { explanation } } }',
  '__typename',
];

const aliases: Variant[] = [
  (rng) => {
    const n = rng.logInt(31, 1000);
    const field = rng.pick(COSTLY);
    return gql('aliases of a costly field', `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`);
  },
  (rng) => {
    const n = rng.logInt(31, 3000);
    return gql('aliases of __typename', `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} }`);
  },
  (rng) => {
    const outer = rng.int(5, 29);
    const inner = rng.int(5, 29);
    const nodes = Array.from({ length: inner }, (_, j) => `n${j}: nodes { actions { text } }`).join(' ');
    return gql(
      'aliases under aliases',
      `{ ${Array.from({ length: outer }, (_, i) => `r${i}: recommendations(first: 100) { ${nodes} }`).join(' ')} }`,
    );
  },
  (rng) => {
    const n = rng.int(20, 29);
    const fields = Array.from({ length: n }, (_, i) => `f${i}: status { explanation }`).join(' ');
    const spreads = Array.from({ length: n }, (_, i) => `s${i}: recommendations(first: 100) { nodes { ...F } }`).join(' ');
    return gql('aliases through a fragment', `{ ${spreads} } fragment F on Recommendation { ${fields} }`);
  },
  (rng) => {
    const n = rng.logInt(31, 400);
    return gql(
      'one alias, conflicting arguments',
      `{ ${Array.from({ length: n }, (_, i) => `a: agency(slug: "s${i}") { name }`).join(' ')} }`,
    );
  },
  (rng) => {
    const n = rng.logInt(31, 900);
    return gql(
      'aliased node lookups',
      `{ ${Array.from({ length: n }, (_, i) => `n${i}: node(id: "${ALL_IDS[i % ALL_IDS.length]}") { id ... on Recommendation { status { explanation } } }`).join(' ')} }`,
    );
  },
  (rng) => {
    const n = rng.logInt(31, 1000);
    return gql(
      'aliased searches',
      `query Q($s: String) { ${Array.from({ length: n }, (_, i) => `s${i}: recommendations(first: 100, filter: { search: $s }) { totalCount }`).join(' ')} }`,
      { s: rng.pick(['training', 'risk OR plan', 'extremism -prison']) },
    );
  },
];

function exponentialFragments(rng: Random, type: string, leaf: string, wrap: (spread: string) => string): string {
  const levels = rng.int(8, 40);
  const fan = rng.int(2, 10);
  const frags = Array.from(
    { length: levels },
    (_, i) => `fragment F${i} on ${type} { ${Array.from({ length: fan }, () => `...F${i + 1}`).join(' ')} }`,
  );
  frags.push(`fragment F${levels} on ${type} { ${leaf} }`);
  return `{ ${wrap('...F0')} } ${frags.join(' ')}`;
}

const fragments: Variant[] = [
  (rng) =>
    gql(
      'exponential spreads on Query',
      exponentialFragments(rng, 'Query', 'inspections(first: 100) { totalCount }', (s) => s),
    ),
  (rng) =>
    gql(
      'exponential spreads on Recommendation',
      exponentialFragments(
        rng,
        'Recommendation',
        'status { explanation } actions { text }',
        (s) => `recommendations(first: 100) { nodes { ${s} } }`,
      ),
    ),
  (rng) => {
    const levels = rng.int(5, 20);
    const frags = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Recommendation { number actions { recommendation { ...F${i + 1} } } ...F${i + 1} }`,
    );
    frags.push(`fragment F${levels} on Recommendation { number }`);
    return gql('exponential spreads with nesting', `{ recommendations(first: 100) { nodes { ...F0 } } } ${frags.join(' ')}`);
  },
  (rng) => {
    const n = rng.logInt(50, 1300);
    return gql('wide spread', `{ ${'...F '.repeat(n)}} fragment F on Query { recommendations(first: 100) { totalCount } }`);
  },
  (rng) => {
    const n = rng.int(2, 300);
    const frags = Array.from({ length: n }, (_, i) => `fragment C${i} on Query { __typename ...C${(i + 1) % n} }`);
    return gql('fragment cycle', `{ ...C0 } ${frags.join(' ')}`);
  },
  () => gql('self-spreading fragment', '{ ...A } fragment A on Query { __typename ...A }'),
  (rng) => {
    const n = rng.int(2, 50);
    const frags = Array.from({ length: n }, (_, i) => `fragment C${i} on Query { asOf(round: "letter-2025-03") { ...C${(i + 1) % n} } }`);
    return gql('fragment cycle through fields', `{ ...C0 } ${frags.join(' ')}`);
  },
  () =>
    gql(
      'cycle through inline fragments',
      '{ ...A } fragment A on Query { ... on Query { ... @include(if: true) { ...B } } } fragment B on Query { ... on Query { ...A } }',
    ),
  (rng) => {
    const n = rng.int(2, 40);
    const frags = Array.from({ length: n }, (_, i) => `fragment U${i} on Query { ...U${(i + 1) % n} ...U${(i + 2) % n} }`);
    return gql('unused fragments in a cycle', `{ __typename } ${frags.join(' ')}`);
  },
  (rng) =>
    gql(
      'bad fragments',
      rng.pick([
        '{ ...Missing }',
        '{ ...F } fragment F on Nope { x }',
        '{ ...F } fragment F on String { length }',
        '{ ...F } fragment F on Query { __typename } fragment F on Query { __typename }',
        '{ ... on Recommendation { number } }',
        '{ recommendations(first: 1) { nodes { ... on Action { key } } } }',
        '{ ...on }',
        'fragment F on Query { __typename }',
        '{ ...F @include } fragment F on Query { __typename }',
      ]),
    ),
];

const directives: Variant[] = [
  (rng) => gql('@include flood', `{ __typename ${'@include(if: true) '.repeat(rng.logInt(51, 1300))}}`),
  (rng) => gql('@skip on many fields', `{ ${'__typename @skip(if: false) '.repeat(rng.logInt(51, 800))}}`),
  (rng) =>
    gql(
      '@skip with variables',
      `query Q($s: Boolean!) { ${Array.from({ length: rng.logInt(51, 500) }, (_, i) => `a${i}: inspections(first: 1) @skip(if: $s) { totalCount }`).join(' ')} }`,
      { s: false },
    ),
  (rng) => gql('unknown directives', `{ __typename ${Array.from({ length: rng.logInt(5, 1000) }, (_, i) => `@d${i}`).join(' ')} }`),
  (rng) => gql('directive on spreads', `{ ${'...F @include(if: true) '.repeat(rng.logInt(51, 600))}} fragment F on Query { __typename }`),
  (rng) => gql('directives on the operation', `query Q ${'@skip(if: false) '.repeat(rng.logInt(2, 900))}{ __typename }`),
  (rng) => gql('@deprecated where it does not belong', `{ __typename ${'@deprecated(reason: "x") '.repeat(rng.logInt(1, 900))}}`),
  (rng) => gql('directive arguments flood', `{ __typename @include(${'if: true, '.repeat(rng.logInt(2, 1300))}) }`),
  (rng) =>
    gql(
      'directives with bad arguments',
      rng.pick([
        '{ __typename @include }',
        '{ __typename @include(if: "yes") }',
        '{ __typename @skip(if: null) }',
        '{ __typename @include(if: $undefined) }',
      ]),
    ),
];

const tokens: Variant[] = [
  (rng) => {
    const n = rng.int(1990, 2010);
    return gql('fields around the token limit', `{ ${'__typename '.repeat(n * 2 - 2)}}`);
  },
  (rng) => gql('far over the token limit', `{ ${'__typename '.repeat(rng.logInt(5000, 90_000))}}`),
  (rng) => gql('arguments flood', `{ inspections(${'first: 1, '.repeat(rng.logInt(500, 2500))}) { totalCount } }`),
  (rng) =>
    gql('list literal flood', `{ nodes(ids: [${Array.from({ length: rng.logInt(500, 4500) }, (_, i) => `"${i}"`).join(', ')}]) { id } }`),
  (rng) => gql('comment flood', `${'# a comment line\n'.repeat(rng.logInt(100, 55_000))}{ __typename }`),
  (rng) => gql('insignificant commas', `{${','.repeat(rng.logInt(100, 900_000))}__typename }`),
  (rng) => gql('whitespace flood', `{${' \t\n'.repeat(rng.logInt(100, 300_000))}__typename }`),
  (rng) => gql('long name', `{ ${'a'.repeat(rng.logInt(1000, 900_000))} }`),
  (rng) => {
    const n = rng.logInt(100, 2000);
    return post('many operations', {
      query: Array.from({ length: n }, (_, i) => `query Q${i} { __typename }`).join(' '),
      operationName: `Q${n - 1}`,
    });
  },
  (rng) => {
    const n = rng.logInt(100, 1500);
    return gql('many variable definitions', `query Q(${Array.from({ length: n }, (_, i) => `$v${i}: Int`).join(', ')}) { __typename }`);
  },
  (rng) => {
    const n = rng.logInt(100, 1900);
    return gql('many fragments', `{ ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { __typename }`).join(' ')}`);
  },
];

function sizedString(rng: Random, length: number): string {
  const chunk = rng.pick(['x', 'ab', 'é', '中', '😀', 'word ', '"', '\\', '\u0000', 'training ']);
  return chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length);
}

const hugeSizes = (rng: Random) => rng.pick([rng.logInt(1000, 990_000), rng.int(990_000, 1_010_000), rng.logInt(1_000_001, 3_000_000)]);

/** A JSON body of exactly `size` bytes (when possible): `query` with one string variable padded to fit. */
function bodyOfSize(query: string, size: number, fill = 'x'): string {
  const shell = JSON.stringify({ query, variables: { v: '' } });
  const room = Math.max(0, size - Buffer.byteLength(shell));
  return JSON.stringify({ query, variables: { v: fill.repeat(room) } });
}

const huge: Variant[] = [
  (rng) => {
    const size = hugeSizes(rng);
    return post('huge search string', bodyOfSize('query Q($v: String) { recommendations(filter: { search: $v }) { totalCount } }', size));
  },
  (rng) => {
    const size = hugeSizes(rng);
    const slot = rng.pick(STRING_SLOTS);
    return post('huge string variable', bodyOfSize(`query Q($v: ${slot.type}) { ${slot.select('$v')} }`, size));
  },
  (rng) => {
    const length = rng.logInt(1000, 1_100_000);
    return gql('huge string literal', `{ agency(slug: ${literal(sizedString(rng, length))}) { name } }`);
  },
  (rng) => {
    const length = rng.logInt(1000, 1_100_000);
    return gql('huge block string', `{ recommendations(filter: { search: """${'x'.repeat(length)}""" }) { totalCount } }`);
  },
  (rng) => {
    const n = rng.logInt(100, 30_000);
    const slugs = Array.from({ length: n }, (_, i) => (rng.chance(0.5) ? rng.pick(SLUGS) : `s${i}`));
    const field = rng.pick(['addressedTo', 'ownedBy', 'dependsOn', 'inspection', 'ownerRole']);
    return gql('huge list of names', `query Q($v: [String!]) { recommendations(filter: { ${field}: $v }) { totalCount } }`, { v: slugs });
  },
  (rng) => {
    const n = rng.logInt(100, 150_000);
    return gql('huge list of numbers', 'query Q($v: [Int!]) { recommendations(filter: { numbers: $v }) { totalCount } }', {
      v: Array.from({ length: n }, (_, i) => i - 50),
    });
  },
  (rng) => {
    const n = rng.logInt(100, 60_000);
    return gql('huge list of ids', 'query Q($v: [ID!]!) { nodes(ids: $v) { id } }', {
      v: Array.from({ length: n }, (_, i) => ALL_IDS[i % ALL_IDS.length]),
    });
  },
  (rng) => {
    const n = rng.logInt(100, 100_000);
    return gql('huge list of states', 'query Q($v: [WorkState!]) { actions(filter: { status: $v }) { totalCount } }', {
      v: Array.from({ length: n }, () => rng.pick(['OVERDUE', 'COMPLETED', 'IN_PROGRESS'])),
    });
  },
  (rng) => {
    const size = rng.pick([999_999, 1_000_000, 1_000_001, 1_000_002]);
    return post('body at the limit', bodyOfSize('query Q($v: String) { __typename }', size));
  },
  (rng) => {
    const size = rng.logInt(1_000_001, 4_000_000);
    return post('padding over the limit', { query: '{ __typename }', padding: 'x'.repeat(size) });
  },
  (rng) => {
    const length = rng.logInt(1000, 900_000);
    return post('huge operation name and extensions', {
      query: '{ __typename }',
      operationName: 'o'.repeat(length),
      extensions: { junk: 'e'.repeat(length / 10) },
    });
  },
  (rng) => {
    const length = rng.logInt(10_000, 990_000);
    const { query, variables } = mutation(rng, 'addSourceDocument', realMutationIds(rng));
    return gql('huge mutation input, anonymous', query, { input: { ...variables.input, text: sizedString(rng, length) } });
  },
  (rng) => {
    const n = rng.logInt(1000, 100_000);
    return gql('many extra variables', '{ __typename }', Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${i}`, i])));
  },
];

const wrongVariables: Variant[] = [
  (rng) =>
    gql('string for Int', 'query Q($n: Int!) { recommendation(inspection: "ct-joint-inspection-2023", number: $n) { number } }', {
      n: rng.pick(['six', '6', '', ' 6', '0x6', '1e3', 'NaN', 'Infinity', '6; DROP TABLE "Action"']),
    }),
  (rng) =>
    gql(
      'out-of-range or fractional Int',
      'query Q($n: Int!) { recommendation(inspection: "ct-joint-inspection-2023", number: $n) { number } }',
      {
        n: rng.pick([6.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -0, 1e308, 9007199254740993, -1, 0]),
      },
    ),
  (rng) =>
    gql('bad page sizes', 'query Q($f: Int, $l: Int) { recommendations(first: $f, last: $l) { totalCount } }', {
      f: rng.pick([-1, 101, 2 ** 31 - 1, 0, null, '10', true]),
      l: rng.pick([undefined, -5, 1000, 1]),
    }),
  (rng) =>
    gql('object or list for ID', 'query Q($id: ID!) { node(id: $id) { id } }', {
      id: rng.pick([{ id: 1 }, [IDS.agency[0]], true, 12345, 1.5, { __proto__: { id: 1 } }, [], {}, -1]),
    }),
  (rng) =>
    gql(
      'null for non-null',
      rng.pick([
        'query Q($id: ID!) { node(id: $id) { id } }',
        'query Q($s: String!) { agency(slug: $s) { name } }',
        'query Q($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      ]),
      {
        id: null,
        s: null,
        ids: rng.pick([null, [null], ['x', null]]),
      },
    ),
  (rng) =>
    gql(
      'missing required variables',
      rng.pick([
        'query Q($id: ID!) { node(id: $id) { id } }',
        'query Q($s: String!, $n: Int!) { recommendation(inspection: $s, number: $n) { number } }',
      ]),
      rng.pick([undefined, {}, { other: 1 }]),
    ),
  (rng) =>
    gql('extra unknown variables', 'query Q($s: String!) { agency(slug: $s) { name } }', {
      s: 'jexu',
      [rng.pick(['__proto__', 'constructor', 'prototype', 'toString', 'x'])]: { polluted: true },
      extra: rng.pick([1, 'x', [1, 2], { a: { b: {} } }]),
    }),
  (rng) =>
    gql('bad enum values', 'query Q($s: [WorkState!]) { recommendations(filter: { status: $s }) { totalCount } }', {
      s: [rng.pick(['overdue', 'DROP', 'OVERDUE ', '', 'NOT_STARTED; --', 1, null, true, '__proto__'])],
    }),
  (rng) =>
    gql(
      'bad input objects',
      'query Q($f: RecommendationFilter, $o: Ordering) { recommendations(filter: $f, orderBy: $o) { totalCount } }',
      {
        f: rng.pick([
          { numbers: '1,2' },
          { hasNotes: 'yes' },
          { unknownField: 1 },
          { search: ['a', 'b'] },
          { addressedTo: 'jexu' },
          { addressedTo: [] },
          { response: ['AGREED', 'MAYBE'] },
          { status: [], overdueOn: '2025-01-01' },
          { status: ['COMPLETED'], overdueOn: '2025-01-01' },
          'filter',
          [],
          42,
        ]),
        o: rng.pick([null, { field: 'NUMBER; DROP TABLE' }, { field: 'SLIPPAGE', direction: 'SIDEWAYS' }, { direction: 'ASC' }, 'NUMBER']),
      },
    ),
  (rng) =>
    gql('bad dates', 'query Q($d: Date) { actions(filter: { overdueOn: $d }) { totalCount } }', {
      d: rng.pick([
        '2025-02-30',
        'not a date',
        20250101,
        '9999999-01-01',
        '2025-13-01',
        '',
        '2025-1-1',
        '0000-00-00',
        '2025-01-01T00:00:00Z',
        '1e10',
        null,
        {},
        '-271821-04-19',
      ]),
    }),
  (rng) =>
    gql(
      'bad date literals',
      `{ asOf(date: ${rng.pick(['"2025-02-30"', '"yesterday"', '20250101', 'true', 'null', '"+275760-09-13"', '"2025-01-01\\u0000"'])}) { recommendations(first: 1) { totalCount } } }`,
    ),
  (rng) =>
    gql('bad date-times', 'query Q($f: DateTime) { auditEvents(filter: { from: $f }) { totalCount } }', {
      f: rng.pick(['2025-01-01', 'now', 0, '2025-01-01T25:00:00Z', '2025-01-01T00:00:00+99:00', '']),
    }),
  (rng) =>
    gql(
      'variable type does not match its use',
      rng.pick([
        'query Q($n: String) { recommendation(inspection: "ct-joint-inspection-2023", number: $n) { number } }',
        'query Q($s: Int) { agency(slug: $s) { name } }',
        'query Q($s: [String]) { recommendations(filter: { addressedTo: $s }) { totalCount } }',
        'query Q($v: Nope) { __typename }',
        'query Q($v: Recommendation) { __typename }',
        'query Q($v: String) { __typename }',
        'query Q { agency(slug: $undeclared) { name } }',
      ]),
      { n: 'x', s: 1, v: 1 },
    ),
  (rng) =>
    gql(
      'asOf with both or neither',
      `{ asOf${rng.pick(['', '(date: "2025-01-01", round: "letter-2025-03")', '(inspection: "x")', '(round: "")'])} { recommendations(first: 1) { totalCount } } }`,
    ),
  (rng) => {
    const { query, variables } = mutation(rng, rng.pick(MUTATION_NAMES), realMutationIds(rng));
    const input = { ...variables.input } as Record<string, unknown>;
    const key = rng.pick(Object.keys(input));
    input[key] = rng.pick([null, 1, true, [], {}, 'x', -1, 2 ** 40]);
    if (rng.chance(0.3)) input.unknownField = 'x';
    return gql('mutation input of wrong types, anonymous', query, rng.chance(0.1) ? {} : { input });
  },
];

const requestShape: Variant[] = [
  (rng) =>
    post('query not a string', { query: rng.pick([1, true, null, {}, [], ['{ __typename }'], { kind: 'Document', definitions: [] }]) }),
  (rng) =>
    post(
      'no query',
      rng.pick([
        {},
        { variables: {} },
        { operationName: 'Q' },
        { extensions: {} },
        { Query: '{ __typename }' },
        { QUERY: '{ __typename }' },
      ]),
    ),
  (rng) =>
    post('variables not an object', {
      query: 'query Q($s: String!) { agency(slug: $s) { name } }',
      variables: rng.pick(['{"s":"jexu"}', '', 1, true, ['jexu'], 'null']),
    }),
  (rng) => post('operationName not a string', { query: '{ __typename }', operationName: rng.pick([1, true, {}, [], ['Q']]) }),
  (rng) => post('extensions not an object', { query: '{ __typename }', extensions: rng.pick(['x', 1, [], true]) }),
  (rng) =>
    post('persisted query junk', {
      query: rng.chance(0.5) ? '{ __typename }' : undefined,
      extensions: {
        persistedQuery: rng.pick([
          { version: 1, sha256Hash: 'a'.repeat(64) },
          { version: 1, sha256Hash: "' OR 1=1 --" },
          { version: 2, sha256Hash: 'x' },
          { version: 'one' },
          { sha256Hash: 1 },
          'persisted',
          null,
        ]),
      },
    }),
  (rng) =>
    post(
      'prototype keys',
      rng.pick([
        '{"__proto__": {"query": "{ __typename }"}}',
        '{"query": "{ __typename }", "__proto__": {"polluted": true}}',
        '{"query": "query Q($s: String!) { agency(slug: $s) { name } }", "variables": {"__proto__": {"s": "jexu", "polluted": true}}}',
        '{"query": "{ __typename }", "constructor": {"prototype": {"polluted": true}}}',
        '{"query": "query Q($f: RecommendationFilter) { recommendations(filter: $f) { totalCount } }", "variables": {"f": {"__proto__": {"search": "x"}, "constructor": {"prototype": {"polluted": true}}}}}',
        '{"query": "{ __typename }", "extensions": {"__proto__": {"polluted": true}}}',
      ]),
    ),
  (rng) =>
    post(
      'duplicate keys',
      rng.pick([
        '{"query": "{ __typename }", "query": "mutation { x }"}',
        '{"query": "{ __typename }", "variables": {}, "variables": 1}',
        '{"query": "query Q($s: String!) { agency(slug: $s) { name } }", "variables": {"s": "jexu", "s": null}}',
      ]),
    ),
  (rng) => post('not an object', rng.pick(['"{ __typename }"', '123', 'true', 'null', '1e999999', '-0', '"\\u0000"'])),
  (rng) =>
    post('subscription over HTTP', {
      query: `subscription S { planEvents${rng.pick(['', '(inspection: "ct-joint-inspection-2023")', '(agency: "\' OR 1=1")'])} { id sequence } }`,
    }),
  () => post('introspection', { query: '{ __schema { queryType { name } types { name fields { name args { name } } } } }' }),
  (rng) =>
    post('persisted query with a wrong hash', {
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 1, sha256Hash: rng.chars(64, '0123456789abcdef') } },
    }),
];

function wrongIds(rng: Random): string {
  const choices: (() => string)[] = [
    () => rng.bytes(rng.int(1, 60)).toString('base64'),
    () => rng.chars(rng.int(1, 60), 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=-_'),
    () => rng.pick(['', ' ', '=', '==', ':', 'null', 'undefined', '0', '-1', 'NaN', '{}', '[]']),
    () => Buffer.from(rng.pick([':', 'Agency:', ':jexu', 'Agency', 'Agency::jexu', 'agency:jexu', ' Agency:jexu'])).toString('base64'),
    () =>
      Buffer.from(
        `${rng.pick(['Agency', 'Recommendation', 'Action', 'Dependency'])}:${rng.pick(['nope', '', '0', "x' OR 1=1 --", '%', '_', '..', 'jexu\u0000', '\u0000'])}`,
      ).toString('base64'),
    () =>
      gid(
        rng.pick([
          'PlanDate',
          'WorkStatus',
          'Query',
          'Mutation',
          'Node',
          'UserError',
          '__Schema',
          '__proto__',
          'constructor',
          'String',
          'Slippage',
        ]),
        'x',
      ),
    () => gid('Action', `${INSPECTION}/r${rng.int(22, 999)}/a${rng.int(1, 9)}`),
    () => gid('Recommendation', `${INSPECTION}/r${rng.pick([0, -1, 13, 99, 1e9])}`),
    () => rng.pick(ALL_IDS).replace(/=+$/, ''),
    () => rng.pick(ALL_IDS).replace(/[A-Z]/, (c) => c.toLowerCase()),
    () => `${rng.pick(ALL_IDS)}${rng.pick(['=', '==', '!', ' ', '\n', '%3D'])}`,
    () => Buffer.from(rng.pick(ALL_IDS)).toString('base64'),
    () => Buffer.from(`Agency:${'x'.repeat(rng.logInt(100, 200_000))}`).toString('base64'),
    () => 'A'.repeat(rng.logInt(100, 300_000)),
    () => Buffer.from(rng.bytes(rng.int(4, 40))).toString('base64url'),
    () => Buffer.from('GPC:S:1').toString('base64'),
  ];
  return rng.pick(choices)();
}

/** An id of a real record of another type than `want`. */
function foreignId(rng: Random, want: keyof typeof IDS): string {
  const others = Object.entries(IDS)
    .filter(([k]) => k !== want)
    .flatMap(([, v]) => v);
  return rng.pick(others);
}

const globalIds: Variant[] = [
  (rng) => gql('node with a bad id', 'query Q($id: ID!) { node(id: $id) { id __typename } }', { id: wrongIds(rng) }),
  (rng) => gql('node with a bad id, inline', `{ node(id: ${literal(wrongIds(rng))}) { id } }`),
  (rng) => gql('node with a numeric id', `{ node(id: ${rng.pick(['0', '-1', '123', '99999999999999999999'])}) { id } }`),
  (rng) => {
    const ids = Array.from({ length: rng.int(1, 100) }, () => (rng.chance(0.5) ? rng.pick(ALL_IDS) : wrongIds(rng)));
    return gql(
      'nodes with mixed ids',
      'query Q($ids: [ID!]!) { nodes(ids: $ids) { id ... on Recommendation { number status { state } } ... on Action { key } } }',
      { ids },
    );
  },
  (rng) =>
    gql('nodes with too many or none', 'query Q($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: rng.pick([[], Array(101).fill(IDS.agency[0]), Array(5000).fill('x')]),
    }),
  (rng) => {
    const name = rng.pick(MUTATION_NAMES);
    const ids = realMutationIds(rng);
    const key = rng.pick(Object.keys(ids) as (keyof MutationIds)[]);
    const spoiled = {
      ...ids,
      [key]: rng.chance(0.5) ? foreignId(rng, key === 'subject' ? 'action' : (key as keyof typeof IDS)) : wrongIds(rng),
    };
    const { query, variables } = mutation(rng, name, spoiled);
    return gql(`mutation with a foreign or bad ${key} id, anonymous`, query, variables);
  },
  (rng) => {
    const { query, variables } = mutation(rng, rng.pick(MUTATION_NAMES), {
      ...realMutationIds(rng),
      action: foreignId(rng, 'action'),
      subject: foreignId(rng, 'action'),
    });
    const { value } = bogusAuthorization(rng, 'not-the-secret');
    return gql('mutation with foreign ids, bogus token', query, variables, { authorization: value });
  },
  (rng) => {
    const field = rng.pick(['addressedTo', 'ownedBy', 'dependsOn', 'inspection', 'ownerRole']);
    return gql(
      'filter naming records of another type',
      `query Q($v: [String!]) { recommendations(filter: { ${field}: $v }) { totalCount } }`,
      {
        v: [rng.chance(0.6) ? foreignId(rng, 'agency') : wrongIds(rng)],
      },
    );
  },
  (rng) =>
    gql(
      'bad cursors',
      `query Q($c: String) { ${rng.pick(['recommendations(first: 5, after: $c)', 'actions(last: 5, before: $c)', 'agencies(after: $c)', 'inspections(before: $c, last: 1)', 'sourceDocuments(after: $c)', 'dependencies(after: $c)'])} { totalCount pageInfo { endCursor } } }`,
      {
        c: rng.pick([
          wrongIds(rng),
          rng.pick(ALL_IDS),
          Buffer.from(`GPC:S:${rng.int(-5, 1e6)}`).toString('base64'),
          Buffer.from('GPC:N:1e308').toString('base64'),
          Buffer.from('arrayconnection:-1').toString('base64'),
        ]),
      },
    ),
  (rng) =>
    gql('audit trail with a bad record id, anonymous', 'query Q($r: ID) { auditEvents(filter: { record: $r }) { totalCount } }', {
      r: wrongIds(rng),
    }),
];

const injections: Variant[] = [
  (rng) => slotted(rng, injection(rng), 'injection in an argument'),
  (rng) => slotted(rng, injection(rng), 'injection in search', rng.pick(STRING_SLOTS.slice(5, 7))),
  (rng) => slotted(rng, injection(rng), 'injection in a name filter', rng.pick(STRING_SLOTS.slice(7, 14))),
  (rng) => slotted(rng, `${rng.pick(SLUGS)}${rng.pick(INJECTIONS)}`, 'injection after a real name'),
  (rng) =>
    gql(
      'injection in every filter at once',
      'query Q($s: String, $l: [String!]) { recommendations(first: 3, filter: { search: $s, addressedTo: $l, ownedBy: $l, dependsOn: $l, ownerRole: $l, inspection: $l }) { totalCount } }',
      {
        s: injection(rng),
        l: [injection(rng), injection(rng)],
      },
    ),
  (rng) => post('injection as operation name', { query: `query Q { __typename }`, operationName: injection(rng) }),
  (rng) =>
    gql(
      'injection in a mutation input, anonymous',
      ...((): [string, unknown] => {
        const { query, variables } = mutation(rng, rng.pick(MUTATION_NAMES), realMutationIds(rng));
        const input = { ...variables.input } as Record<string, unknown>;
        for (const key of Object.keys(input)) if (typeof input[key] === 'string' && rng.chance(0.5)) input[key] = injection(rng);
        return [query, { input }];
      })(),
    ),
  (rng) =>
    gql('injection in a request id', '{ __typename }', undefined, {
      'x-request-id': rng.pick(['../../etc/passwd', "' OR 1=1 --", 'a'.repeat(200), 'ok-id', '${jndi:ldap://x}', '%00']),
    }),
  (rng) =>
    gql(
      'injection in an argument that is a number',
      `{ recommendation(inspection: "${INSPECTION}", number: ${rng.pick(['1 OR 1=1', '"1"', '1.0', '-0', '1e1', '0x1', '01', '$n'])}) { number } }`,
    ),
];

const nonJsonBodies: Variant[] = [
  (rng) =>
    post(
      'not JSON',
      rng.pick([
        '{"query": ',
        "{'query': '{ __typename }'}",
        '{query: "{ __typename }"}',
        '{"query": "{ __typename }",}',
        '{"query": "{ __typename }"} trailing',
        '{"query": "{ __typename }"}{"query": "{ __typename }"}',
        '{"query": "{ __typename }"}\n{"query": "{ __typename }"}',
        '{"query": NaN}',
        '{"query": undefined}',
        '{"query": "{ __typename }" /* comment */}',
        '\ufeff{"query": "{ __typename }"}',
        '<?xml version="1.0"?><query>{ __typename }</query>',
        'query=%7B__typename%7D',
        '{ __typename }',
        'query { __typename }',
        '"unterminated',
        '{"query": "\\x41"}',
        '{"query": "\\u12"}',
        '{"query": "\t"}',
        '[',
        ']',
        '{',
        '}',
        ' ',
        '\n',
        '\u0000',
      ]),
    ),
  (rng) => post('random bytes', rng.bytes(rng.logInt(1, 100_000))),
  (rng) => post('random printable text', rng.chars(rng.logInt(1, 50_000), '{}[]":,0123456789abcdefqueryvariables \n\\')),
  (rng) => {
    const depth = rng.logInt(10, 400_000);
    return post('unclosed nesting', '['.repeat(depth));
  },
  (rng) => post('huge number', `{"query": "{ __typename }", "variables": {"n": 1${'0'.repeat(rng.logInt(10, 500_000))}}}`),
  (rng) => post('empty body', '', rng.chance(0.5) ? { 'content-length': '0' } : {}),
];

const contentTypes: Variant[] = [
  (rng) => post('text/plain', JSON.stringify({ query: rng.pick(['{ __typename }', 'mutation { x }']) }), { 'content-type': 'text/plain' }),
  () =>
    post('text/plain with preflight header', JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain', ...PREFLIGHT }),
  (rng) => {
    const boundary = `----x${rng.int(0, 1e9)}`;
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="operations"',
      '',
      JSON.stringify({ query: 'mutation M($f: Upload) { importActionPlan(input: { text: $f }) { __typename } }', variables: { f: null } }),
      `--${boundary}`,
      'Content-Disposition: form-data; name="map"',
      '',
      '{"0": ["variables.f"]}',
      `--${boundary}`,
      'Content-Disposition: form-data; name="0"; filename="../../etc/passwd"',
      'Content-Type: application/octet-stream',
      '',
      rng.chars(rng.logInt(1, 5000), 'abc\u0000\r\n-'),
      `--${boundary}--`,
      '',
    ].join('\r\n');
    return post('multipart/form-data upload', body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(rng.chance(0.5) ? PREFLIGHT : {}),
    });
  },
  (rng) =>
    post('multipart junk', rng.bytes(rng.logInt(1, 5000)), {
      'content-type': rng.pick(['multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; boundary=x']),
    }),
  (rng) =>
    post('form-urlencoded', qs({ query: rng.pick(['{ __typename }', 'mutation { x }']), variables: '{}' }), {
      'content-type': 'application/x-www-form-urlencoded',
    }),
  (rng) => ({ ...post('no content type', JSON.stringify({ query: '{ __typename }' })), headers: rng.chance(0.5) ? {} : { ...PREFLIGHT } }),
  () => post('application/graphql', '{ __typename }', { 'content-type': 'application/graphql' }),
  (rng) =>
    post('odd JSON content types', JSON.stringify({ query: '{ inspections(first: 1) { totalCount } }' }), {
      'content-type': rng.pick([
        'application/json;;;',
        'APPLICATION/JSON',
        'application/jsonp',
        'application/json, text/plain',
        'application/graphql-response+json',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'application/json; charset="><script>',
        'application/json; boundary=x; charset=utf-8; q=0.9',
        'text/json',
        'application/xml',
        'application/vnd.api+json',
        `application/json; x=${'y'.repeat(8000)}`,
        '*/*',
        '',
        ' ',
      ]),
    }),
  () =>
    post('utf-16 body', Buffer.from(JSON.stringify({ query: '{ __typename }' }), 'utf16le'), {
      'content-type': 'application/json; charset=utf-16le',
    }),
  (rng) =>
    post('gzip claimed, not sent', JSON.stringify({ query: '{ __typename }' }), {
      'content-encoding': rng.pick(['gzip', 'br', 'deflate', 'identity, gzip', 'x']),
    }),
  (rng) =>
    post('accept only odd types', JSON.stringify({ query: '{ __typename }' }), {
      accept: rng.pick(['text/html', 'application/xml', 'image/png', 'application/graphql-response+json;q=0', '*/*;q=0', 'x']),
    }),
];

/** Percent-encodes the UTF-8 bytes of `s` (a lone surrogate becomes U+FFFD; encodeURIComponent would throw). */
const encode = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) => (/[\w.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');

const methods: Variant[] = [
  (rng) =>
    get(
      'GET with a query',
      `/graphql?query=${encode(rng.pick(['{ __typename }', '{ inspections(first: 1) { totalCount } }', example(rng)]))}`,
      PREFLIGHT,
    ),
  (rng) =>
    get(
      'GET without the preflight header',
      `/graphql?query=${encode('{ __typename }')}`,
      rng.pick<Record<string, string>>([{}, { 'content-type': 'text/plain' }]),
    ),
  (rng) =>
    get(
      'mutation over GET',
      `/graphql?query=${encode(mutation(rng, rng.pick(MUTATION_NAMES), realMutationIds(rng)).query)}&variables=${encode('{"input":{}}')}`,
      PREFLIGHT,
    ),
  (rng) =>
    get(
      'GET with hostile variables',
      `/graphql?query=${encode('query Q($s: String!) { agency(slug: $s) { name } }')}&variables=${encode(rng.pick(['{', '[]', '"x"', '{"s": {"$gt": ""}}', JSON.stringify({ s: injection(rng) })]))}&extensions=${encode(rng.pick(['x', '{}', '{"persistedQuery": 1}']))}`,
      PREFLIGHT,
    ),
  (rng) =>
    get(
      'GET with repeated parameters',
      `/graphql?query=${encode('{ __typename }')}&query=${encode('mutation { x }')}&operationName=a&operationName=b`,
      PREFLIGHT,
    ),
  (rng) => {
    const size = rng.pick([rng.logInt(2000, 15_000), rng.logInt(17_000, 200_000)]);
    return get(
      'huge URL',
      `/graphql?query=${encode(`{ __typename ${'__typename '.repeat(Math.ceil(size / 11))}}`).slice(0, size)}`,
      PREFLIGHT,
      { mayClose: size > 15_000 },
    );
  },
  (rng) =>
    get(
      'GraphiQL with hostile parameters',
      `/graphql?${rng.pick(['query=%3Cscript%3E', 'x=../../../etc/passwd', `q=${'%00'.repeat(100)}`, 'query={', 'variables=%E0%A4%A'])}`,
      { accept: 'text/html' },
    ),
  (rng) => ({
    ...post('other methods', JSON.stringify({ query: '{ __typename }' })),
    method: rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'PURGE', 'SEARCH', 'LOCK']),
  }),
  (rng) => ({
    ...get('body on GET', `/graphql?query=${encode('{ __typename }')}`, { ...PREFLIGHT, ...JSON_TYPE }),
    body: JSON.stringify({ query: 'mutation { x }' }),
  }),
  (rng) =>
    get(
      'GET with no query',
      rng.pick(['/graphql', '/graphql?', '/graphql?query=', '/graphql?variables={}', '/graphql?&&&', '/graphql?query']),
      PREFLIGHT,
    ),
];

const batched: Variant[] = [
  (rng) =>
    post(
      'batch of queries',
      Array.from({ length: rng.logInt(2, 1000) }, () => ({ query: rng.pick(['{ __typename }', ...COSTLY.map((c) => `{ ${c} }`)]) })),
    ),
  () => post('empty batch', []),
  (rng) => post('batch of junk', rng.pick([[1, 2, 3], [null], ['{ __typename }'], [[{ query: '{ __typename }' }]], [{}], [true, {}]])),
  (rng) =>
    post(
      'batch of mutations, anonymous',
      Array.from({ length: rng.int(2, 50) }, () => mutation(rng, rng.pick(MUTATION_NAMES), realMutationIds(rng))),
    ),
  (rng) => post('single-item batch', [{ query: '{ __typename }' }], rng.chance(0.5) ? PREFLIGHT : {}),
  (rng) => post('huge batch', JSON.stringify(Array.from({ length: rng.logInt(1000, 60_000) }, () => ({ query: '{__typename}' })))),
];

const INVALID_UTF8 = [
  [0xc3, 0x28],
  [0xff],
  [0xfe, 0xff],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
].map((b) => Buffer.from(b));

/** `text` with invalid UTF-8 byte sequences at `count` random places. */
function withInvalidBytes(rng: Random, text: string, count: number): Buffer {
  let out = Buffer.from(text);
  for (let i = 0; i < count; i++) {
    const at = rng.int(0, out.length);
    out = Buffer.concat([out.subarray(0, at), rng.pick(INVALID_UTF8), out.subarray(at)]);
  }
  return out;
}

const invalidUtf8: Variant[] = [
  (rng) => post('invalid UTF-8 in the document', withInvalidBytes(rng, JSON.stringify({ query: example(rng) }), rng.int(1, 10))),
  (rng) => {
    const [head, tail] = ['{"query":"query Q($s: String!) { agency(slug: $s) { name } }","variables":{"s":"jexu', '"}}'];
    return post('invalid UTF-8 in a variable', Buffer.concat([Buffer.from(head), rng.pick(INVALID_UTF8), Buffer.from(tail)]));
  },
  (rng) => {
    const [head, tail] = [
      '{"query":"query Q($s: String) { recommendations(filter: { search: $s }) { totalCount } }","variables":{"s":"training ',
      '"}}',
    ];
    return post('invalid UTF-8 in a search', Buffer.concat([Buffer.from(head), rng.pick(INVALID_UTF8), Buffer.from(tail)]));
  },
  () => post('Latin-1 body', Buffer.from(JSON.stringify({ query: '{ agency(slug: "jéxu") { name } }' }), 'latin1')),
  () =>
    post(
      'UTF-16 body as JSON',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify({ query: '{ __typename }' }), 'utf16le')]),
    ),
  (rng) =>
    get(
      'bad percent-encoding',
      rng.pick([
        `/graphql?query=%7B%20__typename%20%7D%ZZ`,
        '/graphql?query=%',
        '/graphql?query=%E0%A4%A',
        '/graphql?query=%FF%FE%7B__typename%7D',
        '/export/recommendations.csv?search=%C3%28',
        '/export/recommendations.csv?addressedTo=%FF',
        '/%FF',
        '/graphql%00',
        '/inspections/%FF/slippage.svg',
      ]),
      PREFLIGHT,
    ),
  (rng) =>
    raw(
      'raw invalid bytes in the URL',
      Buffer.concat([
        Buffer.from('GET /graphql?query='),
        rng.pick(INVALID_UTF8),
        Buffer.from(' HTTP/1.1\r\nHost: x\r\napollo-require-preflight: true\r\nConnection: close\r\n\r\n'),
      ]),
    ),
  (rng) => ({
    ...gql('Latin-1 bytes in a header', '{ __typename }'),
    headers: {
      ...JSON_TYPE,
      'x-request-id': rng.pick(['\u00ff\u00fe', 'é', '\u00e0\u00e7']),
      authorization: rng.pick(['Bearer \u00e9', '\u00ff']),
    },
  }),
];

const authVariants: Variant[] = [
  (rng) => {
    const { query, variables } = mutation(rng, rng.pick(MUTATION_NAMES), realMutationIds(rng));
    return gql('mutation without a token', query, variables);
  },
  (rng, { secret }) => {
    const { query, variables } = mutation(rng, rng.pick(MUTATION_NAMES), realMutationIds(rng));
    const { label, value } = bogusAuthorization(rng, secret);
    return gql(`mutation with a bogus token (${label})`, query, variables, { authorization: value }, { mayClose: value.length > 15_000 });
  },
  (rng, { secret }) => {
    const { label, value } = bogusAuthorization(rng, secret);
    return gql(
      `query with a bogus token (${label})`,
      '{ inspections(first: 1) { totalCount } }',
      undefined,
      { authorization: value },
      { mayClose: value.length > 15_000 },
    );
  },
  (rng, { secret }) => {
    const { value } = bogusAuthorization(rng, secret);
    return get('export with a bogus token', '/export/recommendations.csv', { authorization: value }, { mayClose: value.length > 15_000 });
  },
  (rng, { secret }) => {
    const { query, variables } = mutation(rng, rng.pick(MUTATION_NAMES), realMutationIds(rng));
    return gql(
      'two Authorization headers',
      query,
      variables,
      { authorization: [bogusAuthorization(rng, secret).value, bogusAuthorization(rng, secret).value] },
      { mayClose: true },
    );
  },
  (rng) => {
    const headers: Record<string, string> = {};
    for (let i = rng.logInt(50, 3000); i > 0; i--) headers[`x-h${i}`] = 'v'.repeat(rng.int(1, 20));
    const { query, variables } = mutation(rng, rng.pick(MUTATION_NAMES), realMutationIds(rng));
    return gql('many headers', query, variables, headers, { mayClose: true });
  },
  (rng) =>
    gql('huge cookie', '{ __typename }', undefined, { cookie: `session=${'c'.repeat(rng.logInt(1000, 30_000))}` }, { mayClose: true }),
  (rng) =>
    raw(
      'header injection in Authorization',
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer a.b.c\r${rng.pick(['\nX-Injected: 1', '\u0000', ' \r\n continued', '\n'])}\r\nContent-Length: 24\r\nConnection: close\r\n\r\n{"query":"{__typename}"}`,
    ),
  (rng) =>
    raw(
      'control characters in Authorization',
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer ${rng.pick(['\u0000', '\u0007', '\u001b', '\u007f'])}x.y.z\r\nContent-Length: 24\r\nConnection: close\r\n\r\n{"query":"{__typename}"}`,
    ),
];

const otherPaths: Variant[] = [
  (rng) => {
    const key = rng.pick([
      'search',
      'addressedTo',
      'ownedBy',
      'ownerRole',
      'dependsOn',
      'inspection',
      'status',
      'response',
      'numbers',
      'hasNotes',
      'hasDateRevisions',
      'overdueOn',
      'orderBy',
      'direction',
      'asOf',
      'asOfRound',
      'asOfInspection',
    ]);
    return get('CSV export with a hostile parameter', `/export/recommendations.csv?${key}=${encode(injection(rng))}`);
  },
  (rng) =>
    get(
      'CSV export with bad values',
      `/export/recommendations.csv?${rng.pick([
        'status=DROP',
        'status=OVERDUE,,,',
        'numbers=abc',
        'numbers=1,2,x',
        'numbers=99999999999999999999',
        'hasNotes=maybe',
        'overdueOn=2025-02-30',
        'asOf=tomorrow',
        'asOf=2025-01-01&asOfRound=letter-2025-03',
        'asOfRound=nope',
        'orderBy=NUMBER;DROP',
        'orderBy=SLIPPAGE&direction=UP',
        'search=a&search=b',
        'unknown=1',
        '__proto__=1',
        'constructor=x',
        'status=',
        'addressedTo=',
        'addressedTo=,',
        'search=',
        '=',
        '&&&',
        'search',
        `search=${'x'.repeat(5000)}`,
        `addressedTo=${Array.from({ length: 3000 }, (_, i) => `s${i}`).join(',')}`,
        `status=${'OVERDUE,'.repeat(1500)}`,
        `${'k'.repeat(3000)}=v`,
      ])}`,
    ),
  (rng) =>
    get(
      'CSV export with NUL or control bytes',
      `/export/recommendations.csv?${rng.pick(['search', 'addressedTo', 'asOfRound', 'orderBy', 'inspection'])}=${rng.pick(['%00', 'jexu%00', '%01%02', '%1B%5B31m', '%0D%0AX-Injected:%201'])}`,
    ),
  (rng) => {
    const slug = rng.pick(['nope', 'a', 'ct-joint-inspection-2023-x', 'x'.repeat(rng.logInt(100, 8000)), '0', 'a-b-c-d-e-f']);
    return get('slippage chart of an unknown inspection', `/inspections/${slug}/slippage.svg`);
  },
  (rng) =>
    get(
      'slippage chart with hostile slugs',
      `/inspections/${rng.pick([
        '..%2F..%2Fetc%2Fpasswd',
        '%27%20OR%201%3D1',
        'CT-JOINT-INSPECTION-2023',
        'ct-joint-inspection-2023%00',
        'ct_joint',
        '-',
        '',
        '%2e%2e',
        'ct-joint-inspection-2023/..',
        'ct-joint-inspection-2023%2F..',
        '%C0%AF',
      ])}/slippage.svg`,
    ),
  (rng) =>
    get(
      'slippage chart with hostile parameters',
      `/inspections/${INSPECTION}/slippage.svg?${rng.pick([
        `asOf=${encode(injection(rng))}`,
        `asOfRound=${encode(injection(rng))}`,
        `asOfInspection=${encode(injection(rng))}`,
        'asOf=2025-02-30',
        'asOf=1900-01-01',
        'asOf=9999-12-31',
        'asOf=2025-01-01&asOfRound=letter-2025-03',
        'asOfRound=%00',
        'asOf=%00',
        'x=1',
        '__proto__=1',
        'asOf=2025-01-01&asOf=2025-02-01',
      ])}`,
    ),
  (rng) => ({
    ...get('chart and export with other methods', rng.pick(['/export/recommendations.csv', `/inspections/${INSPECTION}/slippage.svg`])),
    method: rng.pick(['POST', 'PUT', 'DELETE', 'OPTIONS']),
    body: 'x',
  }),
  (rng) =>
    get(
      'unknown paths',
      rng.pick([
        '/',
        '/admin',
        '/.env',
        '/.git/config',
        '/graphql/',
        '/GRAPHQL',
        '//graphql',
        '/graphql;x',
        '/graphql.json',
        '/graphiql',
        '/server-status',
        '/metrics',
        '/api/graphql',
        '/export/',
        '/export/recommendations.json',
        '/export/recommendations.csv/x',
        '/inspections/',
        `/${'a/'.repeat(3000)}`,
        `/${'x'.repeat(10_000)}`,
        '/%00',
        '/*',
        '/?query={__typename}',
        '/healthz/..',
        '/readyz?x=%00',
        '/favicon.ico',
        '/robots.txt',
      ]),
      PREFLIGHT,
    ),
  (rng) =>
    get(
      'asset traversal',
      `/graphql/assets/${rng.pick([
        '../../package.json',
        '..%2F..%2Fpackage.json',
        '..%2f..%2f..%2f..%2fetc%2fpasswd',
        '%2e%2e/%2e%2e/package.json',
        '%252e%252e%252fpackage.json',
        '..%5c..%5cpackage.json',
        '....//....//package.json',
        'graphiql.js%00.png',
        'graphiql.js/',
        'graphiql.js/..',
        '/etc/passwd',
        '%2Fetc%2Fpasswd',
        'constructor',
        '__proto__',
        'hasOwnProperty',
        'toString',
        'valueOf',
        '',
        '.',
        '..',
        'GRAPHIQL.JS',
        'graphiql.js.map',
        'index.html',
        `${'a'.repeat(5000)}.js`,
        '..%c0%af..%c0%afpackage.json',
        'file:///etc/passwd',
      ])}`,
    ),
  (rng) => ({
    ...get('health endpoints with junk', rng.pick(['/healthz', '/readyz', '/healthz?x=1', '/readyz?%00'])),
    method: rng.pick(['GET', 'POST', 'DELETE']),
    body: rng.chance(0.5) ? '{"x":' : undefined,
  }),
];

const rawHttp: Variant[] = [
  (rng) =>
    raw(
      'bad request line',
      rng.pick([
        'GARBAGE\r\n\r\n',
        'GET\r\n\r\n',
        'GET /graphql HTTP/9.9\r\nHost: x\r\n\r\n',
        'GET /graphql\r\n\r\n',
        'GET  /graphql  HTTP/1.1\r\nHost: x\r\n\r\n',
        '\r\n\r\n\r\n',
        'GET /graphql HTTP/1.1\nHost: x\n\n',
        'get /graphql HTTP/1.1\r\nHost: x\r\n\r\n',
      ]),
    ),
  (rng) =>
    raw(
      'Content-Length and Transfer-Encoding',
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${rng.int(0, 30)}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n18\r\n{"query":"{__typename}"}\r\n0\r\n\r\n`,
    ),
  (rng) =>
    raw(
      'bad chunked framing',
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: ${rng.pick(['chunked', 'chunked, chunked', ' chunked', 'xchunked', 'chunked\r\nTransfer-Encoding: identity'])}\r\nConnection: close\r\n\r\n${rng.pick(['zz\r\nabc\r\n0\r\n\r\n', '-1\r\n\r\n', 'ffffffffffffffffff\r\nx\r\n0\r\n\r\n', '18;ext=1\r\n{"query":"{__typename}"}\r\n0\r\n\r\n', '3\r\nabcdef\r\n0\r\n\r\n'])}`,
    ),
  (rng) =>
    raw(
      'two Content-Lengths',
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 24\r\nContent-Length: ${rng.int(0, 40)}\r\nConnection: close\r\n\r\n{"query":"{__typename}"}`,
    ),
  (rng) =>
    raw(
      'bad header names',
      `GET /healthz HTTP/1.1\r\nHost: x\r\n${rng.pick(['Bad Header: 1', 'Bad:Header: 1', ': empty', 'X-\u0000: 1', '\u00ff: 1', ' Leading: 1', 'Obs: fold\r\n  continued'])}\r\nConnection: close\r\n\r\n`,
    ),
  (rng) =>
    raw(
      'NUL in the request line',
      `GET /graphql${rng.pick(['\u0000', '?query=\u0000', '\u0000 HTTP/1.1'])} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    ),
  (rng) =>
    raw(
      'absolute-form target',
      `GET ${rng.pick(['http://evil.example/graphql', 'http://127.0.0.1/../../etc/passwd', '*', 'graphql', 'http://x/graphql?query=%7B__typename%7D'])} HTTP/1.1\r\nHost: x\r\napollo-require-preflight: true\r\nConnection: close\r\n\r\n`,
    ),
  (rng) =>
    raw(
      'bogus WebSocket upgrade',
      `GET /graphql HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${rng.pick(['', 'x', 'dGhlIHNhbXBsZSBub25jZQ=='])}\r\nSec-WebSocket-Version: ${rng.pick(['13', '8', 'x', ''])}\r\nSec-WebSocket-Protocol: ${rng.pick(['graphql-transport-ws', 'graphql-ws', 'x', "' OR 1=1"])}\r\n\r\n`,
    ),
  (rng) =>
    raw(
      'Expect header',
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: ${rng.pick(['100-continue', '200-ok', 'x'])}\r\nContent-Length: 24\r\nConnection: close\r\n\r\n{"query":"{__typename}"}`,
    ),
  (rng) =>
    raw(
      'no Host header',
      `${rng.pick(['GET /healthz', 'POST /graphql'])} HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 24\r\nConnection: close\r\n\r\n{"query":"{__typename}"}`,
    ),
  (rng) =>
    raw(
      'HTTP/1.0',
      `POST /graphql HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: ${rng.pick([24, 2])}\r\n\r\n{"query":"{__typename}"}`,
    ),
];

const VARIANTS: Record<Category, Variant[]> = {
  'malformed-document': malformed,
  'deep-nesting': deep,
  'alias-bomb': aliases,
  'fragment-bomb': fragments,
  'directive-flood': directives,
  'token-flood': tokens,
  'huge-input': huge,
  'wrong-variables': wrongVariables,
  'request-shape': requestShape,
  'global-ids': globalIds,
  injection: injections,
  'non-json-body': nonJsonBodies,
  'content-type': contentTypes,
  'http-method': methods,
  batched,
  'invalid-utf8': invalidUtf8,
  auth: authVariants,
  'other-paths': otherPaths,
  'raw-http': rawHttp,
};

// ---------------------------------------------------------------------------------------------------

/** The category of every position, spread evenly (smooth weighted round robin): any prefix is in proportion. */
export function* schedule(count: number): Generator<{ index: number; category: Category; ordinal: number }> {
  const entries = Object.entries(CATEGORIES) as [Category, { weight: number }][];
  const total = entries.reduce((sum, [, c]) => sum + c.weight, 0);
  const current = new Map<Category, number>(entries.map(([name]) => [name, 0]));
  const ordinals = new Map<Category, number>(entries.map(([name]) => [name, 0]));
  for (let index = 0; index < count; index++) {
    let best: Category | null = null;
    for (const [name, { weight }] of entries) {
      current.set(name, current.get(name)! + weight);
      if (best === null || current.get(name)! > current.get(best)!) best = name;
    }
    current.set(best!, current.get(best!)! - total);
    const ordinal = ordinals.get(best!)!;
    ordinals.set(best!, ordinal + 1);
    yield { index, category: best!, ordinal };
  }
}

/** The corpus, lazily: huge bodies are made one at a time, as they are sent. */
export function* corpus({ count, seed = DEFAULT_SEED, secret = 'not-the-secret' }: CorpusOptions): Generator<HostileRequest> {
  for (const { index, category, ordinal } of schedule(count)) {
    const variants = VARIANTS[category];
    const rng = new Random(`${seed}/${category}/${ordinal}`);
    const draft = variants[ordinal % variants.length]!(rng, { secret });
    // A body over the limit is answered 413 and the connection closed, possibly before it is all sent.
    const oversize = draft.body !== undefined && Buffer.byteLength(draft.body) > MAX_BODY_BYTES;
    yield { index, category, ...draft, mayClose: draft.mayClose || oversize };
  }
}

/** How many variants each category has (a corpus needs about this many per category to use them all). */
export const variantCounts = () => Object.fromEntries(Object.entries(VARIANTS).map(([k, v]) => [k, v.length])) as Record<Category, number>;
