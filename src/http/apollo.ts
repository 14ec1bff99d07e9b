/**
 * The Apollo Server: the schema behind graphql-armor's limits, with errors masked so that clients see
 * what they did wrong and nothing of how the server works.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Limits } from '../config.js';
import type { Context } from '../context/context.js';
import { isDatabaseUnavailable } from '../database/unavailable.js';
import { schema } from '../schema/index.js';
import { documentCache } from './document-cache.js';
import { DATABASE_UNAVAILABLE_MESSAGE } from './errors.js';
import { queryLimitOf, queryLimits } from './limits.js';
import { documentHasUnstorableText, hasUnstorableText, unstorableTextError } from './text-input.js';

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
  'RATE_LIMITED',
  'DATABASE_UNAVAILABLE',
  'AUTHENTICATION_UNAVAILABLE',
]);

/**
 * The code a client may see for an error, or null when the error is the server's fault and must be
 * masked. One rule for both the response and the log.
 */
export function clientCode(error: unknown): string | null {
  const limit = queryLimitOf(error);
  if (limit) return limit.code;
  if (isDatabaseUnavailable(error)) return 'DATABASE_UNAVAILABLE';
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
  const limit = queryLimitOf(error);
  const message = !code
    ? 'Internal server error'
    : limit
      ? limit.message
      : code === 'DATABASE_UNAVAILABLE'
        ? DATABASE_UNAVAILABLE_MESSAGE
        : formatted.message;
  const extensions: Record<string, unknown> = { code: code ?? 'INTERNAL_SERVER_ERROR' };
  if (limit) extensions.limit = limit.limit;
  if (code === 'RATE_LIMITED') extensions.retryAfter = formatted.extensions?.retryAfter;
  return { message, locations: formatted.locations, path: formatted.path, extensions };
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

/** A database outage met while running an operation answers 503, as one met before it does. */
const unavailableIs503: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        if (errors?.some((e) => e.extensions?.code === 'DATABASE_UNAVAILABLE')) {
          response.http.status = 503;
          response.http.headers.set('retry-after', '1');
        }
      },
    };
  },
};

/**
 * Refuses, before anything runs, what would otherwise fail as a server fault: a subscription (served
 * over WebSocket only; over HTTP its field would resolve to nothing) and text the database cannot hold.
 */
const refuseUnservable: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, request }) {
        if (operation?.operation === 'subscription')
          throw new GraphQLError('Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql, not over HTTP.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        if (hasUnstorableText(request.variables) || documentHasUnstorableText(document)) throw unstorableTextError();
      },
    };
  },
};

export function createApollo(options: { production: boolean; introspection: boolean; limits: Limits }) {
  const limits = queryLimits(options.limits, options);
  return new ApolloServer<Context>({
    schema,
    introspection: options.introspection,
    documentStore: documentCache(options.limits.documentCacheBytes),
    parseOptions: limits.parseOptions,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => {
      const shown = formatError(formatted, error);
      return { ...shown, message: limits.clientMessage(shown.message) };
    },
    validationRules: limits.validationRules,
    allowBatchedHttpRequests: false,
    // These plugins ignore the context, so they serve any context type.
    plugins: [
      ...(limits.plugins as ApolloServerPlugin<Context>[]),
      ApolloServerPluginLandingPageDisabled() as ApolloServerPlugin<Context>,
      refuseUnservable,
      // No field sets a cache hint and no response is cached, so the plugin would only wrap every
      // resolver of every request (a measurable share of the CPU of large trees) to compute nothing.
      ApolloServerPluginCacheControlDisabled() as ApolloServerPlugin<Context>,
      logUnexpectedErrors,
      unavailableIs503,
    ],
  });
}
