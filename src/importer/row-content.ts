/**
 * The content of one recommendation row, or of one progress heading's lines: the response (or progress)
 * paragraphs, the owners and the dates, line by line. Lines that carry only a date or only an owner
 * belong to the line above them; a paragraph that a page break cut in two is put back together (its
 * parts stay separate values, since only each part is verbatim).
 */
import { continues, readCell, type Fragment } from './cells.js';
import { isNotApplicable, splitDates } from './dates.js';
import type { TableRow } from './table.js';
import type { Span, Verbatim } from './types.js';

/** The table's columns, counted from 0. */
export const COL = { number: 0, recommendation: 1, response: 2, text: 3, owner: 4, date: 5 } as const;

export interface DateRef {
  text: Fragment;
  /** The logical row it belongs to, and its place among that row's dates. */
  row: number;
  indexInRow: number;
}

export interface LogicalRow {
  index: number;
  first: TableRow;
  texts: Fragment[];
  /** Each owner named in the row, in one or more parts. */
  owners: Verbatim[][];
  dates: DateRef[];
  /** Its first paragraph carries on the last paragraph of the row before (a page break). */
  continuesPrevious: boolean;
  /** The date cell said on purpose that there is no date ("N/A"). */
  notApplicable: Verbatim[];
}

export interface LogicalParagraph {
  /** One part, or several where a page break split the paragraph. */
  parts: Fragment[];
  row: number;
  kind: Fragment['kind'];
}

export interface RowContent {
  rows: LogicalRow[];
  paragraphs: LogicalParagraph[];
  /** Where a page break split a paragraph: the part before and the part after. */
  paragraphSplits: { before: Fragment; after: Fragment }[];
  /** Where a page break split an owner cell. */
  ownerSplits: Verbatim[][];
  unmarkedLists: Span[];
  /** The recommendation and response cells (first row, and any continuation of them). */
  recommendation: Fragment[];
  response: Fragment[];
}

export function readRows(tableRows: TableRow[]): RowContent {
  const content: RowContent = {
    rows: [],
    paragraphs: [],
    paragraphSplits: [],
    ownerSplits: [],
    unmarkedLists: [],
    recommendation: [],
    response: [],
  };
  for (const [i, r] of tableRows.entries()) {
    const cell = (col: number) => {
      const c = readCell(r.cols[col]);
      if (c.unmarkedList) content.unmarkedLists.push(c.unmarkedList);
      return c.fragments;
    };
    content.recommendation.push(...cell(COL.recommendation));
    content.response.push(...cell(COL.response));
    const texts = cell(COL.text);
    const owners = cell(COL.owner);
    const dateCell = cell(COL.date);
    const notApplicable = dateCell.filter((d) => isNotApplicable(d.value));
    const dates = dateCell.filter((d) => !isNotApplicable(d.value)).flatMap(splitDates);
    const last = content.rows.at(-1);

    if (i === 0 || texts.length > 0 || !last) {
      const row: LogicalRow = {
        index: content.rows.length,
        first: r,
        texts,
        owners: owners.map((o) => [o]),
        dates: [],
        continuesPrevious: false,
        notApplicable,
      };
      row.dates = dates.map((text, indexInRow) => ({ text, row: row.index, indexInRow }));
      content.rows.push(row);
      continue;
    }
    // A line with no text carries on the row above: more dates, or the rest of an owner cell.
    if (dates.length === 0 && owners.length > 0 && last.owners.length > 0) {
      const split = last.owners.at(-1)!;
      split.push(owners[0]);
      content.ownerSplits.push(split);
      last.owners.push(...owners.slice(1).map((o) => [o]));
    } else {
      last.owners.push(...owners.map((o) => [o]));
    }
    const offset = last.dates.length;
    last.dates.push(...dates.map((text, n) => ({ text, row: last.index, indexInRow: offset + n })));
    last.notApplicable.push(...notApplicable);
  }

  for (const row of content.rows) {
    for (const [n, text] of row.texts.entries()) {
      const previous = content.paragraphs.at(-1);
      if (n === 0 && row.index > 0 && previous && continues(previous.parts.at(-1)!.value, text.value)) {
        content.paragraphSplits.push({ before: previous.parts.at(-1)!, after: text });
        previous.parts.push(text);
        row.continuesPrevious = true;
      } else {
        content.paragraphs.push({ parts: [text], row: row.index, kind: text.kind });
      }
    }
  }
  return content;
}

/** Every date of the content, in order. */
export const allDates = (c: RowContent): DateRef[] => c.rows.flatMap((r) => r.dates);

/**
 * The owners of a step: those of its own row (the one matching its date where the row names one owner
 * per date), or, when its row names none, those of the nearest row above that does.
 */
export function ownersFor(
  rows: LogicalRow[],
  rowIndex: number,
  date: DateRef | null,
): { owners: Verbatim[][]; basis: 'ROW' | 'CARRIED_OVER' | 'NONE' } {
  const row = rows[rowIndex];
  if (row.owners.length > 0) {
    if (date && date.row === rowIndex && row.owners.length === row.dates.length && row.owners.length > 1) {
      return { owners: [row.owners[date.indexInRow]], basis: 'ROW' };
    }
    // Several owners each in its own part, repeated once per date: the same owners for every step.
    return { owners: distinct(row.owners), basis: 'ROW' };
  }
  for (let i = rowIndex - 1; i >= 0; i--) {
    if (rows[i].owners.length > 0) return { owners: distinct(rows[i].owners), basis: 'CARRIED_OVER' };
  }
  return { owners: [], basis: 'NONE' };
}

const key = (o: Verbatim[]) => o.map((p) => p.value.trim()).join(' ');
function distinct(owners: Verbatim[][]): Verbatim[][] {
  const seen = new Set<string>();
  return owners.filter((o) => !seen.has(key(o)) && seen.add(key(o)));
}
