/**
 * Slippage: how far a target date moved from what was first stated to what is in force, with the
 * chain of revisions that moved it. Days are computed in SQL (src/database/queries/work-state.ts and
 * dependency-state.ts), so ordering by slippage and showing it agree.
 */
import type { DateRevision as DateRevisionRow } from '@prisma/client';
import type { SlipRow } from '../database/queries/work-state.js';
import { builder } from './builder.js';
import { DateRevision } from './date-revision.js';
import { DatePrecisionEnum } from './enums.js';
import { PlanDate } from './plan-date.js';
import { asPlanDate } from './work-status.js';

export interface SlippageShape {
  slip: SlipRow;
  /** The revisions the frame sees, in order. */
  revisions: DateRevisionRow[];
  withdrawn: boolean;
}

const COARSENESS = ['DAY', 'MONTH', 'SEASON', 'YEAR'];

/** The coarser of two precisions: a slip is only as precise as its vaguer date. */
export function coarser(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a || !b) return a ?? b ?? null;
  return COARSENESS.indexOf(a) >= COARSENESS.indexOf(b) ? a : b;
}

// Declared before it is implemented so that types referring to each other need no annotations.
export const Slippage = builder.objectRef<SlippageShape>('Slippage');
Slippage.implement({
  description:
    'How far a target date moved: from the date first stated to the one in force, through each revision. ' +
    'Stated dates are intervals ("March 2024" is a month), so the slip is given latest-to-latest and as the range the intervals allow.',
  fields: (t) => ({
    original: t.field({
      type: PlanDate,
      nullable: true,
      description: 'The date first stated.',
      resolve: (s) => asPlanDate(s.slip.original),
    }),
    current: t.field({
      type: PlanDate,
      nullable: true,
      description: 'The date in force; null when it was withdrawn without a new one.',
      resolve: (s) => asPlanDate(s.slip.current),
    }),
    days: t.int({
      nullable: true,
      description: 'Days from the latest day of the original date to the latest day of the current one; positive when later.',
      resolve: (s) => s.slip.slipDays,
    }),
    minDays: t.int({
      nullable: true,
      description:
        'The least slip the two intervals allow (current earliest − original latest); null where a date has no earliest day ("by June 2025").',
      resolve: (s) => s.slip.slipMinDays,
    }),
    maxDays: t.int({
      nullable: true,
      description: 'The greatest slip the two intervals allow (current latest − original earliest).',
      resolve: (s) => s.slip.slipMaxDays,
    }),
    precision: t.field({
      type: DatePrecisionEnum,
      nullable: true,
      description: 'The coarser precision of the two dates: the slip is known to no finer than this.',
      resolve: (s) => coarser(s.slip.original?.precision, s.slip.current?.precision) as never,
    }),
    revisionCount: t.int({ description: 'How many times the date was revised.', resolve: (s) => s.slip.revisionCount }),
    withdrawn: t.boolean({
      description: 'A round withdrew the date without stating a new one, so the current date is unknown.',
      resolve: (s) => s.withdrawn,
    }),
    revisions: t.field({
      type: [DateRevision],
      description: 'The chain of revisions, in round order: each previous and revised date, the round, and the reason given.',
      resolve: (s) => s.revisions,
    }),
  }),
});
