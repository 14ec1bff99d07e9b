/**
 * The benchmark's tree query (query 3) costs the same SQL statements at every page size and every data
 * scale: one per list level (agencies, recommendations, actions, progress updates, date revisions,
 * dependencies) plus one per join table on the way (addressees, progress-update actions,
 * recommendation dependencies), which Prisma reads as statements of their own. Counted, not timed.
 *
 * It runs on a database of its own, so the synthetic rows never meet the other suites' curated record:
 * a second in-memory PGlite, or a temporary database on the server TEST_DATABASE_URL names.
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

const JOIN_TABLES = ['RecommendationAddressee', 'ProgressUpdateAction', 'RecommendationDependency'];
const MIGRATIONS = join(import.meta.dirname, '../prisma/migrations');

/** The table a SELECT reads, e.g. "ActionOwner". */
const tableOf = (sql: string) => /FROM "public"\."(\w+)"/.exec(sql)?.[1] ?? sql.slice(0, 40);

let embedded: EmbeddedPostgres | null = null;
let dropDatabase: (() => Promise<void>) | null = null;
let url: string;
let client: pg.Client;
let db: Database;
const statements: string[] = [];

beforeAll(async () => {
  if (inject('databaseKind') === 'embedded') {
    embedded = await startEmbeddedPostgres();
    url = embedded.url;
  } else {
    const name = `bench_statements_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: inject('databaseUrl') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(inject('databaseUrl'));
    target.pathname = `/${name}`;
    url = target.toString();
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
  it('are one per list level and join table, the same at every page size and scale', async () => {
    const seen: { scale: number; page: number; recommendations: number; tables: string[] }[] = [];
    for (const scale of [0.01, 0.02]) {
      // INSERT, not COPY: the embedded PGlite speaks no COPY FROM STDIN over its socket.
      await loadDataset(client, generate({ scale, seed: 7 }), 'insert');
      for (const page of [1, 3, 6]) seen.push({ scale, page, ...(await treeAt(page)) });
    }

    const expected = seen[0].tables;
    expect(expected).toHaveLength(TREE_LIST_LEVELS + JOIN_TABLES.length);
    // Each table once: no statement per parent row anywhere in the tree.
    expect(new Set(expected).size).toBe(expected.length);
    expect(expected).toEqual(
      expect.arrayContaining([...JOIN_TABLES, 'Agency', 'Recommendation', 'Action', 'ProgressUpdate', 'DateRevision', 'Dependency']),
    );
    for (const s of seen) expect(s.tables, `scale ${s.scale}, page ${s.page}`).toEqual(expected);

    // The work itself does grow with the page and the data, so the equal counts mean something.
    const at = (scale: number, page: number) => seen.find((s) => s.scale === scale && s.page === page)!.recommendations;
    expect(at(0.01, 6)).toBeGreaterThan(at(0.01, 1));
    expect(at(0.02, 6)).toBeGreaterThan(at(0.01, 6));
  });
});
