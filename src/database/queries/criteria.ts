/**
 * Filter criteria as SQL conditions. Agencies include their units, and dependencies include what
 * relies on them, through recursive queries over the hierarchy and the dependency links. Every
 * condition that reads reports or revisions reads only what the frame sees (`visible_round`).
 */
import { Prisma } from '@prisma/client';

/** Criteria on recommendations; ids are resolved and checked beforehand. */
export interface RecommendationCriteria {
  inspectionIds?: string[];
  responses?: string[];
  numbers?: number[];
  addressedTo?: string[];
  ownedBy?: string[];
  ownerRoles?: string[];
  dependsOn?: string[];
  hasNotes?: boolean;
  hasDateRevisions?: boolean;
  search?: string;
}

/** The agencies given and every unit below them. */
const agencyTree = (ids: string[]) => Prisma.sql`(
  WITH RECURSIVE tree AS (
    SELECT id FROM "Agency" WHERE id = ANY(${ids}::text[])
    UNION SELECT c.id FROM "Agency" c JOIN tree ON c."parentId" = tree.id
  ) SELECT id FROM tree)`;

/** The dependencies given and every dependency that relies on them, directly or through others. */
export const dependentsOf = (ids: string[]) => Prisma.sql`(
  WITH RECURSIVE tree AS (
    SELECT id FROM "Dependency" WHERE id = ANY(${ids}::text[])
    UNION SELECT l."dependentId" FROM "DependencyLink" l JOIN tree ON l."prerequisiteId" = tree.id
  ) SELECT id FROM tree)`;

export const searchQuery = (text: string) => Prisma.sql`websearch_to_tsquery('english', ${text})`;

/** Roles that own the action in the plan, or are named owner of a visible update on it. */
const actionOwnedBy = (action: Prisma.Sql, roles: Prisma.Sql) => Prisma.sql`(
  EXISTS (SELECT 1 FROM "ActionOwner" o WHERE o."actionId" = ${action} AND o."roleId" IN ${roles})
  OR EXISTS (SELECT 1 FROM "ProgressUpdateAction" pa JOIN "ProgressUpdate" p ON p.id = pa."progressUpdateId"
    JOIN visible_round v ON v.id = p."roundId" WHERE pa."actionId" = ${action} AND p."ownerId" IN ${roles}))`;

/** The same for any action of the recommendation, or an update on the recommendation as a whole. */
const recommendationOwnedBy = (rec: Prisma.Sql, roles: Prisma.Sql) => Prisma.sql`(
  EXISTS (SELECT 1 FROM "Action" a JOIN "ActionOwner" o ON o."actionId" = a.id
    WHERE a."recommendationId" = ${rec} AND o."roleId" IN ${roles})
  OR EXISTS (SELECT 1 FROM "ProgressUpdate" p JOIN visible_round v ON v.id = p."roundId"
    WHERE p."recommendationId" = ${rec} AND p."ownerId" IN ${roles}))`;

const rolesOf = (agencies: string[]) => Prisma.sql`(SELECT id FROM "Role" WHERE "agencyId" IN ${agencyTree(agencies)})`;
const rolesIn = (roles: string[]) => Prisma.sql`(SELECT unnest(${roles}::text[]))`;

/** Conditions on "Recommendation" r. */
export function recommendationConditions(c: RecommendationCriteria): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (c.inspectionIds) where.push(Prisma.sql`r."inspectionId" = ANY(${c.inspectionIds}::text[])`);
  if (c.responses) where.push(Prisma.sql`r.response::text = ANY(${c.responses}::text[])`);
  if (c.numbers) where.push(Prisma.sql`r.number = ANY(${c.numbers}::int[])`);
  if (c.addressedTo)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "RecommendationAddressee" ra
      WHERE ra."recommendationId" = r.id AND ra."agencyId" IN ${agencyTree(c.addressedTo)})`);
  if (c.ownedBy) where.push(recommendationOwnedBy(Prisma.sql`r.id`, rolesOf(c.ownedBy)));
  if (c.ownerRoles) where.push(recommendationOwnedBy(Prisma.sql`r.id`, rolesIn(c.ownerRoles)));
  if (c.dependsOn)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "RecommendationDependency" rd
      WHERE rd."recommendationId" = r.id AND rd."dependencyId" IN ${dependentsOf(c.dependsOn)})`);
  if (c.hasNotes != null)
    where.push(Prisma.sql`${Prisma.raw(c.hasNotes ? '' : 'NOT ')}EXISTS (SELECT 1 FROM "RecordNote" n WHERE n."recommendationId" = r.id)`);
  if (c.hasDateRevisions != null)
    where.push(Prisma.sql`${Prisma.raw(c.hasDateRevisions ? '' : 'NOT ')}EXISTS (SELECT 1 FROM "Action" a
      JOIN "DateRevision" d ON d."actionId" = a.id JOIN visible_round v ON v.id = d."roundId" WHERE a."recommendationId" = r.id)`);
  if (c.search) {
    const q = searchQuery(c.search);
    where.push(Prisma.sql`(r.search @@ ${q}
      OR EXISTS (SELECT 1 FROM "Action" a WHERE a."recommendationId" = r.id AND a.search @@ ${q})
      OR EXISTS (SELECT 1 FROM "ProgressUpdate" p JOIN visible_round v ON v.id = p."roundId"
        WHERE p."recommendationId" = r.id AND p.search @@ ${q}))`);
  }
  return where;
}

/** Criteria on actions: their own, plus those of their recommendation. */
export interface ActionCriteria {
  recommendation: RecommendationCriteria;
  ownedBy?: string[];
  ownerRoles?: string[];
  hasDateRevisions?: boolean;
  search?: string;
}

/** Conditions on "Action" a (the recommendation's own criteria apply through `r`). */
export function actionConditions(c: ActionCriteria): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (c.ownedBy) where.push(actionOwnedBy(Prisma.sql`a.id`, rolesOf(c.ownedBy)));
  if (c.ownerRoles) where.push(actionOwnedBy(Prisma.sql`a.id`, rolesIn(c.ownerRoles)));
  if (c.hasDateRevisions != null)
    where.push(Prisma.sql`${Prisma.raw(c.hasDateRevisions ? '' : 'NOT ')}EXISTS (SELECT 1 FROM "DateRevision" d
      JOIN visible_round v ON v.id = d."roundId" WHERE d."actionId" = a.id)`);
  if (c.search) {
    const q = searchQuery(c.search);
    where.push(Prisma.sql`(a.search @@ ${q}
      OR EXISTS (SELECT 1 FROM "ProgressUpdateAction" pa JOIN "ProgressUpdate" p ON p.id = pa."progressUpdateId"
        JOIN visible_round v ON v.id = p."roundId" WHERE pa."actionId" = a.id AND p.search @@ ${q}))`);
  }
  return where;
}

export const all = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`);
