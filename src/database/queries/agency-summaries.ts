/**
 * Per-agency summaries of an inspection's work as a frame sees it: how the recommendations addressed
 * to each agency and the actions its roles own stand, and how far those actions' targets slipped.
 * Attribution is direct (an agency's own roles and addresses); the hierarchy lets a reader roll up.
 */
import { Prisma } from '@prisma/client';
import type { Frame } from '../../domain/frame.js';
import { sameInterval, slipColumns, workStateCtes } from './work-state.js';

type Reader = { $queryRaw<T>(query: Prisma.Sql): Promise<T> };

export interface AgencyStateCount {
  agencyId: string;
  /** "addressed": recommendations addressed to the agency; "owned": actions its roles own. */
  kind: 'addressed' | 'owned';
  state: string;
  count: number;
}

export async function readAgencyStateCounts(db: Reader, frame: Frame, inspectionId: string): Promise<AgencyStateCount[]> {
  const rows = await db.$queryRaw<{ agency_id: string; kind: 'addressed' | 'owned'; state: string; n: number }[]>(Prisma.sql`
    WITH ${workStateCtes(frame, Prisma.sql`r."inspectionId" = ${inspectionId}`)}
    SELECT ra."agencyId" AS agency_id, 'addressed' AS kind, s.state, count(*)::int AS n
    FROM rec_state s JOIN "RecommendationAddressee" ra ON ra."recommendationId" = s.id GROUP BY 1, 3
    UNION ALL
    SELECT owned.agency_id, 'owned', owned.state, count(*)::int
    FROM (SELECT DISTINCT ro."agencyId" AS agency_id, a.id, a.state FROM action_state a
      JOIN "ActionOwner" o ON o."actionId" = a.id JOIN "Role" ro ON ro.id = o."roleId") owned
    GROUP BY 1, 3`);
  return rows.map((r) => ({ agencyId: r.agency_id, kind: r.kind, state: r.state, count: r.n }));
}

export interface AgencySlipSummary {
  agencyId: string;
  actions: number;
  revisedActions: number;
  revisions: number;
  slippedActions: number;
  totalSlipDays: number;
  maxSlipDays: number | null;
  overdueActions: number;
  withdrawnTargets: number;
}

/**
 * Slippage of the actions each agency owns, for the inspections given (all when none). With
 * `rollUpTo`, the actions of every unit count for the named agencies as well.
 */
export async function readAgencySlippage(
  db: Reader,
  frame: Frame,
  options: { inspectionIds?: string[]; rollUpTo?: string[] },
): Promise<AgencySlipSummary[]> {
  const scope = options.inspectionIds ? Prisma.sql`r."inspectionId" = ANY(${options.inspectionIds}::text[])` : Prisma.sql`TRUE`;
  // Each owning agency, or with roll-up, each named agency above it (the agency itself included).
  const owners = options.rollUpTo
    ? Prisma.sql`(WITH RECURSIVE up AS (
          SELECT a.id AS agency_id, a.id AS top FROM "Agency" a WHERE a.id = ANY(${options.rollUpTo}::text[])
          UNION SELECT c.id, up.top FROM "Agency" c JOIN up ON c."parentId" = up.agency_id
        ) SELECT DISTINCT up.top AS agency_id, o."actionId" FROM up JOIN "Role" ro ON ro."agencyId" = up.agency_id
          JOIN "ActionOwner" o ON o."roleId" = ro.id)`
    : Prisma.sql`(SELECT DISTINCT ro."agencyId" AS agency_id, o."actionId" FROM "ActionOwner" o JOIN "Role" ro ON ro.id = o."roleId")`;
  const rows = await db.$queryRaw<Record<string, number | string | null>[]>(Prisma.sql`
    WITH ${workStateCtes(frame, scope)},
    slips AS (SELECT a.*, ${slipColumns} FROM (SELECT *, ${sameInterval} FROM action_state) a)
    SELECT own.agency_id,
      count(*)::int AS actions,
      count(*) FILTER (WHERE s.revision_count > 0)::int AS revised_actions,
      coalesce(sum(s.revision_count), 0)::int AS revisions,
      count(*) FILTER (WHERE s.slip_days > 0)::int AS slipped_actions,
      coalesce(sum(s.slip_days) FILTER (WHERE s.slip_days > 0), 0)::int AS total_slip_days,
      max(s.slip_days)::int AS max_slip_days,
      count(*) FILTER (WHERE s.state = 'OVERDUE')::int AS overdue_actions,
      count(*) FILTER (WHERE s.current_text IS NULL AND s.original_text IS NOT NULL)::int AS withdrawn_targets
    FROM slips s JOIN ${owners} own ON own."actionId" = s.id
    GROUP BY own.agency_id ORDER BY own.agency_id`);
  return rows.map((r) => ({
    agencyId: r.agency_id as string,
    actions: r.actions as number,
    revisedActions: r.revised_actions as number,
    revisions: r.revisions as number,
    slippedActions: r.slipped_actions as number,
    totalSlipDays: r.total_slip_days as number,
    maxSlipDays: r.max_slip_days as number | null,
    overdueActions: r.overdue_actions as number,
    withdrawnTargets: r.withdrawn_targets as number,
  }));
}
