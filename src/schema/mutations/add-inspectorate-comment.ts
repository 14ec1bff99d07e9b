/** addInspectorateComment: an inspectorate's comment on a recommendation, an action or a dependency. */
import { randomUUID } from 'node:crypto';
import { commitWrite } from '../../writes/commit.js';
import { LIMITS, text } from '../../writes/rules.js';
import { builder } from '../builder.js';
import { Action } from '../action.js';
import { AuditEvent } from '../audit-event.js';
import { Dependency } from '../dependency.js';
import { InspectorateComment } from '../inspectorate-comment.js';
import { Recommendation } from '../recommendation.js';
import { WRITE_ERRORS } from '../write-errors.js';
import { owned, subjectOf } from './owned.js';

const AddInspectorateCommentInput = builder.inputType('AddInspectorateCommentInput', {
  fields: (t) => ({
    subject: t.globalID({ required: true, for: [Recommendation, Action, Dependency], description: 'The record commented on.' }),
    body: t.string({ required: true, validate: { schema: text(LIMITS.comment) } }),
  }),
});

const AddInspectorateCommentPayload = builder
  .objectRef<{ commentId: string; event: typeof AuditEvent.$inferType }>('AddInspectorateCommentPayload')
  .implement({
    fields: (t) => ({
      comment: t.field({
        type: InspectorateComment,
        resolve: (p, _a, ctx) => ctx.db.inspectorateComment.findUniqueOrThrow({ where: { id: p.commentId } }),
      }),
      auditEvent: t.field({ type: AuditEvent, resolve: (p) => p.event }),
    }),
  });

builder.mutationField('addInspectorateComment', (t) =>
  t.field({
    type: AddInspectorateCommentPayload,
    description: 'Adds an inspectorate comment to a recommendation, an action or a dependency. Inspectors and admins.',
    args: { input: t.arg({ type: AddInspectorateCommentInput, required: true }) },
    errors: { types: WRITE_ERRORS, union: { name: 'AddInspectorateCommentResult' } },
    authScopes: { inspector: true },
    resolve: async (_root, { input }, ctx) => {
      const { type, id } = subjectOf(input.subject);
      const subject = await owned(ctx, type, id);
      const commentId = randomUUID();
      const link = { Recommendation: 'recommendationId', Action: 'actionId', Dependency: 'dependencyId' }[type as 'Action'];
      // Comments change nothing on the record itself, so they carry no version to check.
      const { event } = await commitWrite(ctx, { operation: 'addInspectorateComment', subject, expectedVersion: null }, async (tx) => {
        const comment = await tx.inspectorateComment.create({
          data: { id: commentId, body: input.body.trim(), authorId: ctx.viewer.id!, authorAgencyId: ctx.viewer.agencyId!, [link]: id },
        });
        return { result: null, before: null, after: { comment: comment.id, body: comment.body } };
      });
      return { commentId, event };
    },
  }),
);
