/**
 * The relations a front end walks down a tree (agency -> recommendations addressed to it -> actions ->
 * progress updates and date revisions; recommendation -> dependencies), each read with one SQL statement
 * per level and batch, whatever the number of parents.
 *
 * A level whose selection its own columns answer (see columns.ts) is read in one statement that joins
 * any join table in SQL and reads only the columns asked for: the join table costs no statement of its
 * own, and no column nobody asked for is read or parsed. A level whose selection needs relations that
 * the Prisma plugin plans (owners, citations, ...) is read through the plugin's plan instead, so the
 * fields below it are loaded with it, batched, as anywhere else.
 */
import { Prisma, type Action, type DateRevision, type Dependency, type ProgressUpdate, type Recommendation } from '@prisma/client';
import { queryFromInfo } from '@pothos/plugin-prisma';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context/context.js';
import { readRows } from '../database/client.js';
import { readsRowByRow } from '../database/unbatched.js';
import { selectedFieldNodes } from '../schema/selection.js';
import { ACTION, columnsFor, DATE_REVISION, DEPENDENCY, PROGRESS_UPDATE, RECOMMENDATION, type Table } from './columns.js';

type Row = { id: string } & Record<string, unknown>;
type FindMany = (ctx: Context, args: { where: { id: { in: string[] } } } & Record<string, unknown>) => Promise<Row[]>;

/** How child rows reach their parent: a column of their own, or a join table. */
type Link = { column: string } | { table: string; child: string; parent: string };

interface Relation {
  /** The loader's name, per request. */
  name: string;
  table: Table;
  /** The Prisma model and its findMany, for levels read through the plugin's plan. */
  model: Prisma.ModelName;
  findMany: FindMany;
  link: Link;
  /** SQL ORDER BY under the alias `t` (`o` is the row's reporting round when `byRound`). */
  order: string;
  byRound?: boolean;
  /** The same order for Prisma. */
  orderBy: unknown;
}

/** A path key without list indices: every row of a list shares it. */
const pathKey = (info: GraphQLResolveInfo) => {
  const keys: string[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) if (typeof p.key === 'string') keys.push(p.key);
  return keys.reverse().join('.');
};

const parentColumn = (link: Link) => ('column' in link ? `t."${link.column}"` : `j."${link.parent}"`);
const joinSql = (link: Link) => ('column' in link ? '' : `JOIN "${link.table}" j ON j."${link.child}" = t.id`);

/** Rows grouped under their parents, in the order read. */
function byParent<R>(keys: readonly string[], pairs: Iterable<[string, R]>): R[][] {
  const groups = new Map<string, R[]>(keys.map((k) => [k, []]));
  for (const [parent, row] of pairs) groups.get(parent)?.push(row);
  return keys.map((k) => groups.get(k)!);
}

/**
 * Reads `columns` of the children of `parents` in one statement. Each row keeps the parent it was read
 * for as `_parent` (no field reads it): taking it off again would cost more than it holds.
 */
async function readColumns(ctx: Context, r: Relation, columns: string, parents: readonly string[]): Promise<Row[][]> {
  const rows = await readRows<Row & { _parent: string }>(
    ctx.db,
    Prisma.sql`SELECT ${Prisma.raw(columns)}, ${Prisma.raw(parentColumn(r.link))} AS "_parent"
      FROM "${Prisma.raw(r.table.name)}" t ${Prisma.raw(joinSql(r.link))}
      ${Prisma.raw(r.byRound ? 'JOIN "ReportingRound" o ON o.id = t."roundId"' : '')}
      WHERE ${Prisma.raw(parentColumn(r.link))} = ANY(${parents as string[]})
      ORDER BY ${Prisma.raw(r.order)}`,
  );
  return byParent(
    parents,
    rows.map((row) => [row._parent, row]),
  );
}

