/**
 * DependencyImpact: the recommendations and actions that rely on a dependency, directly or through
 * other dependencies that rely on it, and which of them it puts at risk because it is expected later
 * than their own target. A recommendation's link concerns the actions the documents tie it to, or all
 * of its actions where they tie it to none in particular.
 */
import type { Context } from '../context/context.js';
import { readReliance, type DependencyStateRow, type RelianceRow } from '../database/queries/dependency-state.js';
import type { ActionStateRow, RecommendationStateRow, StatedDateRow } from '../database/queries/work-state.js';
import { explainRisk, riskOf, type Risk } from '../domain/dependency-risk.js';
import type { Frame } from '../domain/frame.js';
import { actionsById, recommendationsById } from '../loaders/records.js';
import { actionStates, dependencyStates, recommendationStates } from '../loaders/work-states.js';
import { builder } from './builder.js';
import { Action } from './action.js';
import { Dependency } from './dependency.js';
import { StatusEnum } from './enums.js';
import { PlanDate } from './plan-date.js';
import { Recommendation } from './recommendation.js';
import { asPlanDate, WorkStatus } from './work-status.js';

export const DependencyRiskEnum = builder.enumType('DependencyRisk', {
  description: 'How a dependency’s date in force compares with the target of work relying on it.',
  values: {
    LATER_THAN_TARGET: { description: 'At risk: the dependency is expected after the work’s target.' },
    WITHIN_TARGET: { description: 'The dependency is expected on or before the work’s target.' },
    NO_DEPENDENCY_DATE: { description: 'The dependency has no date in force, so it cannot be told.' },
    NO_TARGET: { description: 'The work has no target date in force, so it cannot be told.' },
    DEPENDENCY_COMPLETED: { description: 'The dependency is reported completed.' },
    WORK_CLOSED: { description: 'The work is completed, superseded, declined or not in the plan.' },
  } as const,
});

interface Reliant {
  direct: boolean;
  through: string[];
  risk: Risk;
  explanation: string;
  target: StatedDateRow | null;
  frame: Frame;
}
interface ImpactedRecommendationShape extends Reliant {
  state: RecommendationStateRow;
}
interface ImpactedActionShape extends Reliant {
  state: ActionStateRow;
}
interface ImpactShape {
  dependency: DependencyStateRow;
  recommendations: ImpactedRecommendationShape[];
  actions: ImpactedActionShape[];
}

const ImpactedRecommendation = builder.objectRef<ImpactedRecommendationShape>('ImpactedRecommendation');
const ImpactedAction = builder.objectRef<ImpactedActionShape>('ImpactedAction');
export const DependencyImpact = builder.objectRef<ImpactShape>('DependencyImpact');

ImpactedRecommendation.implement({
  description: 'A recommendation relying on the dependency, and whether the dependency puts it at risk.',
  fields: (t) => ({
    recommendation: t.field({ type: Recommendation, resolve: (i, _a, ctx) => recommendationsById(ctx).load(i.state.id) as never }),
    direct: t.exposeBoolean('direct', { description: 'Linked to the dependency itself (not only through another).' }),
    through: t.field({
      type: [Dependency],
      description: 'Other dependencies it is linked to that rely on this one.',
      resolve: (i, _a, ctx) => ctx.db.dependency.findMany({ where: { id: { in: i.through } }, orderBy: { name: 'asc' } }),
    }),
    risk: t.field({ type: DependencyRiskEnum, resolve: (i) => i.risk }),
    atRisk: t.boolean({ description: 'The dependency is expected after its target.', resolve: (i) => i.risk === 'LATER_THAN_TARGET' }),
    target: t.field({
      type: PlanDate,
      nullable: true,
      description: 'Its target in force: the latest of its actions’.',
      resolve: (i) => asPlanDate(i.target),
    }),
    status: t.field({
      type: WorkStatus,
      resolve: (i) => ({ row: i.state, frame: i.frame, subject: 'recommendation' as const, actionId: i.state.actionId }),
    }),
    explanation: t.exposeString('explanation'),
  }),
});

