/**
 * Sentences and the dates stated inside them. Used to read what a cell's prose says: which paragraph
 * states a step's date, which sentence gives a reason, which words state a status.
 */
import { parsePlanDate, type PlanDate } from '../domain/plan-date.js';
import { slice, trimmed } from './lines.js';
import type { Verbatim } from './types.js';

// A sentence ends at . ! or ? followed by white space and a capital, digit, bracket or quote. "e.g.,"
// and "(POMs)." inside a sentence do not end it.
const BOUNDARY = /(?<=[.!?])\s+(?=[A-Z0-9(“"‘'])/g;

export function sentences(v: Verbatim): Verbatim[] {
  const out: Verbatim[] = [];
  let from = 0;
  for (const m of v.value.matchAll(BOUNDARY)) {
    out.push(trimmed(slice(v, from, m.index)));
    from = m.index + m[0].length;
  }
  out.push(trimmed(slice(v, from, v.value.length)));
  return out.filter((s) => s.value !== '');
}

// A sentence opening with a demonstrative or a purpose clause refers back to the one before it
// ("These will be recorded ...", "To support appropriate use of the PGF this will ..."), so it
// cannot begin a new item of a list.
const CONTINUES = /^(?:These|This|They|Those|It|Its|Such|To)\b/;

/**
 * The items of a list written without item markers: its sentences, each joined to the one before when
 * it refers back to it. Items are contiguous stretches of the source, so each is verbatim.
 */
export function unmarkedListItems(v: Verbatim): Verbatim[] {
  const items: Verbatim[] = [];
  for (const s of sentences(v)) {
    const last = items.at(-1);
    if (last && CONTINUES.test(s.value)) items[items.length - 1] = slice(v, last.start - v.start, s.end - v.start);
    else items.push(s);
  }
  return items;
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const SEASON = '(?:Spring|Summer|Autumn|Winter)';
// "by end of August 2023", "by the end of 2023-24", "in July 2025", "December 2023", "Spring 2025"
const DATE_PHRASE = new RegExp(
  String.raw`\b(?:by\s+)?(?:(?:the\s+)?end\s+of\s+)?(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?${MONTH}\s+\d{4}|${SEASON}\s+\d{4}|\d{4}[-/]\d{2}\b|\d{4}\b)`,
  'gi',
);

export interface StatedDate {
  text: Verbatim;
  date: PlanDate;
  /** The phrase opens with "by": a deadline rather than a time something happens. */
  deadline: boolean;
}

/** Dates written in prose that `parsePlanDate` can read. */
export function datesIn(v: Verbatim): StatedDate[] {
  const out: StatedDate[] = [];
  for (const m of v.value.matchAll(DATE_PHRASE)) {
    const text = slice(v, m.index, m.index + m[0].length);
    // A bare four-digit number is a year only in a plausible range; elsewhere it is a count.
    if (/^\d{4}$/.test(text.value) && (Number(text.value) < 1990 || Number(text.value) > 2100)) continue;
    const date = parsePlanDate(text.value);
    if (date.latest !== null) out.push({ text, date, deadline: /^by\b/i.test(text.value) });
  }
  return out;
}

// A month after a preposition with no year after it ("by September", "on 3 July", "for August
// completion"), and dates relative to when the text was written ("early next year").
const YEARLESS = new RegExp(
  String.raw`\b(?:in|by|on|from|until|since|for|before|after|during|(?:the\s+)?(?:end|beginning|start)\s+of)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?${MONTH}\b(?![\s,]+\d{4})`,
  'g',
);
const RELATIVE = /\b(?:(?:early|late|later|by|in|until)\s+)?(?:next|this|last)\s+(?:year|month|quarter|financial year)\b/gi;

/** Dates in prose that name no year, so cannot be placed without guessing. */
export function yearlessDatesIn(v: Verbatim): Verbatim[] {
  const found = [...v.value.matchAll(YEARLESS), ...v.value.matchAll(RELATIVE)].map((m) => slice(v, m.index, m.index + m[0].length));
  return found.sort((a, b) => a.start - b.start);
}
