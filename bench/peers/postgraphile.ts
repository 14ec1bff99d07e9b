/**
 * PostGraphile v4 over the same tables, as its own process: `tsx bench/peers/postgraphile.ts`, with
 * DATABASE_URL, PORT, and POOL_SIZE (default 10, the server's pool size). Queries only: no mutations,
 * no GraphiQL, no query log, no batching, no caching of responses (only of parsed queries, as Apollo
 * does too). Default inflection: the Prisma tables' quoted CamelCase names come through as they are
 * ("Recommendation" -> allRecommendations, "agencyId" -> recommendationAddresseesByAgencyId).
 */
import './single-graphql.js';
import { createServer } from 'node:http';
import pg from 'pg';

const { postgraphile } = await import('postgraphile');

const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT ?? 0);
if (!url) throw new Error('DATABASE_URL is not set');
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.POOL_SIZE ?? 10) });

const middleware = postgraphile(pool, 'public', {
  disableDefaultMutations: true,
  graphiql: false,
  enableQueryBatching: false,
  disableQueryLog: true,
  ignoreRBAC: true,
  setofFunctionsContainNulls: false,
  legacyRelations: 'omit',
  retryOnInitFail: false,
  watchPg: false,
});

const server = createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  middleware(req, res);
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${port}/graphql`));
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => server.close(() => pool.end().then(() => process.exit(0))));
