/**
 * What the record says of dependencies as a frame sees it: the latest status stated, the date first
 * stated and the date in force (the latest revision's, else the latest stated), and the slip between
 * them. Also which recommendations rely on a dependency, directly or through other dependencies.
 */
import { Prisma } from '@prisma/client';
import type { Frame } from '../../domain/frame.js';
import { dateGroup, either, stored, visibleRoundsCte } from './frame-sql.js';
import { sameInterval, slipColumns, statedDate, type SlipRow } from './work-state.js';

export interface DependencyStateRow extends SlipRow {
  id: string;
  /** The status of the latest statement about it ("NOT_STATED" when none). */
  status: string;
  updateId: string | null;
  roundId: string | null;
  /** The round that stated the date in force. */
  currentRoundId: string | null;
}

type Reader = { $queryRaw<T>(query: Prisma.Sql): Promise<T> };
type Raw = Record<string, unknown>;

export async function readDependencyStates(db: Reader, frame: Frame, ids: readonly string[]): Promise<DependencyStateRow[]> {
  const rows = await db.$queryRaw<Raw[]>(Prisma.sql`WITH ${visibleRoundsCte(frame)},
    dep AS (SELECT id FROM "Dependency" WHERE id = ANY(${[...ids]}::text[])),
    upd AS (
      SELECT u.*, v.sequence AS round_seq FROM "DependencyUpdate" u
      JOIN dep ON dep.id = u."dependencyId" JOIN visible_round v ON v.id = u."roundId"
    ),
    rev AS (
      SELECT d.*, v.sequence AS round_seq FROM "DateRevision" d
      JOIN dep ON dep.id = d."dependencyId" JOIN visible_round v ON v.id = d."roundId"
    ),
    last_update AS (SELECT DISTINCT ON ("dependencyId") * FROM upd ORDER BY "dependencyId", round_seq DESC, sequence DESC),
    first_stated AS (
      SELECT DISTINCT ON ("dependencyId") * FROM upd WHERE "expectedText" IS NOT NULL ORDER BY "dependencyId", round_seq, sequence
    ),
    last_stated AS (
      SELECT DISTINCT ON ("dependencyId") * FROM upd WHERE "expectedText" IS NOT NULL ORDER BY "dependencyId", round_seq DESC, sequence DESC
    ),
    first_rev AS (SELECT DISTINCT ON ("dependencyId") * FROM rev ORDER BY "dependencyId", round_seq, sequence),
    last_rev AS (SELECT DISTINCT ON ("dependencyId") * FROM rev ORDER BY "dependencyId", round_seq DESC, sequence DESC),
    rev_count AS (SELECT "dependencyId", count(*)::int AS n FROM rev GROUP BY "dependencyId"),
    state AS (
      SELECT dep.id, coalesce(lu.status::text, 'NOT_STATED') AS status, lu.id AS update_id, lu."roundId" AS round_id,
        ${dateGroup('original', either('fr.id IS NOT NULL', stored('fr', 'previous'), stored('fs', 'expected')))},
        ${dateGroup('current', either('lr.id IS NOT NULL', stored('lr', 'revised'), stored('ls', 'expected')))},
        CASE WHEN lr.id IS NOT NULL THEN lr."roundId" ELSE ls."roundId" END AS current_round_id,
        coalesce(rc.n, 0) AS revision_count
      FROM dep
        LEFT JOIN last_update lu ON lu."dependencyId" = dep.id
        LEFT JOIN first_stated fs ON fs."dependencyId" = dep.id
        LEFT JOIN last_stated ls ON ls."dependencyId" = dep.id
        LEFT JOIN first_rev fr ON fr."dependencyId" = dep.id
        LEFT JOIN last_rev lr ON lr."dependencyId" = dep.id
        LEFT JOIN rev_count rc ON rc."dependencyId" = dep.id
    )
    SELECT s.*, ${slipColumns} FROM (SELECT *, ${sameInterval} FROM state) s`);
  return rows.map((r) => ({
    id: r.id as string,
    status: r.status as string,
    updateId: r.update_id as string | null,
    roundId: r.round_id as string | null,
    currentRoundId: r.current_round_id as string | null,
    original: statedDate(r, 'original'),
    current: statedDate(r, 'current'),
    revisionCount: r.revision_count as number,
    slipDays: r.slip_days as number | null,
    slipMinDays: r.slip_min_days as number | null,
    slipMaxDays: r.slip_max_days as number | null,
  }));
}

export interface RelianceRow {
  /** The dependency asked about. */
  dependencyId: string;
  recommendationId: string;
  /** Linked to the dependency asked about itself. */
  direct: boolean;
  /** The other dependencies it is linked to that rely on the one asked about. */
  through: string[];
  /** The actions relying on it: those its links are narrowed to, or all of them where a link is not. */
  actionIds: string[];
}

/**
 * For each dependency asked about, the recommendations relying on it, directly or through
 * dependencies that rely on it. One statement for any number of dependencies.
 */
export async function readReliance(db: Reader, dependencyIds: readonly string[]): Promise<RelianceRow[]> {
  const rows = await db.$queryRaw<Raw[]>(Prisma.sql`
    WITH RECURSIVE tree(root, id) AS (
      SELECT id, id FROM "Dependency" WHERE id = ANY(${[...dependencyIds]}::text[])
      UNION SELECT tree.root, l."dependentId" FROM "DependencyLink" l JOIN tree ON l."prerequisiteId" = tree.id
    ),
    link AS (
      SELECT tree.root, rd."recommendationId" AS rec_id, rd."dependencyId" AS dep_id,
        array(SELECT ad."actionId" FROM "ActionDependency" ad JOIN "Action" a ON a.id = ad."actionId"
          WHERE ad."dependencyId" = rd."dependencyId" AND a."recommendationId" = rd."recommendationId") AS narrowed
      FROM tree JOIN "RecommendationDependency" rd ON rd."dependencyId" = tree.id
    ),
    relying AS (
      SELECT DISTINCT l.root, l.rec_id, a.id AS action_id FROM link l JOIN "Action" a ON a."recommendationId" = l.rec_id
      WHERE cardinality(l.narrowed) = 0 OR a.id = ANY(l.narrowed)
    )
    SELECT l.root, l.rec_id,
      bool_or(l.dep_id = l.root) AS direct,
      coalesce(array_agg(DISTINCT l.dep_id) FILTER (WHERE l.dep_id <> l.root), '{}') AS through,
      coalesce((SELECT array_agg(r.action_id ORDER BY r.action_id) FROM relying r WHERE r.root = l.root AND r.rec_id = l.rec_id), '{}') AS action_ids
    FROM link l GROUP BY l.root, l.rec_id`);
  return rows.map((r) => ({
    dependencyId: r.root as string,
    recommendationId: r.rec_id as string,
    direct: r.direct as boolean,
    through: r.through as string[],
    actionIds: r.action_ids as string[],
  }));
}
