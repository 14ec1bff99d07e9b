/**
 * The server as `npm start` runs it, in a process of its own: for tests that kill it, or that measure
 * its memory apart from the test's own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { TEST_SECRET } from './auth.js';

export interface ServerProcess {
  child: ChildProcess;
  /** e.g. http://127.0.0.1:4000 */
  origin: string;
  pid: number;
}

/** Starts `src/main.ts` on `databaseUrl` at `port`, and resolves once it answers `/readyz`. */
export async function startServerProcess(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: resolve(import.meta.dirname, '../..'),
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_JWT_SECRET: TEST_SECRET,
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Its log is kept for a failure message rather than printed into the test output.
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk).slice(-4_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const origin = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before it was ready: ${log}`);
    const ready = await fetch(`${origin}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { child, origin, pid: child.pid! };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server not ready after 60 s: ${log}`);
}

/** Resident memory of a process, in bytes, from /proc (Linux); null where that is not available. */
export async function residentBytes(pid: number): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}
