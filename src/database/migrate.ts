/**
 * Applies pending migrations with the Prisma CLI (`prisma migrate deploy`), the one tool that owns the
 * `_prisma_migrations` table. It runs only when a migration directory is not yet recorded as applied.
 *
 * The CLI lingers ~10 s after finishing (a timer in its wasm schema engine keeps the process alive).
 * Once it reports success and the table confirms every migration finished, we stop waiting for it.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Database } from './client.js';

const PROJECT_ROOT = join(import.meta.dirname, '../..');
const MIGRATIONS_DIR = join(PROJECT_ROOT, 'prisma/migrations');
const DONE = /All migrations have been successfully applied|No pending migrations to apply/;

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
  const child = spawn(process.execPath, [cli, 'migrate', 'deploy'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let confirmed = false;
  await new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (confirmed || !DONE.test(output)) return;
      pendingMigrations(db).then((left) => {
        if (left.length > 0 || confirmed) return;
        confirmed = true;
        child.kill();
        resolve();
      }, reject);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code) => {
      if (confirmed) return;
      if (code === 0) resolve();
      else reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output.trim()}`));
    });
  });
  return pending;
}
