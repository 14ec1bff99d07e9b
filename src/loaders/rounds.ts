/**
 * Reporting rounds by id: for cutting lists down to what a frame sees, and for naming rounds in
 * explanations. Lists answered about now show everything recorded and cost no extra statement.
 */
import type { ReportingRound } from '@prisma/client';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context/context.js';
import { inFrame } from '../domain/frame.js';
import { frameOf } from './work-states.js';

export const reportingRounds = (ctx: Context) =>
  ctx.loaders.get<string, ReportingRound | null>('reportingRound', 'all', async (ids) => {
    const rows = await ctx.db.reportingRound.findMany({ where: { id: { in: [...ids] } } });
    const found = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  });

/** The rows (each stated in a round) that the field's frame sees, in their order. */
export async function visibleRows<T extends { roundId: string }>(ctx: Context, info: GraphQLResolveInfo, rows: T[]): Promise<T[]> {
  const frame = frameOf(ctx, info);
  if (!frame.explicit || rows.length === 0) return rows;
  const rounds = await reportingRounds(ctx).loadMany(rows.map((r) => r.roundId));
  return rows.filter((_, i) => {
    const round = rounds[i];
    if (round instanceof Error) throw round;
    return round !== null && inFrame(frame, round);
  });
}

/** `visibleRows` of rows still being loaded: answered now, the rows are handed on as they come. */
export function visibleRowsOf<T extends { roundId: string }>(ctx: Context, info: GraphQLResolveInfo, rows: Promise<T[]>): Promise<T[]> {
  return frameOf(ctx, info).explicit ? rows.then((loaded) => visibleRows(ctx, info, loaded)) : rows;
}

/** The rounds themselves that the field's frame sees. */
export function visibleRounds<T extends ReportingRound>(
  _ctx: Context,
  info: GraphQLResolveInfo,
  rounds: T[],
  frame = frameOf(_ctx, info),
): T[] {
  return rounds.filter((r) => inFrame(frame, r));
}
