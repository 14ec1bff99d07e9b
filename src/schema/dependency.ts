/** Dependency: a programme, system or product that recommendations rely on, with its own date history. */
import { visibleRows } from '../loaders/rounds.js';
import { dependencyStates, frameOf } from '../loaders/work-states.js';
import { orOwnColumns } from './nested-selection.js';
import { builder } from './builder.js';
import { commentsDescription, commentsInOrder, InspectorateComment, readableComments } from './inspectorate-comment.js';
import { DateRevision } from './date-revision.js';
import { DependencyUpdate } from './dependency-update.js';
import { Recommendation } from './recommendation.js';
import { Slippage } from './slippage.js';
import { citationsDescription, citationsQuery } from './citation.js';
import { DependencyImpact, impactOf } from './dependency-impact.js';
import { DependencyKindEnum, StatusEnum } from './enums.js';
import { pageSize } from './pagination.js';
import { PlanDate } from './plan-date.js';
import { asPlanDate } from './work-status.js';
import { found } from './lookup.js';

const inRoundOrder = { orderBy: [{ round: { sequence: 'asc' as const } }, { sequence: 'asc' as const }] };

export const Dependency = builder.prismaNode('Dependency', {
  id: { field: 'id' },
  nullable: true,
  description: 'A programme, system or product that recommendations rely on (e.g. MAPPS, high-side technology).',
  fields: (t) => ({
    slug: t.exposeString('slug'),
    version: t.exposeInt('version', { description: 'Changes with every write; a write carries the version it read.' }),
    name: t.exposeString('name', { description: 'Verbatim.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names the documents use, verbatim.' }),
    kind: t.expose('kind', { type: DependencyKindEnum }),
    leadAgency: t.relation('leadAgency', { nullable: true, description: 'Null where no document names a lead.' }),
    status: t.field({
      type: StatusEnum,
      description: 'The status given by the latest statement about it.',
      resolve: async (d, _args, ctx, info) => (await dependencyStates(ctx, frameOf(ctx, info)).load(d.id)).status as never,
    }),
    expected: t.field({
      type: PlanDate,
      nullable: true,
      description: 'The date now expected: the latest revision’s (null if withdrawn), else the latest date stated.',
      resolve: async (d, _args, ctx, info) => asPlanDate((await dependencyStates(ctx, frameOf(ctx, info)).load(d.id)).current),
    }),
    notes: t.relation('notes', { query: { orderBy: { sequence: 'asc' } } }),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});

// Fields that reach other types, added apart so each type's ref is typed before it is used.
builder.prismaObjectFields('Dependency', (t) => ({
  comments: t.field({
    type: [InspectorateComment],
    description: commentsDescription,
    select: (_args, _ctx, nested) => ({ comments: nested(commentsInOrder) }),
    resolve: (d, _args, ctx) => readableComments(ctx, 'Dependency', d.id, d.comments),
  }),
  updates: t.field({
    type: [DependencyUpdate],
    description: 'What each round said of it, in round order.',
    select: (_args, _ctx, nested) => ({ updates: nested(inRoundOrder) }),
    resolve: (d, _args, ctx, info) => visibleRows(ctx, info, d.updates),
  }),
  dateRevisions: t.field({
    type: [DateRevision],
    description: 'Every revision of its expected date, in round order.',
    select: (_args, _ctx, nested) => ({ dateRevisions: nested(inRoundOrder) }),
    resolve: (d, _args, ctx, info) => visibleRows(ctx, info, d.dateRevisions),
  }),
  slippage: t.field({
    type: Slippage,
    description: 'How far its expected date moved, from the first stated to the one in force, through which revisions.',
    select: (_args, _ctx, nested) => ({
      dateRevisions: orOwnColumns(nested(inRoundOrder, ['revisions'], 'DateRevision'), { id: true, roundId: true }),
    }),
    resolve: async (d, _args, ctx, info) => {
      const [slip, revisions] = await Promise.all([
        dependencyStates(ctx, frameOf(ctx, info)).load(d.id),
        visibleRows(ctx, info, d.dateRevisions),
      ]);
      return { slip, revisions, withdrawn: slip.current === null && slip.revisionCount > 0 };
    },
  }),
  recommendations: t.field({
    type: [Recommendation],
    description: 'Recommendations linked to it directly (see `impact` for those relying on it through other dependencies).',
    select: (_args, _ctx, nested) => ({
      recommendations: { select: { recommendation: nested(true) }, orderBy: { recommendationId: 'asc' } },
    }),
    resolve: (d) => d.recommendations.map((r) => r.recommendation).sort((a, b) => a.number - b.number),
  }),
  dependsOn: t.field({
    type: [Dependency],
    description: 'Other dependencies it relies on, as the documents state (see citations(field: "dependsOn")).',
    select: (_args, _ctx, nested) => ({ prerequisites: { select: { prerequisite: nested(true) }, orderBy: { prerequisiteId: 'asc' } } }),
    resolve: (d) => d.prerequisites.map((p) => p.prerequisite),
  }),
  dependents: t.field({
    type: [Dependency],
    description: 'Other dependencies that rely on it.',
    select: (_args, _ctx, nested) => ({ dependents: { select: { dependent: nested(true) }, orderBy: { dependentId: 'asc' } } }),
    resolve: (d) => d.dependents.map((p) => p.dependent),
  }),
  impact: t.field({
    type: DependencyImpact,
    description:
      'The recommendations and actions relying on it, directly or through other dependencies, and which it puts at risk ' +
      'because it is expected later than their target.',
    select: { name: true },
    resolve: (d, _args, ctx, info) => impactOf(ctx, frameOf(ctx, info), d),
  }),
}));

builder.queryFields((t) => ({
  dependencies: t.prismaConnection({
    type: Dependency,
    cursor: 'id',
    ...pageSize,
    description: 'Programmes, systems and products that recommendations rely on, by name.',
    args: { kind: t.arg({ type: DependencyKindEnum }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.dependency.findMany({ ...query, where: args.kind ? { kind: args.kind } : {}, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    totalCount: (_root, args, ctx) => ctx.db.dependency.count({ where: args.kind ? { kind: args.kind } : {} }),
  }),
  dependency: t.prismaField({
    type: Dependency,
    nullable: true,
    description: 'A dependency by its slug; an unknown slug is a NOT_FOUND error.',
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.dependency.findUnique({ ...query, where: { slug: args.slug } }).then((d) => found(d, 'dependency with that slug')),
  }),
}));
