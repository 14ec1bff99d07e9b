/** completeAction: reports an action complete, with the evidence. */
import { commitWrite } from '../../writes/commit.js';
import { LIMITS, statedDate, text } from '../../writes/rules.js';
import { addProgressUpdate, roundFor } from '../../writes/steps.js';
import { builder } from '../builder.js';
import { Action } from '../action.js';
import { ReportingRound } from '../reporting-round.js';
import { WRITE_ERRORS } from '../write-errors.js';
import { owned } from './owned.js';
import { ProgressPayload } from './progress-payload.js';

const CompleteActionInput = builder.inputType('CompleteActionInput', {
  fields: (t) => ({
    action: t.globalID({ required: true, for: [Action] }),
    round: t.globalID({ required: true, for: [ReportingRound], description: 'The round that reports it complete.' }),
    expectedVersion: t.int({ required: true, description: 'The action’s version as read.' }),
    evidence: t.string({ required: true, validate: { schema: text(LIMITS.paragraph) }, description: 'What shows it done, as stated.' }),
    completedOn: t.string({ validate: { schema: statedDate }, description: 'When, as stated ("March 2026").' }),
  }),
});

builder.mutationField('completeAction', (t) =>
  t.field({
    type: ProgressPayload,
    description:
      'Reports an action complete, with the evidence: a COMPLETED progress update on it. Editors of an owning agency, or admins.',
    args: { input: t.arg({ type: CompleteActionInput, required: true }) },
    errors: { types: WRITE_ERRORS, union: { name: 'CompleteActionResult' } },
    authScopes: async (_root, { input }, ctx) => ({ editorOf: (await owned(ctx, 'Action', input.action.id)).agencyIds }),
    resolve: async (_root, { input }, ctx) => {
      const subject = await owned(ctx, 'Action', input.action.id);
      const round = await roundFor(ctx, input.round.id, subject.inspectionId);
      const recommendationId = subject.recommendationId!;
      const { result, event } = await commitWrite(
        ctx,
        { operation: 'completeAction', subject, expectedVersion: input.expectedVersion },
        async (tx) => {
          const update = await addProgressUpdate(tx, recommendationId, {
            roundId: round.id,
            status: 'COMPLETED',
            paragraphs: [input.evidence.trim()],
            target: input.completedOn?.trim() ?? 'Completed',
            actionId: subject.id,
          });
          return {
            result: { progressUpdateId: update.id, subject },
            before: { version: input.expectedVersion },
            after: {
              completed: true,
              evidence: update.paragraphs[0],
              completedOn: update.targetText,
              round: round.id,
              progressUpdate: update.id,
            },
          };
        },
      );
      return { ...result, event };
    },
  }),
);
