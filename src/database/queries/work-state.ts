/**
 * Derives, in one SQL statement, the state of actions and recommendations as a frame sees the record,
 * with what decided it, and how far their target dates slipped. This is the only place the rules
 * live: field resolvers, filters, ordering and tallies all read these rows.
 *
 * An action is
 * - COMPLETED or SUPERSEDED when the latest report on it says so, or when the latest round to report
 *   on its recommendation reported the recommendation as a whole complete (every update of that
 *   round COMPLETED, at least one not tied to particular actions), or when, with no report of its
 *   own, its target in force says "Completed";
 * - otherwise OVERDUE when that target ended before the frame's date;
 * - otherwise IN_PROGRESS when its latest report says in progress, at risk or awaiting a decision,
 *   else NOT_STARTED;
 * - NOT_RECORDED when the frame precedes the plan (no round of the inspection is visible).
 * A recommendation is decided by its open strands (unfinished actions, and updates of its latest
 * round that are tied to no action and not complete): OVERDUE over IN_PROGRESS over NOT_STARTED over
 * SUPERSEDED. With none it is COMPLETED. Not Agreed is DECLINED; absent from the plan, NOT_RECORDED.
 */
import { Prisma } from '@prisma/client';
import type { Frame } from '../../domain/frame.js';
import { dateGroup, either, frameDate, named, stored, unless, visibleRoundsCte } from './frame-sql.js';

