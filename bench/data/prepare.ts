/**
 * Makes a database ready for the benchmark: migrations applied with the project's own migrator (so the
 * server's start-up check passes), optionally the curated record, then the synthetic dataset, unless
 * the database already holds exactly the dataset for this scale and seed.
 */
import { resolve } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { createDatabase } from '../../src/database/client.js';
import { migrate } from '../../src/database/migrate.js';
import { setUpDatabase } from '../../src/database/open.js';
import { generate } from './generate.js';
import { loadDataset, type LoadMethod } from './load.js';
import { SYNTHETIC_PREFIX, type Dataset, type TableName } from './tables.js';

export interface PrepareOptions {
  url: string;
  scale: number;
  seed: number;
  withRecord?: boolean;
  method?: LoadMethod;
  /** Reload even when the database already holds this dataset. */
  force?: boolean;
}

export interface PrepareResult {
  scale: number;
  seed: number;
  loaded: boolean;
  generateMs: number;
  loadMs: number;
  rows: Record<TableName, number>;
}

/** A fingerprint of a dataset: its size and one generated text, which depends on the seed. */
function fingerprint(data: Dataset) {
  const last = data.Recommendation.at(-1)!;
  return {
    recommendations: data.Recommendation.length,
    actions: data.Action.length,
    lastId: last.id as string,
    lastText: last.text as string,
  };
}

async function holds(client: pg.ClientBase, data: Dataset): Promise<boolean> {
  const want = fingerprint(data);
  const { rows } = await client.query(
    `SELECT (SELECT count(*) FROM "Recommendation" WHERE id LIKE $1)::int AS recommendations,
            (SELECT count(*) FROM "Action" WHERE id LIKE $1)::int AS actions,
            (SELECT text FROM "Recommendation" WHERE id = $2) AS "lastText"`,
    [`${SYNTHETIC_PREFIX}%`, want.lastId],
  );
  const got = rows[0];
  return got.recommendations === want.recommendations && got.actions === want.actions && got.lastText === want.lastText;
}

export async function prepareDatabase(options: PrepareOptions): Promise<PrepareResult> {
  const { url, scale, seed } = options;
  const log = pino({ level: 'warn' });
  const db = createDatabase({ url, maxConnections: 1 });
  try {
    if (options.withRecord) await setUpDatabase(db, url, resolve(import.meta.dirname, '../../seeds'), log);
    else await migrate(db, url);
  } finally {
    await db.$disconnect();
  }

  const started = performance.now();
  const data = generate({ scale, seed });
  const generateMs = performance.now() - started;
  const rows = Object.fromEntries(Object.entries(data).map(([t, r]) => [t, r.length])) as Record<TableName, number>;

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (!options.force && (await holds(client, data))) return { scale, seed, loaded: false, generateMs, loadMs: 0, rows };
    const loadStarted = performance.now();
    await loadDataset(client, data, options.method ?? 'copy');
    return { scale, seed, loaded: true, generateMs, loadMs: performance.now() - loadStarted, rows };
  } finally {
    await client.end();
  }
}
