/** recordProgress: a progress update on an action or a recommendation, stated in a reporting round. */
import type { Status } from '@prisma/client';
import { commitWrite } from '../../writes/commit.js';
import { invalid } from '../../writes/errors.js';
import { paragraphs, statedDate } from '../../writes/rules.js';
import { addProgressUpdate, roundFor } from '../../writes/steps.js';
import { currentTarget, sameDay } from '../../writes/targets.js';
import { builder } from '../builder.js';
import { Action } from '../action.js';
import { StatusEnum } from '../enums.js';
import { Recommendation } from '../recommendation.js';
import { ReportingRound } from '../reporting-round.js';
import { Role } from '../role.js';
import { WRITE_ERRORS } from '../write-errors.js';
import { owned, subjectOf } from './owned.js';
import { ProgressPayload } from './progress-payload.js';

const RecordProgressInput = builder.inputType('RecordProgressInput', {
  fields: (t) => ({
    subject: t.globalID({ required: true, for: [Action, Recommendation], description: 'The action or recommendation reported on.' }),
    round: t.globalID({ required: true, for: [ReportingRound], description: 'The reporting round the update is part of.' }),
    expectedVersion: t.int({ required: true, description: 'The subject’s version as read.' }),
    status: t.field({ type: StatusEnum, required: true }),
    paragraphs: t.stringList({
      required: true,
      validate: { schema: paragraphs },
      description: 'The update, paragraph by paragraph, as written.',
    }),
    target: t.string({
      validate: { schema: statedDate },
      description: 'The date the update states, as written. To change an action’s target use reviseTargetDate, which keeps the reason.',
    }),
    owner: t.globalID({ for: [Role], description: 'The role reporting, where the round names one.' }),
  }),
});

builder.mutationField('recordProgress', (t) =>
  t.field({
    type: ProgressPayload,
    description: 'Records what a reporting round says of an action or a recommendation. Editors of an owning agency, or admins.',
    args: { input: t.arg({ type: RecordProgressInput, required: true }) },
    errors: { types: WRITE_ERRORS, union: { name: 'RecordProgressResult' } },
    authScopes: async (_root, { input }, ctx) => ({
      editorOf: (await owned(ctx, subjectOf(input.subject).type, input.subject.id)).agencyIds,
    }),
    resolve: async (_root, { input }, ctx) => {
      const { type, id } = subjectOf(input.subject);
      const subject = await owned(ctx, type, id);
      const round = await roundFor(ctx, input.round.id, subject.inspectionId);
      const recommendationId = subject.recommendationId!;
      const { result, event } = await commitWrite(
        ctx,
        { operation: 'recordProgress', subject, expectedVersion: input.expectedVersion },
        async (tx) => {
          if (type === 'Action' && input.target) {
            const current = await currentTarget(tx, id);
            if (!sameDay(current?.text ?? null, input.target))
              throw invalid(
                'input.target',
                `differs from the action’s target in force (${current?.text ?? 'none'}): use reviseTargetDate, which records the reason`,
              );
          }
          const update = await addProgressUpdate(tx, recommendationId, {
            roundId: round.id,
            status: input.status as Status,
            paragraphs: input.paragraphs.map((p) => p.trim()),
            ownerId: input.owner?.id ?? null,
            target: input.target,
            actionId: type === 'Action' ? id : undefined,
          });
          return {
            result: { progressUpdateId: update.id, subject },
            before: { version: input.expectedVersion },
            after: {
              progressUpdate: {
                id: update.id,
                round: round.id,
                status: update.status,
                paragraphs: update.paragraphs,
                target: update.targetText,
                owner: update.ownerId,
              },
            },
          };
        },
      );
      return { ...result, event };
    },
  }),
);
