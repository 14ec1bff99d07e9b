/**
 * Stated dates as action plans write them ("March 2024", "Spring 2025", "by June 2025", "end of 2024",
 * "Completed"), and their derived columns computed by the same parser, in the same way, as the curated
 * record's loader (src/seed/rows.ts `dateColumns`), so synthetic rows read exactly like curated ones.
 */
import { parsePlanDate } from '../../src/domain/plan-date.js';
import type { Random } from '../lib/prng.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// Winter spans the year end: January and February belong to the winter named after the year before.
const SEASONS = ['Winter', 'Spring', 'Spring', 'Spring', 'Summer', 'Summer', 'Summer', 'Autumn', 'Autumn', 'Autumn', 'Winter', 'Winter'];

/** Months since January 2023: dates are drawn as a month, then written in one of the plans' styles. */
export type Month = number;
const year = (m: Month) => 2023 + Math.floor(m / 12);
const monthName = (m: Month) => MONTHS[m % 12];

/** Writes month `m` the way a plan might: mostly a month, sometimes a season, a deadline or a year end. */
export function statedDate(random: Random, m: Month): string {
  const style = random.next();
  if (style < 0.45) return `${monthName(m)} ${year(m)}`;
  if (style < 0.6) return `${SEASONS[m % 12]} ${m % 12 < 2 ? year(m) - 1 : year(m)}`;
  if (style < 0.75) return `by ${monthName(m)} ${year(m)}`;
  if (style < 0.82) return `end of ${year(m)}`;
  if (style < 0.87) return `end of ${year(m)}-${String((year(m) + 1) % 100).padStart(2, '0')}`;
  if (style < 0.92) return `${year(m)}`;
  if (style < 0.96) return `end of ${monthName(m)} ${year(m)}`;
  // Words with no date in them, which the record keeps verbatim with a null interval.
  return random.pick(['Ongoing', 'To be confirmed', 'Subject to funding']);
}

/** What a progress update says of the date: often that the work is done. */
export function reportedDate(random: Random, m: Month): string {
  const roll = random.next();
  if (roll < 0.2) return 'Completed';
  if (roll < 0.3) return `Completed ${monthName(m)} ${year(m)}`;
  if (roll < 0.33) return 'Completed and ongoing';
  return statedDate(random, m);
}

/** A day, for submissions and publications ("20 July 2023"). */
export const dayDate = (m: Month, day: number) => `${day} ${monthName(m)} ${year(m)}`;

export interface PlanDateColumns {
  Text: string | null;
  Earliest: string | null;
  Latest: string | null;
  Precision: string | null;
  Bound: string | null;
  Completed: boolean;
  Ongoing: boolean;
}

/** The column group `<prefix>Text`, `<prefix>Earliest`, ...; all null (and false) when no date is stated. */
export function dateColumns(prefix: string, text: string | null): Record<string, string | boolean | null> {
  const d = text === null ? null : parsePlanDate(text);
  return {
    [`${prefix}Text`]: d?.text ?? null,
    [`${prefix}Earliest`]: d?.earliest ?? null,
    [`${prefix}Latest`]: d?.latest ?? null,
    [`${prefix}Precision`]: d?.precision ?? null,
    [`${prefix}Bound`]: d?.bound ?? null,
    [`${prefix}Completed`]: d?.completed ?? false,
    [`${prefix}Ongoing`]: d?.ongoing ?? false,
  };
}

/** The column names of a date group, for the explicit column lists of the loader. */
export const dateColumnNames = (prefix: string) =>
  ['Text', 'Earliest', 'Latest', 'Precision', 'Bound', 'Completed', 'Ongoing'].map((c) => `${prefix}${c}`);
