/**
 * The benchmark's tree query (query 3) costs one SQL statement per list level (agencies,
 * recommendations, actions, progress updates, date revisions, dependencies), the same at every page
 * size and every data scale: the join tables on the way are joined in those statements. Counted, not
 * timed.
 *
 * It runs on a database of its own, so the synthetic rows never meet the other suites' curated record:
 * a temporary database on the server TEST_DATABASE_URL names, at the benchmark's scales 0.1, 1 and 4
 * (loaded with COPY), or a second in-memory PGlite, which loads row by row: there at scales 0.02, 0.05
 * and 0.1, since scale 4 would take minutes to insert. Agencies grow with the scale, so a unit is
 * addressed about as many recommendations at every scale; the tables around them grow.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generate } from '../bench/data/generate.js';
import { loadDataset } from '../bench/data/load.js';
import { tree, TREE_LIST_LEVELS } from '../bench/queries/tree.js';
import { createDatabase, type Database } from '../src/database/client.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/database/embedded.js';
import { data } from './support/graphql.js';

const LEVELS = ['Agency', 'Recommendation', 'Action', 'ProgressUpdate', 'DateRevision', 'Dependency'];
const PAGES = [10, 50, 100];
const MIGRATIONS = join(import.meta.dirname, '../prisma/migrations');

/** The table a SELECT reads first, e.g. "Action" (Prisma qualifies it with the schema, raw SQL does not). */
const tableOf = (sql: string) => /FROM (?:"public"\.)?"(\w+)"/.exec(sql)?.[1] ?? sql.slice(0, 40);

let embedded: EmbeddedPostgres | null = null;
let scales: number[];
let dropDatabase: (() => Promise<void>) | null = null;
let url: string;
let client: pg.Client;
let db: Database;
const statements: string[] = [];

beforeAll(async () => {
  if (inject('databaseKind') === 'embedded') {
    embedded = await startEmbeddedPostgres();
    url = embedded.url;
    scales = [0.02, 0.05, 0.1];
  } else {
    const name = `bench_statements_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: inject('databaseUrl') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(inject('databaseUrl'));
    target.pathname = `/${name}`;
    url = target.toString();
    scales = [0.1, 1, 4];
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  client = new pg.Client({ connectionString: url });
  await client.connect();
  // The committed migrations as plain SQL: this database needs the tables, not the migration history.
  for (const dir of readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    await client.query(readFileSync(join(MIGRATIONS, dir, 'migration.sql'), 'utf8'));
  }
  db = createDatabase({ url, maxConnections: 4, onQuery: (e) => statements.push(e.query) });
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await client?.end();
  await embedded?.stop();
  await dropDatabase?.();
});

async function treeAt(page: number) {
  const { query, variables } = tree.server(page);
  statements.length = 0;
  const result = await data(db, query, variables);
  const recommendations = result.agencies.nodes.flatMap((a: any) => a.addressedRecommendations.nodes ?? a.addressedRecommendations);
  return { recommendations: recommendations.length, tables: statements.map(tableOf).sort() };
}

describe('statements per request for the benchmark tree', () => {
  it('are one per list level, the same at every page size and scale', async () => {
    const seen: { scale: number; page: number; recommendations: number; rows: number; tables: string[] }[] = [];
    for (const scale of scales) {
      // COPY where the server speaks it; the embedded PGlite speaks no COPY FROM STDIN over its socket.
      await loadDataset(client, generate({ scale, seed: 7 }), embedded ? 'insert' : 'copy');
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "ProgressUpdate"');
      for (const page of PAGES) seen.push({ scale, page, rows: rows[0].n, ...(await treeAt(page)) });
    }

    const expected = [...LEVELS].sort();
    expect(TREE_LIST_LEVELS).toBe(LEVELS.length);
    for (const s of seen) expect(s.tables, `scale ${s.scale}, page ${s.page}`).toEqual(expected);

    // The work itself does grow with the page and the data, so the equal counts mean something.
    const at = (scale: number, page: number) => seen.find((s) => s.scale === scale && s.page === page)!;
    for (const scale of scales) expect(at(scale, 50).recommendations).toBeGreaterThan(at(scale, 10).recommendations);
    expect(at(scales[2], 10).rows).toBeGreaterThan(at(scales[0], 10).rows * 4);
  }, 600_000);
});
