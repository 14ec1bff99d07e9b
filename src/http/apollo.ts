/**
 * The Apollo Server: the schema behind graphql-armor's limits, with errors masked so that clients see
 * what they did wrong and nothing of how the server works.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Context } from '../context/context.js';
import { schema } from '../schema/index.js';

export const MAX_TOKENS = 4_000;

/** Codes whose message is written for the client and safe to show as is. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const isClientError = (error: unknown) =>
  error instanceof PothosValidationError ||
  (error instanceof GraphQLError && CLIENT_CODES.has(String(error.extensions.code))) ||
  (error instanceof GraphQLError && error.originalError instanceof PothosValidationError);

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (CLIENT_CODES.has(String(formatted.extensions?.code))) return { ...formatted, extensions: { code: formatted.extensions!.code } };
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof PothosValidationError) {
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Logs, with the request id, every error that clients see only as "Internal server error". */
const logUnexpectedErrors: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors, operationName }) {
        for (const error of errors) {
          if (!isClientError(error))
            contextValue.log.error({ err: error.originalError ?? error, path: error.path, operationName }, 'request failed');
        }
      },
    };
  },
};

export function createApollo(options: { production: boolean }) {
  const armor = new ApolloArmor({
    // Deep enough for a recommendation with its actions, owners, agencies and citations in one request.
    maxDepth: { n: 14 },
    costLimit: { maxCost: 20_000 },
    maxAliases: { n: 30 },
    maxDirectives: { n: 50 },
    // Token limits are enforced by graphql's own parser (parseOptions below): armor's Apollo hook
    // re-parses the query itself, and a syntax error thrown there surfaces as a 500.
    maxTokens: { enabled: false },
    // Suggestions help analysts in GraphiQL; in production they would map the schema for strangers.
    blockFieldSuggestion: { enabled: options.production },
  });
  const protection = armor.protect();
  return new ApolloServer<Context>({
    schema,
    introspection: true,
    parseOptions: { maxTokens: MAX_TOKENS },
    includeStacktraceInErrorResponses: false,
    formatError,
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    // These plugins ignore the context, so they serve any context type.
    plugins: [
      ...(protection.plugins as ApolloServerPlugin<Context>[]),
      ApolloServerPluginLandingPageDisabled() as ApolloServerPlugin<Context>,
      logUnexpectedErrors,
    ],
  });
}