/** The common table expressions, for the recommendations `scope` (a condition on "Recommendation" r). */
export function workStateCtes(frame: Frame, scope: Prisma.Sql): Prisma.Sql {
  const today = frameDate(frame);
  return Prisma.sql`
  ${visibleRoundsCte(frame)},
  scope_rec AS (
    SELECT r.id, r."inspectionId", r.number, r.text IS NOT NULL AS recorded, r.response,
      (SELECT v.id FROM visible_round v WHERE v."inspectionId" = r."inspectionId" ORDER BY v.sequence LIMIT 1) AS plan_round_id
    FROM "Recommendation" r WHERE ${scope}
  ),
  scope_action AS (
    SELECT a.id, a."recommendationId" AS rec_id, a.sequence, s.plan_round_id, ${dateGroup('plan', stored('a', 'target'))}
    FROM "Action" a JOIN scope_rec s ON s.id = a."recommendationId"
  ),
  report AS (
    SELECT p.id, p."recommendationId" AS rec_id, p.status, p.sequence, p."roundId" AS round_id, v.sequence AS round_seq,
      ${dateGroup('stated', stored('p', 'target'))},
      EXISTS (SELECT 1 FROM "ProgressUpdateAction" pa WHERE pa."progressUpdateId" = p.id) AS linked
    FROM "ProgressUpdate" p JOIN scope_rec s ON s.id = p."recommendationId" JOIN visible_round v ON v.id = p."roundId"
  ),
  own_report AS (
    SELECT DISTINCT ON (pa."actionId") pa."actionId" AS action_id, r.id AS update_id, r.status, r.round_id, r.round_seq
    FROM report r JOIN "ProgressUpdateAction" pa ON pa."progressUpdateId" = r.id
    ORDER BY pa."actionId", r.round_seq DESC, r.sequence DESC
  ),
  last_round AS (
    SELECT DISTINCT ON (rec_id) rec_id, round_id, round_seq, id AS update_id
    FROM report ORDER BY rec_id, round_seq DESC, sequence ASC
  ),
  closing_round AS (
    SELECT l.rec_id, l.round_id, l.round_seq, (array_agg(r.id ORDER BY r.linked, r.sequence))[1] AS update_id
    FROM last_round l JOIN report r ON r.rec_id = l.rec_id AND r.round_id = l.round_id
    GROUP BY l.rec_id, l.round_id, l.round_seq
    HAVING bool_and(r.status = 'COMPLETED') AND bool_or(NOT r.linked)
  ),
  revision AS (
    SELECT d.*, v.sequence AS round_seq
    FROM "DateRevision" d JOIN scope_action a ON a.id = d."actionId" JOIN visible_round v ON v.id = d."roundId"
  ),
  last_revision AS (
    SELECT DISTINCT ON ("actionId") * FROM revision ORDER BY "actionId", round_seq DESC, sequence DESC
  ),
  revision_count AS (
    SELECT "actionId" AS action_id, count(*)::int AS n FROM revision GROUP BY "actionId"
  ),
  action_target AS (
    SELECT a.id, a.rec_id, a.sequence, a.plan_round_id, ${dateGroup('original', named('a', 'plan'))},
      ${dateGroup('current', either('lr.id IS NULL', named('a', 'plan'), stored('lr', 'revised')))},
      CASE WHEN lr.id IS NULL THEN a.plan_round_id ELSE lr."roundId" END AS target_round_id,
      coalesce(rc.n, 0) AS revision_count
    FROM scope_action a LEFT JOIN last_revision lr ON lr."actionId" = a.id LEFT JOIN revision_count rc ON rc.action_id = a.id
  ),
  action_flags AS (
    SELECT t.*, o.update_id AS report_id, o.status::text AS reported, o.round_id AS report_round_id,
      c.update_id AS closing_update_id, c.round_id AS closing_round_id,
      (c.rec_id IS NOT NULL AND (o.action_id IS NULL OR c.round_seq > o.round_seq)) AS closed_with_recommendation,
      (o.action_id IS NULL AND t.current_completed AND (t.current_latest IS NULL OR t.current_latest <= ${today})) AS stated_done
    FROM action_target t LEFT JOIN own_report o ON o.action_id = t.id LEFT JOIN closing_round c ON c.rec_id = t.rec_id
  ),
  action_basis AS (
    SELECT f.*,
      CASE
        WHEN f.plan_round_id IS NULL THEN 'NOT_RECORDED'
        WHEN f.reported IN ('COMPLETED', 'SUPERSEDED') THEN f.reported
        WHEN f.closed_with_recommendation OR f.stated_done THEN 'COMPLETED'
        WHEN f.current_latest < ${today} THEN 'OVERDUE'
        WHEN f.reported IN ('IN_PROGRESS', 'AT_RISK', 'AWAITING_DECISION') THEN 'IN_PROGRESS'
        ELSE 'NOT_STARTED'
      END AS state,
      CASE
        WHEN f.plan_round_id IS NULL THEN 'NO_RECORD'
        WHEN f.reported IN ('COMPLETED', 'SUPERSEDED') THEN 'ACTION_REPORT'
        WHEN f.closed_with_recommendation THEN 'RECOMMENDATION_REPORT'
        WHEN f.stated_done THEN 'STATED_TARGET'
        WHEN f.reported IS NOT NULL THEN 'ACTION_REPORT'
        ELSE 'TARGET_DATE'
      END AS basis
    FROM action_flags f
  ),
  action_state AS (
    SELECT b.*, ${dateGroup('target', named('b', 'current'))},
      CASE b.basis WHEN 'ACTION_REPORT' THEN b.report_id WHEN 'RECOMMENDATION_REPORT' THEN b.closing_update_id END AS basis_update_id,
      CASE b.basis WHEN 'ACTION_REPORT' THEN b.report_round_id WHEN 'RECOMMENDATION_REPORT' THEN b.closing_round_id
        WHEN 'NO_RECORD' THEN NULL ELSE b.target_round_id END AS basis_round_id
    FROM action_basis b
  ),
  rec_strand AS (
    SELECT a.rec_id, a.state, a.basis, a.id AS action_id, a.sequence AS action_seq, a.basis_update_id AS update_id,
      a.basis_round_id AS round_id, a.reported, ${dateGroup('target', named('a', 'target'))}, a.target_round_id
    FROM action_state a WHERE a.state NOT IN ('COMPLETED', 'NOT_RECORDED')
    UNION ALL
    SELECT r.rec_id,
      CASE WHEN r.status = 'SUPERSEDED' THEN 'SUPERSEDED' WHEN r.stated_latest < ${today} THEN 'OVERDUE'
        WHEN r.status IN ('PLANNED', 'NOT_STATED') THEN 'NOT_STARTED' ELSE 'IN_PROGRESS' END,
      'RECOMMENDATION_REPORT', NULL, NULL, r.id, r.round_id, r.status::text, ${dateGroup('target', named('r', 'stated'))},
      CASE WHEN r.stated_text IS NULL THEN NULL ELSE r.round_id END
    FROM report r JOIN last_round l ON l.rec_id = r.rec_id AND l.round_id = r.round_id
    WHERE NOT r.linked AND r.status <> 'COMPLETED'
  ),
  rec_decider AS (
    SELECT DISTINCT ON (rec_id) * FROM rec_strand
    ORDER BY rec_id, CASE state WHEN 'OVERDUE' THEN 0 WHEN 'IN_PROGRESS' THEN 1 WHEN 'NOT_STARTED' THEN 2 ELSE 3 END,
      target_latest ASC NULLS LAST, action_seq ASC NULLS FIRST
  ),
  rec_actions AS (
    SELECT rec_id, count(*)::int AS total,
      count(*) FILTER (WHERE state = 'COMPLETED')::int AS completed,
      count(*) FILTER (WHERE state IN ('NOT_STARTED', 'IN_PROGRESS', 'OVERDUE'))::int AS open,
      sum(revision_count)::int AS revisions,
      bool_or(current_text IS NULL AND original_text IS NOT NULL) AS withdrawn
    FROM action_state GROUP BY rec_id
  ),
  rec_original AS (
    SELECT DISTINCT ON (rec_id) rec_id, ${dateGroup('original', named('action_state', 'original'))}
    FROM action_state WHERE original_latest IS NOT NULL ORDER BY rec_id, original_latest DESC, sequence
  ),
  rec_current AS (
    SELECT DISTINCT ON (rec_id) rec_id, target_round_id, ${dateGroup('current', named('action_state', 'current'))}
    FROM action_state WHERE current_latest IS NOT NULL ORDER BY rec_id, current_latest DESC, sequence
  ),
  rec_state AS (
    SELECT s.id, s."inspectionId" AS inspection_id, s.number, s.plan_round_id, s.response::text AS response,
      CASE
        WHEN NOT s.recorded OR s.plan_round_id IS NULL THEN 'NOT_RECORDED'
        WHEN s.response = 'NOT_AGREED' THEN 'DECLINED'
        WHEN d.rec_id IS NOT NULL THEN d.state
        WHEN coalesce(ra.total, 0) = 0 AND l.rec_id IS NULL THEN 'NOT_STARTED'
        ELSE 'COMPLETED'
      END AS state,
      CASE
        WHEN NOT s.recorded OR s.plan_round_id IS NULL THEN 'NO_RECORD'
        WHEN s.response = 'NOT_AGREED' THEN 'RESPONSE'
        WHEN d.rec_id IS NOT NULL THEN d.basis
        WHEN coalesce(ra.total, 0) = 0 AND l.rec_id IS NULL THEN 'NO_RECORD'
        WHEN c.rec_id IS NOT NULL THEN 'RECOMMENDATION_REPORT'
        WHEN l.rec_id IS NOT NULL THEN 'ACTION_REPORT'
        ELSE 'STATED_TARGET'
      END AS basis,
      d.action_id,
      CASE WHEN d.rec_id IS NOT NULL THEN d.update_id ELSE coalesce(c.update_id, l.update_id) END AS update_id,
      CASE WHEN d.rec_id IS NOT NULL THEN d.round_id WHEN s.recorded AND s.plan_round_id IS NOT NULL
        THEN coalesce(c.round_id, l.round_id, s.plan_round_id) END AS round_id,
      d.reported,
      ${dateGroup('target', either('d.rec_id IS NOT NULL', named('d', 'target'), named('cur', 'current')))},
      CASE WHEN d.rec_id IS NOT NULL THEN d.target_round_id ELSE cur.target_round_id END AS target_round_id,
      coalesce(ra.total, 0) AS total_actions, coalesce(ra.completed, 0) AS completed_actions, coalesce(ra.open, 0) AS open_actions,
      coalesce(ra.revisions, 0) AS revision_count, coalesce(ra.withdrawn, false) AS withdrawn,
      ${dateGroup('original', named('o', 'original'))},
      ${dateGroup('current', unless('coalesce(ra.withdrawn, false)', named('cur', 'current')))}
    FROM scope_rec s
      LEFT JOIN rec_decider d ON d.rec_id = s.id
      LEFT JOIN rec_actions ra ON ra.rec_id = s.id
      LEFT JOIN last_round l ON l.rec_id = s.id
      LEFT JOIN closing_round c ON c.rec_id = s.id
      LEFT JOIN rec_original o ON o.rec_id = s.id
      LEFT JOIN rec_current cur ON cur.rec_id = s.id
  )`;
}

