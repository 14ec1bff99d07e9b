/**
 * `npm run import`: the summary and findings report, a dry run that writes nothing, a real import
 * into the database DATABASE_URL names, and refusals with their exit status.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../src/database/client.js';
import { buildRows } from '../../src/seed/rows.js';
import { freshDatabase } from '../support/fresh-database.js';
import { FIXTURES, SEEDS, seeds } from './support/load.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const PLAN = join(SEEDS, 'documents/hmpps-action-plan-2024-08.txt');
const FIXTURE = join(FIXTURES, 'plan-without-progress.txt');

const empty = freshDatabase('cli');
beforeAll(async () => {
  const db = createDatabase({ url: empty() });
  const rows = buildRows(seeds);
  await db.agency.createMany({ data: rows.agencies });
  await db.role.createMany({ data: rows.roles });
  await db.$disconnect();
});

/** The command against the database `url` names. */
const run = (url: string, ...args: string[]) => exec({ DATABASE_URL: url }, args);

async function exec(database: { DATABASE_URL: string } | { DATA_DIR: string }, args: string[]) {
  const env = { ...process.env, DATABASE_URL: undefined, ...database, LOG_LEVEL: 'warn' };
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, ['scripts/import.ts', ...args], { cwd: ROOT, env, maxBuffer: 32 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run import', () => {
  it('says a document already on record is there, and writes nothing', async () => {
    const r = await run(inject('databaseUrl'), PLAN, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Inspection: ct-joint-inspection-2023 (exists, 21 recommendations on record)');
    expect(r.stdout).toContain('Recommendations: 20 (1-12, 14-21): 19 Agreed, 1 Partly Agreed, 0 Not Agreed');
    expect(r.stdout).toMatch(/\[warning\] NUMBERING_GAP \(r13\): recommendation 13 is missing/);
    expect(r.stdout).toContain('This document is already on record as "action-plan": nothing was written.');
  });

  it('imports a plan, and the same file again changes nothing', async () => {
    const dry = await run(empty(), FIXTURE, '--inspection', 'prison-intelligence', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run: nothing was written. The import would create:');
    const first = await run(empty(), FIXTURE, '--inspection', 'prison-intelligence');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('The import created:');
    expect(first.stdout).toMatch(/recommendations: 1-4\n\s+7 actions, 0 progress updates/);
    const again = await run(empty(), FIXTURE, '--inspection', 'prison-intelligence');
    expect(again.stdout).toMatch(/already on record as "prison-intelligence-plan-[0-9a-f]{8}": nothing was written/);
    const db = createDatabase({ url: empty() });
    try {
      expect(await db.recommendation.count({ where: { inspectionId: 'prison-intelligence' } })).toBe(4);
      const events = await db.auditEvent.findMany({ select: { operation: true, actorId: true, actorAgencyId: true } });
      expect(events).toEqual([{ operation: 'importActionPlan', actorId: expect.stringMatching(/^cli:/), actorAgencyId: null }]);
    } finally {
      await db.$disconnect();
    }
  });

  it('--json prints what it wrote, the counts and the findings', async () => {
    const r = await run(inject('databaseUrl'), FIXTURE, '--dry-run', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.counts).toMatchObject({ recommendations: 4, actions: 7 });
    expect(out.findings.map((f: { kind: string }) => f.kind)).toEqual(['UNKNOWN_OWNER']);
    expect(out.dryRun).toBe(true);
    expect(out.summary).toMatchObject({
      actions: 7,
      rolesCreated: [
        { slug: 'head-of-womens-estate-digital-services-hmpps', title: "Head of Women's Estate Digital Services, HMPPS", agency: 'hmpps' },
      ],
    });
  });

  it('refuses bad input with the error naming what was expected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe]));
    const r = await run(empty(), binary);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^import refused \(BINARY\): expected UTF-8 text/);
    const other = await run(empty(), join(SEEDS, 'documents/press-article.txt'));
    expect(other.code).toBe(1);
    expect(other.stderr).toContain("import refused (WRONG_TEMPLATE): expected the action-plan table header '1. Rec No\\t2. Recommendation");
  });

  it('will not open an embedded database another process holds', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'import-data-'));
    writeFileSync(join(dataDir, 'owner.pid'), String(process.pid));
    const r = await exec({ DATA_DIR: dataDir }, [FIXTURE, '--dry-run']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`in use by process ${process.pid}`);
  });

  it('checks its arguments', async () => {
    expect((await run(empty())).code).toBe(2);
    const r = await run(empty(), PLAN, '--dry-run', '--inspection', 'Not A Slug');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lower-case words joined by hyphens');
  });
});
