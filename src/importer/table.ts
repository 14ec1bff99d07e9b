/**
 * The action-plan table as extracted text: a header line, addressee headings ("The Probation Service
 * should:"), one line per recommendation row, "Progress against commitments – Recommendation N (...)"
 * headings each followed by progress lines, and the closing tally. A page break leaves blank lines and
 * continuation lines (first cells empty) that carry on the row above; some pages add `---|---`
 * separator lines. This file only finds that structure; reading the cells is done elsewhere.
 */
import { ImportError } from './errors.js';
import { isBlank, slice, splitCells, trimmed, type Line } from './lines.js';
import { responseValueOf } from './front-matter.js';
import type { ParsedSummaryLine, Verbatim } from './types.js';

export const COLUMNS = 6;
export const EXPECTED_HEADER = [
  '1. Rec No',
  '2. Recommendation',
  '3. Agreed/ Partly Agreed/ Not Agreed',
  '4. Response Action Taken/Planned',
  '5. Responsible Owner',
  '6. Target Date',
];
// What each header cell must contain, once its number and case are set aside.
const HEADER_WORDS = ['rec no', 'recommendation', 'agreed', 'response', 'owner', 'target date'];

/** A table line, its cells aligned to the six columns. */
export interface TableRow {
  line: Line;
  cols: Verbatim[];
  /** The cells as written before alignment (continuation lines often omit leading cells). */
  written: number;
  /** Blank lines stood before it: a page break in the extracted text. */
  afterBreak: boolean;
}

export interface ProgressBlock {
  heading: Verbatim;
  number: number;
  /** "July 2024" from "(July 2024)"; null when the heading gives none. */
  asAt: Verbatim | null;
  rows: TableRow[];
  /** The recommendation row the heading follows. */
  follows: PlanBlock | null;
}

export interface PlanBlock {
  number: number;
  numberText: Verbatim;
  heading: Verbatim | null;
  rows: TableRow[];
}

export interface Table {
  header: Line;
  blocks: PlanBlock[];
  progress: ProgressBlock[];
  tally: ParsedSummaryLine[];
  /** Lines inside the table that fit none of the template's line kinds. */
  unparsed: { line: Line; reason: string }[];
}

const normalHeaderCell = (s: string) =>
  s
    .toLowerCase()
    .replace(/^\s*\d+\s*[.)]\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** How many of the expected header cells a line has, in order. */
function headerScore(line: Line): number {
  const cells = splitCells(line).map((c) => normalHeaderCell(c.value));
  return HEADER_WORDS.filter((w, i) => cells[i]?.includes(w)).length;
}

const expectedHeaderText = () => `'${EXPECTED_HEADER.join('\\t')}'`;

/** The line index of the table header, or an error naming what was expected and what came closest. */
export function findHeader(lines: Line[]): number {
  let best = { index: -1, score: 0 };
  for (const line of lines) {
    if (!line.value.includes('\t')) continue;
    const score = headerScore(line);
    if (score === HEADER_WORDS.length) return line.index;
    if (score > best.score) best = { index: line.index, score };
  }
  if (best.score >= 3) {
    const found = lines[best.index];
    throw new ImportError(
      'WRONG_TEMPLATE',
      `expected the action-plan table header ${expectedHeaderText()} — line ${found.index + 1} has a table header with different columns: ${JSON.stringify(found.value)}`,
      found.start,
    );
  }
  throw new ImportError('WRONG_TEMPLATE', `expected the action-plan table header ${expectedHeaderText()} — not found`);
}

const NUMBER = /^(?:R(?:ec(?:ommendation)?)?\.?\s*)?(\d{1,3})\s*[.)]?$/i;
const PROGRESS = /^\s*Progress against commitments\s*[–—-]?\s*Recommendation\s+(\d{1,3})\b\s*(?:\(([^)]*)\))?/di;
const SEPARATOR = /^[\s|:]*-{2,}[\s|:-]*$/;

const filled = (cells: Verbatim[]) => cells.filter((c) => !isBlank(c.value));

const empty = (at: number): Verbatim => ({ value: '', start: at, end: at });
const padding = (n: number, at: number) => Array.from({ length: n }, () => empty(at));

function aligned(cells: Verbatim[], line: Line, side: 'left' | 'right'): Verbatim[] | null {
  let cs = cells;
  while (cs.length > COLUMNS && isBlank(cs.at(-1)!.value)) cs = cs.slice(0, -1);
  if (cs.length > COLUMNS) return null;
  // A recommendation row that lost its trailing empty cells keeps its leading cells in place; a
  // continuation line that lost its leading empty cells keeps its last cells in place.
  const missing = COLUMNS - cs.length;
  return side === 'left' ? [...cs, ...padding(missing, line.end)] : [...padding(missing, line.start), ...cs];
}

