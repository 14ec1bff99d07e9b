/** linkDependency: records that a recommendation (or some of its actions) relies on a dependency. */
import { commitWrite } from '../../writes/commit.js';
import { invalid, NotFoundError } from '../../writes/errors.js';
import { builder } from '../builder.js';
import { Action } from '../action.js';
import { Dependency } from '../dependency.js';
import { Recommendation } from '../recommendation.js';
import { WRITE_ERRORS } from '../write-errors.js';
import { DependencyLinkPayload } from './dependency-link-payload.js';
import { owned } from './owned.js';

const LinkDependencyInput = builder.inputType('LinkDependencyInput', {
  fields: (t) => ({
    recommendation: t.globalID({ required: true, for: [Recommendation] }),
    dependency: t.globalID({ required: true, for: [Dependency] }),
    expectedVersion: t.int({ required: true, description: 'The recommendation’s version as read.' }),
    actions: t.globalIDList({
      for: [Action],
      validate: { minLength: 1, maxLength: 50 },
      description: 'Only these of its actions rely on it; leave out when the whole recommendation does.',
    }),
  }),
});

builder.mutationField('linkDependency', (t) =>
  t.field({
    type: DependencyLinkPayload,
    description: 'Links a recommendation, or some of its actions, to a dependency it relies on. Editors of an owning agency, or admins.',
    args: { input: t.arg({ type: LinkDependencyInput, required: true }) },
    errors: { types: WRITE_ERRORS, union: { name: 'LinkDependencyResult' } },
    authScopes: async (_root, { input }, ctx) => ({ editorOf: (await owned(ctx, 'Recommendation', input.recommendation.id)).agencyIds }),
    resolve: async (_root, { input }, ctx) => {
      const subject = await owned(ctx, 'Recommendation', input.recommendation.id);
      const dependencyId = input.dependency.id;
      if (!(await ctx.db.dependency.findUnique({ where: { id: dependencyId }, select: { id: true } })))
        throw new NotFoundError(`No dependency with id "${dependencyId}".`, dependencyId);
      const actionIds = input.actions?.map((a) => a.id) ?? [];
      const actions = await ctx.db.action.findMany({
        where: { id: { in: actionIds }, recommendationId: subject.id },
        select: { id: true },
      });
      const stray = actionIds.find((id) => !actions.some((a) => a.id === id));
      if (stray) throw invalid('input.actions', `action "${stray}" is not one of the recommendation’s`);
      const { event } = await commitWrite(
        ctx,
        { operation: 'linkDependency', subject, expectedVersion: input.expectedVersion },
        async (tx) => {
          const existing = await tx.recommendationDependency.findUnique({
            where: { recommendationId_dependencyId: { recommendationId: subject.id, dependencyId } },
          });
          if (existing) throw invalid('input.dependency', 'is already linked to the recommendation');
          await tx.recommendationDependency.create({ data: { recommendationId: subject.id, dependencyId } });
          if (actionIds.length) await tx.actionDependency.createMany({ data: actionIds.map((actionId) => ({ actionId, dependencyId })) });
          return { result: null, before: null, after: { dependency: dependencyId, actions: actionIds } };
        },
      );
      return { recommendationId: subject.id, dependencyId, event };
    },
  }),
);
