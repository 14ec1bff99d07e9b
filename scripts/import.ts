/**
 * Imports a published action plan into the database the configuration names (DATABASE_URL, or the
 * embedded one under DATA_DIR while no server holds it; with a server running, use the
 * `importActionPlan` mutation instead):
 *   npm run import -- <file> [--inspection <slug>] [--document <slug>] [--dry-run] [--json]
 * Re-importing the same file changes nothing; importing an update of a plan on record adds its new
 * rounds and date revisions. The findings report lists every irregularity found. Exit status: 0
 * imported (or dry run), 1 the document was refused, 2 bad arguments, 3 the database could not be opened.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { z } from 'zod';
import { loadConfig } from '../src/config.js';
import { createContext } from '../src/context/context.js';
import { openDatabase } from '../src/database/open.js';
import { PlanEvents } from '../src/events/plan-events.js';
import { ImportError } from '../src/importer/errors.js';
import { counts, formatStored, formatSummary } from '../src/importer/report.js';
import { runImport } from '../src/importer/run-import.js';
import { decodeSource } from '../src/importer/source.js';
import { Slug } from '../src/seed/format.js';
import { InvalidInputError } from '../src/writes/errors.js';

const USAGE = 'usage: npm run import -- <file> [--inspection <slug>] [--document <slug>] [--dry-run] [--json]';

const Args = z.object({
  file: z.string().min(1),
  inspection: Slug.optional(),
  document: Slug.optional(),
  dryRun: z.boolean(),
  json: z.boolean(),
});

function readArgs() {
  const { values, positionals } = parseArgs({
    options: {
      inspection: { type: 'string' },
      document: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1) throw new Error(`expected one file, got ${positionals.length}\n${USAGE}`);
  const parsed = Args.safeParse({ file: positionals[0], ...values, dryRun: values['dry-run'] });
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n${USAGE}`);
  return parsed.data;
}

async function main(): Promise<number> {
  let args: z.infer<typeof Args>;
  let text: string;
  try {
    args = readArgs();
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  try {
    text = decodeSource(readFileSync(args.file));
  } catch (e) {
    if (e instanceof ImportError) return refused(e, args.json);
    console.error(`cannot read ${args.file}: ${(e as Error).message}`);
    return 2;
  }

  const config = loadConfig();
  const log = pino({ level: 'warn' });
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, seedsDir: config.seedsDir, log });
  } catch (e) {
    console.error(`cannot open the database: ${(e as Error).message}`);
    return 3;
  }
  // An operator at the command line acts for no agency; the audit trail names them.
  const viewer = Object.freeze({
    id: `cli:${userInfo().username}`,
    name: null,
    agencyId: null,
    roles: new Set(['admin' as const]),
    agencyScope: new Set<string>(),
    canRead: true,
  });
  const ctx = createContext({ db: database.db, events: new PlanEvents(), viewer, requestId: `import:${process.pid}`, log });
  try {
    const outcome = await runImport(ctx, text, {
      inspection: args.inspection,
      document: args.document,
      fileName: basename(args.file),
      dryRun: args.dryRun,
    });
    if (args.json) {
      console.log(
        JSON.stringify(
          { dryRun: args.dryRun, summary: outcome.summary, counts: counts(outcome.plan), findings: outcome.findings },
          null,
          2,
        ),
      );
    } else {
      console.log(
        formatSummary(outcome.plan, {
          slug: outcome.summary.inspection.slug,
          existing: outcome.summary.inspection.created ? null : outcome.summary.recommendations.kept.length,
        }),
      );
      console.log(`\n${formatStored(outcome.summary, args.dryRun)}`);
    }
    return 0;
  } catch (e) {
    if (e instanceof ImportError) return refused(e, args.json);
    if (e instanceof InvalidInputError) {
      console.error(e.message.replace('input.document', '--document'));
      return 2;
    }
    throw e;
  } finally {
    await database.close();
  }
}

function refused(e: ImportError, json: boolean): number {
  if (json) console.log(JSON.stringify({ error: { code: e.code, message: e.message, offset: e.offset } }, null, 2));
  console.error(`import refused (${e.code}): ${e.message}`);
  return 1;
}

process.exitCode = await main();
