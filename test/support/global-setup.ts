/**
 * Prepares the run's databases, through the same code `npm start` uses (migrations, then the curated
 * record): one that tests only read, and one that tests write to, so writes cannot disturb what the
 * reading tests check. TEST_DATABASE_URL selects a real PostgreSQL server instead of PGlite; the
 * writable database is then a sibling on the same server.
 */
import { resolve } from 'node:path';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../../src/database/client.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded.js';
import { setUpDatabase } from '../../src/database/open.js';
import { sibling } from './fresh-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    writableDatabaseUrl: string;
    databaseKind: 'embedded' | 'server';
  }
}

const SEEDS = resolve(import.meta.dirname, '../../seeds');

async function prepare(url: string) {
  const db = createDatabase({ url });
  try {
    await setUpDatabase(db, url, SEEDS, pino({ level: 'silent' }));
  } finally {
    await db.$disconnect();
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  const embedded: EmbeddedPostgres[] = [];
  const start = async () => (embedded.push(await startEmbeddedPostgres()), embedded.at(-1)!.url);
  const [url, writable] = given ? [given, await sibling(given, 'writes')] : await Promise.all([start(), start()]);
  await Promise.all([prepare(url), prepare(writable)]);
  project.provide('databaseUrl', url);
  project.provide('writableDatabaseUrl', writable);
  project.provide('databaseKind', given ? 'server' : 'embedded');
  return async () => {
    await Promise.all(embedded.map((e) => e.stop()));
  };
}