/** A stated date as the queries return it (enumerations as text). Null when no date is stated. */
export interface StatedDateRow {
  text: string;
  earliest: Date | null;
  latest: Date | null;
  precision: string | null;
  bound: string | null;
  completed: boolean;
  ongoing: boolean;
}

/** What decided a state, and the target date that was in force. */
export interface StateRow {
  state: string;
  basis: string;
  updateId: string | null;
  roundId: string | null;
  reported: string | null;
  target: StatedDateRow | null;
  targetRoundId: string | null;
  /** Whether the plan had been submitted in the frame (else the state is NOT_RECORDED). */
  planned: boolean;
}

export interface SlipRow {
  original: StatedDateRow | null;
  current: StatedDateRow | null;
  revisionCount: number;
  slipDays: number | null;
  slipMinDays: number | null;
  slipMaxDays: number | null;
}

export interface ActionStateRow extends StateRow, SlipRow {
  id: string;
  recommendationId: string;
}

export interface RecommendationStateRow extends StateRow, SlipRow {
  id: string;
  inspectionId: string;
  actionId: string | null;
  totalActions: number;
  completedActions: number;
  openActions: number;
  /** A target of one of its actions was withdrawn without a new one, so its own is unknown. */
  withdrawn: boolean;
}

type Raw = Record<string, unknown>;

