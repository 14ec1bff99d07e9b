/** KeyFact: a figure or statement reported about an inspection. */
import { builder } from './builder.js';
import { citationsDescription, citationsQuery } from './citation.js';

export const KeyFact = builder.prismaObject('KeyFact', {
  description: 'A figure or statement reported about the inspection, verbatim, with the number it states.',
  fields: (t) => ({
    key: t.exposeString('key'),
    statement: t.exposeString('statement', { description: 'Verbatim.' }),
    value: t.exposeFloat('value', { nullable: true, description: 'The number the statement gives, if any.' }),
    unit: t.exposeString('unit', { nullable: true, description: 'What is counted.' }),
    period: t.exposeString('period', { nullable: true, description: 'The period the figure covers, verbatim.' }),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});
