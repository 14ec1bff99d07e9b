/**
 * The HTTP surface: POST/GET /graphql (Apollo), GET /graphql in a browser (GraphiQL from local assets),
 * /healthz (process up) and /readyz (database reachable). Every request gets an id (from X-Request-Id
 * when the caller sends a sane one) that is echoed back and stamped on its log lines.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { AuthenticationError, KeySetUnavailableError } from '../auth/authenticate.js';
import type { Limits } from '../config.js';
import type { Context } from '../context/context.js';
import type { ContextFactory } from '../context/request-context.js';
import type { Database } from '../database/client.js';
import { isDatabaseUnavailable } from '../database/unavailable.js';
import { DatabaseUnavailableError, RateLimitedError } from './errors.js';
import { loadExamples } from './examples.js';
import { exportRecommendations } from './export-recommendations.js';
import { graphiqlAsset, graphiqlPage } from './graphiql.js';
import { badParameter, sendErrors } from './schema-reader.js';
import { CHART_PATH, slippageChart } from './slippage-chart-route.js';
import { handleGraphQL, sendJsonError } from './graphql-handler.js';
import type { RateLimit } from './rate-limit.js';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from './text-input.js';

const ASSET_PREFIX = '/graphql/assets/';
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_ID = /^[\w.:-]{1,128}$/;

// GraphiQL needs inline styles (Monaco injects them) and data: fonts; scripts come only from here.
const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "frame-ancestors 'none'",
].join('; ');

export interface HttpDependencies {
  apollo: ApolloServer<Context>;
  db: Database;
  log: Logger;
  defaultQuery: string;
  createContext: ContextFactory;
  limits: Limits;
  rateLimit: RateLimit;
  /** Serve GraphiQL at GET /graphql for browsers. */
  graphiql: boolean;
  /** Take the client's address from X-Forwarded-For. */
  trustProxy: boolean;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const wantsHtml = (req: IncomingMessage) => req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');

/** The address a request counts against; also used for WebSocket upgrade requests, so both count alike. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress || 'unknown';
}

export function createHttpServer(dependencies: HttpDependencies): Server {
  const { apollo, db, log, defaultQuery, createContext, limits, rateLimit, graphiql, trustProxy } = dependencies;
  const httpLog = pinoHttp({
    logger: log,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || (req.url ?? '').startsWith(ASSET_PREFIX) },
  });
  const page = graphiqlPage({
    endpoint: '/graphql',
    defaultQuery,
    title: 'Inspection actions · GraphiQL',
    assetBase: '/graphql/assets',
    examples: loadExamples(),
  });

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    res.setHeader('x-content-type-options', 'nosniff');
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      try {
        await db.$queryRaw`SELECT 1`;
        return sendJson(res, 200, { status: 'ready' });
      } catch (err) {
        req.log.warn({ err }, 'database unreachable');
        return sendJson(res, 503, { status: 'unavailable', reason: 'database unreachable' });
      }
    }
    if (graphiql && path.startsWith(ASSET_PREFIX) && req.method === 'GET') {
      const asset = graphiqlAsset(path.slice(ASSET_PREFIX.length));
      if (!asset) return sendJson(res, 404, { error: 'not found' });
      res.writeHead(200, { 'content-type': asset.contentType, 'cache-control': 'public, max-age=3600' });
      return res.end(asset.body);
    }
    if (graphiql && path === '/graphql' && wantsHtml(req)) {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': GRAPHIQL_CSP,
        'cache-control': 'no-cache',
      });
      return res.end(page);
    }
    const requestId = String(req.id);
    const address = clientAddress(req, trustProxy);
    // Each request counts against its user (or, anonymous or with a bad token, its address) before it runs.
    const context = async () => {
      let ctx: Context;
      try {
        ctx = await createContext({ authorization: req.headers.authorization, requestId, log: req.log });
      } catch (error) {
        if (error instanceof AuthenticationError) await rateLimit.take(`address:${address}`);
        if (isDatabaseUnavailable(error)) throw new DatabaseUnavailableError();
        throw error;
      }
      await rateLimit.take(ctx.viewer.id ? `user:${ctx.viewer.id}` : `address:${address}`);
      return ctx;
    };
    if (path === '/graphql')
      return handleGraphQL(apollo, req, res, { bodyBytes: limits.bodyBytes, timeoutMs: limits.requestTimeoutMs, requestId, context });
    const chart = req.method === 'GET' ? CHART_PATH.exec(path) : null;
    if ((path === '/export/recommendations.csv' && req.method === 'GET') || chart) {
      // `%00` decodes to a NUL, which no database query can carry.
      if ([...url.searchParams].some(([name, value]) => !isStorableText(name) || !isStorableText(value)))
        return sendErrors(res, [badParameter(UNSTORABLE_TEXT_MESSAGE)], 400);
      let ctx: Context;
      try {
        ctx = await context();
      } catch (error) {
        if (error instanceof AuthenticationError) return sendErrors(res, [error], 401);
        if (error instanceof RateLimitedError || error instanceof DatabaseUnavailableError || error instanceof KeySetUnavailableError) {
          const http = error.extensions.http as { status: number; headers?: Map<string, string> };
          return sendErrors(res, [error], http.status, Object.fromEntries(http.headers ?? []));
        }
        throw error;
      }
      return chart ? slippageChart(chart[1], url.searchParams, res, ctx) : exportRecommendations(url.searchParams, res, ctx);
    }
    return sendJson(res, 404, { error: 'not found' });
  }

  // A connection that sends no complete request head in ten seconds (nothing, or blank lines, which
  // the parser skips) is answered 408 and closed, rather than held for Node's default of a minute.
  return createServer({ headersTimeout: HEADERS_TIMEOUT_MS, connectionsCheckingInterval: 1_000 }, (req, res) => {
    httpLog(req, res);
    route(req, res).catch((err) => {
      const unavailable = isDatabaseUnavailable(err);
      if (unavailable) req.log.warn({ err }, 'database unreachable');
      else req.log.error({ err }, 'unhandled request error');
      if (res.headersSent) res.destroy();
      else if (unavailable)
        sendJsonError(res, 503, new DatabaseUnavailableError().message, 'DATABASE_UNAVAILABLE', String(req.id), { 'retry-after': '1' });
      else sendJsonError(res, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR', String(req.id));
    });
  });
}
