/** DependencyUpdate: what one reporting round said about a programme, system or product. */
import { builder } from './builder.js';
import { citationsDescription, citationsQuery } from './citation.js';
import { StatusEnum } from './enums.js';
import { planDateField } from './plan-date.js';

export const DependencyUpdate = builder.prismaNode('DependencyUpdate', {
  id: { field: 'id' },
  nullable: true,
  description: 'What one reporting round said about a dependency: its state and the date then expected.',
  fields: (t) => ({
    round: t.relation('round'),
    dependency: t.relation('dependency'),
    status: t.expose('status', { type: StatusEnum }),
    statement: t.exposeString('statement', { description: 'Verbatim.' }),
    expected: t.field(planDateField('expected')),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});
