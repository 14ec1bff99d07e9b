import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeeds, SeedError } from '../src/seed/read.js';
import { SEEDS_DIR } from './support/database.js';

/** A copy of the seed folder with one file changed. */
function tamperedCopy(file: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
  cpSync(SEEDS_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
  return dir;
}

const problemsOf = (dir: string): string[] => {
  try {
    readSeeds(dir);
  } catch (e) {
    if (e instanceof SeedError) return e.problems;
    throw e;
  }
  return [];
};

describe('seed files', () => {
  it('pass every check as committed', () => {
    const bundle = readSeeds(SEEDS_DIR);
    expect(bundle.inspections.map((i) => i.inspection.slug)).toEqual(['ct-joint-inspection-2023']);
    expect(bundle.inspections[0].recommendations.map((r) => r.number)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('reject an excerpt that is not in its document, naming the file and the excerpt', () => {
    const dir = tamperedCopy('inspections/ct-joint-inspection-2023/recommendations/r06.yaml', (t) =>
      t.replace(
        'this is now expected by January 2025. The delay is due to internal',
        'this is now expected by January 2025. The delay is due to external',
      ),
    );
    expect(problemsOf(dir)).toContainEqual(
      expect.stringMatching(/r6 progress p1: not found verbatim in action-plan: ".*The delay is due to " matches, then "external/),
    );
  });

  it('reject a reference to an agency that does not exist', () => {
    const dir = tamperedCopy('inspections/ct-joint-inspection-2023/recommendations/r01.yaml', (t) =>
      t.replace('agencies: [moj]', 'agencies: [ministry-of-magic]'),
    );
    expect(problemsOf(dir)).toContainEqual(expect.stringContaining('unknown agency "ministry-of-magic"'));
  });

  it('reject values outside the schema, with their path', () => {
    const dir = tamperedCopy('inspections/ct-joint-inspection-2023/recommendations/r16.yaml', (t) =>
      t.replace('value: PARTLY_AGREED', 'value: SORT_OF_AGREED'),
    );
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/r16\.yaml: response\.value/));
  });

  it('reject a stated date that cannot be read', () => {
    const dir = tamperedCopy('inspections/ct-joint-inspection-2023/recommendations/r06.yaml', (t) =>
      t.replace('previous: "June 2024"', 'previous: "internal resourcing"'),
    );
    expect(problemsOf(dir)).toContainEqual(expect.stringContaining('previous date cannot be read: "internal resourcing"'));
  });
});
