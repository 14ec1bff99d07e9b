/**
 * Date revisions: where a progress update states a different date for a step than was stated before.
 * A plain "Completed" is a status, not a new date. The reason is a sentence of the update that states a
 * cause (a delay, a dependency, resourcing, complexity), quoted whole; when none does it is null.
 */
import { readDate, sameTime } from './dates.js';
import { slice } from './lines.js';
import { sentences } from './sentences.js';
import type { ParsedAction, ParsedDateRevision, ParsedProgress, Verbatim } from './types.js';

// "due to" but not "due to be" (a schedule, not a cause).
const CAUSE =
  /\b(?:delay(?:s|ed)?|deprioriti[sz]ed|due to (?!be\b)|because\b|owing to|as a result of|taken longer|longer than (?:expected|anticipated|planned)|contingent on|dependent on|complex(?:ity)?\b)/i;

/** The first run of consecutive sentences that state a cause, as one verbatim stretch. */
export function statedReason(paragraphs: Verbatim[]): Verbatim | null {
  for (const p of paragraphs) {
    const ss = sentences(p);
    const first = ss.findIndex((s) => CAUSE.test(s.value));
    if (first === -1) continue;
    let last = first;
    while (last + 1 < ss.length && CAUSE.test(ss[last + 1].value)) last++;
    return slice(p, ss[first].start - p.start, ss[last].end - p.start);
  }
  return null;
}

/**
 * Revisions for the updates that are linked to exactly one action, in document order: each compares
 * with the date last stated for that action (the plan's target, or an earlier update's date).
 */
export function dateRevisions(actions: ParsedAction[], progress: ParsedProgress[]): ParsedDateRevision[] {
  const lastStated = new Map<string, Verbatim>();
  for (const a of actions) if (a.target) lastStated.set(a.key, a.target);
  const revisions: ParsedDateRevision[] = [];
  for (const p of progress) {
    if (p.actions.length !== 1 || !p.target) continue;
    const action = p.actions[0];
    const revised = readDate(p.target.value);
    if (revised.latest === null) continue; // "Completed" alone states no date
    const previous = lastStated.get(action);
    if (previous && readDate(previous.value).latest !== null && !sameTime(readDate(previous.value), revised)) {
      revisions.push({ action, round: p.round, progress: p.key, previous, revised: p.target, reason: statedReason(p.paragraphs) });
    }
    lastStated.set(action, p.target);
  }
  return revisions;
}
