/**
 * The Apollo Server: the schema behind graphql-armor's limits, with errors masked so that clients see
 * what they did wrong and nothing of how the server works.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Context } from '../context/context.js';
import { schema } from '../schema/index.js';
import { MAX_TOKENS, queryLimits } from './limits.js';

/** Codes whose message is written for the client and safe to show as is. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The code a client may see for an error, or null when the error is the server's fault and must be
 * masked. One rule for both the response and the log.
 */
export function clientCode(error: unknown): string | null {
  // Pothos reports bad arguments (a global id of the wrong type, a negative page size) with its own
  // error class, itself a GraphQLError without a code: checked first.
  if (error instanceof PothosValidationError) return 'BAD_USER_INPUT';
  if (!(error instanceof GraphQLError)) return null;
  const code = error.extensions.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) return code;
  if (error.originalError) return clientCode(error.originalError);
  // Raised by graphql-js itself about the operation as a whole (no field path), e.g. "Schema is not
  // configured to execute mutation operation". With a path it is a field failing (a null for a non-null
  // field): a server fault.
  return error.path || code ? null : 'BAD_REQUEST';
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = clientCode(error);
  const message = code ? formatted.message : 'Internal server error';
  return { message, locations: formatted.locations, path: formatted.path, extensions: { code: code ?? 'INTERNAL_SERVER_ERROR' } };
}

/** Logs, with the request id, every error that clients see only as "Internal server error". */
const logUnexpectedErrors: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors, operationName }) {
        for (const error of errors) {
          if (!clientCode(error))
            contextValue.log.error({ err: error.originalError ?? error, path: error.path, operationName }, 'request failed');
        }
      },
    };
  },
};

export function createApollo(options: { production: boolean }) {
  const limits = queryLimits(options);
  return new ApolloServer<Context>({
    schema,
    introspection: true,
    parseOptions: { maxTokens: MAX_TOKENS },
    includeStacktraceInErrorResponses: false,
    formatError,
    validationRules: limits.validationRules,
    allowBatchedHttpRequests: false,
    // These plugins ignore the context, so they serve any context type.
    plugins: [
      ...(limits.plugins as ApolloServerPlugin<Context>[]),
      ApolloServerPluginLandingPageDisabled() as ApolloServerPlugin<Context>,
      // No field sets a cache hint and no response is cached, so the plugin would only wrap every
      // resolver of every request (a measurable share of the CPU of large trees) to compute nothing.
      ApolloServerPluginCacheControlDisabled() as ApolloServerPlugin<Context>,
      logUnexpectedErrors,
    ],
  });
}
