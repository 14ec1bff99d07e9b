/**
 * Per-inspection and per-agency summaries: the plan's printed tally beside the computed one, counts
 * by response, state and agency, and how far each agency's targets slipped.
 */
import type { AgencySlipSummary, AgencyStateCount } from '../database/queries/agency-summaries.js';
import { readAgencySlippage, readAgencyStateCounts } from '../database/queries/agency-summaries.js';
import { recommendationTallies, type Tallies } from '../database/queries/search.js';
import type { Frame } from '../domain/frame.js';
import { frameOf } from '../loaders/work-states.js';
import { orOwnColumns } from './nested-selection.js';
import { builder } from './builder.js';
import { Agency } from './agency.js';
import { resolveRefs } from './references.js';
import { recordedCount, SummaryFigure } from './summary-figure.js';
import { ResponseCount, responseCounts, StateCount, stateCounts } from './tally.js';

const STATES = ['NOT_STARTED', 'IN_PROGRESS', 'OVERDUE', 'COMPLETED', 'SUPERSEDED', 'DECLINED', 'NOT_RECORDED'];

interface AgencyTallyShape {
  agencyId: string;
  addressed: Map<string, number>;
  owned: Map<string, number>;
}

const counts = (m: Map<string, number>) => STATES.map((state) => ({ state, count: m.get(state) ?? 0 }));
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

const AgencyTally = builder.objectRef<AgencyTallyShape>('AgencyTally').implement({
  description: 'How the work of one agency stands: recommendations addressed to it, and actions its roles own (its own, not its units’).',
  fields: (t) => ({
    agency: t.field({ type: Agency, resolve: (a, _args, ctx) => ctx.db.agency.findUniqueOrThrow({ where: { id: a.agencyId } }) }),
    addressedTotal: t.int({ resolve: (a) => sum(a.addressed) }),
    addressed: t.field({
      type: [StateCount],
      description: 'Recommendations addressed to it, by state.',
      resolve: (a) => counts(a.addressed),
    }),
    ownedTotal: t.int({ resolve: (a) => sum(a.owned) }),
    owned: t.field({ type: [StateCount], description: 'Actions its roles own, by state.', resolve: (a) => counts(a.owned) }),
  }),
});

function byAgency(rows: AgencyStateCount[]): AgencyTallyShape[] {
  const agencies = new Map<string, AgencyTallyShape>();
  for (const r of rows) {
    const a = agencies.get(r.agencyId) ?? { agencyId: r.agencyId, addressed: new Map(), owned: new Map() };
    a[r.kind].set(r.state, (a[r.kind].get(r.state) ?? 0) + r.count);
    agencies.set(r.agencyId, a);
  }
  return [...agencies.values()].sort((a, b) => a.agencyId.localeCompare(b.agencyId));
}

interface InspectionTallyShape {
  frame: Frame;
  tallies: Tallies;
  agencies: AgencyTallyShape[];
  printed: { id: string }[];
  consistent: boolean;
}

const InspectionTally = builder.objectRef<InspectionTallyShape>('InspectionTally').implement({
  description: 'The plan’s own printed tally beside the tally computed from the rows, and counts by response, state and agency.',
  fields: (t) => ({
    asOf: t.field({ type: 'Date', description: 'The day states are judged on.', resolve: (x) => x.frame.date }),
    printed: t.field({
      type: [SummaryFigure],
      description: 'The plan’s summary table, line by line, each beside the count of recorded rows.',
      resolve: (x) => x.printed as never,
    }),
    consistent: t.boolean({ description: 'Every printed line agrees with the recorded rows.', resolve: (x) => x.consistent }),
    total: t.int({ description: 'Recommendations recorded, including any the plan omits.', resolve: (x) => x.tallies.total }),
    byResponse: t.field({ type: [ResponseCount], resolve: (x) => responseCounts(x.tallies) }),
    byState: t.field({ type: [StateCount], resolve: (x) => stateCounts(x.tallies) }),
    byAgency: t.field({ type: [AgencyTally], resolve: (x) => x.agencies }),
  }),
});

