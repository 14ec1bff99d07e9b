/**
 * Assembles the service: database -> Apollo -> HTTP. `startApp` is what `npm start` and the tests run,
 * so the tests exercise the same wiring users get.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { openDatabase, type OpenDatabase } from './database/open.js';
import { createAuthenticator } from './auth/authenticate.js';
import { devSecret } from './auth/dev-secret.js';
import { contextFactory } from './context/request-context.js';
import { PlanEvents } from './events/plan-events.js';
import { createApollo } from './http/apollo.js';
import { rateLimit } from './http/rate-limit.js';
import { createHttpServer } from './http/server.js';
import { serveSubscriptions } from './http/subscriptions.js';

export const DEFAULT_QUERY = readFileSync(resolve(import.meta.dirname, '../schema/examples/recommendation-detail.graphql'), 'utf8');

/** The configured secret, or in development (with no JWKS either) the one kept under DATA_DIR. */
export const signingSecret = (config: Config) => config.auth.secret ?? (config.auth.jwksUrl ? undefined : devSecret(config.dataDir));

export interface RunningApp {
  url: string;
  database: OpenDatabase;
  stop(): Promise<void>;
}

export async function startApp(config: Config, log: Logger, database?: OpenDatabase): Promise<RunningApp> {
  const started = Date.now();
  const db =
    database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      seedsDir: config.seedsDir,
      log,
      poolSize: config.databasePoolSize,
      // No statement outlives the request that sent it.
      statementTimeoutMs: config.limits.requestTimeoutMs,
    }));
  const apollo = createApollo({ production: config.production, introspection: config.introspection, limits: config.limits });
  await apollo.start();
  const events = new PlanEvents();
  const authenticate = createAuthenticator({ ...config.auth, secret: signingSecret(config) });
  const createContext = contextFactory({ db: db.db, events, authenticate, anonymousRead: config.auth.anonymousRead });
  // One limiter for HTTP requests and subscription starts alike.
  const limiter = rateLimit(config.limits.ratePerMinute);
  const server = createHttpServer({
    apollo,
    db: db.db,
    log,
    defaultQuery: DEFAULT_QUERY,
    createContext,
    limits: config.limits,
    rateLimit: limiter,
    graphiql: config.graphiql,
    trustProxy: config.trustProxy,
  });
  const subscriptions = serveSubscriptions({
    server,
    createContext,
    production: config.production,
    introspection: config.introspection,
    limits: config.limits,
    rateLimit: limiter,
    trustProxy: config.trustProxy,
    log,
  });
  await new Promise<void>((ready, fail) => server.once('error', fail).listen(config.port, config.host, ready));
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  log.info({ url: `${url}/graphql`, startupMs: Date.now() - started }, 'listening');

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      // Stop accepting, let in-flight requests finish, then drop idle keep-alive connections.
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
      await subscriptions.close();
      await closed;
      clearTimeout(grace);
      await apollo.stop();
      if (!database) await db.close();
      log.info('stopped');
    })());
  return { url, database: db, stop };
}
