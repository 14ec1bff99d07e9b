/** Action: a planned step under a recommendation, its owners, its target date and how that moved. */
import { queryFromInfo } from '@pothos/plugin-prisma';
import { actionPage, actionTallies } from '../database/queries/search.js';
import { actionStates, frameOf } from '../loaders/work-states.js';
import { dateRevisionsOf, progressUpdatesOf } from '../loaders/relations.js';
import { visibleRows, visibleRowsOf } from '../loaders/rounds.js';
import { orOwnColumns } from './nested-selection.js';
import { builder } from './builder.js';
import { commentsDescription, commentsInOrder, InspectorateComment, readableComments } from './inspectorate-comment.js';
import { DateRevision } from './date-revision.js';
import { Dependency } from './dependency.js';
import { ProgressUpdate } from './progress-update.js';
import { Role } from './role.js';
import { Slippage } from './slippage.js';
import { citationsDescription, citationsQuery } from './citation.js';
import { resolveDerivedConnection } from './derived-connection.js';
import { ActionFilter, actionQuestion, Ordering, sortOf } from './filters.js';
import { talliedConnectionFields } from './tally.js';
import { PlanDate, planDateField } from './plan-date.js';
import { asPlanDate, WorkStatus } from './work-status.js';

export const revisionsInOrder = { orderBy: [{ round: { sequence: 'asc' as const } }, { sequence: 'asc' as const }] };

export const Action = builder.prismaNode('Action', {
  id: { field: 'id' },
  nullable: true,
  description: 'A planned step under a recommendation, with its owners and target date.',
  fields: (t) => ({
    key: t.exposeString('key'),
    sequence: t.exposeInt('sequence', { description: 'Order within the recommendation.' }),
    version: t.exposeInt('version', { description: 'Changes with every write; a write carries the version it read.' }),
    text: t.exposeString('text', { description: 'Verbatim.' }),
    recommendation: t.relation('recommendation'),
    target: t.field(planDateField('target', 'The target date the plan states.')),
    currentTarget: t.field({
      type: PlanDate,
      nullable: true,
      description: 'The target in force: after the latest revision, or the plan’s if never revised. Null if a round withdrew it.',
      resolve: async (a, _args, ctx, info) => asPlanDate((await actionStates(ctx, frameOf(ctx, info)).load(a.id)).current),
    }),
    slipDays: t.int({
      nullable: true,
      description: 'Days from the plan’s target to the one in force, by their latest bounds. Null when either has no date.',
      resolve: async (a, _args, ctx, info) => (await actionStates(ctx, frameOf(ctx, info)).load(a.id)).slipDays,
    }),
    status: t.field({
      type: WorkStatus,
      description: 'Where the action stands, and the report and date that decided it.',
      resolve: async (a, _args, ctx, info) => {
        const frame = frameOf(ctx, info);
        return { row: await actionStates(ctx, frame).load(a.id), frame, subject: 'action' as const };
      },
    }),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});

// Fields that reach other types, added apart so each type's ref is typed before it is used.
builder.prismaObjectFields('Action', (t) => ({
  comments: t.field({
    type: [InspectorateComment],
    description: commentsDescription,
    select: (_args, _ctx, nested) => ({ comments: nested(commentsInOrder) }),
    resolve: (a, _args, ctx) => readableComments(ctx, 'Action', a.id, a.comments),
  }),
  owners: t.field({
    type: [Role],
    select: (_args, _ctx, nested) => ({ owners: { select: { role: nested(true) }, orderBy: { sequence: 'asc' } } }),
    resolve: (a) => a.owners.map((o) => o.role),
  }),
  progressUpdates: t.field({
    type: [ProgressUpdate],
    description: 'Progress reported against this action, in round order.',
    resolve: (a, _args, ctx, info) => visibleRowsOf(ctx, info, progressUpdatesOf(ctx, info, a.id)),
  }),
  dependencies: t.field({
    type: [Dependency],
    description:
      'Dependencies its work relies on: those its recommendation’s links are narrowed to this action, and those not narrowed to any.',
    select: (_args, _ctx, nested) => ({
      dependencies: { select: { dependencyId: true } },
      recommendation: {
        select: {
          dependencies: { select: { dependency: nested(true) }, orderBy: { dependencyId: 'asc' } },
          actions: { select: { id: true, dependencies: { select: { dependencyId: true } } } },
        },
      },
    }),
    resolve: (a) => {
      const own = new Set(a.dependencies.map((d) => d.dependencyId));
      const narrowed = new Set(a.recommendation.actions.flatMap((x) => x.dependencies.map((d) => d.dependencyId)));
      return a.recommendation.dependencies.map((l) => l.dependency).filter((d) => own.has(d.id) || !narrowed.has(d.id));
    },
  }),
  dateRevisions: t.field({
    type: [DateRevision],
    description: 'Every revision of its target date, in round order.',
    resolve: (a, _args, ctx, info) => visibleRowsOf(ctx, info, dateRevisionsOf(ctx, info, a.id)),
  }),
  slippage: t.field({
    type: Slippage,
    description: 'How far its target moved, through which revisions.',
    select: (_args, _ctx, nested) => ({
      dateRevisions: orOwnColumns(nested(revisionsInOrder, ['revisions'], 'DateRevision'), { id: true, roundId: true }),
    }),
    resolve: async (a, _args, ctx, info) => {
      const [slip, revisions] = await Promise.all([
        actionStates(ctx, frameOf(ctx, info)).load(a.id),
        visibleRows(ctx, info, a.dateRevisions),
      ]);
      return { slip, revisions, withdrawn: slip.current === null && slip.original !== null };
    },
  }),
}));

builder.queryFields((t) => ({
  actions: t.connection(
    {
      type: Action,
      description:
        'Actions across inspections, filtered and ordered (by default by inspection, recommendation number and place). ' +
        'Inside `asOf`, states, targets and slippage are those of the record at that point.',
      args: { filter: t.arg({ type: ActionFilter }), orderBy: t.arg({ type: Ordering }) },
      resolve: async (_root, args, ctx, info) => {
        const frame = frameOf(ctx, info);
        const question = { frame, ...(await actionQuestion(ctx, args.filter)), sort: sortOf(args.orderBy) };
        return resolveDerivedConnection(args, info, {
          tallies: (byState) => actionTallies(ctx.db, question, byState),
          page: (offset, limit) => actionPage(ctx.db, question, offset, limit),
          nodes: (ids) =>
            ctx.db.action.findMany({
              ...queryFromInfo({ context: ctx, info, typeName: 'Action', paths: [['nodes'], ['edges', 'node']] }),
              where: { id: { in: ids } },
            }),
          prime: (states) => {
            const loader = actionStates(ctx, frame);
            for (const s of states) loader.prime(s.id, s);
          },
        });
      },
    },
    { fields: talliedConnectionFields },
  ),
}));
