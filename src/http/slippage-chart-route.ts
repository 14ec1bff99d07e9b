/**
 * GET /inspections/:slug/slippage.svg[?asOf=yyyy-mm-dd | asOfRound=slug]: the slippage chart of an
 * inspection, drawn from what the API answers for it.
 */
import type { ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Context } from '../context/context.js';
import { isoDay } from '../domain/frame.js';
import { renderSlippageChart, type ChartData, type ChartDate, type ChartRow } from '../export/slippage-chart.js';
import { badParameter, FRAME_PARAMETERS, frameVariables, runSchemaQuery, schemaQuery, sendErrors } from './schema-reader.js';

export const CHART_PATH = /^\/inspections\/([a-z0-9]+(?:-[a-z0-9]+)*)\/slippage\.svg$/;

const DATE = '{ text earliest latest }';
const QUERY = schemaQuery(
  'SlippageChart',
  '$slug: String!, $after: String',
  `inspection(slug: $slug) { title rounds { label submittedOn { latest } } }
   recommendations(first: 100, after: $after, filter: { inspection: [$slug] }) {
     pageInfo { hasNextPage endCursor }
     nodes {
       number text
       status { state asOf explanation round { label submittedOn { latest } } }
       slippage {
         original ${DATE} current ${DATE} withdrawn
         revisions { action { key } previous ${DATE} revised ${DATE} round { label } reason }
       }
     }
   }`,
);

interface Node {
  number: number;
  text: string | null;
  status: { state: string; asOf: string; explanation: string; round: { label: string; submittedOn: { latest: string | null } } | null };
  slippage: {
    original: ChartDate | null;
    current: ChartDate | null;
    withdrawn: boolean;
    revisions: {
      action: { key: string } | null;
      previous: ChartDate;
      revised: ChartDate | null;
      round: { label: string };
      reason: string | null;
    }[];
  };
}

const rowOf = (n: Node): ChartRow => ({
  number: n.number,
  text: n.text,
  state: n.status.state,
  explanation: n.status.explanation,
  original: n.slippage.original,
  current: n.slippage.current,
  withdrawn: n.slippage.withdrawn,
  revisions: n.slippage.revisions.map((r) => ({
    actionKey: r.action?.key ?? null,
    previous: r.previous,
    revised: r.revised,
    round: r.round.label,
    reason: r.reason,
  })),
  completedOn:
    n.status.state === 'COMPLETED' && n.status.round?.submittedOn.latest
      ? { date: n.status.round.submittedOn.latest, round: n.status.round.label }
      : null,
});

export async function slippageChart(slug: string, params: URLSearchParams, res: ServerResponse, contextValue: Context): Promise<void> {
  const unknown = [...params.keys()].find((k) => !FRAME_PARAMETERS.includes(k));
  if (unknown)
    return sendErrors(res, [badParameter(`Unknown parameter "${unknown.slice(0, 60)}"; the chart takes ${FRAME_PARAMETERS.join(', ')}.`)]);
  if (!(await contextValue.db.inspection.findUnique({ where: { slug }, select: { id: true } })))
    return sendErrors(res, [new GraphQLError(`No inspection "${slug}".`, { extensions: { code: 'NOT_FOUND' } })], 404);
  const nodes: Node[] = [];
  let head: { title: string; rounds: { label: string; submittedOn: { latest: string | null } }[] } | null = null;
  for (let after: string | null = null; ;) {
    const result = await runSchemaQuery(QUERY, { ...frameVariables(params), slug, after }, contextValue);
    if ('errors' in result) return sendErrors(res, result.errors);
    head ??= result.data.inspection as typeof head;
    const page = result.data.recommendations as { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Node[] };
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const data: ChartData = {
    title: head!.title,
    asOf: nodes[0]?.status.asOf ?? isoDay(contextValue.today),
    rounds: head!.rounds.filter((r) => r.submittedOn.latest).map((r) => ({ label: r.label, date: r.submittedOn.latest! })),
    rows: nodes.map(rowOf),
  };
  res.writeHead(200, { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'no-store' });
  res.end(renderSlippageChart(data));
}
