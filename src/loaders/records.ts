/**
 * Whole rows by id, for records reached through derived data (the report that decided a state, the
 * action a recommendation's state rests on) rather than through a relation the Prisma plugin can plan.
 * One statement per kind of record and batch; relations below them resolve through the plugin.
 */
import type { Action, Dependency, Inspection, ProgressUpdate, Recommendation, SourceDocument } from '@prisma/client';
import { brandWithType } from '@pothos/core';
import type { Context } from '../context/context.js';

type FindMany<T> = (args: { where: { id: { in: string[] } } }) => Promise<T[]>;

function rowsById<T extends { id: string }>(ctx: Context, name: string, findMany: FindMany<T>) {
  return ctx.loaders.get<string, T | null>(name, 'all', async (ids) => {
    const rows = await findMany({ where: { id: { in: [...ids] } } });
    const found = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

export const progressUpdatesById = (ctx: Context) =>
  rowsById<ProgressUpdate>(ctx, 'progressUpdate', (args) => ctx.db.progressUpdate.findMany(args));
export const actionsById = (ctx: Context) => rowsById<Action>(ctx, 'action', (args) => ctx.db.action.findMany(args));
export const recommendationsById = (ctx: Context) =>
  rowsById<Recommendation>(ctx, 'recommendation', (args) => ctx.db.recommendation.findMany(args));
export const dependenciesById = (ctx: Context) => rowsById<Dependency>(ctx, 'dependency', (args) => ctx.db.dependency.findMany(args));
export const inspectionsById = (ctx: Context) => rowsById<Inspection>(ctx, 'inspection', (args) => ctx.db.inspection.findMany(args));
export const documentsById = (ctx: Context) =>
  rowsById<SourceDocument>(ctx, 'sourceDocument', (args) => ctx.db.sourceDocument.findMany(args));

const BY_TYPE = {
  Action: actionsById,
  Recommendation: recommendationsById,
  Dependency: dependenciesById,
  Inspection: inspectionsById,
  SourceDocument: documentsById,
} as const;

/**
 * A record named by type and id, branded with its type so fields typed as the Node interface can
 * return it (null when it no longer exists, or the type is not one writes touch).
 */
export async function recordOfType(ctx: Context, type: string, id: string): Promise<object | null> {
  const loader = BY_TYPE[type as keyof typeof BY_TYPE];
  const row = loader ? await loader(ctx).load(id) : null;
  if (row) brandWithType(row, type as never);
  return row;
}
