/**
 * The pool under Prisma keeps the process up when the server closes a connection the pool holds idle
 * (a restart, an administrator's shutdown): pg reports it as an 'error' event on the pool, which
 * Node would otherwise take for an uncaught exception and end the process with.
 */
import { describe, expect, it } from 'vitest';
import { createPool } from '../src/database/pool.js';

describe('the connection pool', () => {
  it('takes the error of an idle connection the server closed, rather than letting it end the process', async () => {
    const pool = createPool({ connectionString: 'postgresql://postgres@127.0.0.1:1/none' });
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(() => pool.emit('error', terminated)).not.toThrow();
    await pool.end();
  });
});
