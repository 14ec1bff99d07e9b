/** Agency: a department, agency, police body, unit or inspectorate, in a hierarchy. */
import { formatPrismaCursor, parsePrismaCursor } from '@pothos/plugin-prisma';
import { addressedCountOf, addressedRecommendationsOf } from '../loaders/relations.js';
import { builder } from './builder.js';
import { Action } from './action.js';
import { Inspection } from './inspection.js';
import { Recommendation } from './recommendation.js';
import { SourceDocument } from './source-document.js';
import { citationsDescription, citationsQuery } from './citation.js';
import { AgencyKindEnum, LinkBasisEnum } from './enums.js';
import { checkPageArgs, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize } from './pagination.js';
import { selectedFields } from './selection.js';
import { found } from './lookup.js';

export const Agency = builder.prismaNode('Agency', {
  id: { field: 'id' },
  // On every node type: node(id:) answers null for a well-formed id whose record does not exist, as Relay expects.
  nullable: true,
  description: 'A department, agency, police body, unit or inspectorate. Units sit under their parent where the record says so.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable, human-readable key, e.g. "jexu".' }),
    name: t.exposeString('name', { description: 'The fullest name the documents use, verbatim.' }),
    abbreviation: t.exposeString('abbreviation', { nullable: true }),
    kind: t.expose('kind', { type: AgencyKindEnum }),
    aliases: t.exposeStringList('aliases', { description: 'Other spellings the documents use, verbatim.' }),
    parent: t.relation('parent', { nullable: true, description: 'Null where the record does not show what the agency belongs to.' }),
    parentBasis: t.expose('parentBasis', {
      type: LinkBasisEnum,
      nullable: true,
      description:
        'How the parent link is known: STATED by a document, or INFERRED from what the documents imply (see citations(field: "parent")).',
    }),
    children: t.relation('children', { query: { orderBy: { name: 'asc' } } }),
    roles: t.relation('roles', { description: 'Roles in this agency that own actions.', query: { orderBy: { title: 'asc' } } }),
    dependenciesLed: t.relation('dependenciesLed', {
      description: 'Programmes and products this agency leads.',
      query: { orderBy: { name: 'asc' } },
    }),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});

/** A page of the recommendations addressed to an agency; `agencyId` lets totalCount count them. */
const AddressedRecommendations = builder.connectionObject(
  {
    type: Recommendation,
    name: 'AgencyAddressedRecommendationsConnection',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many are addressed to the agency, across all pages.',
        resolve: (connection, _args, ctx) => addressedCountOf(ctx, (connection as unknown as { agencyId: string }).agencyId),
      }),
    }),
  },
  { name: 'AgencyAddressedRecommendationsConnectionEdge' },
);

// Fields that reach other types, added apart so each type's ref is typed before it is used.
builder.prismaObjectFields('Agency', (t) => ({
  addressedRecommendations: t.field({
    type: AddressedRecommendations,
    description: `Recommendations addressed to this agency, by inspection then number: the first ${DEFAULT_PAGE_SIZE} unless \`first\` says otherwise (at most ${MAX_PAGE_SIZE}).`,
    args: {
      first: t.arg.int({ description: `How many to return (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).` }),
      after: t.arg.string({ description: 'A cursor from a previous page: the page starts after that recommendation.' }),
    },
    resolve: async (agency, args, ctx, info) => {
      checkPageArgs(args, 'prisma');
      const first = args.first ?? DEFAULT_PAGE_SIZE;
      const after = args.after == null ? null : String(parsePrismaCursor(args.after));
      const wanted = selectedFields(info);
      // One more than the page, to tell whether another follows; nothing when only totalCount is asked.
      const rows =
        wanted.has('nodes') || wanted.has('edges') || wanted.has('pageInfo')
          ? await addressedRecommendationsOf(ctx, info, agency.id, { after, limit: first + 1 })
          : [];
      const edges = rows.slice(0, first).map((node) => ({ cursor: formatPrismaCursor(node, 'id'), node }));
      return {
        agencyId: agency.id,
        edges,
        pageInfo: {
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
          hasPreviousPage: after !== null,
          hasNextPage: rows.length > first,
        },
      };
    },
  }),
  ownedActions: t.field({
    type: [Action],
    description: 'Actions owned by any role in this agency.',
    select: (_args, _ctx, nested) => ({
      roles: { select: { actions: { select: { action: nested(true) }, orderBy: { actionId: 'asc' } } }, orderBy: { id: 'asc' } },
    }),
    resolve: (agency) => agency.roles.flatMap((r) => r.actions.map((a) => a.action)),
  }),
  inspections: t.field({
    type: [Inspection],
    description: 'Inspections this agency led or joined as an inspectorate.',
    select: (_args, _ctx, nested) => ({ inspectorates: { select: { inspection: nested(true) }, orderBy: { inspectionId: 'asc' } } }),
    resolve: (agency) => agency.inspectorates.map((i) => i.inspection),
  }),
  documentsIssued: t.field({
    type: [SourceDocument],
    select: (_args, _ctx, nested) => ({ documentsIssued: { select: { document: nested(true) }, orderBy: { documentId: 'asc' } } }),
    resolve: (agency) => agency.documentsIssued.map((d) => d.document),
  }),
}));

builder.queryFields((t) => ({
  agencies: t.prismaConnection({
    type: Agency,
    cursor: 'id',
    ...pageSize,
    description: 'Agencies, by name.',
    args: { kind: t.arg({ type: AgencyKindEnum }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.agency.findMany({ ...query, where: args.kind ? { kind: args.kind } : {}, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    totalCount: (_root, args, ctx) => ctx.db.agency.count({ where: args.kind ? { kind: args.kind } : {} }),
  }),
  agency: t.prismaField({
    type: Agency,
    nullable: true,
    description: 'An agency by its slug; an unknown slug is a NOT_FOUND error.',
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.agency.findUnique({ ...query, where: { slug: args.slug } }).then((a) => found(a, 'agency with that slug')),
  }),
}));
