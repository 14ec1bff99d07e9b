/** RecordNote: a curator's note on the record itself, with the excerpts that show it. */
import { builder } from './builder.js';
import { citationsDescription, citationsQuery } from './citation.js';
import { NoteKindEnum } from './enums.js';

export const RecordNote = builder.prismaNode('RecordNote', {
  id: { field: 'id' },
  nullable: true,
  description:
    'A note on the record itself: where it is silent, contradicts itself, is ambiguous or has an evident slip. ' +
    'The summary is the curators’ wording; the citations are the evidence.',
  fields: (t) => ({
    kind: t.expose('kind', { type: NoteKindEnum }),
    summary: t.exposeString('summary'),
    inspection: t.relation('inspection'),
    recommendation: t.relation('recommendation', { nullable: true }),
    dependency: t.relation('dependency', { nullable: true }),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});
