/**
 * GET /export/recommendations.csv: the `recommendations` field as a spreadsheet. Query parameters are
 * the field's filter (lists as repeated parameters or comma-separated), plus `orderBy`/`direction`
 * and `asOf` (a date) or `asOfRound` (with `asOfInspection` where ambiguous). Rows are read through
 * the schema page by page and streamed.
 */
import type { ServerResponse } from 'node:http';
import { getNamedType, getNullableType, GraphQLInputObjectType, isListType } from 'graphql';
import type { Context } from '../context/context.js';
import { csvRecord } from '../export/csv.js';
import { cellsOf, HEADINGS, ROW_FRAGMENT, type ExportRow } from '../export/recommendation-rows.js';
import { schema } from '../schema/index.js';
import { badParameter, FRAME_PARAMETERS, frameVariables, runSchemaQuery, schemaQuery, sendErrors } from './schema-reader.js';

const QUERY = schemaQuery(
  'ExportRecommendations',
  '$after: String, $filter: RecommendationFilter, $orderBy: Ordering',
  `recommendations(first: 100, after: $after, filter: $filter, orderBy: $orderBy) {
    pageInfo { hasNextPage endCursor } nodes { ...ExportRow } }`,
  ROW_FRAGMENT,
);

const FILTER = schema.getType('RecommendationFilter') as GraphQLInputObjectType;
const OTHER_PARAMETERS = ['orderBy', 'direction', ...FRAME_PARAMETERS];

/** The filter and ordering the query string asks for, as GraphQL variables. */
export function filterVariables(params: URLSearchParams): { filter: Record<string, unknown> | null; orderBy: unknown } {
  const fields = FILTER.getFields();
  const filter: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    const field = fields[name];
    if (!field) {
      if (OTHER_PARAMETERS.includes(name)) continue;
      throw badParameter(
        `Unknown parameter "${name.slice(0, 60)}". Filters: ${Object.keys(fields).join(', ')}; also ${OTHER_PARAMETERS.join(', ')}.`,
      );
    }
    const values = params.getAll(name);
    const type = getNullableType(field.type);
    const scalar = getNamedType(type).name;
    // Left as text where it does not convert, so GraphQL's own coercion reports it.
    const convert = (v: string): unknown =>
      scalar === 'Int' && /^-?\d+$/.test(v) ? Number(v) : scalar === 'Boolean' && /^(true|false)$/.test(v) ? v === 'true' : v;
    if (isListType(type)) filter[name] = values.flatMap((v) => v.split(',')).map((v) => convert(v.trim()));
    else if (values.length > 1) throw badParameter(`Parameter "${name}" may be given once.`);
    else filter[name] = convert(values[0]);
  }
  const orderBy = params.get('orderBy');
  return {
    filter: Object.keys(filter).length ? filter : null,
    orderBy: orderBy ? { field: orderBy, direction: params.get('direction') ?? 'ASC' } : null,
  };
}

/** The download's name, from the frame asked for (reduced to characters safe in a header). */
const fileName = (params: URLSearchParams) => {
  const at = (params.get('asOf') ?? params.get('asOfRound') ?? '').replace(/[^\w.-]/g, '');
  return `recommendations${at ? `-as-of-${at}` : ''}.csv`;
};

type Page = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: ExportRow[] };

export async function exportRecommendations(params: URLSearchParams, res: ServerResponse, contextValue: Context): Promise<void> {
  let variables: Record<string, unknown>;
  try {
    variables = { ...filterVariables(params), ...frameVariables(params) };
  } catch (error) {
    return sendErrors(res, [error as never]);
  }
  let after: string | null = null;
  for (let first = true; ; first = false) {
    const result = await runSchemaQuery(QUERY, { ...variables, after }, contextValue);
    if ('errors' in result) {
      contextValue.log.warn({ errors: result.errors.map((e) => e.message) }, 'export failed');
      // Once rows have gone out the status is sent; cutting the stream tells the client it is incomplete.
      if (!first) return void res.destroy();
      return sendErrors(res, result.errors);
    }
    const page = result.data.recommendations as Page;
    if (first) {
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${fileName(params)}"`,
        'cache-control': 'no-store',
      });
      // A byte-order mark, so spreadsheet programs read the file as UTF-8 (the record has curly quotes).
      res.write(`\uFEFF${csvRecord(HEADINGS)}`);
    }
    for (const row of page.nodes) res.write(csvRecord(cellsOf(row)));
    if (!page.pageInfo.hasNextPage) return void res.end();
    after = page.pageInfo.endCursor;
  }
}
