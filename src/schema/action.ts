/** Action: a planned step under a recommendation, its owners, its target date and how that moved. */
import { builder } from './builder.js';
import { ProgressUpdate } from './progress-update.js';
import { Role } from './role.js';
import { citationsDescription, citationsQuery } from './citation.js';
import { daysBetween, PlanDate, planDate, planDateSelect, planDateField } from './plan-date.js';

const targetColumns = planDateSelect('target');
const revisedColumns = planDateSelect('revised');
const revisionsInOrder = { orderBy: [{ round: { sequence: 'asc' as const } }, { sequence: 'asc' as const }] };

/** The target as last stated: the latest revision's revised date (null if withdrawn), else the plan's. */
const currentTarget = (a: Parameters<typeof planDate<'target'>>[0] & { dateRevisions: Parameters<typeof planDate<'revised'>>[0][] }) => {
  const last = a.dateRevisions.at(-1);
  return last ? planDate(last, 'revised') : planDate(a, 'target');
};

export const Action = builder.prismaNode('Action', {
  id: { field: 'id' },
  nullable: true,
  description: 'A planned step under a recommendation, with its owners and target date.',
  fields: (t) => ({
    key: t.exposeString('key'),
    sequence: t.exposeInt('sequence', { description: 'Order within the recommendation.' }),
    text: t.exposeString('text', { description: 'Verbatim.' }),
    recommendation: t.relation('recommendation'),
    target: t.field(planDateField('target', 'The target date the plan states.')),
    currentTarget: t.field({
      type: PlanDate,
      nullable: true,
      description: 'The target as last stated: after the latest revision, or the plan’s if never revised. Null if a round withdrew it.',
      select: { ...targetColumns, dateRevisions: { select: revisedColumns, ...revisionsInOrder } },
      resolve: currentTarget,
    }),
    slipDays: t.int({
      nullable: true,
      description: 'Days from the plan’s target to the current one, by their latest bounds. Null when either has no date.',
      select: { ...targetColumns, dateRevisions: { select: revisedColumns, ...revisionsInOrder } },
      resolve: (a) => daysBetween(planDate(a, 'target'), currentTarget(a)),
    }),
    dateRevisions: t.relation('dateRevisions', {
      description: 'Every revision of its target date, in round order.',
      query: revisionsInOrder,
    }),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});

// Fields that reach other types, added apart so each type's ref is typed before it is used.
builder.prismaObjectFields('Action', (t) => ({
  owners: t.field({
    type: [Role],
    select: (_args, _ctx, nested) => ({ owners: { select: { role: nested(true) }, orderBy: { sequence: 'asc' } } }),
    resolve: (a) => a.owners.map((o) => o.role),
  }),
  progressUpdates: t.field({
    type: [ProgressUpdate],
    description: 'Progress reported against this action.',
    select: (_args, _ctx, nested) => ({
      progressUpdates: { select: { progressUpdate: nested(true) }, orderBy: { progressUpdateId: 'asc' } },
    }),
    resolve: (a) => a.progressUpdates.map((p) => p.progressUpdate),
  }),
}));
