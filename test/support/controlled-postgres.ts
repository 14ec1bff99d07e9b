/**
 * A database the test can take away and bring back: a PostgreSQL server of its own (initdb into a
 * temporary directory, pg_ctl to stop and start it) where the server binaries are installed, or else
 * the embedded database behind a loopback listener the test closes and reopens, which drops every
 * connection and refuses new ones just as a stopped server does. REQUIRE_POSTGRES_SERVER=1 (CI)
 * makes a missing server installation an error rather than a reason to use the embedded one.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pino from 'pino';
import { createDatabase } from '../../src/database/client.js';
import { setUpDatabase } from '../../src/database/open.js';
import { PgliteServer } from '../../src/database/pglite-server.js';
import { SEEDS_DIR } from './database.js';

export interface ControlledPostgres {
  kind: 'server' | 'embedded';
  url: string;
  /** Takes the database away: open connections are dropped, new ones refused. */
  stop(): Promise<void>;
  /** Brings it back on the same address. */
  start(): Promise<void>;
  /** Stops it for good and removes its files. */
  close(): Promise<void>;
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

function serverBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin/initdb')))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? join(root, versions.at(-1)!, 'bin') : null;
}

async function postgresServer(bin: string): Promise<ControlledPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'controlled-pg-'));
  const data = join(dir, 'data');
  // initdb and postgres refuse to run as root: as root they run as the `postgres` user.
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(ids), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()));
  }
  const run = (tool: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(bin, tool), asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args, {
      cwd: '/',
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
      stdio: 'pipe',
    });
  run('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C.UTF-8', '--no-instructions']);
  const port = await freePort();
  // Durable settings (fsync on): what is acknowledged must survive what the test does to the server.
  const options = `-p ${port} -h 127.0.0.1 -k ${dir}`;
  const start = async () => void run('pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', '-o', options, 'start']);
  const stop = async () => void run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  await start();
  return {
    kind: 'server',
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    async close() {
      await stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function embedded(): Promise<ControlledPostgres> {
  const db = await PGlite.create();
  let server = new PgliteServer(db);
  const address = await server.listen();
  const port = Number(address.split(':')[1]);
  return {
    kind: 'embedded',
    url: `postgresql://postgres:postgres@${address}/postgres?sslmode=disable`,
    stop: () => server.close(),
    async start() {
      server = new PgliteServer(db);
      await server.listen(port);
    },
    async close() {
      await server.close().catch(() => {});
      await db.close();
    },
  };
}

/** A database with the schema and the curated record, that the caller can stop and start. */
export async function controlledPostgres(): Promise<ControlledPostgres> {
  const bin = serverBinaries();
  if (!bin && process.env.REQUIRE_POSTGRES_SERVER === '1')
    throw new Error('REQUIRE_POSTGRES_SERVER=1, but no PostgreSQL server is installed.');
  const pg = bin ? await postgresServer(bin) : await embedded();
  const db = createDatabase({ url: pg.url, maxConnections: 2 });
  try {
    await setUpDatabase(db, pg.url, SEEDS_DIR, pino({ level: 'silent' }));
  } finally {
    await db.$disconnect();
  }
  return pg;
}
