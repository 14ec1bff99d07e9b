/** `npm run db:setup`: applies migrations to DATABASE_URL and loads the curated record if it is not there. */
import { resolve } from 'node:path';
import { createDatabase } from '../src/database/client.js';
import { setUpDatabase } from '../src/database/open.js';
import { createLogger } from '../src/log.js';

const url = process.env.DATABASE_URL;
const log = createLogger(process.env.LOG_LEVEL ?? 'info');
if (!url) {
  log.error('DATABASE_URL is not set. (The embedded database sets itself up on `npm start`.)');
  process.exit(2);
}
const db = createDatabase({ url });
try {
  await setUpDatabase(db, url, resolve(import.meta.dirname, '../seeds'), log);
} finally {
  await db.$disconnect();
}
