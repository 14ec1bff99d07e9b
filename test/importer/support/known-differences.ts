/**
 * The differences between the importer's reading of the curated action plan (001) and the curated
 * record: where the curators made a reading a parser cannot reproduce, the exact difference, its
 * reason and the value the importer gives instead. Any other difference, or a listed one that no
 * longer occurs, is a failure, whether the import is compared as parsed or as stored.
 */
import { expect } from 'vitest';
import type { Difference } from './compare-curated.js';

type Expectation = (curated: unknown, parsed: unknown) => boolean;
/** The parser's text is the paragraph the curators' sentence(s) come from. */
const containsCurated: Expectation = (c, p) => typeof c === 'string' && typeof p === 'string' && p.includes(c) && p !== c;
const is =
  (value: unknown): Expectation =>
  (_, p) =>
    JSON.stringify(p) === JSON.stringify(value);
const onlyCurated: Expectation = (c, p) => c !== undefined && p === undefined;
const onlyParsedStarting =
  (prefix: string): Expectation =>
  (c, p) =>
    c === undefined && Array.isArray(p) && p.length === 1 && String(p[0]).startsWith(prefix);

interface Known {
  path: string;
  why: string;
  expect: Expectation;
}

const SENTENCE = 'curators recorded one sentence of the response as the step; the row pairs the whole paragraph with its date';
const LINK = 'curators linked updates to steps by subject; the document does not say which step an update reports on';
const STATUS = 'the update states no status in words; the date column alone gives none, so NOT_STATED';

