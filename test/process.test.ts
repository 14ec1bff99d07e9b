/** `npm start` as a process: it serves, then drains and exits cleanly on SIGTERM. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, inject, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/database/embedded.js';

const ROOT = new URL('..', import.meta.url).pathname;

function startServer(env: Record<string, string>): { child: ChildProcess; lines: string[]; listening: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        lines.push(line);
        const entry = JSON.parse(line);
        if (entry.msg === 'listening') resolve(new URL(entry.url).origin);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${lines.join('\n')}`)));
  });
  // A test that expects the process to fail never awaits `listening`; keep its rejection handled.
  listening.catch(() => {});
  return { child, lines, listening };
}

describe('the server process', () => {
  it('serves on the database it is given and stops cleanly on SIGTERM', async () => {
    const { child, lines, listening } = startServer({ DATABASE_URL: inject('databaseUrl') });
    const origin = await listening;
    const answer = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ recommendations { totalCount } }' }),
    });
    expect(await answer.json()).toEqual({ data: { recommendations: { totalCount: 21 } } });
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
  });

  it('refuses to start on a server whose migrations have not been applied, saying what to run', async () => {
    const empty = await startEmbeddedPostgres();
    try {
      const { child, lines } = startServer({ DATABASE_URL: empty.url });
      const [code] = await once(child, 'exit');
      expect(code).toBe(1);
      expect(lines.join('\n')).toContain('run `npm run db:setup`');
    } finally {
      await empty.stop();
    }
  });
});
