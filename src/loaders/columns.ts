/**
 * The columns a relation loader reads: only those the fields asked for need. Each table lists the
 * GraphQL fields that resolve from its own columns (or from its id alone, through another loader), and
 * which columns each needs. A selection holding any other field (a relation the Prisma plugin plans,
 * such as `owners` or `citations`) is not answered from these columns: the loader then reads the
 * rows through the plugin's plan instead (see relations.ts).
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { PLAN_DATE_COLUMNS } from '../domain/plan-date.js';
import { fieldsIn } from '../schema/selection.js';

/** The columns a field needs: fixed, or depending on what is selected below it. */
type Needs = readonly string[] | ((selected: ReadonlySet<string>) => readonly string[]);

export interface Table {
  /** The table, as quoted in SQL. */
  name: string;
  /** Column -> SQL expression under the alias `t` (casts for what the driver would leave as text). */
  columns: Record<string, string>;
  /** GraphQL field -> the columns it needs (none beyond the id for fields answered by a loader). */
  fields: Record<string, Needs>;
  /** Read whatever was asked: what lists are filtered by (the round a row was stated in). */
  always: readonly string[];
}

const plain = (...names: string[]) => Object.fromEntries(names.map((n) => [n, `t."${n}"`]));
const planDateColumns = (prefix: string) => PLAN_DATE_COLUMNS.map((c) => `${prefix}${c}`);

/** A PlanDate field: its text (null there means no date), and the parts of the group selected below it. */
const planDateNeeds =
  (prefix: string): Needs =>
  (selected) => [
    `${prefix}Text`,
    ...PLAN_DATE_COLUMNS.filter((c) => c !== 'Text' && selected.has(c[0].toLowerCase() + c.slice(1))).map((c) => `${prefix}${c}`),
  ];

const table = (name: string, columns: Record<string, string>, fields: Record<string, Needs>, always: string[] = []): Table => ({
  name,
  columns,
  fields: { __typename: [], id: [], ...fields },
  always: ['id', ...always],
});

export const RECOMMENDATION = table(
  'Recommendation',
  {
    ...plain('id', 'inspectionId', 'number', 'text', 'addresseeHeading', 'response', 'responseNarrative', 'version'),
    reasonCategories: `t."reasonCategories"::text[]`,
  },
  {
    number: ['number'],
    version: ['version'],
    text: ['text'],
    addresseeHeading: ['addresseeHeading'],
    response: ['response', 'responseNarrative', 'reasonCategories'],
    status: [],
    actions: [],
    dependencies: [],
  },
);

export const ACTION = table('Action', plain('id', 'recommendationId', 'sequence', 'key', 'text', 'version', ...planDateColumns('target')), {
  key: ['key'],
  sequence: ['sequence'],
  version: ['version'],
  text: ['text'],
  target: planDateNeeds('target'),
  currentTarget: [],
  slipDays: [],
  status: [],
  progressUpdates: [],
  dateRevisions: [],
});

export const PROGRESS_UPDATE = table(
  'ProgressUpdate',
  plain('id', 'recommendationId', 'roundId', 'sequence', 'key', 'paragraphs', 'status', 'ownerId', ...planDateColumns('target')),
  {
    key: ['key'],
    sequence: ['sequence'],
    paragraphs: ['paragraphs'],
    status: ['status'],
    target: planDateNeeds('target'),
  },
  ['roundId'],
);

/** What slipDays and direction compare: whether each date is stated, and its latest bound. */
const revisionBounds = ['previousText', 'previousLatest', 'revisedText', 'revisedLatest'];
export const DATE_REVISION = table(
  'DateRevision',
  plain('id', 'roundId', 'sequence', 'actionId', 'dependencyId', 'reason', ...planDateColumns('previous'), ...planDateColumns('revised')),
  {
    previous: planDateNeeds('previous'),
    revised: planDateNeeds('revised'),
    reason: ['reason'],
    slipDays: revisionBounds,
    direction: revisionBounds,
  },
  ['roundId'],
);

export const DEPENDENCY = table('Dependency', plain('id', 'slug', 'name', 'aliases', 'kind', 'leadAgencyId', 'version'), {
  slug: ['slug'],
  version: ['version'],
  name: ['name'],
  aliases: ['aliases'],
  kind: ['kind'],
  status: [],
  expected: [],
});

/**
 * The SQL select list (under the alias `t`) that answers the fields `selected` (nodes of the
 * operation), or null when one of them needs more than this table's columns.
 */
export function columnsFor(table: Table, selected: readonly FieldNode[], info: Pick<GraphQLResolveInfo, 'fragments'>): string | null {
  const columns = new Set(table.always);
  for (const field of selected) {
    const needs = table.fields[field.name.value];
    if (!needs) return null;
    const named = typeof needs === 'function' ? needs(new Set(fieldsIn(info, [field.selectionSet]).map((f) => f.name.value))) : needs;
    for (const c of named) columns.add(c);
  }
  return [...columns].map((c) => `${table.columns[c]} AS "${c}"`).join(', ');
}
