/**
 * `tsx bench/explain-tree.ts --database-url URL [--page N]`: runs query 3 through the real schema once,
 * then prints each SQL statement this server sent with its EXPLAIN (ANALYZE, BUFFERS) plan, the number
 * of bound parameters and the columns it reads: where the time goes in the database, and whether every
 * foreign key it follows is reached through an index.
 */
import pg from 'pg';
import pino from 'pino';
import { graphql } from 'graphql';
import { createContext } from '../src/context/context.js';
import { PlanEvents } from '../src/events/plan-events.js';
import { createDatabase } from '../src/database/client.js';
import { schema } from '../src/schema/index.js';
import { positiveNumber, readArgs } from './lib/args.js';
import { tree } from './queries/tree.js';

const args = readArgs({ 'database-url': { type: 'string' }, page: { type: 'string' } });
const url = args['database-url'] ?? process.env.DATABASE_URL;
if (!url) throw new Error('--database-url or DATABASE_URL is required');
const page = positiveNumber(args.page, '--page', tree.defaultPage);

const sent: { query: string; params: unknown[]; ms: number }[] = [];
const db = createDatabase({
  url,
  maxConnections: 4,
  onQuery: (e) => sent.push({ query: e.query, params: JSON.parse(e.params), ms: e.duration }),
});
const { query, variables } = tree.server(page);
const started = performance.now();
const result = await graphql({
  schema,
  source: query,
  variableValues: variables,
  contextValue: createContext({ db, requestId: 'explain', log: pino({ level: 'silent' }), events: new PlanEvents() }),
});
const totalMs = performance.now() - started;
if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
await db.$disconnect();

const client = new pg.Client({ connectionString: url });
await client.connect();
console.log(
  `query 3, page ${page}: ${sent.length} statements, ${totalMs.toFixed(0)} ms end to end, ${sent.reduce((n, s) => n + s.ms, 0)} ms reported by Prisma\n`,
);
for (const s of sent) {
  const columns = (/^SELECT (.*?) FROM/s.exec(s.query)?.[1] ?? '').split(',').length;
  console.log(
    `--- ${s.params.length} parameters, ${columns} columns, ${s.ms} ms (Prisma)\n${s.query.slice(0, 400)}${s.query.length > 400 ? ' …' : ''}`,
  );
  const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.query}`, s.params);
  console.log(plan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n'), '\n');
}
await client.end();
