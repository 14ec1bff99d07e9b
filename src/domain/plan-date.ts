/**
 * Dates in action plans are stated loosely: "March 2024", "Spring 2025", "end of 2024", "by June 2025",
 * "Completed and ongoing". We keep the words as written and derive a comparable interval with its
 * precision. Nothing is guessed: text we cannot read keeps a null interval.
 */
export type DatePrecision = 'DAY' | 'MONTH' | 'SEASON' | 'YEAR';
/** WITHIN: the event falls in [earliest, latest]. BY: no later than latest ("by June 2025"). */
export type DateBound = 'WITHIN' | 'BY';

/** The columns a stated date is stored in, each prefixed by the date's name (`targetText`, ...). */
export const PLAN_DATE_COLUMNS = ['Text', 'Earliest', 'Latest', 'Precision', 'Bound', 'Completed', 'Ongoing'] as const;
export type PlanDateColumn = (typeof PLAN_DATE_COLUMNS)[number];

export interface PlanDate {
  text: string;
  earliest: string | null; // ISO yyyy-mm-dd
  latest: string | null;
  precision: DatePrecision | null;
  bound: DateBound | null;
  /** The text reports the work as done ("Completed", "Completed November 2024"). */
  completed: boolean;
  /** The text reports continuing work ("Completed and ongoing"). */
  ongoing: boolean;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// Meteorological seasons, the convention of UK government reporting. Winter spans the year end.
const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], winter: [12, 14] };

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthRange = (y: number, m: number): [string, string] => [iso(y, m, 1), iso(y, m, lastDay(y, m))];

type Interval = { earliest: string; latest: string; precision: DatePrecision };

function readPeriod(raw: string): Interval | null {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  let m: RegExpMatchArray | null;
  // "20 July 2023", "10th March 2025", "09 August 2024"
  if ((m = s.match(/^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+) (\d{4})$/)) && MONTHS.includes(m[2])) {
    const day = iso(Number(m[3]), MONTHS.indexOf(m[2]) + 1, Number(m[1]));
    return { earliest: day, latest: day, precision: 'DAY' };
  }
  // "March 2024", "end of March 2025" (the end of a month is still that month)
  if ((m = s.match(/^(?:the )?(?:end of )?([a-z]+) (\d{4})$/)) && MONTHS.includes(m[1])) {
    const [earliest, latest] = monthRange(Number(m[2]), MONTHS.indexOf(m[1]) + 1);
    return { earliest, latest, precision: 'MONTH' };
  }
  // "Spring 2025"
  if ((m = s.match(/^([a-z]+) (\d{4})$/)) && m[1] in SEASONS) {
    const [from, to] = SEASONS[m[1]];
    const y = Number(m[2]);
    const [endYear, endMonth] = to > 12 ? [y + 1, to - 12] : [y, to];
    return { earliest: iso(y, from, 1), latest: iso(endYear, endMonth, lastDay(endYear, endMonth)), precision: 'SEASON' };
  }
  // "end of 2023-24": the end of a UK financial year is March of its second year.
  if ((m = s.match(/^(?:the )?end of (\d{4})[-/](\d{2})$/))) {
    const [earliest, latest] = monthRange(Number(m[1]) + 1, 3);
    return { earliest, latest, precision: 'MONTH' };
  }
  // "end of 2024": the plan itself equates it with "December 2024" (recommendation 16).
  if ((m = s.match(/^(?:the )?end of (\d{4})$/))) {
    const [earliest, latest] = monthRange(Number(m[1]), 12);
    return { earliest, latest, precision: 'MONTH' };
  }
  // "2025"
  if ((m = s.match(/^(\d{4})$/))) {
    const y = Number(m[1]);
    return { earliest: iso(y, 1, 1), latest: iso(y, 12, 31), precision: 'YEAR' };
  }
  return null;
}

export function parsePlanDate(text: string): PlanDate {
  let rest = text.trim().replace(/\s+/g, ' ');
  let completed = false;
  let ongoing = false;
  let bound: DateBound = 'WITHIN';
  if (/^completed\b/i.test(rest)) {
    completed = true;
    rest = rest.replace(/^completed\b/i, '').trim();
    if (/^and ongoing$/i.test(rest)) {
      ongoing = true;
      rest = '';
    }
  }
  if (/^by\b/i.test(rest)) {
    bound = 'BY';
    rest = rest.replace(/^by\b/i, '').trim();
  }
  const period = rest ? readPeriod(rest) : null;
  if (!period) return { text, earliest: null, latest: null, precision: null, bound: null, completed, ongoing };
  return {
    text,
    earliest: bound === 'BY' ? null : period.earliest,
    latest: period.latest,
    precision: period.precision,
    bound,
    completed,
    ongoing,
  };
}

/** Whether the text could be read at all: a completion claim counts as read even without a date. */
export const isReadable = (d: PlanDate) => d.latest !== null || d.completed;

/** The column group of a stated date, `<prefix>Text`, `<prefix>Earliest`, ..., ready to store (all empty for no date). */
export function planDateColumns<P extends string>(prefix: P, text: string | null | undefined) {
  const d = text == null ? null : parsePlanDate(text);
  const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
  return {
    [`${prefix}Text`]: d?.text ?? null,
    [`${prefix}Earliest`]: day(d?.earliest ?? null),
    [`${prefix}Latest`]: day(d?.latest ?? null),
    [`${prefix}Precision`]: d?.precision ?? null,
    [`${prefix}Bound`]: d?.bound ?? null,
    [`${prefix}Completed`]: d?.completed ?? false,
    [`${prefix}Ongoing`]: d?.ongoing ?? false,
    // Each row type spells the group's columns with its own prefix; `never` lets the spread fit any of them.
  } as Record<`${P}${PlanDateColumn}`, never>;
}