/** Reads the children of `parents` through the plugin's plan for the field `info` resolves. */
async function readPlanned(
  ctx: Context,
  r: Relation,
  info: GraphQLResolveInfo,
  parents: readonly string[],
  paths?: string[][],
): Promise<Row[][]> {
  const query = queryFromInfo({ context: ctx, info, typeName: r.model, ...(paths ? { paths } : {}) }) as Record<string, unknown>;
  if ('column' in r.link) {
    const column = r.link.column;
    const rows = await r.findMany(ctx, { ...query, where: { [column]: { in: [...parents] } } as never, orderBy: r.orderBy });
    return byParent(
      parents,
      rows.map((row) => [row[column] as string, row]),
    );
  }
  const { table, child, parent } = r.link;
  const links = await readRows<{ child: string; parent: string }>(
    ctx.db,
    Prisma.sql`SELECT j."${Prisma.raw(child)}" AS child, j."${Prisma.raw(parent)}" AS parent FROM "${Prisma.raw(table)}" j
      WHERE j."${Prisma.raw(parent)}" = ANY(${parents as string[]})`,
  );
  const parentsOf = new Map<string, string[]>();
  for (const l of links) parentsOf.set(l.child, [...(parentsOf.get(l.child) ?? []), l.parent]);
  const rows = await r.findMany(ctx, { ...query, where: { id: { in: [...parentsOf.keys()] } }, orderBy: r.orderBy });
  return byParent(
    parents,
    rows.flatMap((row) => parentsOf.get(row.id)!.map((p): [string, Row] => [p, row])),
  );
}

/**
 * The loader for `r` below the field `info` resolves: by columns when they answer its selection, else
 * by plan. Worked out once per field of the operation, not once per parent row.
 */
function relationLoader(ctx: Context, r: Relation, info: GraphQLResolveInfo): { loader: DataLoader<string, Row[]>; planned: boolean } {
  return ctx.loaders.memo(r.name, info.fieldNodes, () => {
    const columns = columnsFor(r.table, selectedFieldNodes(info), info);
    const options = { batch: !readsRowByRow(ctx.db) };
    return columns
      ? {
          loader: ctx.loaders.get(
            r.name,
            `columns:${columns}`,
            (parents: readonly string[]) => readColumns(ctx, r, columns, parents),
            options,
          ),
          planned: false,
        }
      : {
          loader: ctx.loaders.get(
            r.name,
            `plan:${pathKey(info)}`,
            (parents: readonly string[]) => readPlanned(ctx, r, info, parents),
            options,
          ),
          planned: true,
        };
  });
}

/**
 * The children of `parent` through `r`. Read by plan, the plugin must know that the fields below this
 * row were loaded with it; it records that per execution of the field, so each row records the plan
 * (one row's plan reads them for all): without it, the fields below would load their rows again.
 */
function childrenOf(ctx: Context, r: Relation, info: GraphQLResolveInfo, parent: string): Promise<Row[]> {
  const { loader, planned } = relationLoader(ctx, r, info);
  if (planned) queryFromInfo({ context: ctx, info, typeName: r.model });
  return loader.load(parent);
}

const inRoundOrder = [{ round: { sequence: 'asc' } }, { sequence: 'asc' }, { id: 'asc' }];

const ACTIONS: Relation = {
  name: 'actionsOfRecommendation',
  table: ACTION,
  model: 'Action',
  findMany: (ctx, args) => ctx.db.action.findMany(args as never),
  link: { column: 'recommendationId' },
  order: 't.sequence, t.id',
  orderBy: [{ sequence: 'asc' }, { id: 'asc' }],
};

const PROGRESS_UPDATES: Relation = {
  name: 'progressUpdatesOfAction',
  table: PROGRESS_UPDATE,
  model: 'ProgressUpdate',
  findMany: (ctx, args) => ctx.db.progressUpdate.findMany(args as never),
  link: { table: 'ProgressUpdateAction', child: 'progressUpdateId', parent: 'actionId' },
  order: 'o.sequence, t.sequence, t.id',
  byRound: true,
  orderBy: inRoundOrder,
};

const DATE_REVISIONS: Relation = {
  name: 'dateRevisionsOfAction',
  table: DATE_REVISION,
  model: 'DateRevision',
  findMany: (ctx, args) => ctx.db.dateRevision.findMany(args as never),
  link: { column: 'actionId' },
  order: 'o.sequence, t.sequence, t.id',
  byRound: true,
  orderBy: inRoundOrder,
};

const DEPENDENCIES: Relation = {
  name: 'dependenciesOfRecommendation',
  table: DEPENDENCY,
  model: 'Dependency',
  findMany: (ctx, args) => ctx.db.dependency.findMany(args as never),
  link: { table: 'RecommendationDependency', child: 'dependencyId', parent: 'recommendationId' },
  order: 't.id',
  orderBy: { id: 'asc' },
};

// The rows below are typed as whole records, but hold only the columns the selection needs (always
// including the id, and the round for lists a frame filters): the fields asked for find theirs.

/** A recommendation's actions, in plan order. */
export const actionsOf = (ctx: Context, info: GraphQLResolveInfo, recommendationId: string) =>
  childrenOf(ctx, ACTIONS, info, recommendationId) as Promise<Action[]>;

