/**
 * Subscriptions over graphql-ws, on the HTTP server's own /graphql address. A connection signs in
 * once with `{ "authorization": "Bearer <token>" }` as its connection parameters; each operation gets
 * a fresh context, the same limits as HTTP (the rate limit too, in the same count), and errors masked
 * by the same rule, each with the operation's request id. Only subscriptions are served: a query or
 * mutation here would escape the HTTP request timeout.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import {
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type ExecutionArgs,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { AuthenticationError } from '../auth/authenticate.js';
import type { Viewer } from '../auth/viewer.js';
import type { ContextFactory } from '../context/request-context.js';
import { schema } from '../schema/index.js';
import { clientCode, formatError } from './apollo.js';
import type { Limits } from '../config.js';
import { RateLimitedError } from './errors.js';
import { queryLimitOf, queryLimits } from './limits.js';
import type { RateLimit } from './rate-limit.js';
import { clientAddress } from './server.js';
import { documentHasUnstorableText, hasUnstorableText, unstorableTextError } from './text-input.js';

interface ConnectionState {
  viewer?: Viewer;
  id: string;
}

const authorizationOf = (params: Record<string, unknown> | undefined) => {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : undefined;
};

/**
 * The same rule as over HTTP (formatError): client errors as written, anything else as "Internal server
 * error"; and, as over HTTP, the request id in each, to quote and find in the log. Applied once, to
 * errors as raised: a masked error has lost what formatError reads (a limit error's class, for one).
 */
const masking = (log: Logger, clientMessage: (message: string) => string) => (errors: readonly GraphQLError[], requestId: string) =>
  errors.map((e) => {
    if (!clientCode(e)) log.error({ err: e.originalError ?? e, path: e.path, requestId }, 'subscription failed');
    const { message, extensions } = formatError(e.toJSON(), e);
    return new GraphQLError(clientMessage(message), { nodes: e.nodes, path: e.path, extensions: { ...extensions, requestId } });
  });

/** Parse and validation errors with the codes Apollo gives them over HTTP, so both transports agree. */
const coded = (errors: readonly GraphQLError[], code: 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED') =>
  errors.map((e) =>
    e.extensions.code
      ? e
      : new GraphQLError(e.message, {
          nodes: e.nodes,
          source: e.source,
          positions: e.positions,
          originalError: e.originalError,
          extensions: { ...e.extensions, code },
        }),
  );

const httpOnly = () =>
  new GraphQLError('Queries and mutations are served over HTTP (POST /graphql), not over WebSocket.', {
    extensions: { code: 'BAD_REQUEST' },
  });

export function serveSubscriptions(options: {
  server: Server;
  createContext: ContextFactory;
  production: boolean;
  introspection: boolean;
  limits: Limits;
  /** The HTTP server's own limiter, so that a user's requests and subscription starts share one count. */
  rateLimit: RateLimit;
  trustProxy: boolean;
  log: Logger;
}) {
  const { createContext, rateLimit, log } = options;
  const wss = new WebSocketServer({ server: options.server, path: '/graphql' });
  const { validationRules, parseOptions, clientMessage } = queryLimits(options.limits, options);
  const masked = masking(log, clientMessage);
  // Apollo adds an introspection rule of its own when `introspection` is off; nothing does here.
  const rules = [...specifiedRules, ...(validationRules as never[]), ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  const state = new WeakMap<object, ConnectionState>();
  const connection = (extra: object) => state.get(extra) ?? state.set(extra, { id: randomUUID() }).get(extra)!;
  const requestId = (extra: object, id: string) => `${connection(extra).id}:${id}`;

  const cleanup = useServer(
    {
      schema,
      // A connection must sign in within ten seconds of opening, or it is closed.
      connectionInitWaitTimeout: 10_000,
      onConnect: async (ctx) => {
        try {
          connection(ctx.extra).viewer = await createContext.viewerOf(authorizationOf(ctx.connectionParams));
          return true;
        } catch (error) {
          if (!(error instanceof AuthenticationError)) throw error;
          // A refused token counts against the address, as over HTTP, so guessing tokens is limited here too
          // (over the limit or not, this connection is refused alike).
          await rateLimit.take(`address:${clientAddress(ctx.extra.request, options.trustProxy)}`).catch(() => {});
          return false; // closes with 4403 Forbidden
        }
      },
      // Errors returned here reach the client through onError, which masks them.
      onSubscribe: async (ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        const conn = connection(ctx.extra);
        // Counted before anything else, as an HTTP request is, so that bad documents count too.
        try {
          const user = conn.viewer?.id;
          await rateLimit.take(user ? `user:${user}` : `address:${clientAddress(ctx.extra.request, options.trustProxy)}`);
        } catch (error) {
          if (error instanceof RateLimitedError) return [error];
          throw error;
        }
        let document;
        try {
          document = parse(payload.query, parseOptions);
        } catch (error) {
          // A limit error keeps its own code (formatError finds it through the chain).
          return error instanceof GraphQLError && !queryLimitOf(error) ? coded([error], 'GRAPHQL_PARSE_FAILED') : [error as GraphQLError];
        }
        const errors = validate(schema, document, rules);
        if (errors.length) return coded(errors, 'GRAPHQL_VALIDATION_FAILED');
        // Checked after validation, where HTTP checks for a subscription, so an invalid document is told
        // what is wrong with it whichever way it came.
        const operation = getOperationAST(document, payload.operationName);
        if (operation && operation.operation !== 'subscription') return [httpOnly()];
        if (hasUnstorableText(payload.variables) || documentHasUnstorableText(document)) return [unstorableTextError()];
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: createContext.contextFor(conn.viewer!, requestId(ctx.extra, id), log),
        };
      },
      onNext: (ctx, id, _payload, _args, result) =>
        result.errors ? { ...result, errors: masked(result.errors, requestId(ctx.extra, id)) } : result,
      onError: (ctx, id, _payload, errors) => masked(errors, requestId(ctx.extra, id)),
    },
    wss,
  );
  return {
    async close() {
      await cleanup.dispose();
      await new Promise<void>((done) => wss.close(() => done()));
    },
  };
}
