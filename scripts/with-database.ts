/**
 * Runs a command with DATABASE_URL set: the given one, or else an embedded PostgreSQL (in memory, or
 * under DATA_DIR when --persist is passed). Lets the Prisma CLI work with no database server installed:
 *   tsx scripts/with-database.ts [--persist] -- prisma migrate diff ...
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { startEmbeddedPostgres } from '../src/database/embedded.js';

const args = process.argv.slice(2);
const persist = args[0] === '--persist';
const command = args.slice(args.indexOf('--') + 1);
if (command.length === 0) {
  console.error('usage: tsx scripts/with-database.ts [--persist] -- <command> [args...]');
  process.exit(2);
}

const embedded = process.env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({ dataDir: persist ? resolve(process.env.DATA_DIR ?? 'data') : undefined });
const child = spawn(command[0], command.slice(1), {
  stdio: 'inherit',
  shell: false,
  env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? embedded!.url },
});
const code: number = await new Promise((done) => child.on('exit', (c, signal) => done(c ?? (signal ? 1 : 0))));
await embedded?.stop();
process.exit(code);