export function statedDate(row: Raw, name: string): StatedDateRow | null {
  const text = row[`${name}_text`] as string | null;
  if (text === null) return null;
  return {
    text,
    earliest: row[`${name}_earliest`] as Date | null,
    latest: row[`${name}_latest`] as Date | null,
    precision: row[`${name}_precision`] as string | null,
    bound: row[`${name}_bound`] as string | null,
    completed: row[`${name}_completed`] as boolean,
    ongoing: row[`${name}_ongoing`] as boolean,
  };
}

// Days between stated dates: latest to latest, and the range their intervals allow.
// Identical intervals are the same statement, whatever their words: no slip, and no range either.
export const slipColumns = Prisma.raw(`current_latest - original_latest AS slip_days,
  CASE WHEN same THEN 0 ELSE current_earliest - original_latest END AS slip_min_days,
  CASE WHEN same THEN 0 ELSE current_latest - original_earliest END AS slip_max_days`);
export const sameInterval = Prisma.raw(`(current_earliest IS NOT DISTINCT FROM original_earliest
  AND current_latest IS NOT DISTINCT FROM original_latest AND current_latest IS NOT NULL) AS same`);

const stateOf = (r: Raw): StateRow => ({
  state: r.state as string,
  basis: r.basis as string,
  updateId: r.basis_update_id as string | null,
  roundId: r.basis_round_id as string | null,
  reported: r.reported as string | null,
  target: statedDate(r, 'target'),
  targetRoundId: r.target_round_id as string | null,
  planned: r.plan_round_id !== null,
});

const slipOf = (r: Raw): SlipRow => ({
  original: statedDate(r, 'original'),
  current: statedDate(r, 'current'),
  revisionCount: r.revision_count as number,
  slipDays: r.slip_days as number | null,
  slipMinDays: r.slip_min_days as number | null,
  slipMaxDays: r.slip_max_days as number | null,
});

type Reader = { $queryRaw<T>(query: Prisma.Sql): Promise<T> };

/** The states of these actions, as the frame sees the record. */
export async function readActionStates(db: Reader, frame: Frame, actionIds: readonly string[]): Promise<ActionStateRow[]> {
  const ids = [...actionIds];
  const scope = Prisma.sql`r.id IN (SELECT "recommendationId" FROM "Action" WHERE id = ANY(${ids}::text[]))`;
  const rows = await db.$queryRaw<Raw[]>(Prisma.sql`WITH ${workStateCtes(frame, scope)}
    SELECT a.*, ${slipColumns}
    FROM (SELECT *, ${sameInterval} FROM action_state) a WHERE a.id = ANY(${ids}::text[])`);
  return rows.map(actionStateOf);
}

export const actionStateOf = (r: Raw): ActionStateRow => ({
  id: r.id as string,
  recommendationId: r.rec_id as string,
  ...stateOf(r),
  ...slipOf(r),
});

/** The states of these recommendations, as the frame sees the record. */
export async function readRecommendationStates(
  db: Reader,
  frame: Frame,
  recommendationIds: readonly string[],
): Promise<RecommendationStateRow[]> {
  const scope = Prisma.sql`r.id = ANY(${[...recommendationIds]}::text[])`;
  const rows = await db.$queryRaw<Raw[]>(Prisma.sql`WITH ${workStateCtes(frame, scope)}
    SELECT s.*, ${slipColumns} FROM (SELECT *, ${sameInterval} FROM rec_state) s`);
  return rows.map(recommendationStateOf);
}

export const recommendationStateOf = (r: Raw): RecommendationStateRow => ({
  id: r.id as string,
  inspectionId: r.inspection_id as string,
  actionId: r.action_id as string | null,
  totalActions: r.total_actions as number,
  completedActions: r.completed_actions as number,
  openActions: r.open_actions as number,
  withdrawn: r.withdrawn as boolean,
  ...stateOf({ ...r, basis_update_id: r.update_id, basis_round_id: r.round_id }),
  ...slipOf(r),
});
