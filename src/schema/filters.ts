/**
 * Filters and orderings for recommendations and actions. Conditions combine (all must hold); list
 * conditions match any of their entries. Names of agencies, roles, dependencies and inspections are
 * checked, and contradictory or empty conditions are refused, so an empty answer always means "none".
 */
import type { ActionCriteria, RecommendationCriteria } from '../database/queries/criteria.js';
import type { Sort, StateCriteria } from '../database/queries/search.js';
import type { Context } from '../context/context.js';
import { builder } from './builder.js';
import { ResponseValueEnum } from './enums.js';
import { badInput, resolveRefs } from './references.js';
import { WorkStateEnum } from './work-status.js';

const MAX_SEARCH_LENGTH = 200;
const CLOSED_STATES = new Set(['COMPLETED', 'SUPERSEDED', 'DECLINED', 'NOT_RECORDED']);

export const RecommendationFilter = builder.inputType('RecommendationFilter', {
  description: 'Conditions on recommendations; all given conditions must hold, and a list matches any of its entries.',
  fields: (t) => ({
    inspection: t.stringList({ description: 'Inspections, by slug or global id.' }),
    response: t.field({ type: [ResponseValueEnum], description: 'The plan’s response.' }),
    numbers: t.intList({ description: 'Recommendation numbers.' }),
    addressedTo: t.stringList({ description: 'Agencies it is addressed to, by slug or global id; an agency includes its units.' }),
    ownedBy: t.stringList({
      description:
        'Agencies owning its work, by slug or global id, including their units: a role of the agency owns one of its actions ' +
        'in the plan, or is named owner in a progress update.',
    }),
    ownerRole: t.stringList({ description: 'Roles owning its work (as for ownedBy), by slug or global id.' }),
    dependsOn: t.stringList({
      description: 'Dependencies it relies on, by slug or global id, directly or through other dependencies that rely on them.',
    }),
    status: t.field({ type: [WorkStateEnum], description: 'Its derived state, in the frame asked about.' }),
    overdueOn: t.field({
      type: 'Date',
      description:
        'Still open, with work whose target in force ends before this day (a day in the future asks what will be overdue by then).',
    }),
    search: t.string({
      description:
        'Full-text search (English stemming) over the recommendation, its response, its actions and its progress updates. ' +
        'Words are all required; "quoted phrases", OR and -excluded words work as in web search.',
    }),
    hasNotes: t.boolean({ description: 'Only those whose record has (true) or has no (false) notes.' }),
    hasDateRevisions: t.boolean({ description: 'Only those with (true) or without (false) a revised target date.' }),
  }),
});

export const ActionFilter = builder.inputType('ActionFilter', {
  description: 'Conditions on actions; all given conditions must hold, and a list matches any of its entries.',
  fields: (t) => ({
    inspection: t.stringList({ description: 'Inspections, by slug or global id.' }),
    recommendationNumbers: t.intList({ description: 'Numbers of their recommendations.' }),
    response: t.field({ type: [ResponseValueEnum], description: 'The response to their recommendation.' }),
    addressedTo: t.stringList({ description: 'Agencies their recommendation is addressed to (including units).' }),
    ownedBy: t.stringList({
      description: 'Agencies owning the action, including their units: in the plan, or as owner named in a progress update on it.',
    }),
    ownerRole: t.stringList({ description: 'Roles owning the action (as for ownedBy).' }),
    dependsOn: t.stringList({ description: 'Dependencies their recommendation relies on, directly or through others.' }),
    status: t.field({ type: [WorkStateEnum], description: 'Its derived state, in the frame asked about.' }),
    overdueOn: t.field({ type: 'Date', description: 'Still open, with its target in force ending before this day.' }),
    search: t.string({ description: 'Full-text search over the action and the progress updates on it (as for recommendations).' }),
    hasDateRevisions: t.boolean({ description: 'Only those with (true) or without (false) a revised target date.' }),
  }),
});

export const OrderDirection = builder.enumType('OrderDirection', { values: ['ASC', 'DESC'] as const });
export const OrderField = builder.enumType('OrderField', {
  values: {
    NUMBER: { description: 'Inspection, then recommendation number (then the action’s place).' },
    TARGET_DATE: { description: 'The target in force (for a recommendation, the latest of its actions’); none last.' },
    SLIPPAGE: { description: 'Days the target slipped; unknown last.' },
  } as const,
});
export const Ordering = builder.inputType('Ordering', {
  fields: (t) => ({
    field: t.field({ type: OrderField, required: true }),
    direction: t.field({ type: OrderDirection, defaultValue: 'ASC' }),
  }),
});

type RecommendationFilterInput = typeof RecommendationFilter.$inferInput;
type ActionFilterInput = typeof ActionFilter.$inferInput;

