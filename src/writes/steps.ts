/** Steps several writes share, run inside the write's transaction. */
import { Prisma, type Status } from '@prisma/client';
import type { Context } from '../context/context.js';
import { planDateColumns } from '../domain/plan-date.js';
import type { Tx } from './commit.js';
import { invalid, NotFoundError } from './errors.js';

/** Serialises writes under one recommendation, so the keys they number stay unique. */
export async function lockRecommendation(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Recommendation" WHERE id = ${id} FOR UPDATE`;
}

/** The next number in a per-recommendation (or per-dependency) sequence of keyed rows. */
export async function nextNumber(tx: Tx, table: 'ProgressUpdate' | 'DependencyUpdate', column: string, value: string): Promise<number> {
  const [{ next }] = await tx.$queryRaw<[{ next: number }]>(
    Prisma.sql`SELECT coalesce(max(sequence), 0)::int + 1 AS next FROM ${Prisma.raw(`"${table}"`)} WHERE ${Prisma.raw(`"${column}"`)} = ${value}`,
  );
  return next;
}

export interface NewProgressUpdate {
  roundId: string;
  status: Status;
  paragraphs: string[];
  /** The date it states, as stated. */
  target: string | null | undefined;
  ownerId?: string | null;
  /** The action it reports on; none for an update on the recommendation as a whole. */
  actionId?: string;
}

/** A progress update under a recommendation, numbered after the last one while the recommendation is locked. */
export async function addProgressUpdate(tx: Tx, recommendationId: string, update: NewProgressUpdate) {
  await lockRecommendation(tx, recommendationId);
  const n = await nextNumber(tx, 'ProgressUpdate', 'recommendationId', recommendationId);
  return tx.progressUpdate.create({
    data: {
      id: `${recommendationId}/p${n}`,
      key: `p${n}`,
      sequence: n,
      recommendationId,
      roundId: update.roundId,
      status: update.status,
      paragraphs: update.paragraphs,
      ownerId: update.ownerId ?? null,
      ...planDateColumns('target', update.target),
      ...(update.actionId ? { actions: { create: { actionId: update.actionId } } } : {}),
    },
  });
}

/** The next free `<prefix>/rev<n>` id for date revisions under a recommendation or dependency. */
export async function nextRevisionId(tx: Tx, prefix: string): Promise<string> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "DateRevision" WHERE id LIKE ${`${prefix}/rev%`}`;
  const used = rows.map((r) => Number(/\/rev(\d+)$/.exec(r.id)?.[1] ?? 0));
  return `${prefix}/rev${Math.max(0, ...used) + 1}`;
}

export interface RoundRow {
  id: string;
  inspectionId: string;
  sequence: number;
  label: string;
}

/** A reporting round a write may state things in: it must exist and, where given, be of the inspection. */
export async function roundFor(ctx: Context, roundId: string, inspectionId: string | null): Promise<RoundRow> {
  const round = await ctx.db.reportingRound.findUnique({
    where: { id: roundId },
    select: { id: true, inspectionId: true, sequence: true, label: true },
  });
  if (!round) throw new NotFoundError(`No reporting round with id "${roundId}".`, roundId);
  if (inspectionId && round.inspectionId !== inspectionId)
    throw invalid('input.round', `round “${round.label}” belongs to another inspection than the record written`);
  return round;
}
