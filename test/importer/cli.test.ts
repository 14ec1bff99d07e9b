/** `npm run import`: a dry run prints the summary and findings; anything else writes nothing. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SEEDS } from './support/load.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const PLAN = join(SEEDS, 'documents/hmpps-action-plan-2024-08.txt');

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, ['scripts/import.ts', ...args], { cwd: ROOT, maxBuffer: 32 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run import', () => {
  it('--dry-run prints what would be imported and the findings report', async () => {
    const r = await run(PLAN, '--inspection', 'ct-joint-inspection-2023', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Inspection: ct-joint-inspection-2023 (exists, 21 recommendations on record)');
    expect(r.stdout).toContain('Recommendations: 20 (1-12, 14-21): 19 Agreed, 1 Partly Agreed, 0 Not Agreed');
    expect(r.stdout).toMatch(/\[warning\] NUMBERING_GAP \(r13\): recommendation 13 is missing/);
    expect(r.stdout).toContain('Dry run: nothing was written.');
  });

  it('--json prints the parse result, its seed-shaped form and the findings', async () => {
    const r = await run(join(FIXTURES, 'plan-without-progress.txt'), '--dry-run', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.counts).toMatchObject({ recommendations: 4, actions: 7 });
    expect(out.plan.findings.map((f: { kind: string }) => f.kind)).toEqual(['UNKNOWN_OWNER']);
    expect(out.seeds.recommendations[0]).toMatchObject({ source: 'plan-without-progress', number: 1 });
  });

  it('without --dry-run refuses, since database writes are not wired yet', async () => {
    const r = await run(PLAN);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Writing to the database is not wired yet: nothing was imported.');
  });

  it('refuses bad input with the error naming what was expected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe]));
    const r = await run(binary, '--dry-run');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^import refused \(BINARY\): expected UTF-8 text/);
    const other = await run(join(SEEDS, 'documents/press-article.txt'), '--dry-run');
    expect(other.code).toBe(1);
    expect(other.stderr).toContain("import refused (WRONG_TEMPLATE): expected the action-plan table header '1. Rec No\\t2. Recommendation");
  });

  it('checks its arguments', async () => {
    expect((await run()).code).toBe(2);
    const r = await run(PLAN, '--dry-run', '--inspection', 'Not A Slug');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lower-case words joined by hyphens');
  });
});
