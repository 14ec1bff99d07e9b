/**
 * Subscriptions over graphql-ws, on the HTTP server's own /graphql address. A connection signs in
 * once with `{ "authorization": "Bearer <token>" }` as its connection parameters; each operation gets
 * a fresh context, the same limits as HTTP, and errors masked by the same rule.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { GraphQLError, parse, specifiedRules, validate, type ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { AuthenticationError } from '../auth/authenticate.js';
import type { Viewer } from '../auth/viewer.js';
import type { ContextFactory } from '../context/request-context.js';
import { schema } from '../schema/index.js';
import { clientCode } from './apollo.js';
import { MAX_TOKENS, queryLimits } from './limits.js';

interface ConnectionState {
  viewer?: Viewer;
  id: string;
}

const authorizationOf = (params: Record<string, unknown> | undefined) => {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : undefined;
};

/** The same rule as over HTTP: client errors as they are, anything else as "Internal server error". */
const masking = (log: Logger) => (errors: readonly GraphQLError[]) =>
  errors.map((e) => {
    if (clientCode(e)) return e;
    log.error({ err: e.originalError ?? e, path: e.path }, 'subscription failed');
    return new GraphQLError('Internal server error', { path: e.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

export function serveSubscriptions(options: { server: Server; createContext: ContextFactory; production: boolean; log: Logger }) {
  const { createContext, log } = options;
  const masked = masking(log);
  const wss = new WebSocketServer({ server: options.server, path: '/graphql' });
  const { validationRules } = queryLimits(options);
  const state = new WeakMap<object, ConnectionState>();
  const connection = (extra: object) => state.get(extra) ?? state.set(extra, { id: randomUUID() }).get(extra)!;

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
          if (error instanceof AuthenticationError) return false; // closes with 4403 Forbidden
          throw error;
        }
      },
      onSubscribe: (ctx, id, payload): ExecutionArgs | readonly GraphQLError[] => {
        const conn = connection(ctx.extra);
        let document;
        try {
          document = parse(payload.query, { maxTokens: MAX_TOKENS });
        } catch (error) {
          return masked([error as GraphQLError]);
        }
        const errors = validate(schema, document, [...specifiedRules, ...(validationRules as never[])]);
        if (errors.length) return masked(errors);
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: createContext.contextFor(conn.viewer!, `${conn.id}:${id}`, log),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: masked(result.errors) } : result),
      onError: (_ctx, _id, _payload, errors) => masked(errors),
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
