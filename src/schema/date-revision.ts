/** DateRevision: one change to a stated date, the round that made it and the reason it gave. */
import { builder } from './builder.js';
import { citationsDescription, citationsQuery } from './citation.js';
import { daysBetween, planDate, planDateField, requiredPlanDateField } from './plan-date.js';

const RevisionDirection = builder.enumType('RevisionDirection', {
  description: 'LATER/EARLIER/UNCHANGED compare the latest bounds; WITHDRAWN: no new date was given; UNKNOWN: a date has no bound.',
  values: ['LATER', 'EARLIER', 'UNCHANGED', 'WITHDRAWN', 'UNKNOWN'] as const,
});

export const DateRevision = builder.prismaNode('DateRevision', {
  id: { field: 'id' },
  nullable: true,
  description: 'One change to a stated date (an action’s target or a dependency’s expected date).',
  fields: (t) => ({
    round: t.relation('round', { description: 'The round that stated the new date.' }),
    action: t.relation('action', { nullable: true }),
    dependency: t.relation('dependency', { nullable: true }),
    previous: t.field(requiredPlanDateField('previous')),
    revised: t.field(planDateField('revised', 'Null when the round withdrew the date without giving a new one.')),
    reason: t.exposeString('reason', { nullable: true, description: 'The reason stated, verbatim; null where none was given.' }),
    slipDays: t.int({
      nullable: true,
      description: 'Days between the latest bounds of the previous and revised dates; positive when later.',
      resolve: (r) => daysBetween(planDate(r, 'previous'), planDate(r, 'revised')),
    }),
    direction: t.field({
      type: RevisionDirection,
      resolve: (r) => {
        if (r.revisedText === null) return 'WITHDRAWN';
        const days = daysBetween(planDate(r, 'previous'), planDate(r, 'revised'));
        return days === null ? 'UNKNOWN' : days > 0 ? 'LATER' : days < 0 ? 'EARLIER' : 'UNCHANGED';
      },
    }),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});
