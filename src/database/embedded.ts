/**
 * The embedded PostgreSQL: PGlite (Postgres compiled to WebAssembly) served on loopback (see
 * pglite-server.ts), so the server, the Prisma CLI and tests reach it with the same `pg` driver as a
 * real server. One process owns a data directory at a time (see data-dir-lock.ts).
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.js';
import { PgliteServer } from './pglite-server.js';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** Starts PGlite on 127.0.0.1. `dataDir` undefined keeps the database in memory (tests). */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  let release = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    release = lockDataDir(options.dataDir);
  }
  try {
    const db = await PGlite.create(options.dataDir);
    const server = new PgliteServer(db);
    const url = `postgresql://postgres:postgres@${await server.listen(options.port)}/postgres?sslmode=disable`;
    return {
      url,
      async stop() {
        try {
          await server.close();
          await db.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
