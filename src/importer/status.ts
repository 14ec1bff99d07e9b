/**
 * The status of a progress update, read conservatively. "Completed" in the date cell is a completion,
 * unless it names a month after the round it is reported in (then it cannot be true as stated). A date
 * alone says nothing about status; only the update's own words can ("Work has commenced", "is now
 * being planned", "There is a risk ... that this date is not met"). Otherwise: NOT_STATED.
 */
import type { PlanDate } from '../domain/plan-date.js';
import { slice } from './lines.js';
import type { StatusBasis, StatusName, Verbatim } from './types.js';

// Checked in this order: a risk to the date outweighs progress, progress outweighs plans.
const CUES: [StatusName, RegExp][] = [
  ['AT_RISK', /\b(?:there is|there's) a risk\b[^.]*?\b(?:not (?:be )?met|missed|not be achieved|slip)\w*/i],
  ['AT_RISK', /\b(?:is|are|remains?) at risk\b/i],
  [
    'IN_PROGRESS',
    /\b(?:is|are) (?:now |currently |still )?(?:underway|under way|progressing|in progress|being (?:taken forward|developed|consolidated|piloted|tested|implemented|designed|drafted))\b/i,
  ],
  ['IN_PROGRESS', /\b(?:has|have) (?:now )?(?:commenced|begun|started)\b/i],
  ['IN_PROGRESS', /\b(?:has|have) made (?:significant |good |some |steady )?progress\b/i],
  ['IN_PROGRESS', /\b(?:is|are) (?:currently )?working (?:with|on|to)\b/i],
  ['PLANNED', /\b(?:is|are) (?:now )?being planned\b/i],
  ['PLANNED', /\b(?:has|have) not (?:yet )?(?:started|begun|commenced)\b/i],
  ['PLANNED', /\b(?:not yet started|yet to (?:start|begin|commence))\b/i],
];

/** The first words in the paragraphs that state a status, by the order of CUES. */
export function statusCue(paragraphs: Verbatim[], only?: StatusName[]): { status: StatusName; cue: Verbatim } | null {
  for (const [status, pattern] of CUES) {
    if (only && !only.includes(status)) continue;
    for (const p of paragraphs) {
      const m = pattern.exec(p.value);
      if (m) return { status, cue: slice(p, m.index, m.index + m[0].length) };
    }
  }
  return null;
}

export interface DerivedStatus {
  status: StatusName;
  basis: StatusBasis;
  cue: Verbatim | null;
  /** The date cell claims completion in a month after the round it is reported in. */
  futureCompletion: boolean;
  /** The date cell says Completed while the update's words say the work is still under way or planned. */
  contradictedBy: Verbatim | null;
}

export function deriveStatus(
  target: Verbatim | null,
  date: PlanDate | null,
  paragraphs: Verbatim[],
  roundEnd: string | null,
): DerivedStatus {
  const from = date?.earliest ?? date?.latest ?? null;
  const futureCompletion = !!date?.completed && from !== null && roundEnd !== null && from > roundEnd;
  if (target && date?.completed && !futureCompletion) {
    const contrary = statusCue(paragraphs, ['IN_PROGRESS', 'PLANNED', 'AT_RISK']);
    return { status: 'COMPLETED', basis: 'DATE_CELL', cue: target, futureCompletion, contradictedBy: contrary?.cue ?? null };
  }
  const cue = statusCue(paragraphs);
  if (cue) return { status: cue.status, basis: 'TEXT', cue: cue.cue, futureCompletion, contradictedBy: null };
  return { status: 'NOT_STATED', basis: 'NONE', cue: null, futureCompletion, contradictedBy: null };
}
