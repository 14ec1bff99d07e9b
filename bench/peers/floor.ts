/**
 * The floor: a minimal node:http handler that answers each benchmark query with one hand-written SQL
 * statement building the whole response as JSON in PostgreSQL. No GraphQL, no ORM: what is left is the
 * database's work plus one round trip, the least any GraphQL server over these tables can cost.
 *
 * `tsx bench/peers/floor.ts` with DATABASE_URL, PORT, POOL_SIZE (default 10). POST /<query key>?page=N.
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { QUERIES } from '../queries/index.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.POOL_SIZE ?? 10) });
const byKey = new Map(QUERIES.map((q) => [q.key, q]));

const server = createServer((req, res) => {
  const target = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (target.pathname === '/healthz') return res.end('ok');
  const query = byKey.get(target.pathname.slice(1));
  // The request body is drained and ignored: the path names the query.
  req.resume();
  if (!query) {
    res.writeHead(404).end();
    return;
  }
  const page = Number(target.searchParams.get('page') ?? query.defaultPage);
  pool.query<{ body: string }>({ text: query.floor.sql, values: query.floor.params(page), name: query.key }).then(
    ({ rows }) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(rows[0].body);
    },
    (error: Error) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(error.message);
    },
  );
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log('listening'));
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => server.close(() => pool.end().then(() => process.exit(0))));
