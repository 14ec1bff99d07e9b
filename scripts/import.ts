/**
 * Imports a published action plan: `npm run import -- <file> [--inspection <slug>] [--dry-run] [--json]`.
 * --dry-run parses the plan and prints what would be imported with the findings report (--json: the
 * parse result, its seed-shaped form and the findings as JSON). Writing to the database is not wired
 * yet, so without --dry-run the command refuses and writes nothing.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ImportError } from '../src/importer/errors.js';
import { slugify } from '../src/importer/match-agencies.js';
import { parseActionPlan } from '../src/importer/parse.js';
import { counts, formatSummary } from '../src/importer/report.js';
import { decodeSource } from '../src/importer/source.js';
import { toSeedParts } from '../src/importer/to-seed.js';
import { Slug } from '../src/seed/format.js';
import { readSeeds } from '../src/seed/read.js';

const USAGE = 'usage: npm run import -- <file> [--inspection <slug>] [--dry-run] [--json]';

const Args = z.object({
  file: z.string().min(1),
  inspection: Slug.optional(),
  dryRun: z.boolean(),
  json: z.boolean(),
});

function readArgs() {
  const { values, positionals } = parseArgs({
    options: {
      inspection: { type: 'string' },
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
  const parsed = Args.safeParse({ file: positionals[0], inspection: values.inspection, dryRun: values['dry-run'], json: values.json });
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n${USAGE}`);
  return parsed.data;
}

function main(): number {
  let args: z.infer<typeof Args>;
  try {
    args = readArgs();
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  if (!args.dryRun) {
    console.error('Writing to the database is not wired yet: nothing was imported. Run with --dry-run to see what would be imported.');
    return 2;
  }

  const seeds = readSeeds(resolve(import.meta.dirname, '../seeds'));
  const directory = { agencies: seeds.agencies.agencies, roles: seeds.agencies.roles };
  const existing = args.inspection ? seeds.inspections.find((i) => i.inspection.slug === args.inspection) : undefined;

  let bytes: Buffer;
  try {
    bytes = readFileSync(args.file);
  } catch (e) {
    console.error(`cannot read ${args.file}: ${(e as Error).message}`);
    return 2;
  }
  try {
    const text = decodeSource(bytes);
    const plan = parseActionPlan(text, directory);
    // The document's slug where it is already on record, else one from the file name.
    const source = [...seeds.texts].find(([, t]) => t === text)?.[0] ?? slugify(basename(args.file, extname(args.file)));
    if (args.json) {
      console.log(
        JSON.stringify({ inspection: args.inspection ?? null, counts: counts(plan), plan, seeds: toSeedParts(plan, source) }, null, 2),
      );
    } else {
      console.log(formatSummary(plan, { slug: args.inspection ?? null, existing: existing ? existing.recommendations.length : null }));
      console.log('\nDry run: nothing was written.');
    }
    return 0;
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    if (args.json) console.log(JSON.stringify({ error: { code: e.code, message: e.message, offset: e.offset } }, null, 2));
    console.error(`import refused (${e.code}): ${e.message}`);
    return 1;
  }
}

process.exitCode = main();
