/** reviseTargetDate: a new target for an action, with the reason, keeping the old one in its history. */
import { planDateColumns } from '../../domain/plan-date.js';
import { commitWrite } from '../../writes/commit.js';
import { invalid } from '../../writes/errors.js';
import { LIMITS, statedDate, text } from '../../writes/rules.js';
import { lockRecommendation, nextRevisionId, roundFor } from '../../writes/steps.js';
import { currentTarget, sameDay } from '../../writes/targets.js';
import { builder } from '../builder.js';
import { Action } from '../action.js';
import { AuditEvent } from '../audit-event.js';
import { DateRevision } from '../date-revision.js';
import { ReportingRound } from '../reporting-round.js';
import { WRITE_ERRORS } from '../write-errors.js';
import { owned } from './owned.js';

const ReviseTargetDateInput = builder.inputType('ReviseTargetDateInput', {
  fields: (t) => ({
    action: t.globalID({ required: true, for: [Action] }),
    round: t.globalID({ required: true, for: [ReportingRound], description: 'The round that states the new date.' }),
    expectedVersion: t.int({ required: true, description: 'The action’s version as read.' }),
    revised: t.string({
      validate: { schema: statedDate },
      description: 'The new target as stated ("Spring 2026"); leave out to record that the round withdrew the date without a new one.',
    }),
    reason: t.string({ required: true, validate: { schema: text(LIMITS.reason) }, description: 'Why the date moved, as stated.' }),
  }),
});

const ReviseTargetDatePayload = builder
  .objectRef<{ revisionId: string; actionId: string; event: typeof AuditEvent.$inferType }>('ReviseTargetDatePayload')
  .implement({
    fields: (t) => ({
      dateRevision: t.field({
        type: DateRevision,
        resolve: (p, _a, ctx) => ctx.db.dateRevision.findUniqueOrThrow({ where: { id: p.revisionId } }),
      }),
      action: t.field({ type: Action, resolve: (p, _a, ctx) => ctx.db.action.findUniqueOrThrow({ where: { id: p.actionId } }) }),
      auditEvent: t.field({ type: AuditEvent, resolve: (p) => p.event }),
    }),
  });

builder.mutationField('reviseTargetDate', (t) =>
  t.field({
    type: ReviseTargetDatePayload,
    description:
      'Revises an action’s target date, with the reason; the previous date stays in its history. Editors of an owning agency, or admins.',
    args: { input: t.arg({ type: ReviseTargetDateInput, required: true }) },
    errors: { types: WRITE_ERRORS, union: { name: 'ReviseTargetDateResult' } },
    authScopes: async (_root, { input }, ctx) => ({ editorOf: (await owned(ctx, 'Action', input.action.id)).agencyIds }),
    resolve: async (_root, { input }, ctx) => {
      const subject = await owned(ctx, 'Action', input.action.id);
      const round = await roundFor(ctx, input.round.id, subject.inspectionId);
      const recommendationId = subject.recommendationId!;
      const { result, event } = await commitWrite(
        ctx,
        { operation: 'reviseTargetDate', subject, expectedVersion: input.expectedVersion },
        async (tx) => {
          const current = await currentTarget(tx, subject.id);
          if (!current?.text) throw invalid('input.action', 'the action has no target in force to revise');
          if (input.revised && sameDay(current.text, input.revised))
            throw invalid('input.revised', `is the target already in force (${current.text})`);
          if (current.roundSequence !== null && round.sequence < current.roundSequence)
            throw invalid(
              'input.round',
              `precedes the round that stated the target in force; a revision is stated in that round or a later one`,
            );
          await lockRecommendation(tx, recommendationId);
          const id = await nextRevisionId(tx, recommendationId);
          await tx.dateRevision.create({
            data: {
              id,
              roundId: round.id,
              sequence: Number(/rev(\d+)$/.exec(id)![1]),
              actionId: subject.id,
              reason: input.reason.trim(),
              ...planDateColumns('previous', current.text),
              ...planDateColumns('revised', input.revised?.trim() ?? null),
            },
          });
          return {
            result: { revisionId: id, actionId: subject.id },
            before: { target: current.text },
            after: { target: input.revised?.trim() ?? null, reason: input.reason.trim(), round: round.id, dateRevision: id },
          };
        },
      );
      return { ...result, event };
    },
  }),
);
