/**
 * Connections over lists filtered and ordered by derived data (states, slippage, search), paged by
 * position. The page and the tallies are read in SQL (src/database/queries/search.ts); the nodes then
 * load through the Prisma plugin, so nested fields stay batched. Work nobody selected is skipped.
 */
import { offsetForArgs, offsetToCursor } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import type { Tallies } from '../database/queries/search.js';
import { checkPageArgs, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';
import { selectedFields } from './selection.js';

export interface DerivedSource<S, N extends { id: string }> {
  tallies(byState: boolean): Promise<Tallies>;
  page(offset: number, limit: number): Promise<{ ids: string[]; states: S[] | null }>;
  nodes(ids: string[]): Promise<N[]>;
  /** Hands the derived rows read with the page to the loaders, so fields on the nodes need no query. */
  prime(states: S[]): void;
}

interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface DerivedConnection<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: { startCursor: string | null; endCursor: string | null; hasPreviousPage: boolean; hasNextPage: boolean };
  tallies: () => Promise<Tallies>;
}

export async function resolveDerivedConnection<S, N extends { id: string }>(
  args: PageArgs,
  info: GraphQLResolveInfo,
  source: DerivedSource<S, N>,
): Promise<DerivedConnection<N>> {
  checkPageArgs(args, 'offset');
  const wanted = selectedFields(info);
  const byState = wanted.has('byState');
  let tallied: Promise<Tallies> | null = null;
  const tallies = () => (tallied ??= source.tallies(byState));
  // "The last n" needs the total first; every other page can be read straight away.
  const totalCount = args.last != null && args.before == null ? (await tallies()).total : undefined;
  const { offset, limit, expectedSize, hasPreviousPage, hasNextPage } = offsetForArgs({
    args: {
      first: args.first ?? undefined,
      last: args.last ?? undefined,
      after: args.after ?? undefined,
      before: args.before ?? undefined,
    },
    defaultSize: DEFAULT_PAGE_SIZE,
    maxSize: MAX_PAGE_SIZE,
    totalCount,
  });
  if (['totalCount', 'byState', 'byResponse'].some((f) => wanted.has(f))) void tallies().catch(() => {});

  let ids: string[] = [];
  let edges: { cursor: string; node: N }[] = [];
  if (wanted.has('edges') || wanted.has('nodes') || wanted.has('pageInfo')) {
    const page = await source.page(offset, limit);
    if (page.states) source.prime(page.states);
    ids = page.ids;
    const shown = ids.slice(0, expectedSize);
    const needNodes = wanted.has('edges') || wanted.has('nodes');
    const rows = new Map(needNodes ? (await source.nodes(shown)).map((n) => [n.id, n]) : []);
    // A record deleted between the two reads is left out rather than shown as null.
    edges = shown
      .map((id, i) => ({ cursor: offsetToCursor(offset + i), node: rows.get(id) as N }))
      .filter((edge) => !needNodes || edge.node !== undefined);
  }
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasPreviousPage,
      hasNextPage: hasNextPage(ids.length),
    },
    tallies,
  };
}
