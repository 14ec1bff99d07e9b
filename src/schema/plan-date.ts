/**
 * PlanDate: a date as the record states it, with a comparable interval. Stored as a column group on its
 * parent (`targetText`, `targetEarliest`, ...), so it costs no query.
 */
import type { DateBound, DatePrecision } from '@prisma/client';
import { PLAN_DATE_COLUMNS, type PlanDateColumn } from '../domain/plan-date.js';
import { builder } from './builder.js';
import { DateBoundEnum, DatePrecisionEnum } from './enums.js';

export interface PlanDateShape {
  text: string;
  earliest: Date | null;
  latest: Date | null;
  precision: DatePrecision | null;
  bound: DateBound | null;
  completed: boolean;
  ongoing: boolean;
}

type Columns<P extends string> = Record<`${P}Text`, string | null> &
  Record<`${P}Earliest` | `${P}Latest`, Date | null> &
  Record<`${P}Precision`, DatePrecision | null> &
  Record<`${P}Bound`, DateBound | null> &
  Record<`${P}Completed` | `${P}Ongoing`, boolean>;

/** A Prisma `select` of the column group `prefix*`. */
export const planDateSelect = <P extends string>(prefix: P) =>
  Object.fromEntries(PLAN_DATE_COLUMNS.map((column) => [`${prefix}${column}`, true])) as Record<`${P}${PlanDateColumn}`, true>;

/** Reads the column group `prefix*` of a row; null when the record states no date. */
export function planDate<P extends string>(row: Columns<P>, prefix: P): PlanDateShape | null {
  const r = row as Record<string, unknown>;
  const text = r[`${prefix}Text`] as string | null;
  if (text === null) return null;
  return {
    text,
    earliest: r[`${prefix}Earliest`] as Date | null,
    latest: r[`${prefix}Latest`] as Date | null,
    precision: r[`${prefix}Precision`] as DatePrecision | null,
    bound: r[`${prefix}Bound`] as DateBound | null,
    completed: r[`${prefix}Completed`] as boolean,
    ongoing: r[`${prefix}Ongoing`] as boolean,
  };
}

export const PlanDate = builder.objectRef<PlanDateShape>('PlanDate').implement({
  description:
    'A date as the record states it ("March 2024", "Spring 2025", "by June 2025", "Completed"), with the interval it denotes. ' +
    'earliest/latest are null where the words name no date; earliest is null for BY dates.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The words of the record, verbatim.' }),
    earliest: t.expose('earliest', { type: 'Date', nullable: true }),
    latest: t.expose('latest', { type: 'Date', nullable: true }),
    precision: t.expose('precision', { type: DatePrecisionEnum, nullable: true }),
    bound: t.expose('bound', { type: DateBoundEnum, nullable: true }),
    completed: t.exposeBoolean('completed', { description: 'The words report the work as done ("Completed", "Completed November 2024").' }),
    ongoing: t.exposeBoolean('ongoing', { description: 'The words report continuing work ("Completed and ongoing").' }),
  }),
});

/** Options for a field exposing the stated date held in the column group `prefix*` (null where none). */
export const planDateField = <P extends string>(prefix: P, description?: string) => ({
  type: PlanDate,
  nullable: true as const,
  description,
  select: planDateSelect(prefix),
  resolve: (row: Columns<P>) => planDate(row, prefix),
});

/** The same, for a date every row states. */
export const requiredPlanDateField = <P extends string>(prefix: P, description?: string) => ({
  ...planDateField(prefix, description),
  nullable: false as const,
  resolve: (row: Columns<P>) => planDate(row, prefix)!,
});

const DAY_MS = 86_400_000;
/** Days between the latest bounds of two dates; null when either is unbounded. Positive = later. */
export function daysBetween(from: PlanDateShape | null, to: PlanDateShape | null): number | null {
  if (!from?.latest || !to?.latest) return null;
  return Math.round((to.latest.getTime() - from.latest.getTime()) / DAY_MS);
}
