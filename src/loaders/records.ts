/**
 * Whole rows by id, for records reached through derived data (the report that decided a state, the
 * action a recommendation's state rests on) rather than through a relation the Prisma plugin can plan.
 * One statement per kind of record and batch; relations below them resolve through the plugin.
 */
import type { Action, ProgressUpdate, Recommendation } from '@prisma/client';
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
