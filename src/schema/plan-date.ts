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

/** The column names of each group, made once: a date is read for every row of a large tree. */
const groupKeys = new Map<string, readonly string[]>();
const keysOf = (prefix: string) => {
  let keys = groupKeys.get(prefix);
  if (!keys) groupKeys.set(prefix, (keys = PLAN_DATE_COLUMNS.map((column) => `${prefix}${column}`)));
  return keys;
};

/** Reads the column group `prefix*` of a row; null when the record states no date. */
export function planDate<P extends string>(row: Columns<P>, prefix: P): PlanDateShape | null {
  const r = row as Record<string, unknown>;
  // In PLAN_DATE_COLUMNS order: Text, Earliest, Latest, Precision, Bound, Completed, Ongoing.
  const [text, earliest, latest, precision, bound, completed, ongoing] = keysOf(prefix);
  const stated = r[text] as string | null;
  if (stated === null) return null;
  return {
    text: stated,
    earliest: r[earliest] as Date | null,
    latest: r[latest] as Date | null,
    precision: r[precision] as DatePrecision | null,
    bound: r[bound] as DateBound | null,
    completed: r[completed] as boolean,
    ongoing: r[ongoing] as boolean,
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

/**
 * Options for a field exposing the stated date held in the column group `prefix*` (null where none).
 * On a type that loads all its columns (the default) the field reads them from the row, as exposed
 * columns do, and costs nothing more; on a type that loads only the columns asked for, pass
 * `{ select: true }` so the plugin loads the group.
 */
export const planDateField = <P extends string>(prefix: P, description?: string, options: { select?: boolean } = {}) => ({
  type: PlanDate,
  nullable: true as const,
  description,
  ...(options.select ? { select: planDateSelect(prefix) } : {}),
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
