/**
 * Reads data for non-GraphQL endpoints (CSV, SVG) through the schema itself, so they answer exactly
 * what the API answers, with its filters, frames and errors. A query is compiled twice, bare and
 * wrapped in `asOf`, and the frame parameters (`asOf`, `asOfRound`, `asOfInspection`) pick one.
 */
import type { ServerResponse } from 'node:http';
import { execute, GraphQLError, parse, validate, type DocumentNode } from 'graphql';
import type { Context } from '../context/context.js';
import { schema } from '../schema/index.js';
import { clientCode, formatError } from './apollo.js';

export const FRAME_PARAMETERS = ['asOf', 'asOfRound', 'asOfInspection'];

export interface SchemaQuery {
  now: DocumentNode;
  asOf: DocumentNode;
}

function checked(source: string): DocumentNode {
  const document = parse(source);
  const errors = validate(schema, document);
  if (errors.length) throw new Error(`built-in query is invalid: ${errors.map((e) => e.message).join('; ')}`);
  return document;
}

/** `selection` is a selection on Query; `variables` its variable definitions (without parentheses). */
export function schemaQuery(name: string, variables: string, selection: string, fragments = ''): SchemaQuery {
  const frame = '$asOfDate: Date, $asOfRound: String, $asOfInspection: String';
  return {
    now: checked(`query ${name}(${variables}) { ${selection} } ${fragments}`),
    asOf: checked(
      `query ${name}AsOf(${[variables, frame].filter(Boolean).join(', ')}) {
        asOf(date: $asOfDate, round: $asOfRound, inspection: $asOfInspection) { ${selection} } } ${fragments}`,
    ),
  };
}

export const frameVariables = (params: URLSearchParams) => ({
  asOfDate: params.get('asOf'),
  asOfRound: params.get('asOfRound'),
  asOfInspection: params.get('asOfInspection'),
});

const framed = (v: Record<string, unknown>) => v.asOfDate != null || v.asOfRound != null || v.asOfInspection != null;

/** Runs the query; its data as if asked without `asOf`, or the errors. */
export async function runSchemaQuery(
  query: SchemaQuery,
  variableValues: Record<string, unknown>,
  contextValue: Context,
): Promise<{ data: Record<string, unknown> } | { errors: readonly GraphQLError[] }> {
  const asOf = framed(variableValues);
  const result = await execute({ schema, document: asOf ? query.asOf : query.now, contextValue, variableValues });
  const data = (asOf ? result.data?.asOf : result.data) as Record<string, unknown> | null | undefined;
  if (result.errors?.length || !data) return { errors: result.errors ?? [new GraphQLError('The query returned nothing.')] };
  return { data };
}

// GraphQL reports bad variables without a code; here the variables are the client's parameters.
const typed = (e: GraphQLError) =>
  !e.extensions.code && !e.path && e.message.startsWith('Variable "$')
    ? new GraphQLError(e.message, { extensions: { code: 'BAD_USER_INPUT' } })
    : e;

/** Sends errors as GraphQL would: 400 when they are the client's, 500 (masked) otherwise. */
export function sendErrors(res: ServerResponse, raw: readonly GraphQLError[], status?: number) {
  const errors = raw.map(typed);
  res.writeHead(status ?? (errors.every((e) => clientCode(e)) ? 400 : 500), {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  // Locations and paths would point into the built-in query, not at anything the client sent.
  res.end(JSON.stringify({ errors: errors.map((e) => ({ ...formatError(e.toJSON(), e), locations: undefined, path: undefined })) }));
}

export const badParameter = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
