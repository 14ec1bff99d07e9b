/** Loaders for derived states and slippage: one SQL statement per frame and batch. */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context/context.js';
import {
  readActionStates,
  readRecommendationStates,
  type ActionStateRow,
  type RecommendationStateRow,
} from '../database/queries/work-state.js';
import { readDependencyStates, type DependencyStateRow } from '../database/queries/dependency-state.js';
import type { Frame } from '../domain/frame.js';

/** The frame the field being resolved is answered in. */
export const frameOf = (ctx: Context, info: GraphQLResolveInfo): Frame => ctx.frames.frameAt(info.path);

const byId = <T extends { id: string }>(ids: readonly string[], rows: T[]): (T | Error)[] => {
  const found = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => found.get(id) ?? new Error(`No record ${id}.`));
};

export const recommendationStates = (ctx: Context, frame: Frame) =>
  ctx.loaders.get<string, RecommendationStateRow>('recommendationState', frame.key, async (ids) =>
    byId(ids, await readRecommendationStates(ctx.db, frame, ids)),
  );

export const actionStates = (ctx: Context, frame: Frame) =>
  ctx.loaders.get<string, ActionStateRow>('actionState', frame.key, async (ids) => byId(ids, await readActionStates(ctx.db, frame, ids)));

export const dependencyStates = (ctx: Context, frame: Frame) =>
  ctx.loaders.get<string, DependencyStateRow>('dependencyState', frame.key, async (ids) =>
    byId(ids, await readDependencyStates(ctx.db, frame, ids)),
  );
