/**
 * The embedded PostgreSQL: PGlite (Postgres compiled to WebAssembly) served on loopback (see
 * pglite-server.ts), so the server, the Prisma CLI and tests reach it with the same `pg` driver as a
 * real server. One process owns a data directory at a time.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PgliteServer } from './pglite-server.js';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** Starts PGlite on 127.0.0.1. `dataDir` undefined keeps the database in memory (tests). */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir);
  const server = new PgliteServer(db);
  const url = `postgresql://postgres:postgres@${await server.listen(options.port)}/postgres?sslmode=disable`;
  return {
    url,
    async stop() {
      await server.close();
      await db.close();
    },
  };
}