export const sortOf = (order: { field: Sort['field']; direction?: Sort['direction'] | null } | null | undefined): Sort => ({
  field: order?.field ?? 'NUMBER',
  direction: order?.direction ?? 'ASC',
});

function nonEmpty<T>(list: readonly T[] | null | undefined, argumentName: string): T[] | undefined {
  if (list == null) return undefined;
  if (list.length === 0) throw badInput(`"${argumentName}" must not be empty: leave it out to match everything.`, argumentName);
  return [...list];
}

async function checkedSearch(ctx: Context, text: string | null | undefined, argumentName: string): Promise<string | undefined> {
  if (text == null) return undefined;
  if (text.length > MAX_SEARCH_LENGTH) throw badInput(`"${argumentName}" may be at most ${MAX_SEARCH_LENGTH} characters.`, argumentName);
  const [{ words }] = await ctx.db.$queryRaw<[{ words: number }]>`SELECT numnode(websearch_to_tsquery('english', ${text}))::int AS words`;
  if (words === 0) throw badInput(`"${argumentName}" has no words to search for (common words such as "the" are ignored).`, argumentName);
  return text;
}

function stateCriteria(status: readonly string[] | null | undefined, overdueOn: Date | null | undefined, where: string): StateCriteria {
  const states = nonEmpty(status, `${where}.status`);
  if (overdueOn && states?.every((s) => CLOSED_STATES.has(s)))
    throw badInput(`"${where}.overdueOn" contradicts "${where}.status": ${states.join(', ')} work is never overdue.`, `${where}.overdueOn`);
  return { states, overdueOn: overdueOn ?? undefined };
}

type Shared = Pick<RecommendationFilterInput, 'inspection' | 'response' | 'addressedTo' | 'dependsOn'>;

async function recommendationCriteria(ctx: Context, f: Shared, where: string): Promise<RecommendationCriteria> {
  const refs = async (kind: Parameters<typeof resolveRefs>[1], list: readonly string[] | null | undefined, name: string) =>
    list == null ? undefined : resolveRefs(ctx, kind, list, `${where}.${name}`);
  const [inspectionIds, addressedTo, dependsOn] = await Promise.all([
    refs('inspection', f.inspection, 'inspection'),
    refs('agency', f.addressedTo, 'addressedTo'),
    refs('dependency', f.dependsOn, 'dependsOn'),
  ]);
  return { inspectionIds, addressedTo, dependsOn, responses: nonEmpty(f.response, `${where}.response`) };
}

/** Checks a recommendation filter and resolves the records it names. */
export async function recommendationQuestion(ctx: Context, f: RecommendationFilterInput | null | undefined) {
  const where = 'filter';
  if (!f) return { criteria: {}, state: {} };
  const [base, ownedBy, ownerRoles, search] = await Promise.all([
    recommendationCriteria(ctx, f, where),
    f.ownedBy == null ? undefined : resolveRefs(ctx, 'agency', f.ownedBy, `${where}.ownedBy`),
    f.ownerRole == null ? undefined : resolveRefs(ctx, 'role', f.ownerRole, `${where}.ownerRole`),
    checkedSearch(ctx, f.search, `${where}.search`),
  ]);
  const criteria: RecommendationCriteria = {
    ...base,
    ownedBy,
    ownerRoles,
    search,
    numbers: nonEmpty(f.numbers, `${where}.numbers`),
    hasNotes: f.hasNotes ?? undefined,
    hasDateRevisions: f.hasDateRevisions ?? undefined,
  };
  return { criteria, state: stateCriteria(f.status, f.overdueOn, where) };
}

/** Checks an action filter and resolves the records it names. */
export async function actionQuestion(
  ctx: Context,
  f: ActionFilterInput | null | undefined,
): Promise<{ criteria: ActionCriteria; state: StateCriteria }> {
  const where = 'filter';
  if (!f) return { criteria: { recommendation: {} }, state: {} };
  const [base, ownedBy, ownerRoles, search] = await Promise.all([
    recommendationCriteria(ctx, f, where),
    f.ownedBy == null ? undefined : resolveRefs(ctx, 'agency', f.ownedBy, `${where}.ownedBy`),
    f.ownerRole == null ? undefined : resolveRefs(ctx, 'role', f.ownerRole, `${where}.ownerRole`),
    checkedSearch(ctx, f.search, `${where}.search`),
  ]);
  const criteria: ActionCriteria = {
    recommendation: { ...base, numbers: nonEmpty(f.recommendationNumbers, `${where}.recommendationNumbers`) },
    ownedBy,
    ownerRoles,
    search,
    hasDateRevisions: f.hasDateRevisions ?? undefined,
  };
  return { criteria, state: stateCriteria(f.status, f.overdueOn, where) };
}
