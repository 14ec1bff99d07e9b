/** unlinkDependency: records that a recommendation no longer relies on a dependency. */
import { commitWrite } from '../../writes/commit.js';
import { invalid } from '../../writes/errors.js';
import { builder } from '../builder.js';
import { Dependency } from '../dependency.js';
import { Recommendation } from '../recommendation.js';
import { WRITE_ERRORS } from '../write-errors.js';
import { DependencyLinkPayload } from './dependency-link-payload.js';
import { owned } from './owned.js';

const UnlinkDependencyInput = builder.inputType('UnlinkDependencyInput', {
  fields: (t) => ({
    recommendation: t.globalID({ required: true, for: [Recommendation] }),
    dependency: t.globalID({ required: true, for: [Dependency] }),
    expectedVersion: t.int({ required: true, description: 'The recommendation’s version as read.' }),
  }),
});

builder.mutationField('unlinkDependency', (t) =>
  t.field({
    type: DependencyLinkPayload,
    description:
      'Removes a recommendation’s link to a dependency (and any narrowing of it to actions). Editors of an owning agency, or admins.',
    args: { input: t.arg({ type: UnlinkDependencyInput, required: true }) },
    errors: { types: WRITE_ERRORS, union: { name: 'UnlinkDependencyResult' } },
    authScopes: async (_root, { input }, ctx) => ({ editorOf: (await owned(ctx, 'Recommendation', input.recommendation.id)).agencyIds }),
    resolve: async (_root, { input }, ctx) => {
      const subject = await owned(ctx, 'Recommendation', input.recommendation.id);
      const dependencyId = input.dependency.id;
      const { event } = await commitWrite(
        ctx,
        { operation: 'unlinkDependency', subject, expectedVersion: input.expectedVersion },
        async (tx) => {
          const narrowed = await tx.actionDependency.findMany({
            where: { dependencyId, action: { recommendationId: subject.id } },
            select: { actionId: true },
          });
          const { count } = await tx.recommendationDependency.deleteMany({ where: { recommendationId: subject.id, dependencyId } });
          if (count === 0) throw invalid('input.dependency', 'is not linked to the recommendation');
          await tx.actionDependency.deleteMany({ where: { dependencyId, actionId: { in: narrowed.map((n) => n.actionId) } } });
          return {
            result: null,
            before: { dependency: dependencyId, actions: narrowed.map((n) => n.actionId) },
            after: { dependency: null },
          };
        },
      );
      return { recommendationId: subject.id, dependencyId, event };
    },
  }),
);
