/**
 * A throwaway PostgreSQL cluster for a benchmark run when no --database-url is given, started the way
 * .ci/run starts one: the server binaries already installed under /usr/lib/postgresql (nothing is
 * installed here), trust auth on a free loopback port, durability off. pg_stat_statements is preloaded
 * so statements per request can be counted exactly.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface ThrowawayPostgres {
  url: string;
  version: string;
  stop(): void;
}

/** The newest installed server's bin directory, or null. */
export function postgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? join(base, versions.at(-1)!, 'bin') : null;
}

const isRoot = () => process.getuid?.() === 0;

/** initdb and postgres refuse to run as root; as root they run as the `postgres` user, from `/`. */
function asPostgres(bin: string, args: string[]) {
  const [file, fullArgs] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(file, fullArgs, { cwd: '/', encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      'No --database-url was given and no PostgreSQL server is installed under /usr/lib/postgresql to start a throwaway one.\n' +
        'Point the benchmark at a server: npm run bench -- --database-url postgresql://user:pass@127.0.0.1:5432/bench\n' +
        '(ideally with shared_preload_libraries = pg_stat_statements, so statements are counted exactly).',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'inspection-actions-bench-pg-'));
  if (isRoot())
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const port = await freePort();
  const data = join(dir, 'data');
  asPostgres(join(bin, 'initdb'), [
    '-D',
    data,
    '--auth=trust',
    '-U',
    'postgres',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
    '--no-instructions',
  ]);
  const settings = [
    `-p ${port} -h 127.0.0.1 -k ${dir}`,
    // A throwaway cluster needs no durability; the benchmark measures reads.
    '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
    '-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all',
    '-c max_connections=100 -c shared_buffers=256MB',
  ].join(' ');
  try {
    asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', '-o', settings, 'start']);
  } catch (error) {
    const log = existsSync(join(dir, 'postgres.log')) ? readFileSync(join(dir, 'postgres.log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  execFileSync(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'bench']);
  const version = execFileSync(join(bin, 'postgres'), ['--version']).toString().trim();
  let stopped = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/bench`,
    version,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
