/**
 * Filtered, ordered pages of recommendations and actions, and their tallies, in SQL. Derived states
 * are computed only when a question needs them (a state filter, an overdue date, ordering by target
 * or slippage, or a tally by state); otherwise the query reads the tables alone.
 */
import { Prisma } from '@prisma/client';
import type { Frame } from '../../domain/frame.js';
import { actionConditions, all, recommendationConditions, type ActionCriteria, type RecommendationCriteria } from './criteria.js';
import { visibleRoundsCte } from './frame-sql.js';
import {
  actionStateOf,
  recommendationStateOf,
  sameInterval,
  slipColumns,
  workStateCtes,
  type ActionStateRow,
  type RecommendationStateRow,
} from './work-state.js';

export type SortField = 'NUMBER' | 'TARGET_DATE' | 'SLIPPAGE';
export interface Sort {
  field: SortField;
  direction: 'ASC' | 'DESC';
}

/** Criteria on derived states, judged in the frame. */
export interface StateCriteria {
  states?: string[];
  /** Still open, with the target in force ending before this day. */
  overdueOn?: Date;
}

export interface Tallies {
  total: number;
  byState: Map<string, number> | null;
  byResponse: Map<string | null, number>;
}

interface Question<C> {
  frame: Frame;
  criteria: C;
  state: StateCriteria;
  sort: Sort;
}

type Reader = { $queryRaw<T>(query: Prisma.Sql): Promise<T> };
type Raw = Record<string, unknown>;

const OPEN = Prisma.raw(`('NOT_STARTED', 'IN_PROGRESS', 'OVERDUE')`);

function stateConditions(q: Question<unknown>, alias: string, overdue: (day: Prisma.Sql) => Prisma.Sql): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (q.state.states) where.push(Prisma.sql`${Prisma.raw(alias)}.state = ANY(${q.state.states}::text[])`);
  if (q.state.overdueOn) where.push(overdue(Prisma.sql`${q.state.overdueOn.toISOString().slice(0, 10)}::date`));
  return where;
}

const needsStates = (q: Question<unknown>, tallyByState: boolean) =>
  tallyByState || q.state.states !== undefined || q.state.overdueOn !== undefined || q.sort.field !== 'NUMBER';

const direction = (sort: Sort) => Prisma.raw(sort.direction);

// ------------------------------------------------------------------------------------------------
// Recommendations

/** Order over plain rows of "Recommendation" r: only by number needs no derived state. */
const recommendationsByNumber = (sort: Sort) => Prisma.sql`r."inspectionId", r.number ${direction(sort)}`;

/** Order over derived rows: by target in force or slippage (missing last), then by number. */
function recommendationOrder(sort: Sort): Prisma.Sql {
  const byNumber = Prisma.raw('m.inspection_id, m.number');
  if (sort.field === 'TARGET_DATE') return Prisma.sql`m.current_latest ${direction(sort)} NULLS LAST, ${byNumber}`;
  if (sort.field === 'SLIPPAGE') return Prisma.sql`m.slip_days ${direction(sort)} NULLS LAST, ${byNumber}`;
  return Prisma.sql`m.inspection_id, m.number ${direction(sort)}`;
}

