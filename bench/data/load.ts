/**
 * Bulk-loads a generated dataset in one transaction: COPY FROM STDIN (pg-copy-streams) by default,
 * or multi-row INSERTs for servers that speak no COPY (the embedded PGlite the test suite uses).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { SYNTHETIC_PREFIX, TABLES, type Dataset, type TableName } from './tables.js';

export type LoadMethod = 'copy' | 'insert';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const columnList = (table: TableName) => TABLES[table].map(quoteIdent).join(', ');

/** A Postgres array literal: {"a","b"}, each element quoted. */
const arrayLiteral = (items: unknown[]) => `{${items.map((i) => `"${String(i).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

/** One value in COPY's text format: \N for null, backslash escapes for the separators. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = Array.isArray(value) ? arrayLiteral(value) : typeof value === 'boolean' ? (value ? 't' : 'f') : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function* copyLines(table: TableName, data: Dataset): Generator<string> {
  const columns = TABLES[table];
  let chunk = '';
  for (const row of data[table]) {
    chunk += columns.map((c) => copyValue(row[c])).join('\t') + '\n';
    // Chunks of ~64 KB: few enough writes to be fast, small enough to respect backpressure.
    if (chunk.length > 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

async function copyTable(client: pg.ClientBase, table: TableName, data: Dataset) {
  const stream = client.query(copyFrom(`COPY ${quoteIdent(table)} (${columnList(table)}) FROM STDIN`));
  await pipeline(Readable.from(copyLines(table, data)), stream);
}

async function insertTable(client: pg.ClientBase, table: TableName, data: Dataset) {
  const columns = TABLES[table];
  // Postgres allows 65,535 parameters per statement.
  const perStatement = Math.floor(60_000 / columns.length);
  const rows = data[table];
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = batch.map(
      (row) => `(${columns.map((c) => `$${params.push(Array.isArray(row[c]) ? arrayLiteral(row[c] as unknown[]) : row[c])}`).join(', ')})`,
    );
    await client.query(`INSERT INTO ${quoteIdent(table)} (${columnList(table)}) VALUES ${tuples.join(', ')}`, params);
  }
}

/**
 * Removes earlier synthetic data. Deleting the roots cascades to their children; roles first, since
 * a role's agency may not be deleted while the role exists. The curated record is left alone.
 */
export async function deleteSynthetic(client: pg.ClientBase) {
  const like = `${SYNTHETIC_PREFIX}%`;
  // Without the curated record every row is synthetic, and TRUNCATE is far quicker than cascading deletes.
  const { rows } = await client.query(
    `SELECT EXISTS (SELECT 1 FROM "SourceDocument" WHERE id NOT LIKE $1) OR EXISTS (SELECT 1 FROM "Agency" WHERE id NOT LIKE $1) AS curated`,
    [like],
  );
  if (!rows[0].curated) {
    await client.query(`TRUNCATE ${Object.keys(TABLES).map(quoteIdent).join(', ')} CASCADE`);
    return;
  }
  for (const table of ['Inspection', 'Dependency', 'Role', 'Agency', 'SourceDocument']) {
    await client.query(`DELETE FROM ${quoteIdent(table)} WHERE id LIKE $1`, [like]);
  }
}

/** Loads `data`, replacing any earlier synthetic data, in one transaction; then refreshes planner statistics. */
export async function loadDataset(client: pg.ClientBase, data: Dataset, method: LoadMethod): Promise<Record<TableName, number>> {
  const rows = {} as Record<TableName, number>;
  await client.query('BEGIN');
  try {
    await deleteSynthetic(client);
    for (const table of Object.keys(TABLES) as TableName[]) {
      await (method === 'copy' ? copyTable : insertTable)(client, table, data);
      rows[table] = data[table].length;
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  // Fresh statistics, or the planner judges the new tables by the sizes it last saw.
  await client.query('ANALYZE');
  return rows;
}
