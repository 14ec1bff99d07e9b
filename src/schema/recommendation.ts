/** Recommendation: what an inspection asked for, who it was addressed to, and how it was answered. */
import type { Prisma, ReasonCategory, ResponseValue } from '@prisma/client';
import { builder } from './builder.js';
import { Agency } from './agency.js';
import { DateRevision } from './date-revision.js';
import { Dependency } from './dependency.js';
import { ReportingRound } from './reporting-round.js';
import { citationsDescription, citationsQuery } from './citation.js';
import { ReasonCategoryEnum, ResponseValueEnum, StatusEnum } from './enums.js';
import { pageSize } from './pagination.js';

const RecommendationResponse = builder
  .objectRef<{ value: ResponseValue; narrative: string[]; reasons: ReasonCategory[] }>('RecommendationResponse')
  .implement({
    description: 'The plan’s response to a recommendation.',
    fields: (t) => ({
      value: t.expose('value', { type: ResponseValueEnum }),
      narrative: t.exposeStringList('narrative', { description: 'The response column, paragraph by paragraph, verbatim.' }),
      reasons: t.expose('reasons', {
        type: [ReasonCategoryEnum],
        description: 'Why it was not fully agreed; empty when agreed.',
      }),
    }),
  });

export const Recommendation = builder.prismaNode('Recommendation', {
  id: { field: 'id' },
  nullable: true,
  description: 'A recommendation of an inspection, its addressees, the response, and the actions and progress against it.',
  fields: (t) => ({
    number: t.exposeInt('number'),
    text: t.exposeString('text', { nullable: true, description: 'Verbatim. Null where the record omits the recommendation (see notes).' }),
    inspection: t.relation('inspection'),
    addresseeHeading: t.exposeString('addresseeHeading', {
      nullable: true,
      description: 'The heading the recommendation sits under in the plan, e.g. "The Ministry of Justice should:".',
    }),
    response: t.field({
      type: RecommendationResponse,
      nullable: true,
      description: 'Null where the record gives no response.',
      select: { response: true, responseNarrative: true, reasonCategories: true },
      resolve: (r) => (r.response ? { value: r.response, narrative: r.responseNarrative, reasons: r.reasonCategories } : null),
    }),
    actions: t.relation('actions', { description: 'Planned steps, in plan order.', query: { orderBy: { sequence: 'asc' } } }),
    progressUpdates: t.relation('progressUpdates', {
      description: 'What each reporting round said, in round order.',
      args: { round: t.arg.string({ description: 'Only this round (its slug).' }) },
      query: (args) => ({
        where: args.round ? { round: { slug: args.round } } : {},
        orderBy: [{ round: { sequence: 'asc' } }, { sequence: 'asc' }],
      }),
    }),
    latestStatuses: t.field({
      type: [StatusEnum],
      description: 'The distinct statuses given in the latest round that reported on it (a round may report several strands).',
      select: { progressUpdates: { select: { status: true, round: { select: { sequence: true } } } } },
      resolve: (r) => {
        const last = Math.max(...r.progressUpdates.map((p) => p.round.sequence));
        return [...new Set(r.progressUpdates.filter((p) => p.round.sequence === last).map((p) => p.status))];
      },
    }),
    notes: t.relation('notes', {
      description: 'Gaps, inconsistencies, ambiguities and errata in its record.',
      query: { orderBy: { sequence: 'asc' } },
    }),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});

// Fields that reach other types, added apart so each type's ref is typed before it is used.
builder.prismaObjectFields('Recommendation', (t) => ({
  addressees: t.field({
    type: [Agency],
    select: (_args, _ctx, nested) => ({ addressees: { select: { agency: nested(true) }, orderBy: { agencyId: 'asc' } } }),
    resolve: (r) => r.addressees.map((a) => a.agency),
  }),
  lastReportedIn: t.field({
    type: ReportingRound,
    nullable: true,
    description: 'The latest round that reported progress on this recommendation.',
    select: (_args, _ctx, nested) => ({
      progressUpdates: { select: { round: nested(true) }, orderBy: [{ round: { sequence: 'desc' } }], take: 1 },
    }),
    resolve: (r) => r.progressUpdates[0]?.round ?? null,
  }),
  dateRevisions: t.field({
    type: [DateRevision],
    description: 'Every revision of the target dates of its actions, in round order.',
    select: (_args, _ctx, nested) => ({
      actions: {
        select: { dateRevisions: nested({ orderBy: [{ round: { sequence: 'asc' } }, { sequence: 'asc' }] }) },
        orderBy: { sequence: 'asc' },
      },
    }),
    resolve: (r) => r.actions.flatMap((a) => a.dateRevisions),
  }),
  dependencies: t.field({
    type: [Dependency],
    description: 'Programmes, systems and products it relies on.',
    select: (_args, _ctx, nested) => ({ dependencies: { select: { dependency: nested(true) }, orderBy: { dependencyId: 'asc' } } }),
    resolve: (r) => r.dependencies.map((d) => d.dependency),
  }),
}));

const RecommendationFilter = builder.inputType('RecommendationFilter', {
  description: 'All given conditions must hold.',
  fields: (t) => ({
    inspection: t.string({ description: 'Inspection slug.' }),
    response: t.field({ type: ResponseValueEnum }),
    addressedTo: t.string({ description: 'Agency slug: recommendations addressed to it.' }),
    dependsOn: t.string({ description: 'Dependency slug: recommendations relying on it.' }),
    ownedBy: t.string({ description: 'Agency slug: recommendations with an action owned by a role in it.' }),
    numbers: t.intList({ description: 'Recommendation numbers.' }),
    hasNotes: t.boolean({ description: 'Only those whose record has (true) or has no (false) notes.' }),
    hasDateRevisions: t.boolean({ description: 'Only those with (true) or without (false) a revised target date.' }),
  }),
});

type Filter = typeof RecommendationFilter.$inferInput;
function whereOf(f: Filter | null | undefined): Prisma.RecommendationWhereInput {
  if (!f) return {};
  const where: Prisma.RecommendationWhereInput[] = [];
  if (f.inspection) where.push({ inspection: { slug: f.inspection } });
  if (f.response) where.push({ response: f.response });
  if (f.addressedTo) where.push({ addressees: { some: { agency: { slug: f.addressedTo } } } });
  if (f.dependsOn) where.push({ dependencies: { some: { dependency: { slug: f.dependsOn } } } });
  if (f.ownedBy) where.push({ actions: { some: { owners: { some: { role: { agency: { slug: f.ownedBy } } } } } } });
  if (f.numbers) where.push({ number: { in: f.numbers } });
  if (f.hasNotes != null) where.push({ notes: f.hasNotes ? { some: {} } : { none: {} } });
  if (f.hasDateRevisions != null) {
    const some = { actions: { some: { dateRevisions: { some: {} } } } };
    where.push(f.hasDateRevisions ? some : { NOT: some });
  }
  return { AND: where };
}

builder.queryFields((t) => ({
  recommendations: t.prismaConnection({
    type: Recommendation,
    cursor: 'id',
    ...pageSize,
    description: 'Recommendations across inspections, by inspection then number.',
    args: { filter: t.arg({ type: RecommendationFilter }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.recommendation.findMany({
        ...query,
        where: whereOf(args.filter),
        orderBy: [{ inspectionId: 'asc' }, { number: 'asc' }, { id: 'asc' }],
      }),
    totalCount: (_root, args, ctx) => ctx.db.recommendation.count({ where: whereOf(args.filter) }),
  }),
  recommendation: t.prismaField({
    type: Recommendation,
    nullable: true,
    description: 'A recommendation by inspection slug and number.',
    args: { inspection: t.arg.string({ required: true }), number: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.recommendation.findFirst({ ...query, where: { inspection: { slug: args.inspection }, number: args.number } }),
  }),
}));
