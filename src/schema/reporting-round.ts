/** ReportingRound: one submission of the plan or of progress against it. */
import { builder } from './builder.js';
import { citationsDescription, citationsQuery } from './citation.js';
import { RoundKindEnum } from './enums.js';
import { planDateField, requiredPlanDateField } from './plan-date.js';

export const ReportingRound = builder.prismaNode('ReportingRound', {
  id: { field: 'id' },
  nullable: true,
  description: 'One submission of the action plan or of progress against it (e.g. the 12-month update of 9 August 2024).',
  fields: (t) => ({
    slug: t.exposeString('slug'),
    kind: t.expose('kind', { type: RoundKindEnum }),
    label: t.exposeString('label'),
    sequence: t.exposeInt('sequence', { description: 'Order of the round within its inspection.' }),
    submittedOn: t.field(requiredPlanDateField('submitted')),
    asAt: t.field(planDateField('asAt', 'The date progress is reported as at, where it differs from submission.')),
    inspection: t.relation('inspection'),
    document: t.relation('document', {
      nullable: true,
      description: 'Null for a round entered through the API before any document is on record.',
    }),
    progressUpdates: t.relation('progressUpdates', { query: { orderBy: [{ recommendation: { number: 'asc' } }, { sequence: 'asc' }] } }),
    dateRevisions: t.relation('dateRevisions', { description: 'Dates this round changed.', query: { orderBy: [{ id: 'asc' }] } }),
    dependencyUpdates: t.relation('dependencyUpdates', { query: { orderBy: [{ dependencyId: 'asc' }, { sequence: 'asc' }] } }),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});