function matchedRecommendations(q: Question<RecommendationCriteria>): Prisma.Sql {
  const overdue = (day: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM rec_strand st
    WHERE st.rec_id = s.id AND st.state IN ${OPEN} AND st.target_latest < ${day})`;
  return Prisma.sql`WITH ${workStateCtes(q.frame, all(recommendationConditions(q.criteria)))},
    matched AS (
      SELECT s.*, ${slipColumns} FROM (SELECT *, ${sameInterval} FROM rec_state) s
      WHERE ${all(stateConditions(q, 's', overdue))}
    )`;
}

/** One page of recommendations, in order. With derived states, the page carries them. */
export async function recommendationPage(
  db: Reader,
  q: Question<RecommendationCriteria>,
  offset: number,
  limit: number,
): Promise<{ ids: string[]; states: RecommendationStateRow[] | null }> {
  if (!needsStates(q, false)) {
    const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`WITH ${visibleRoundsCte(q.frame)}
      SELECT r.id FROM "Recommendation" r WHERE ${all(recommendationConditions(q.criteria))}
      ORDER BY ${recommendationsByNumber(q.sort)} LIMIT ${limit} OFFSET ${offset}`);
    return { ids: rows.map((r) => r.id), states: null };
  }
  const rows = await db.$queryRaw<Raw[]>(Prisma.sql`${matchedRecommendations(q)}
    SELECT * FROM matched m ORDER BY ${recommendationOrder(q.sort)} LIMIT ${limit} OFFSET ${offset}`);
  return { ids: rows.map((r) => r.id as string), states: rows.map(recommendationStateOf) };
}

/** How many recommendations match, by response and (when asked) by state. */
export async function recommendationTallies(db: Reader, q: Question<RecommendationCriteria>, byState: boolean): Promise<Tallies> {
  const rows = needsStates(q, byState)
    ? await db.$queryRaw<Raw[]>(Prisma.sql`${matchedRecommendations(q)}
        SELECT state, response, count(*)::int AS n FROM matched GROUP BY state, response`)
    : await db.$queryRaw<Raw[]>(Prisma.sql`WITH ${visibleRoundsCte(q.frame)}
        SELECT NULL AS state, r.response::text AS response, count(*)::int AS n
        FROM "Recommendation" r WHERE ${all(recommendationConditions(q.criteria))} GROUP BY r.response`);
  return tallied(rows, byState);
}

function tallied(rows: Raw[], byState: boolean): Tallies {
  const tallies: Tallies = { total: 0, byState: byState ? new Map() : null, byResponse: new Map() };
  for (const row of rows) {
    const n = row.n as number;
    tallies.total += n;
    const response = (row.response as string | null) ?? null;
    tallies.byResponse.set(response, (tallies.byResponse.get(response) ?? 0) + n);
    if (tallies.byState) tallies.byState.set(row.state as string, (tallies.byState.get(row.state as string) ?? 0) + n);
  }
  return tallies;
}

// ------------------------------------------------------------------------------------------------
// Actions

/** Order over plain rows of "Action" a: by recommendation number, then the action's place in it. */
const actionsByNumber = (sort: Sort) => Prisma.sql`r."inspectionId", r.number ${direction(sort)}, a.sequence ${direction(sort)}`;

/** Order over derived rows: by target in force or slippage (missing last), then by number. */
function actionOrder(sort: Sort): Prisma.Sql {
  const byNumber = Prisma.raw('m.inspection_id, m.number, m.sequence');
  if (sort.field === 'TARGET_DATE') return Prisma.sql`m.current_latest ${direction(sort)} NULLS LAST, ${byNumber}`;
  if (sort.field === 'SLIPPAGE') return Prisma.sql`m.slip_days ${direction(sort)} NULLS LAST, ${byNumber}`;
  return Prisma.sql`m.inspection_id, m.number ${direction(sort)}, m.sequence ${direction(sort)}`;
}

function matchedActions(q: Question<ActionCriteria>): Prisma.Sql {
  const overdue = (day: Prisma.Sql) => Prisma.sql`(st.state IN ${OPEN} AND st.current_latest < ${day})`;
  return Prisma.sql`WITH ${workStateCtes(q.frame, all(recommendationConditions(q.criteria.recommendation)))},
    matched AS (
      SELECT st.*, ${slipColumns}, r."inspectionId" AS inspection_id, r.number, r.response::text AS response
      FROM (SELECT *, ${sameInterval} FROM action_state) st
        JOIN "Action" a ON a.id = st.id JOIN "Recommendation" r ON r.id = a."recommendationId"
      WHERE ${all([...actionConditions(q.criteria), ...stateConditions(q, 'st', overdue)])}
    )`;
}

/** One page of actions, in order. With derived states, the page carries them. */
export async function actionPage(
  db: Reader,
  q: Question<ActionCriteria>,
  offset: number,
  limit: number,
): Promise<{ ids: string[]; states: ActionStateRow[] | null }> {
  if (!needsStates(q, false)) {
    const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`WITH ${visibleRoundsCte(q.frame)}
      SELECT a.id FROM "Action" a JOIN "Recommendation" r ON r.id = a."recommendationId"
      WHERE ${all([...recommendationConditions(q.criteria.recommendation), ...actionConditions(q.criteria)])}
      ORDER BY ${actionsByNumber(q.sort)} LIMIT ${limit} OFFSET ${offset}`);
    return { ids: rows.map((r) => r.id), states: null };
  }
  const rows = await db.$queryRaw<Raw[]>(Prisma.sql`${matchedActions(q)}
    SELECT * FROM matched m ORDER BY ${actionOrder(q.sort)} LIMIT ${limit} OFFSET ${offset}`);
  return { ids: rows.map((r) => r.id as string), states: rows.map(actionStateOf) };
}

/** How many actions match, by their recommendation's response and (when asked) by state. */
export async function actionTallies(db: Reader, q: Question<ActionCriteria>, byState: boolean): Promise<Tallies> {
  const rows = needsStates(q, byState)
    ? await db.$queryRaw<Raw[]>(Prisma.sql`${matchedActions(q)}
        SELECT state, response, count(*)::int AS n FROM matched GROUP BY state, response`)
    : await db.$queryRaw<Raw[]>(Prisma.sql`WITH ${visibleRoundsCte(q.frame)}
        SELECT NULL AS state, r.response::text AS response, count(*)::int AS n
        FROM "Action" a JOIN "Recommendation" r ON r.id = a."recommendationId"
        WHERE ${all([...recommendationConditions(q.criteria.recommendation), ...actionConditions(q.criteria)])}
        GROUP BY r.response`);
  return tallied(rows, byState);
}