ImpactedAction.implement({
  description: 'An action of a relying recommendation, and whether the dependency puts it at risk.',
  fields: (t) => ({
    action: t.field({ type: Action, resolve: (i, _a, ctx) => actionsById(ctx).load(i.state.id) as never }),
    direct: t.exposeBoolean('direct', { description: 'Its recommendation is linked to the dependency itself.' }),
    risk: t.field({ type: DependencyRiskEnum, resolve: (i) => i.risk }),
    atRisk: t.boolean({ description: 'The dependency is expected after its target.', resolve: (i) => i.risk === 'LATER_THAN_TARGET' }),
    target: t.field({ type: PlanDate, nullable: true, description: 'Its target in force.', resolve: (i) => asPlanDate(i.target) }),
    status: t.field({ type: WorkStatus, resolve: (i) => ({ row: i.state, frame: i.frame, subject: 'action' as const }) }),
    explanation: t.exposeString('explanation'),
  }),
});

DependencyImpact.implement({
  description: 'What relies on a dependency, and what it puts at risk.',
  fields: (t) => ({
    status: t.field({
      type: StatusEnum,
      description: 'The dependency’s latest stated status.',
      resolve: (i) => i.dependency.status as never,
    }),
    expected: t.field({
      type: PlanDate,
      nullable: true,
      description: 'The date in force for the dependency, that targets are compared with.',
      resolve: (i) => asPlanDate(i.dependency.current),
    }),
    recommendations: t.field({ type: [ImpactedRecommendation], resolve: (i) => i.recommendations }),
    actions: t.field({ type: [ImpactedAction], resolve: (i) => i.actions }),
    atRiskCount: t.int({
      description: 'How many of the listed recommendations and actions are at risk.',
      resolve: (i) => [...i.recommendations, ...i.actions].filter((x) => x.risk === 'LATER_THAN_TARGET').length,
    }),
  }),
});

/** What relies on each dependency: one statement for all asked about together (not frame-dependent). */
const relianceOf = (ctx: Context) =>
  ctx.loaders.get<string, RelianceRow[]>('reliance', 'all', async (ids) => {
    const rows = await readReliance(ctx.db, ids);
    return ids.map((id) => rows.filter((r) => r.dependencyId === id));
  });

/** Works out the impact of one dependency in a frame. */
export async function impactOf(ctx: Context, frame: Frame, dependency: { id: string; name: string }): Promise<ImpactShape> {
  const [state, reliance] = await Promise.all([dependencyStates(ctx, frame).load(dependency.id), relianceOf(ctx).load(dependency.id)]);
  const recIds = reliance.map((r) => r.recommendationId);
  const [recs, actionRows, recRows] = await Promise.all([
    recommendationStates(ctx, frame).loadMany(recIds),
    actionStates(ctx, frame).loadMany(reliance.flatMap((r) => r.actionIds)),
    recommendationsById(ctx).loadMany(recIds),
  ]);
  const numberOf = new Map(
    recRows.map((r) => (r && !(r instanceof Error) ? [r.id, [r.inspectionId, r.number] as const] : ['', ['', 0] as const])),
  );
  const dep = { name: dependency.name, status: state.status, expected: state.current };
  const judge = <S extends { state: string }>(s: S, target: StatedDateRow | null, link: { direct: boolean; through: string[] }) => {
    const input = { dependency: dep, work: { state: s.state, target } };
    const risk = riskOf(input);
    return { ...link, state: s, risk, explanation: explainRisk(input, risk), target, frame };
  };
  const linkOf = new Map(reliance.map((r) => [r.recommendationId, r]));
  const order = (id: string) => numberOf.get(id) ?? ['', 0];
  const byNumber = (a: string, b: string) => order(a)[0].localeCompare(order(b)[0]) || order(a)[1] - order(b)[1];
  const ok = <T>(rows: (T | Error)[]) =>
    rows.map((r) => {
      if (r instanceof Error) throw r;
      return r;
    });
  return {
    dependency: state,
    recommendations: ok(recs)
      .sort((a, b) => byNumber(a.id, b.id))
      .map((s) => judge(s, s.current, linkOf.get(s.id)!)),
    actions: ok(actionRows)
      .sort((a, b) => byNumber(a.recommendationId, b.recommendationId) || a.id.localeCompare(b.id, 'en', { numeric: true }))
      .map((s) => judge(s, s.current, linkOf.get(s.recommendationId)!)),
  };
}
