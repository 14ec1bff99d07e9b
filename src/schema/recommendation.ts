/** Recommendation: what an inspection asked for, who it was addressed to, and how it was answered. */
import type { ReasonCategory, ResponseValue } from '@prisma/client';
import { queryFromInfo } from '@pothos/plugin-prisma';
import { recommendationPage, recommendationTallies } from '../database/queries/search.js';
import { actionsOf, dependenciesOf } from '../loaders/relations.js';
import { visibleRows } from '../loaders/rounds.js';
import { frameOf, recommendationStates } from '../loaders/work-states.js';
import { orOwnColumns } from './nested-selection.js';
import { builder } from './builder.js';
import { commentsDescription, commentsInOrder, InspectorateComment, readableComments } from './inspectorate-comment.js';
import { Action, revisionsInOrder } from './action.js';
import { Agency } from './agency.js';
import { DateRevision } from './date-revision.js';
import { Dependency } from './dependency.js';
import { ProgressUpdate } from './progress-update.js';
import { ReportingRound } from './reporting-round.js';
import { Slippage } from './slippage.js';
import { citationsDescription, citationsQuery } from './citation.js';
import { resolveDerivedConnection } from './derived-connection.js';
import { ReasonCategoryEnum, ResponseValueEnum, StatusEnum } from './enums.js';
import { Ordering, RecommendationFilter, recommendationQuestion, sortOf } from './filters.js';
import { talliedConnectionFields } from './tally.js';
import { WorkStatus } from './work-status.js';
import { found } from './lookup.js';

const RecommendationResponse = builder
  .objectRef<{ value: ResponseValue; narrative: string[]; reasons: ReasonCategory[] }>('RecommendationResponse')
  .implement({
    description: 'The plan’s response to a recommendation.',
    fields: (t) => ({
      value: t.expose('value', { type: ResponseValueEnum }),
      narrative: t.exposeStringList('narrative', { description: 'The response column, paragraph by paragraph, verbatim.' }),
      reasons: t.expose('reasons', {
        type: [ReasonCategoryEnum],
        description: 'Why it was not fully agreed; empty when agreed.',
      }),
    }),
  });

const inRoundOrder = [{ round: { sequence: 'asc' as const } }, { sequence: 'asc' as const }];

