/**
 * Pairs paragraphs with dates: a plan row's response paragraphs with its target dates (the steps of the
 * plan), and a progress row's paragraphs with its dates (the updates). The rules are fixed and each
 * pairing records which one applied, so a reviewer can see where the document left a choice.
 */
import { readDate } from './dates.js';
import type { DateRef, LogicalParagraph } from './row-content.js';
import { datesIn, type StatedDate } from './sentences.js';
import type { ActionBasis } from './types.js';

export interface PlannedStep {
  paragraphIndex: number;
  paragraph: LogicalParagraph;
  date: DateRef | null;
  /** For DATE_IN_TEXT: the deadline the paragraph itself states. */
  inText: StatedDate | null;
  basis: ActionBasis;
}

export interface StepPairing {
  steps: PlannedStep[];
  /** The counts differed and no rule explains the difference. */
  mismatch: boolean;
  /** Dates left over when there were more dates than paragraphs. */
  unpairedDates: DateRef[];
}

/** The first deadline ("by ...") a paragraph states in its own words. */
export function deadlineIn(p: LogicalParagraph): StatedDate | null {
  for (const part of p.parts) {
    const d = datesIn(part).find((s) => s.deadline);
    if (d) return d;
  }
  return null;
}

/** Whether a paragraph states the same time as the date (e.g. "by the end of 2023-24" for "March 2024"). */
export function statesDate(p: LogicalParagraph, date: DateRef): boolean {
  const target = readDate(date.text.value);
  if (target.latest === null) return false;
  return p.parts.some((part) => datesIn(part).some((s) => s.date.latest === target.latest));
}

/**
 * The steps of a plan row. `notSteps` are paragraphs that cannot be steps: those stating why the
 * recommendation is not (fully) agreed.
 */
export function pairPlanSteps(paragraphs: LogicalParagraph[], dates: DateRef[], notSteps: Set<number> = new Set()): StepPairing {
  const result: StepPairing = { steps: [], mismatch: false, unpairedDates: [] };
  if (paragraphs.length === 0) return { ...result, mismatch: dates.length > 0, unpairedDates: dates };
  let candidates = paragraphs.flatMap((_, i) => (notSteps.has(i) ? [] : [i]));
  if (candidates.length === 0) candidates = paragraphs.map((_, i) => i);
  const P = candidates.length;
  const D = dates.length;
  const step = (i: number, date: DateRef | null, basis: ActionBasis): PlannedStep => ({
    paragraphIndex: i,
    paragraph: paragraphs[i],
    date,
    inText: null,
    basis,
  });
  const items = candidates.filter((i) => paragraphs[i].kind === 'item');

  if (D === 1 && P > 1) {
    const stating = candidates.find((i) => statesDate(paragraphs[i], dates[0]));
    result.steps.push(stating !== undefined ? step(stating, dates[0], 'STATES_TARGET') : step(candidates[0], dates[0], 'FIRST_PARAGRAPH'));
  } else if (D === P) {
    result.steps.push(...dates.map((d, k) => step(candidates[k], d, 'PAIRED_IN_ORDER')));
  } else if (D > 0 && items.length === D) {
    result.steps.push(...items.map((i, k) => step(i, dates[k], 'LIST_ITEM')));
  } else if (D > 0) {
    const n = Math.min(P, D);
    result.steps.push(...dates.slice(0, n).map((d, k) => step(candidates[k], d, 'PAIRED_SHORT')));
    result.unpairedDates = dates.slice(n);
    result.mismatch = true;
  }

  // A paragraph with no date in the column that states its own deadline is a dated step too.
  const paired = new Set(result.steps.map((s) => s.paragraphIndex));
  for (const i of candidates) {
    if (paired.has(i)) continue;
    const inText = deadlineIn(paragraphs[i]);
    if (inText) result.steps.push({ ...step(i, null, 'DATE_IN_TEXT'), inText });
  }
  if (result.steps.length === 0) result.steps.push(step(candidates[0], null, 'NO_DATE'));
  result.steps.sort((a, b) => a.paragraphIndex - b.paragraphIndex);
  return result;
}

export interface ProgressPairing {
  entries: { paragraphs: LogicalParagraph[]; date: DateRef | null }[];
  mismatch: boolean;
  unpairedDates: DateRef[];
}

/**
 * Updates in one progress group: one update when there is at most one date; otherwise paragraphs and
 * dates in order, each paragraph left over an update with no date.
 */
export function pairProgress(paragraphs: LogicalParagraph[], dates: DateRef[]): ProgressPairing {
  const P = paragraphs.length;
  const D = dates.length;
  if (P === 0) return { entries: [], mismatch: D > 0, unpairedDates: dates };
  if (D <= 1) return { entries: [{ paragraphs, date: dates[0] ?? null }], mismatch: false, unpairedDates: [] };
  const n = Math.min(P, D);
  return {
    entries: paragraphs.map((p, i) => ({ paragraphs: [p], date: i < n ? dates[i] : null })),
    mismatch: P !== D,
    unpairedDates: dates.slice(n),
  };
}
