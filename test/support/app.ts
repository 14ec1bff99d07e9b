import pino from 'pino';
import { afterAll, beforeAll, inject } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createDatabase } from '../../src/database/client.js';
import { TEST_SECRET } from './auth.js';
import type { OpenDatabase } from '../../src/database/open.js';

/** A database handle on `url` that the app uses but does not own. */
export function databaseAt(url: string): OpenDatabase {
  const db = createDatabase({ url, maxConnections: 4 });
  return { db, url, close: () => db.$disconnect() };
}

/**
 * The real server on a free loopback port, over the run's seeded database (or the one given), with
 * extra environment (e.g. authentication settings) where a test needs it.
 */
export function serveApp(url = () => inject('databaseUrl'), env: Record<string, string> = {}): { app: () => RunningApp } {
  let app: RunningApp;
  let database: OpenDatabase;
  beforeAll(async () => {
    database = databaseAt(url());
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SHUTDOWN_GRACE_MS: '2000', AUTH_JWT_SECRET: TEST_SECRET, ...env });
    app = await startApp(config, pino({ level: 'silent' }), database);
  });
  afterAll(async () => {
    await app?.stop();
    await database?.close();
  });
  return { app: () => app };
}
