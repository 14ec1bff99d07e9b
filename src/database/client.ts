/** The Prisma client, over the `pg` driver adapter for both the embedded and a real PostgreSQL. */
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '@prisma/client';
import pg from 'pg';
import { createPool } from './pool.js';
import { unbatched } from './unbatched.js';

export type Database = PrismaClient<Prisma.PrismaClientOptions, 'query'>;

export interface DatabaseOptions {
  url: string;
  /** Pool size; the embedded database serialises statements anyway. */
  maxConnections?: number;
  /** Called with every SQL statement Prisma sends (tests and tracing). */
  onQuery?: (event: Prisma.QueryEvent) => void;
  /** Longest a statement may run on a PostgreSQL server before it is cancelled. */
  statementTimeoutMs?: number;
  /** Told when a pooled connection fails (the server went away); the pool replaces it on next use. */
  onConnectionError?: (error: Error) => void;
  /** The benchmark's N+1 baseline: relations read row by row (see unbatched.ts). Never for serving. */
  unbatched?: boolean;
}

export function createDatabase({
  url,
  maxConnections = 10,
  onQuery,
  statementTimeoutMs,
  onConnectionError,
  unbatched: rowByRow = process.env.BENCH_UNBATCHED === '1',
}: DatabaseOptions): Database {
  // One pool for Prisma and for the reads that skip it (see readRows).
  const pool = createPool({
    connectionString: url,
    max: maxConnections,
    // While the server is down, fail in seconds rather than queue behind a connect that never comes.
    connectionTimeoutMillis: 5_000,
    statement_timeout: statementTimeoutMs,
  });
  // The adapter ends the pool on $disconnect, as it would one of its own.
  const adapter = new PrismaPg(pool, { onPoolError: onConnectionError, onConnectionError, disposeExternalPool: true });
  const db = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }) as Database;
  if (onQuery) db.$on('query', onQuery);
  const served = rowByRow ? unbatched(db) : db;
  direct.set(served, { pool, onQuery });
  return served;
}

const direct = new WeakMap<object, { pool: pg.Pool; onQuery?: (event: Prisma.QueryEvent) => void }>();

/** DATE and TIMESTAMP (without zone) as Prisma reads them: UTC, whatever the process's zone. */
const utc = {
  getTypeParser: (oid: number, format?: string) => {
    if (oid === 1082) return (text: string) => new Date(`${text}T00:00:00Z`);
    if (oid === 1114) return (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/**
 * The rows of a read-only statement. On a client made by createDatabase the statement goes straight
 * to its pool: Prisma would pass its parameters (thousands of parent ids, for a tree's deeper levels)
 * and its rows through its query compiler and result mapping, a large share of the CPU such reads
 * cost. It is still reported to `onQuery`. Inside a transaction (any other client) it goes through
 * Prisma, so it sees the transaction's writes.
 */
export async function readRows<T>(db: Database, sql: Prisma.Sql): Promise<T[]> {
  const target = direct.get(db);
  if (!target) return db.$queryRaw<T[]>(sql);
  const started = Date.now();
  const result = await target.pool.query({ text: sql.text, values: sql.values, types: utc });
  target.onQuery?.({
    query: sql.text,
    params: JSON.stringify(sql.values),
    duration: Date.now() - started,
    target: 'readRows',
    timestamp: new Date(started),
  });
  return result.rows as T[];
}
