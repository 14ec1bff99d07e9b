/**
 * InspectorateComment: what an inspectorate said about a recommendation, an action or a dependency.
 * Inspectors and admins read all; others read the comments on records their agency (or a unit of
 * it) owns.
 */
import type { InspectorateComment as CommentRow } from '@prisma/client';
import type { Context } from '../context/context.js';
import { builder } from './builder.js';
import { owned } from './mutations/owned.js';

/** The record a comment is on. */
export const commentSubject = (c: Pick<CommentRow, 'recommendationId' | 'actionId' | 'dependencyId'>) =>
  c.recommendationId
    ? ({ type: 'Recommendation', id: c.recommendationId } as const)
    : c.actionId
      ? ({ type: 'Action', id: c.actionId } as const)
      : ({ type: 'Dependency', id: c.dependencyId! } as const);

/** Whether the viewer may read comments on a record owned by these agencies: the type's rule. */
export function mayReadComments(ctx: Context, agencyIds: readonly string[]): boolean {
  const { viewer } = ctx;
  return viewer.roles.has('admin') || viewer.roles.has('inspector') || agencyIds.some((a) => viewer.agencyScope.has(a));
}

export const InspectorateComment = builder.prismaNode('InspectorateComment', {
  id: { field: 'id' },
  nullable: true,
  description: 'A comment by an inspectorate on a recommendation, an action or a dependency.',
  runScopesOnType: true,
  authScopes: async (comment, ctx) => {
    const subject = commentSubject(comment);
    return { admin: true, inspector: true, memberOf: (await owned(ctx, subject.type, subject.id)).agencyIds };
  },
  fields: (t) => ({
    body: t.exposeString('body', { description: 'As written.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    authorId: t.exposeString('authorId', { description: 'The token subject of the inspector who wrote it.' }),
    authorAgency: t.relation('authorAgency'),
    recommendation: t.relation('recommendation', { nullable: true }),
    action: t.relation('action', { nullable: true }),
    dependency: t.relation('dependency', { nullable: true }),
  }),
});

/** A record's comments as a viewer may see them: all of them, or none (the type's rule, applied to the list). */
export async function readableComments(ctx: Context, type: 'Recommendation' | 'Action' | 'Dependency', id: string, comments: CommentRow[]) {
  if (comments.length === 0) return comments;
  return mayReadComments(ctx, (await owned(ctx, type, id)).agencyIds) ? comments : [];
}

export const commentsDescription = 'Inspectorate comments on it, oldest first: empty unless the viewer may read them.';
export const commentsInOrder = { orderBy: { createdAt: 'asc' as const } };