export const Recommendation = builder.prismaNode('Recommendation', {
  id: { field: 'id' },
  nullable: true,
  description: 'A recommendation of an inspection, its addressees, the response, and the actions and progress against it.',
  fields: (t) => ({
    number: t.exposeInt('number'),
    version: t.exposeInt('version', { description: 'Changes with every write; a write carries the version it read.' }),
    text: t.exposeString('text', { nullable: true, description: 'Verbatim. Null where the record omits the recommendation (see notes).' }),
    inspection: t.relation('inspection'),
    addresseeHeading: t.exposeString('addresseeHeading', {
      nullable: true,
      description: 'The heading the recommendation sits under in the plan, e.g. "The Ministry of Justice should:".',
    }),
    response: t.field({
      type: RecommendationResponse,
      nullable: true,
      description: 'Null where the record gives no response.',
      resolve: (r) => (r.response ? { value: r.response, narrative: r.responseNarrative, reasons: r.reasonCategories } : null),
    }),
    latestStatuses: t.field({
      type: [StatusEnum],
      description: 'The distinct statuses given in the latest round that reported on it (a round may report several strands).',
      select: { progressUpdates: { select: { status: true, roundId: true, round: { select: { sequence: true } } } } },
      resolve: async (r, _args, ctx, info) => {
        const seen = await visibleRows(ctx, info, r.progressUpdates);
        const last = Math.max(...seen.map((p) => p.round.sequence));
        return [...new Set(seen.filter((p) => p.round.sequence === last).map((p) => p.status))];
      },
    }),
    status: t.field({
      type: WorkStatus,
      description: 'Where the recommendation stands, and the action or report and the date that decided it.',
      resolve: async (r, _args, ctx, info) => {
        const frame = frameOf(ctx, info);
        const row = await recommendationStates(ctx, frame).load(r.id);
        return { row, frame, subject: 'recommendation' as const, actionId: row.actionId };
      },
    }),
    notes: t.relation('notes', {
      description: 'Gaps, inconsistencies, ambiguities and errata in its record.',
      query: { orderBy: { sequence: 'asc' } },
    }),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});

// Fields that reach other types, added apart so each type's ref is typed before it is used.
builder.prismaObjectFields('Recommendation', (t) => ({
  comments: t.field({
    type: [InspectorateComment],
    description: commentsDescription,
    select: (_args, _ctx, nested) => ({ comments: nested(commentsInOrder) }),
    resolve: (r, _args, ctx) => readableComments(ctx, 'Recommendation', r.id, r.comments),
  }),
  actions: t.field({
    type: [Action],
    description: 'Planned steps, in plan order.',
    resolve: (r, _args, ctx, info) => actionsOf(ctx, info, r.id),
  }),
  addressees: t.field({
    type: [Agency],
    select: (_args, _ctx, nested) => ({ addressees: { select: { agency: nested(true) }, orderBy: { agencyId: 'asc' } } }),
    resolve: (r) => r.addressees.map((a) => a.agency),
  }),
  progressUpdates: t.field({
    type: [ProgressUpdate],
    description: 'What each reporting round said, in round order.',
    args: { round: t.arg.string({ description: 'Only this round (its slug).' }) },
    select: (args, _ctx, nested) => ({
      progressUpdates: nested({ where: args.round ? { round: { slug: args.round } } : {}, orderBy: inRoundOrder }),
    }),
    resolve: (r, _args, ctx, info) => visibleRows(ctx, info, r.progressUpdates),
  }),
  lastReportedIn: t.field({
    type: ReportingRound,
    nullable: true,
    description: 'The latest round that reported progress on this recommendation.',
    select: (_args, _ctx, nested) => ({ progressUpdates: { select: { roundId: true, round: nested(true) }, orderBy: inRoundOrder } }),
    resolve: async (r, _args, ctx, info) => (await visibleRows(ctx, info, r.progressUpdates)).at(-1)?.round ?? null,
  }),
  dateRevisions: t.field({
    type: [DateRevision],
    description: 'Every revision of the target dates of its actions, in round order.',
    select: (_args, _ctx, nested) => ({
      actions: { select: { dateRevisions: nested(revisionsInOrder) }, orderBy: { sequence: 'asc' } },
    }),
    resolve: (r, _args, ctx, info) =>
      visibleRows(
        ctx,
        info,
        r.actions.flatMap((a) => a.dateRevisions),
      ),
  }),
  slippage: t.field({
    type: Slippage,
    description:
      'How far its completion moved: from the latest original target of its actions to the latest target in force, with every revision.',
    select: (_args, _ctx, nested) => ({
      actions: {
        select: { dateRevisions: orOwnColumns(nested(revisionsInOrder, ['revisions'], 'DateRevision'), { id: true, roundId: true }) },
        orderBy: { sequence: 'asc' },
      },
    }),
    resolve: async (r, _args, ctx, info) => {
      const [slip, revisions] = await Promise.all([
        recommendationStates(ctx, frameOf(ctx, info)).load(r.id),
        visibleRows(
          ctx,
          info,
          r.actions.flatMap((a) => a.dateRevisions),
        ),
      ]);
      return { slip, revisions, withdrawn: slip.withdrawn };
    },
  }),
  dependencies: t.field({
    type: [Dependency],
    description: 'Programmes, systems and products it relies on.',
    resolve: (r, _args, ctx, info) => dependenciesOf(ctx, info, r.id),
  }),
}));

builder.queryFields((t) => ({
  recommendations: t.connection(
    {
      type: Recommendation,
      description:
        'Recommendations across inspections, filtered and ordered (by default by inspection, then number). ' +
        'Inside `asOf`, states, targets and slippage are those of the record at that point.',
      args: { filter: t.arg({ type: RecommendationFilter }), orderBy: t.arg({ type: Ordering }) },
      resolve: async (_root, args, ctx, info) => {
        const frame = frameOf(ctx, info);
        const question = { frame, ...(await recommendationQuestion(ctx, args.filter)), sort: sortOf(args.orderBy) };
        return resolveDerivedConnection(args, info, {
          tallies: (byState) => recommendationTallies(ctx.db, question, byState),
          page: (offset, limit) => recommendationPage(ctx.db, question, offset, limit),
          nodes: (ids) =>
            ctx.db.recommendation.findMany({
              ...queryFromInfo({ context: ctx, info, typeName: 'Recommendation', paths: [['nodes'], ['edges', 'node']] }),
              where: { id: { in: ids } },
            }),
          prime: (states) => {
            const loader = recommendationStates(ctx, frame);
            for (const s of states) loader.prime(s.id, s);
          },
        });
      },
    },
    { fields: talliedConnectionFields },
  ),
  recommendation: t.prismaField({
    type: Recommendation,
    nullable: true,
    description: 'A recommendation by inspection slug and number; one not on record is a NOT_FOUND error.',
    args: { inspection: t.arg.string({ required: true }), number: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.recommendation
        .findFirst({ ...query, where: { inspection: { slug: args.inspection }, number: args.number } })
        .then((r) => found(r, `recommendation ${args.number} of that inspection`)),
  }),
}));