/** Reads the table's structure from the header to the tally (or the end of the text). */
export function readTable(lines: Line[], headerIndex: number, endsWithNewline = true): Table {
  const table: Table = { header: lines[headerIndex], blocks: [], progress: [], tally: [], unparsed: [] };
  let heading: Verbatim | null = null;
  let current: { rows: TableRow[] } | null = null;
  let lastPlan: PlanBlock | null = null;
  let blanks = 0;
  let lastContent: { line: Line; written: number } | null = null;

  for (const line of lines.slice(headerIndex + 1)) {
    if (isBlank(line.value)) {
      blanks++;
      continue;
    }
    const afterBreak = blanks > 0;
    blanks = 0;
    const cells = splitCells(line);
    const nonEmpty = filled(cells);
    const first = trimmed(cells[0]);

    if (SEPARATOR.test(line.value.replace(/\t/g, ' '))) continue;
    if (headerScore(line) === HEADER_WORDS.length) continue; // the header repeated on a new page

    const progress = PROGRESS.exec(line.value);
    if (progress && nonEmpty.length === 1) {
      const full = trimmed(cells[0]);
      const [from, to] = progress.indices?.[2] ?? [0, 0];
      const asAt = to > from ? trimmed(slice(line, from, to)) : null;
      const block: ProgressBlock = { heading: full, number: Number(progress[1]), asAt, rows: [], follows: lastPlan };
      table.progress.push(block);
      current = block;
      lastContent = { line, written: COLUMNS };
      continue;
    }

    const tallyValue = nonEmpty.length === 2 && /^\d+$/.test(trimmed(cells[1]).value) ? first.value : null;
    if (tallyValue !== null && (responseValueOf(tallyValue) || /^total$/i.test(tallyValue))) {
      table.tally.push({
        response: responseValueOf(tallyValue) ?? 'TOTAL',
        count: Number(trimmed(cells[1]).value),
        cite: trimmed(line),
      });
      current = null;
      continue;
    }
    if (nonEmpty.length === 1 && /^recommendations$/i.test(first.value)) {
      current = null; // the tally's own heading
      continue;
    }

    const number = NUMBER.exec(first.value);
    if (number) {
      const cols = nonEmpty.length >= 3 ? aligned(cells, line, 'left') : null;
      lastContent = { line, written: cells.length };
      if (!cols) {
        table.unparsed.push({ line, reason: `a recommendation row needs ${COLUMNS} cells; this one has ${cells.length}` });
        current = null;
        continue;
      }
      const block: PlanBlock = {
        number: Number(number[1]),
        numberText: first,
        heading,
        rows: [{ line, cols, written: cells.length, afterBreak }],
      };
      table.blocks.push(block);
      lastPlan = block;
      current = block;
      continue;
    }

    if (first.value === '') {
      const cols = aligned(cells, line, 'right');
      lastContent = { line, written: cells.length };
      if (!cols) table.unparsed.push({ line, reason: `a continuation line has more than ${COLUMNS} cells` });
      else if (!current) table.unparsed.push({ line, reason: 'a continuation line with no row above it' });
      else current.rows.push({ line, cols, written: cells.length, afterBreak });
      continue;
    }

    if (nonEmpty.length === 1 && /(?:should|:)\s*$/.test(first.value)) {
      heading = first;
      current = null;
      continue;
    }
    table.unparsed.push({ line, reason: 'not a row, heading, progress heading or tally line of the template' });
  }

  if (table.blocks.length === 0) {
    throw new ImportError(
      'NO_ROWS',
      `expected recommendation rows (a number, the recommendation, Agreed/Partly Agreed/Not Agreed, the response, an owner and a target date) after the table header — none found`,
      table.header.end,
    );
  }
  if (table.tally.length === 0 && lastContent && (!endsWithNewline || isTruncated(lastContent, table))) {
    throw new ImportError(
      'TRUNCATED',
      `expected the table to end with complete rows and the closing tally ('Agreed\\t<n>' ... 'Total\\t<n>') — it stops at line ${lastContent.line.index + 1} in the middle of a row: ${JSON.stringify(lastContent.line.value.slice(-80))}`,
      lastContent.line.end,
    );
  }
  return table;
}

/** Whether the table stops inside a row: a short last line, an open paragraph, or a heading with nothing under it. */
function isTruncated(last: { line: Line; written: number }, table: Table): boolean {
  if (last.written < COLUMNS) return true;
  const opened = (last.line.value.match(/<p\b/gi) ?? []).length;
  const closed = (last.line.value.match(/<\/p\s*>/gi) ?? []).length;
  if (opened > closed) return true;
  const lastProgress = table.progress.at(-1);
  return lastProgress !== undefined && lastProgress.rows.length === 0 && last.line.start <= lastProgress.heading.start;
}