/** The progress updates reporting on an action, in round order. */
export const progressUpdatesOf = (ctx: Context, info: GraphQLResolveInfo, actionId: string) =>
  childrenOf(ctx, PROGRESS_UPDATES, info, actionId) as Promise<ProgressUpdate[]>;

/** The revisions of an action's target date, in round order. */
export const dateRevisionsOf = (ctx: Context, info: GraphQLResolveInfo, actionId: string) =>
  childrenOf(ctx, DATE_REVISIONS, info, actionId) as Promise<DateRevision[]>;

/** The dependencies a recommendation relies on, by id. */
export const dependenciesOf = (ctx: Context, info: GraphQLResolveInfo, recommendationId: string) =>
  childrenOf(ctx, DEPENDENCIES, info, recommendationId) as Promise<Dependency[]>;

const NODE_PATHS = [['nodes'], ['edges', 'node']];

/**
 * One page of the recommendations addressed to an agency, in inspection then number order: the first
 * `limit` after the recommendation `after` (by that order), for every agency of the batch in one
 * statement.
 */
export function addressedRecommendationsOf(
  ctx: Context,
  info: GraphQLResolveInfo,
  agencyId: string,
  page: { after: string | null; limit: number },
): Promise<Recommendation[]> {
  const plan = ctx.loaders.memo('addressedRecommendations', info.fieldNodes, () => {
    const columns = columnsFor(
      RECOMMENDATION,
      NODE_PATHS.flatMap((path) => selectedFieldNodes(info, path)),
      info,
    );
    return { columns, variant: columns ?? `plan:${pathKey(info)}` };
  });
  const { columns } = plan;
  // Read by plan, each row records it for the fields below (see childrenOf).
  if (!columns) queryFromInfo({ context: ctx, info, typeName: 'Recommendation', paths: NODE_PATHS });
  const read = async (agencies: readonly string[]) => {
    const rows = await readRows<Row & { _parent: string }>(
      ctx.db,
      Prisma.sql`SELECT a.id AS "_parent", p.* FROM unnest(${agencies as string[]}::text[]) AS a(id) CROSS JOIN LATERAL (
        SELECT ${Prisma.raw(columns ?? 't.id')} FROM "Recommendation" t JOIN "RecommendationAddressee" j ON j."recommendationId" = t.id
        WHERE j."agencyId" = a.id
        ${page.after === null ? Prisma.empty : Prisma.sql`AND (t."inspectionId", t.number) > (SELECT c."inspectionId", c.number FROM "Recommendation" c WHERE c.id = ${page.after})`}
        ORDER BY t."inspectionId", t.number LIMIT ${page.limit}) p`,
    );
    const pairs = rows.map((row): [string, Row] => [row._parent, row]);
    if (columns) return byParent(agencies, pairs);
    // The selection needs the plugin's plan: the rows themselves are read through it.
    const query = queryFromInfo({ context: ctx, info, typeName: 'Recommendation', paths: NODE_PATHS }) as Record<string, unknown>;
    const full = new Map(
      (await ctx.db.recommendation.findMany({ ...query, where: { id: { in: pairs.map(([, r]) => r.id) } } } as never)).map((r: Row) => [
        r.id,
        r,
      ]),
    );
    return byParent(
      agencies,
      pairs.filter(([, r]) => full.has(r.id)).map(([parent, r]): [string, Row] => [parent, full.get(r.id)!]),
    );
  };
  return ctx.loaders
    .get('addressedRecommendations', `${page.limit}:${page.after ?? ''}:${plan.variant}`, read, { batch: !readsRowByRow(ctx.db) })
    .load(agencyId) as Promise<Recommendation[]>;
}

/** How many recommendations are addressed to an agency. */
export const addressedCountOf = (ctx: Context, agencyId: string) =>
  ctx.loaders
    .get<string, number>(
      'addressedCount',
      'all',
      async (agencies) => {
        const rows = await readRows<{ id: string; n: number }>(
          ctx.db,
          Prisma.sql`SELECT j."agencyId" AS id, count(*)::int AS n FROM "RecommendationAddressee" j
            WHERE j."agencyId" = ANY(${agencies as string[]}) GROUP BY j."agencyId"`,
        );
        const counts = new Map(rows.map((r) => [r.id, r.n]));
        return agencies.map((a) => counts.get(a) ?? 0);
      },
      { batch: !readsRowByRow(ctx.db) },
    )
    .load(agencyId);
