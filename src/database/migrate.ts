/**
 * Applies pending migrations with the Prisma CLI (`prisma migrate deploy`), the one tool that owns the
 * `_prisma_migrations` table. The CLI takes ~11 s to exit (a timer in its wasm schema engine), so it only
 * runs when a migration directory is not yet recorded as applied.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Database } from './client.js';

const PROJECT_ROOT = join(import.meta.dirname, '../..');
const MIGRATIONS_DIR = join(PROJECT_ROOT, 'prisma/migrations');

export async function pendingMigrations(db: Database): Promise<string[]> {
  const wanted = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const [{ exists }] = await db.$queryRaw<[{ exists: boolean }]>`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists`;
  if (!exists) return wanted;
  const applied = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(applied.map((r) => r.migration_name));
  return wanted.filter((m) => !done.has(m));
}

/** Returns the migrations it applied. */
export async function migrate(db: Database, url: string): Promise<string[]> {
  const pending = await pendingMigrations(db);
  if (pending.length === 0) return [];
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  await promisify(execFile)(process.execPath, [cli, 'migrate', 'deploy'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  return pending;
}
