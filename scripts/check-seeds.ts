/** Validates the seed files without a database: `npm run seed:check`. */
import { resolve } from 'node:path';
import { readSeeds, SeedError } from '../src/seed/read.js';

try {
  const b = readSeeds(resolve(import.meta.dirname, '../seeds'));
  const recs = b.inspections.reduce((n, i) => n + i.recommendations.length, 0);
  console.log(
    `seeds ok: ${b.sources.documents.length} documents, ${b.agencies.agencies.length} agencies, ${b.agencies.roles.length} roles, ${b.dependencies.dependencies.length} dependencies, ${recs} recommendations`,
  );
} catch (e) {
  if (!(e instanceof SeedError)) throw e;
  console.error(e.message);
  process.exit(1);
}
