/**
 * The pool under Prisma keeps the process up when the server closes a connection (a restart, an
 * administrator's shutdown): pg reports it as an 'error' event, on the connection and, when it was
 * idle, on the pool, and an 'error' event that nothing listens for ends the process.
 */
import { describe, expect, it } from 'vitest';
import { createPool } from '../src/database/pool.js';

const terminated = () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

describe('the connection pool', () => {
  it('takes the error of an idle connection the server closed', async () => {
    const pool = createPool({ connectionString: 'postgresql://postgres@127.0.0.1:1/none' });
    expect(() => pool.emit('error', terminated())).not.toThrow();
    await pool.end();
  });
});
