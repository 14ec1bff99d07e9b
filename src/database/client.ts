/** The Prisma client, over the `pg` driver adapter for both the embedded and a real PostgreSQL. */
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '@prisma/client';
import { unbatched } from './unbatched.js';

export type Database = PrismaClient<Prisma.PrismaClientOptions, 'query'>;

export interface DatabaseOptions {
  url: string;
  /** Pool size; the embedded database serialises statements anyway. */
  maxConnections?: number;
  /** Called with every SQL statement Prisma sends (tests and tracing). */
  onQuery?: (event: Prisma.QueryEvent) => void;
  /** The benchmark's N+1 baseline: relations read row by row (see unbatched.ts). Never for serving. */
  unbatched?: boolean;
}

export function createDatabase({
  url,
  maxConnections = 10,
  onQuery,
  unbatched: rowByRow = process.env.BENCH_UNBATCHED === '1',
}: DatabaseOptions): Database {
  const adapter = new PrismaPg({ connectionString: url, max: maxConnections });
  const db = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }) as Database;
  if (onQuery) db.$on('query', onQuery);
  return rowByRow ? unbatched(db) : db;
}