export const AgencySlippage = builder.objectRef<AgencySlipSummary & { frame: Frame }>('AgencySlippage').implement({
  description: 'How far the targets of the actions an agency owns slipped.',
  fields: (t) => ({
    agency: t.field({ type: Agency, resolve: (a, _args, ctx) => ctx.db.agency.findUniqueOrThrow({ where: { id: a.agencyId } }) }),
    asOf: t.field({ type: 'Date', resolve: (a) => a.frame.date }),
    actions: t.exposeInt('actions', { description: 'Actions owned.' }),
    revisedActions: t.exposeInt('revisedActions', { description: 'Actions whose target was revised at least once.' }),
    revisions: t.exposeInt('revisions', { description: 'Revisions across its actions.' }),
    slippedActions: t.exposeInt('slippedActions', { description: 'Actions whose target in force is later than the plan’s.' }),
    totalSlipDays: t.exposeInt('totalSlipDays', { description: 'Days slipped, summed over slipped actions (latest to latest).' }),
    meanSlipDays: t.float({
      nullable: true,
      description: 'Mean days slipped over slipped actions.',
      resolve: (a) => (a.slippedActions ? Math.round((a.totalSlipDays / a.slippedActions) * 10) / 10 : null),
    }),
    maxSlipDays: t.exposeInt('maxSlipDays', { nullable: true, description: 'The largest slip (negative if brought forward).' }),
    overdueActions: t.exposeInt('overdueActions'),
    withdrawnTargets: t.exposeInt('withdrawnTargets', { description: 'Actions whose target was withdrawn without a new one.' }),
  }),
});

builder.prismaObjectFields('Inspection', (t) => ({
  tally: t.field({
    type: InspectionTally,
    description: 'Printed and computed tallies side by side, with counts by response, state and agency.',
    select: (_args, _ctx, nested) => ({
      summaryFigures: orOwnColumns(nested({ orderBy: { line: 'asc' } }, ['printed'], 'SummaryFigure'), {
        id: true,
        line: true,
        reportedCount: true,
      }),
      recommendations: { select: { response: true, text: true } },
    }),
    resolve: async (i, _args, ctx, info) => {
      const frame = frameOf(ctx, info);
      const question = {
        frame,
        criteria: { inspectionIds: [i.id] },
        state: {},
        sort: { field: 'NUMBER' as const, direction: 'ASC' as const },
      };
      const [tallies, agencies] = await Promise.all([
        recommendationTallies(ctx.db, question, true),
        readAgencyStateCounts(ctx.db, frame, i.id),
      ]);
      const consistent = i.summaryFigures.every((f) => recordedCount(f.line, i.recommendations) === f.reportedCount);
      return { frame, tallies, agencies: byAgency(agencies), printed: i.summaryFigures, consistent };
    },
  }),
  slippageByAgency: t.field({
    type: [AgencySlippage],
    description: 'Slippage of the actions each owning agency holds (its own roles), most days slipped first.',
    resolve: async (i, _args, ctx, info) => {
      const frame = frameOf(ctx, info);
      const rows = await readAgencySlippage(ctx.db, frame, { inspectionIds: [i.id] });
      return rows.sort((a, b) => b.totalSlipDays - a.totalSlipDays || a.agencyId.localeCompare(b.agencyId)).map((r) => ({ ...r, frame }));
    },
  }),
}));

const noSlippage = (agencyId: string): AgencySlipSummary => ({
  agencyId,
  actions: 0,
  revisedActions: 0,
  revisions: 0,
  slippedActions: 0,
  totalSlipDays: 0,
  maxSlipDays: null,
  overdueActions: 0,
  withdrawnTargets: 0,
});

builder.prismaObjectFields('Agency', (t) => ({
  slippage: t.field({
    type: AgencySlippage,
    description: 'Slippage of the actions its roles own, across inspections or in one.',
    args: {
      inspection: t.arg.string({ description: 'Only this inspection (slug or global id).' }),
      includeUnits: t.arg.boolean({ defaultValue: true, description: 'Count the actions its units own as well.' }),
    },
    resolve: async (a, args, ctx, info) => {
      const frame = frameOf(ctx, info);
      const inspectionIds = args.inspection ? await resolveRefs(ctx, 'inspection', [args.inspection], 'inspection') : undefined;
      const includeUnits = args.includeUnits ?? true;
      // One statement for every agency asked about in this frame with these arguments.
      const loader = ctx.loaders.get<string, AgencySlipSummary>(
        'agencySlippage',
        `${frame.key}|${inspectionIds?.join(',') ?? '*'}|${includeUnits}`,
        async (ids) => {
          const rows = await readAgencySlippage(ctx.db, frame, { inspectionIds, rollUpTo: includeUnits ? [...ids] : undefined });
          return ids.map((id) => rows.find((r) => r.agencyId === id) ?? noSlippage(id));
        },
      );
      return { ...(await loader.load(a.id)), frame };
    },
  }),
}));
