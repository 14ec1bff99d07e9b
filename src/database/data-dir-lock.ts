/**
 * One process at a time may open an embedded data directory: PGlite has no postmaster to arbitrate,
 * and two processes writing the same files would corrupt them. The lock is a file holding the owner's
 * pid, created exclusively; one left by a process that has since died (or by an earlier process with
 * this one's pid, as after a container restart) is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by process ${pid} (a running server?). Stop it first, or give DATABASE_URL; with a server running, import through the importActionPlan mutation.`,
    );
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Directories this process holds (a file naming our own pid may be left by an earlier process that had it). */
const held = new Set<string>();

/** Takes the lock on `dataDir`; returns its release. */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  if (held.has(dir)) throw new DataDirInUseError(dataDir, process.pid);
  const file = join(dir, 'owner.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      held.add(dir);
      return () => {
        held.delete(dir);
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) throw new DataDirInUseError(dataDir, owner);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}.`);
}
