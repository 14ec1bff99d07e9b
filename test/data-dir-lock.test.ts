/** The embedded database's data directory is opened by one process at a time; a stale lock is taken over. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../src/database/data-dir-lock.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'data-dir-'));

describe('the data directory lock', () => {
  it('refuses a second open in this process, and allows one after release', () => {
    const dir = freshDir();
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'owner.pid'), 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    release();
    expect(existsSync(join(dir, 'owner.pid'))).toBe(false);
    lockDataDir(dir)();
  });

  it('refuses a directory another live process holds, naming it', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'owner.pid'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(`in use by process ${process.ppid}`);
  });

  it('takes over a lock left by a process that has died', () => {
    const dir = freshDir();
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(join(dir, 'owner.pid'), gone.stdout.trim());
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'owner.pid'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
