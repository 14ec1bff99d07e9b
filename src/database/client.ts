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
}

export function createDatabase({ url, maxConnections = 10, onQuery }: DatabaseOptions): Database {
  const adapter = new PrismaPg({ connectionString: url, max: maxConnections });
  const db = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }) as Database;
  if (onQuery) db.$on('query', onQuery);
  return db;
}
