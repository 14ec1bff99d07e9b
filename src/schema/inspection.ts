/** Inspection: an inspection report and the action plan answering it. */
import { visibleRounds } from '../loaders/rounds.js';
import { builder } from './builder.js';
import { Agency } from './agency.js';
import { ReportingRound } from './reporting-round.js';
import { citationsDescription, citationsQuery } from './citation.js';
import { ReasonCategoryEnum, ResponseValueEnum } from './enums.js';
import { pageSize } from './pagination.js';
import { requiredPlanDateField } from './plan-date.js';
import { found } from './lookup.js';

export const Inspection = builder.prismaNode('Inspection', {
  id: { field: 'id' },
  nullable: true,
  description: 'An inspection report, the inspectorates that made it, and the action plan that answers it.',
  fields: (t) => ({
    slug: t.exposeString('slug'),
    title: t.exposeString('title', { description: 'Verbatim.' }),
    actionPlanTitle: t.exposeString('actionPlanTitle', { description: 'The title of the action plan answering it, verbatim.' }),
    published: t.field(requiredPlanDateField('published')),
    responseTerms: t.relation('responseTerms', {
      description: 'How the plan defines its response categories.',
      query: { orderBy: { value: 'asc' } },
    }),
    reasonCategories: t.field({
      type: [ReasonCategoryEnum],
      description: 'The reasons the plan allows for not fully agreeing a recommendation.',
      select: { reasonCategories: true },
      resolve: (i) => i.reasonCategories,
    }),
    keyFacts: t.relation('keyFacts', { query: { orderBy: { sequence: 'asc' } } }),
    summary: t.relation('summaryFigures', {
      description: 'The plan’s own summary table, each line beside the count of recorded rows.',
      query: { orderBy: { line: 'asc' } },
    }),
    recommendations: t.relatedConnection('recommendations', {
      cursor: 'id',
      ...pageSize,
      totalCount: true,
      args: { response: t.arg({ type: ResponseValueEnum }) },
      query: (args) => ({ where: args.response ? { response: args.response } : {}, orderBy: { number: 'asc' } }),
    }),
    notes: t.relation('notes', {
      description: 'Every note on this inspection’s record: gaps, inconsistencies, ambiguities, errata.',
      query: { orderBy: { sequence: 'asc' } },
    }),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});

// Fields that reach other types, added apart so each type's ref is typed before it is used.
builder.prismaObjectFields('Inspection', (t) => ({
  rounds: t.field({
    type: [ReportingRound],
    description: 'Reporting rounds, in order (inside `asOf`, those submitted by then).',
    select: (_args, _ctx, nested) => ({ rounds: nested({ orderBy: { sequence: 'asc' } }) }),
    resolve: (i, _args, ctx, info) => visibleRounds(ctx, info, i.rounds),
  }),
  leadInspectorate: t.field({
    type: Agency,
    nullable: true,
    select: (_args, _ctx, nested) => ({ inspectorates: { where: { role: 'LEAD' }, select: { agency: nested(true) } } }),
    resolve: (i) => i.inspectorates[0]?.agency ?? null,
  }),
  jointInspectorates: t.field({
    type: [Agency],
    select: (_args, _ctx, nested) => ({
      inspectorates: { where: { role: 'JOINT' }, select: { agency: nested(true) }, orderBy: { agencyId: 'asc' } },
    }),
    resolve: (i) => i.inspectorates.map((x) => x.agency),
  }),
  respondents: t.field({
    type: [Agency],
    description: 'Agencies that answer the inspection in the action plan.',
    select: (_args, _ctx, nested) => ({ respondents: { select: { agency: nested(true) }, orderBy: { agencyId: 'asc' } } }),
    resolve: (i) => i.respondents.map((x) => x.agency),
  }),
}));

builder.queryFields((t) => ({
  inspections: t.prismaConnection({
    type: Inspection,
    cursor: 'id',
    ...pageSize,
    description: 'Inspections, most recently published first.',
    resolve: (query, _root, _args, ctx) => ctx.db.inspection.findMany({ ...query, orderBy: [{ publishedLatest: 'desc' }, { id: 'asc' }] }),
    totalCount: (_root, _args, ctx) => ctx.db.inspection.count(),
  }),
  inspection: t.prismaField({
    type: Inspection,
    nullable: true,
    description: 'An inspection by its slug; an unknown slug is a NOT_FOUND error.',
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.inspection.findUnique({ ...query, where: { slug: args.slug } }).then((i) => found(i, 'inspection with that slug')),
  }),
}));
