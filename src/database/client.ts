/** The Prisma client, over the `pg` driver adapter for both the embedded and a real PostgreSQL. */
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '@prisma/client';

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
}

export function createDatabase({ url, maxConnections = 10, onQuery, statementTimeoutMs, onConnectionError }: DatabaseOptions): Database {
  const adapter = new PrismaPg(
    {
      connectionString: url,
      max: maxConnections,
      // While the server is down, fail in seconds rather than queue behind a connect that never comes.
      connectionTimeoutMillis: 5_000,
      statement_timeout: statementTimeoutMs,
    },
    { onPoolError: onConnectionError, onConnectionError },
  );
  const db = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }) as Database;
  if (onQuery) db.$on('query', onQuery);
  return db;
}
