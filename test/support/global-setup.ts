/**
 * Prepares one database for the whole run: migrations applied and the curated record loaded, through
 * the same code `npm start` uses. TEST_DATABASE_URL selects a real PostgreSQL server instead of PGlite.
 */
import { resolve } from 'node:path';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../../src/database/client.js';
import { startEmbeddedPostgres } from '../../src/database/embedded.js';
import { setUpDatabase } from '../../src/database/open.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: 'embedded' | 'server';
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  const embedded = given ? null : await startEmbeddedPostgres();
  const url = given ?? embedded!.url;
  const db = createDatabase({ url });
  try {
    await setUpDatabase(db, url, resolve(import.meta.dirname, '../../seeds'), pino({ level: 'silent' }));
  } finally {
    await db.$disconnect();
  }
  project.provide('databaseUrl', url);
  project.provide('databaseKind', given ? 'server' : 'embedded');
  return async () => {
    await embedded?.stop();
  };
}
