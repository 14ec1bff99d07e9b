/** Dependency: a programme, system or product that recommendations rely on, with its own date history. */
import { builder } from './builder.js';
import { Recommendation } from './recommendation.js';
import { citationsDescription, citationsQuery } from './citation.js';
import { DependencyKindEnum, StatusEnum } from './enums.js';
import { pageSize } from './pagination.js';
import { PlanDate, planDate, planDateSelect } from './plan-date.js';

const inRoundOrder = { orderBy: [{ round: { sequence: 'asc' as const } }, { sequence: 'asc' as const }] };
const expectedColumns = planDateSelect('expected');
const revisedColumns = planDateSelect('revised');

export const Dependency = builder.prismaNode('Dependency', {
  id: { field: 'id' },
  nullable: true,
  description: 'A programme, system or product that recommendations rely on (e.g. MAPPS, high-side technology).',
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name', { description: 'Verbatim.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names the documents use, verbatim.' }),
    kind: t.expose('kind', { type: DependencyKindEnum }),
    leadAgency: t.relation('leadAgency', { nullable: true, description: 'Null where no document names a lead.' }),
    updates: t.relation('updates', { description: 'What each round said of it, in round order.', query: inRoundOrder }),
    status: t.field({
      type: StatusEnum,
      description: 'The status given by the latest statement about it.',
      select: { updates: { select: { status: true }, ...inRoundOrder } },
      resolve: (d) => d.updates.at(-1)?.status ?? 'NOT_STATED',
    }),
    expected: t.field({
      type: PlanDate,
      nullable: true,
      description: 'The date now expected: the latest revision’s (null if withdrawn), else the latest date stated.',
      select: { updates: { select: expectedColumns, ...inRoundOrder }, dateRevisions: { select: revisedColumns, ...inRoundOrder } },
      resolve: (d) => {
        const revision = d.dateRevisions.at(-1);
        if (revision) return planDate(revision, 'revised');
        const stated = d.updates.filter((u) => u.expectedText !== null).at(-1);
        return stated ? planDate(stated, 'expected') : null;
      },
    }),
    dateRevisions: t.relation('dateRevisions', {
      description: 'Every revision of its expected date, in round order.',
      query: inRoundOrder,
    }),
    notes: t.relation('notes', { query: { orderBy: { sequence: 'asc' } } }),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});

// Fields that reach other types, added apart so each type's ref is typed before it is used.
builder.prismaObjectFields('Dependency', (t) => ({
  recommendations: t.field({
    type: [Recommendation],
    description: 'Recommendations that rely on it.',
    select: (_args, _ctx, nested) => ({
      recommendations: { select: { recommendation: nested(true) }, orderBy: { recommendationId: 'asc' } },
    }),
    resolve: (d) => d.recommendations.map((r) => r.recommendation).sort((a, b) => a.number - b.number),
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
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.db.dependency.findUnique({ ...query, where: { slug: args.slug } }),
  }),
}));
