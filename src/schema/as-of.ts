/**
 * `asOf`: the whole API as the record stood at a date or a reporting round. It returns `Query`, so
 * any question can be asked inside it, and several points can be compared in one request:
 *   { july: asOf(round: "update-2024-08") { ... }  march: asOf(round: "letter-2025-03") { ... } }
 * A round stands for the day it was submitted. Rounds submitted later, and what they said, are left
 * out; statuses are judged on that day.
 */
import type { Context } from '../context/context.js';
import { dateFrame, roundFrame, type Frame } from '../domain/frame.js';
import { builder } from './builder.js';
import { badInput } from './references.js';

async function frameFor(ctx: Context, args: { date?: Date | null; round?: string | null; inspection?: string | null }): Promise<Frame> {
  if ((args.date == null) === (args.round == null))
    throw badInput('Give exactly one of "date" and "round" to `asOf`.', args.date == null ? 'date' : 'round');
  if (args.date) {
    if (args.inspection != null) throw badInput('"inspection" only narrows "round"; leave it out with "date".', 'inspection');
    return dateFrame(args.date);
  }
  const rounds = await ctx.db.reportingRound.findMany({
    where: { slug: args.round!, ...(args.inspection ? { inspection: { slug: args.inspection } } : {}) },
    select: {
      id: true,
      slug: true,
      label: true,
      inspectionId: true,
      sequence: true,
      submittedLatest: true,
      inspection: { select: { slug: true } },
    },
  });
  if (rounds.length === 0) {
    const known = await ctx.db.reportingRound.findMany({
      where: args.inspection ? { inspection: { slug: args.inspection } } : {},
      select: { slug: true },
      orderBy: [{ inspectionId: 'asc' }, { sequence: 'asc' }],
      take: 20,
    });
    throw badInput(
      `No reporting round "${args.round!.slice(0, 80)}"${args.inspection ? ` in inspection "${args.inspection.slice(0, 80)}"` : ''}. ` +
        `Rounds are named by slug, e.g. ${known.map((r) => `"${r.slug}"`).join(', ') || 'none recorded'}.`,
      'round',
    );
  }
  if (rounds.length > 1)
    throw badInput(
      `Round "${args.round}" exists in several inspections (${rounds.map((r) => r.inspection.slug).join(', ')}); name one with "inspection".`,
      'inspection',
    );
  const [round] = rounds;
  if (!round.submittedLatest) throw badInput(`Round "${round.slug}" has no submission date that can be read.`, 'round');
  return roundFrame(round, round.submittedLatest);
}

builder.queryField('asOf', (t) =>
  t.field({
    // The root type itself: every question of the API can be asked inside.
    type: 'Query' as never,
    description:
      'The record as it stood at a date, or at a reporting round (the day it was submitted): later rounds and what they said are ' +
      'left out, and statuses, targets and slippage are judged on that day. Give exactly one of `date` and `round`.',
    args: {
      date: t.arg({ type: 'Date', description: 'A calendar day.' }),
      round: t.arg.string({ description: 'A reporting round, by slug (e.g. "letter-2025-03").' }),
      inspection: t.arg.string({ description: 'The inspection the round belongs to, where the slug alone is ambiguous.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      ctx.frames.register(info.path, await frameFor(ctx, args));
      return {} as never;
    },
  }),
);
