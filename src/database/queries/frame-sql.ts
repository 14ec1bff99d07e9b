/** SQL pieces every frame-aware query shares: which reporting rounds a frame sees. */
import { Prisma } from '@prisma/client';
import { isoDay, type Frame } from '../../domain/frame.js';
import { PLAN_DATE_COLUMNS, type PlanDateColumn } from '../../domain/plan-date.js';

/** The frame's date as a SQL date parameter. */
export const frameDate = (frame: Frame) => Prisma.sql`${isoDay(frame.date)}::date`;

/**
 * `visible_round`: the rounds whose statements make up the record as the frame sees it (the rule of
 * `inFrame` in src/domain/frame.ts, in SQL). Columns: id, "inspectionId", sequence.
 */
export function visibleRoundsCte(frame: Frame): Prisma.Sql {
  let condition: Prisma.Sql;
  if (!frame.explicit) condition = Prisma.sql`TRUE`;
  else if (frame.round)
    condition = Prisma.sql`CASE WHEN r."inspectionId" = ${frame.round.inspectionId}
      THEN r.sequence <= ${frame.round.sequence} ELSE r."submittedLatest" <= ${frameDate(frame)} END`;
  else condition = Prisma.sql`r."submittedLatest" <= ${frameDate(frame)}`;
  return Prisma.sql`visible_round AS (
    SELECT r.id, r."inspectionId", r.sequence FROM "ReportingRound" r WHERE ${condition}
  )`;
}

type Column = PlanDateColumn;
/** How to read one column of a stated date's group. */
export type DateColumnRef = (column: Column) => string;

// Enumerations are read as text, so groups from different tables (and NULLs) can meet in CASE and UNION.
const asText = (column: Column, sql: string) => (column === 'Precision' || column === 'Bound' ? `${sql}::text` : sql);

/** A group stored on a table: `<table>."<prefix>Text"`, ... */
export const stored =
  (table: string, prefix: string): DateColumnRef =>
  (c) =>
    asText(c, `${table}."${prefix}${c}"`);

/** A group already selected under a name: `<table>.<name>_text`, ... */
export const named =
  (table: string, name: string): DateColumnRef =>
  (c) =>
    `${table}.${name}_${c.toLowerCase()}`;

/** One of two groups: `CASE WHEN <condition> THEN <a> ELSE <b> END`, column by column. */
export const either =
  (condition: string, a: DateColumnRef, b: DateColumnRef): DateColumnRef =>
  (c) =>
    `CASE WHEN ${condition} THEN ${a(c)} ELSE ${b(c)} END`;

/** No date at all, where `condition` holds (a target withdrawn without a new one). */
export const unless =
  (condition: string, ref: DateColumnRef): DateColumnRef =>
  (c) =>
    `CASE WHEN ${condition} THEN ${c === 'Completed' || c === 'Ongoing' ? 'false' : 'NULL'} ELSE ${ref(c)} END`;

/** Selects a group under a name, `<ref> AS <as>_text, ...`, for a SELECT list. */
export function dateGroup(as: string, ref: DateColumnRef): Prisma.Sql {
  return Prisma.raw(PLAN_DATE_COLUMNS.map((c) => `${ref(c)} AS ${as}_${c.toLowerCase()}`).join(', '));
}
