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
import { AuthenticationError } from '../auth/authenticate.js';
import type { Context } from '../context/context.js';
import type { ContextFactory } from '../context/request-context.js';
import type { Database } from '../database/client.js';
import { loadExamples } from './examples.js';
import { exportRecommendations } from './export-recommendations.js';
import { graphiqlAsset, graphiqlPage } from './graphiql.js';
import { sendErrors } from './schema-reader.js';
import { CHART_PATH, slippageChart } from './slippage-chart-route.js';
import { handleGraphQL } from './graphql-handler.js';

const ASSET_PREFIX = '/graphql/assets/';
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
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const wantsHtml = (req: IncomingMessage) => req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');

export function createHttpServer({ apollo, db, log, defaultQuery, createContext }: HttpDependencies): Server {
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
    if (path.startsWith(ASSET_PREFIX) && req.method === 'GET') {
      const asset = graphiqlAsset(path.slice(ASSET_PREFIX.length));
      if (!asset) return sendJson(res, 404, { error: 'not found' });
      res.writeHead(200, { 'content-type': asset.contentType, 'cache-control': 'public, max-age=3600' });
      return res.end(asset.body);
    }
    if (path === '/graphql' && wantsHtml(req)) {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': GRAPHIQL_CSP,
        'cache-control': 'no-cache',
      });
      return res.end(page);
    }
    const context = () => createContext({ authorization: req.headers.authorization, requestId: String(req.id), log: req.log });
    if (path === '/graphql') return handleGraphQL(apollo, req, res, context);
    const chart = req.method === 'GET' ? CHART_PATH.exec(path) : null;
    if ((path === '/export/recommendations.csv' && req.method === 'GET') || chart) {
      let ctx: Context;
      try {
        ctx = await context();
      } catch (error) {
        if (error instanceof AuthenticationError) return sendErrors(res, [error], 401);
        throw error;
      }
      return chart ? slippageChart(chart[1], url.searchParams, res, ctx) : exportRecommendations(url.searchParams, res, ctx);
    }
    return sendJson(res, 404, { error: 'not found' });
  }

  return createServer((req, res) => {
    httpLog(req, res);
    route(req, res).catch((err) => {
      req.log.error({ err }, 'unhandled request error');
      if (!res.headersSent)
        sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy();
    });
  });
}
