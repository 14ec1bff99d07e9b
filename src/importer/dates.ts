/**
 * Target dates as the date column states them. One cell may hold several dates (one `<p>` each, or
 * written one after another), and a step's date may continue on the lines after its row.
 */
import { parsePlanDate, type PlanDate } from '../domain/plan-date.js';
import type { Fragment } from './cells.js';
import { slice, trimmed } from './lines.js';

// "N/A", "n/a", "Not applicable", "-": no date, said on purpose (typically beside a Not Agreed response).
const NOT_APPLICABLE = /^(?:n\/?a|not applicable|none|-+|–|—)$/i;
export const isNotApplicable = (s: string) => NOT_APPLICABLE.test(s.trim());

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const PERIOD = String.raw`(?:\d{1,2}(?:st|nd|rd|th)?\s+)?${MONTH}\s+\d{4}|(?:Spring|Summer|Autumn|Winter)\s+\d{4}|(?:the\s+)?end\s+of\s+\d{4}(?:[-/]\d{2})?|\d{4}`;
const ONE_DATE = new RegExp(String.raw`Completed(?:\s+and\s+ongoing)?(?:\s+(?:by\s+)?(?:${PERIOD}))?|(?:by\s+)?(?:${PERIOD})`, 'gi');

/**
 * The dates in a date-cell fragment. A fragment holding several readable dates one after another
 * ("September 2023 December 2023") is split; anything else is kept whole, readable or not.
 */
export function splitDates(f: Fragment): Fragment[] {
  const parts = [...f.value.matchAll(ONE_DATE)];
  if (parts.length < 2) return [f];
  let covered = '';
  let from = 0;
  for (const p of parts) {
    covered += f.value.slice(from, p.index);
    from = p.index + p[0].length;
  }
  covered += f.value.slice(from);
  // Only white space and list punctuation may stand between the dates.
  if (!/^[\s,;/]*$/.test(covered)) return [f];
  return parts.map((p) => ({ ...trimmed(slice(f, p.index, p.index + p[0].length)), kind: f.kind }));
}

export const readDate = (text: string): PlanDate => parsePlanDate(text);

/** Whether the text can be placed in time or reports completion. */
export const isReadableDate = (d: PlanDate) => d.latest !== null || d.completed;

/** Whether two stated dates fall on the same interval, ignoring "Completed" and "by". */
export function sameTime(a: PlanDate, b: PlanDate): boolean {
  return a.latest !== null && a.latest === b.latest;
}
