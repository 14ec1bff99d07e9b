/** SourceDocument: a published document the record is taken from, with its full text. */
import { builder } from './builder.js';
import { Agency } from './agency.js';
import { citationsDescription, citationsQuery } from './citation.js';
import { SourceKindEnum } from './enums.js';
import { pageSize } from './pagination.js';
import { planDateField } from './plan-date.js';
import { found } from './lookup.js';

export const SourceDocument = builder.prismaNode('SourceDocument', {
  id: { field: 'id' },
  nullable: true,
  // Columns load only when asked for: a citation's document should not drag its full text along.
  select: { id: true },
  description: 'A published document the record is taken from. Every citation excerpt occurs verbatim in its text.',
  fields: (t) => ({
    slug: t.exposeString('slug'),
    title: t.exposeString('title'),
    kind: t.expose('kind', { type: SourceKindEnum }),
    fileName: t.exposeString('fileName'),
    sha256: t.exposeString('sha256', { description: 'SHA-256 of the text, to check a copy against.' }),
    dated: t.field(planDateField('dated', 'The date the document bears; null where it bears none.', { select: true })),
    text: t.exposeString('text', { description: 'The full text, as stored.' }),
    rounds: t.relation('rounds', { description: 'Reporting rounds this document records.', query: { orderBy: { sequence: 'asc' } } }),
    citationsOf: t.relatedConnection('citations', {
      cursor: 'id',
      ...pageSize,
      totalCount: true,
      description: 'Every excerpt of this document that the record cites, in document order.',
      query: { orderBy: [{ start: 'asc' }, { id: 'asc' }] },
    }),
    citations: t.relation('subjectCitations', {
      args: { field: t.arg.string() },
      query: citationsQuery,
      description: citationsDescription,
    }),
  }),
});

// Fields that reach other types, added apart so each type's ref is typed before it is used.
builder.prismaObjectFields('SourceDocument', (t) => ({
  issuers: t.field({
    type: [Agency],
    select: (_args, _ctx, nested) => ({ issuers: { select: { agency: nested(true) }, orderBy: { agencyId: 'asc' } } }),
    resolve: (d) => d.issuers.map((i) => i.agency),
  }),
}));

builder.queryFields((t) => ({
  sourceDocuments: t.prismaConnection({
    type: SourceDocument,
    cursor: 'id',
    ...pageSize,
    resolve: (query, _root, _args, ctx) => ctx.db.sourceDocument.findMany({ ...query, orderBy: { id: 'asc' } }),
    totalCount: (_root, _args, ctx) => ctx.db.sourceDocument.count(),
  }),
  sourceDocument: t.prismaField({
    type: SourceDocument,
    nullable: true,
    description: 'A source document by its slug; an unknown slug is a NOT_FOUND error.',
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.sourceDocument.findUnique({ ...query, where: { slug: args.slug } }).then((d) => found(d, 'source document with that slug')),
  }),
}));
