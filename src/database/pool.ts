/**
 * The `pg` pool under Prisma, with one repair: a connection that breaks while it is checked out
 * (the server stopped or restarted in the middle of a transaction) goes back to the pool at once,
 * which closes and forgets it.
 *
 * Without this, a transaction whose connection dies is never released: Prisma's rollback fails on
 * the dead connection before it hands the connection back, so every outage mid-transaction costs a
 * pool slot for good, and once they are all gone every request waits out the connect timeout even
 * after the database is back. The released connection's later `release()` from Prisma is ignored.
 */
import pg from 'pg';

type Release = (error?: Error | boolean) => void;

function releasedWhenBroken(client: pg.PoolClient): pg.PoolClient {
  const release: Release = client.release;
  let released = false;
  const once: Release = (error) => {
    if (released) return;
    released = true;
    client.removeListener('error', onError);
    release(error);
  };
  const onError = (error: Error) => once(error);
  client.on('error', onError);
  client.release = once;
  return client;
}

export function createPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  // A connection the server closes (a restart, an administrator's shutdown) emits 'error', and so does
  // the pool when the connection was idle; an 'error' with no listener is an uncaught exception that
  // ends the process. The listeners pg-pool and Prisma's adapter attach come and go as a connection is
  // checked out, released and removed, so each connection and the pool keep one of their own for life.
  // Callers that want to hear of it pass onConnectionError (see client.ts).
  const ignore = () => {};
  pool.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<pg.PoolClient> | void;
  // The callback form is `pool.query`'s own, which already releases a broken connection with its error.
  pool.connect = ((callback?: unknown) =>
    callback ? connect(callback) : (connect() as Promise<pg.PoolClient>).then(releasedWhenBroken)) as typeof pool.connect;
  return pool;
}
