/** ResponseTerm: how a plan defines "Agreed", "Partly Agreed" and "Not Agreed". */
import { builder } from './builder.js';
import { citationsDescription, citationsQuery } from './citation.js';
import { ResponseValueEnum } from './enums.js';

export const ResponseTerm = builder.prismaObject('ResponseTerm', {
  description: 'A response category as the action plan defines it, verbatim.',
  fields: (t) => ({
    value: t.expose('value', { type: ResponseValueEnum }),
    term: t.exposeString('term'),
    definition: t.exposeString('definition'),
    guidance: t.exposeString('guidance', { description: 'The plan’s "Additional comment" on what such a response must contain.' }),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});