/** Curatorial readings the parser does not reproduce, each with the value the parser gives instead. */
export const KNOWN: Known[] = [
  { path: 'r1.actions.a1.text', why: SENTENCE, expect: containsCurated },
  { path: 'r2.actions.a1.text', why: `${SENTENCE} (here the first part of the page-split paragraph)`, expect: containsCurated },
  {
    path: 'r2.progress.p1.actions',
    why: 'curators judged the telephone devices are not the planned business case; the only action is linked',
    expect: is(['a1']),
  },
  { path: 'r4.actions.a1.text', why: `${SENTENCE} (the second sentence, the paper to Ministers)`, expect: containsCurated },
  { path: 'r5.actions.a1.text', why: `${SENTENCE} (the six-month estimate left out)`, expect: containsCurated },
  {
    path: 'r6.actions.a1.text',
    why: `${SENTENCE} (the third sentence; the first two describe the current framework)`,
    expect: containsCurated,
  },
  { path: 'r7.progress.p1.actions', why: `${LINK} (4 updates, 5 steps)`, expect: is([]) },
  { path: 'r7.progress.p3.actions', why: LINK, expect: is([]) },
  { path: 'r7.progress.p4.actions', why: LINK, expect: is([]) },
  {
    path: 'r7.dateRevisions.a3@update-2024-08',
    why: 'curators read "published in March 2024" in the text of the update they linked to step 3; the date column says only "Completed"',
    expect: onlyCurated,
  },
  { path: 'r8.actions.a1.text', why: `${SENTENCE} (who writes the guidance left out)`, expect: containsCurated },
  {
    path: 'r9.actions.a3.text',
    why: 'curators recorded the sentences up to the one stating "by June 2024", leaving out the closing one on the new tool; the row pairs the whole paragraph with June 2024',
    expect: containsCurated,
  },
  {
    path: 'r9.progress.p1.paragraphs',
    why: 'curators split the one "Completed June 2025" cell into "Completed" and "June 2025" for its two paragraphs; the parser keeps the cell as written and reports FUTURE_COMPLETION',
    expect: (c, p) => Array.isArray(c) && Array.isArray(p) && p.length === 2 && p[0] === c[0],
  },
  { path: 'r9.progress.p1.target', why: 'the cell as written (see r9.progress.p1.paragraphs)', expect: is('Completed June 2025') },
  {
    path: 'r9.progress.p1.status',
    why: 'a completion dated after the round is not taken as a completion; the text says "is being taken forward"',
    expect: is('IN_PROGRESS'),
  },
  { path: 'r9.progress.p1.actions', why: `${LINK} (1 update, 4 steps)`, expect: is([]) },
  { path: 'r9.progress.p2', why: "the second half of the curators' split (see r9.progress.p1.paragraphs)", expect: onlyCurated },
  {
    path: 'r10.dateRevisions.a1@update-2024-08',
    why: 'curators read "completed in March 2024" in the text; the date column says "Completed" (reported as COMPLETED_AFTER_TARGET instead)',
    expect: onlyCurated,
  },
  { path: 'r11.progress.p1.status', why: `${STATUS} ("has been developed; it is expected to roll out")`, expect: is('NOT_STATED') },
  { path: 'r14.progress.p1.status', why: `${STATUS} ("has taken longer than expected but is scheduled")`, expect: is('NOT_STATED') },
  { path: 'r14.progress.p1.actions', why: `${LINK} (1 update, 3 steps)`, expect: is([]) },
  { path: 'r14.dateRevisions.a3@update-2024-08', why: "follows from the curators' link of the update to step 3", expect: onlyCurated },
  { path: 'r15.progress.p1.actions', why: `${LINK} (6 updates as parsed, 4 steps)`, expect: is([]) },
  { path: 'r15.progress.p2.actions', why: LINK, expect: is([]) },
  { path: 'r15.progress.p3.actions', why: LINK, expect: is([]) },
  {
    path: 'r15.progress.p3.paragraphs',
    why: 'four paragraphs against two "Completed": curators grouped them two and two by topic; the parser pairs in order and reports STEP_DATE_MISMATCH',
    expect: (c, p) => Array.isArray(c) && Array.isArray(p) && p.length === 1 && p[0] === c[0],
  },
  {
    path: 'r15.progress.p4.paragraphs',
    why: 'see r15.progress.p3.paragraphs',
    expect: (c, p) => Array.isArray(c) && Array.isArray(p) && p.length === 1 && p[0] !== c[0],
  },
  {
    path: 'r15.progress.p5',
    why: 'see r15.progress.p3.paragraphs: a paragraph left over, recorded with no date',
    expect: onlyParsedStarting('In addition to general prison officer duties'),
  },
  { path: 'r15.progress.p6', why: 'see r15.progress.p3.paragraphs', expect: onlyParsedStarting('Governors are held to account') },
  { path: 'r16.progress.p1.status', why: `${STATUS} ("is expected to be rolled out"; "have delayed progress")`, expect: is('NOT_STATED') },
  { path: 'r17.progress.p1.actions', why: `${LINK} (4 updates, 8 steps)`, expect: is([]) },
  { path: 'r17.progress.p3.actions', why: LINK, expect: is([]) },
  { path: 'r17.progress.p4.actions', why: LINK, expect: is([]) },
  { path: 'r17.progress.p4.status', why: `${STATUS} ("will include"; curators read PLANNED)`, expect: is('NOT_STATED') },
  {
    path: 'r17.dateRevisions.a3@update-2024-08',
    why: 'curators read "published in March 2024" in the text of the update they linked to step 3; the date column says "Completed"',
    expect: onlyCurated,
  },
  { path: 'r20.actions.a1.text', why: SENTENCE, expect: containsCurated },
];

const short = (x: unknown) => {
  const s = JSON.stringify(x) ?? 'absent';
  return s.length > 110 ? `${s.slice(0, 109)}…` : s;
};

export function report(differences: Difference[]): string {
  return differences
    .map((d) => {
      const known = KNOWN.find((k) => k.path === d.path);
      const verdict = !known
        ? 'UNEXPECTED'
        : known.expect(d.curated, d.parsed)
          ? `known: ${known.why}`
          : `KNOWN PATH, UNEXPECTED VALUE (${known.why})`;
      return `${d.path}\n    curated: ${short(d.curated)}\n    parsed:  ${short(d.parsed)}\n    ${verdict}`;
    })
    .join('\n');
}

/** Differences not listed (or listed with another value), and listed ones that no longer occur. */
export function unlisted(differences: Difference[]) {
  return {
    unexpected: differences.filter((d) => !KNOWN.some((k) => k.path === d.path && k.expect(d.curated, d.parsed))),
    stale: KNOWN.filter((k) => !differences.some((d) => d.path === k.path)),
  };
}

/** Fails on any difference not listed, and on any listed one that no longer occurs. */
export function expectOnlyListed(differences: Difference[]) {
  const { unexpected, stale } = unlisted(differences);
  expect(
    unexpected.map((d) => d.path),
    report(unexpected),
  ).toEqual([]);
  expect(
    stale.map((k) => k.path),
    'listed differences that no longer occur',
  ).toEqual([]);
}
