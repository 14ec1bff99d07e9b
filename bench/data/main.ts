/**
 * `npm run bench:data -- --scale N [--seed S] [--database-url URL] [--with-record] [--method copy|insert]`
 *
 * Applies the migrations, then replaces the synthetic data with a fresh deterministic load. The curated
 * record is not loaded unless --with-record is given: a benchmark database holding only synthetic data
 * does the same work per request for a given scale and seed on every machine. Both can coexist (every
 * synthetic id starts with "bench-"), which --with-record shows.
 */
import { readArgs, positiveNumber } from '../lib/args.js';
import { prepareDatabase } from './prepare.js';

const args = readArgs({
  scale: { type: 'string', default: '1' },
  seed: { type: 'string', default: '1' },
  'database-url': { type: 'string' },
  'with-record': { type: 'boolean', default: false },
  method: { type: 'string', default: 'copy' },
});
const url = args['database-url'] ?? process.env.DATABASE_URL;
if (!url) {
  console.error('Give the database: --database-url postgresql://user@127.0.0.1:5432/db, or set DATABASE_URL.');
  process.exit(2);
}
if (args.method !== 'copy' && args.method !== 'insert') throw new Error('--method must be copy or insert');

const result = await prepareDatabase({
  url,
  scale: positiveNumber(args.scale, '--scale', 1),
  seed: Math.trunc(positiveNumber(args.seed, '--seed', 1)),
  withRecord: args['with-record'],
  method: args.method,
  force: true,
});
console.log(JSON.stringify(result, null, 2));
