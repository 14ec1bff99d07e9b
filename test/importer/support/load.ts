/** The curated seeds, the known agencies and roles, and the documents the importer tests parse. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Directory, ParsedPlan, Span, Verbatim } from '../../../src/importer/types.js';
import { readSeeds } from '../../../src/seed/read.js';

export const SEEDS = resolve(import.meta.dirname, '../../../seeds');
export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

export const seeds = readSeeds(SEEDS);
export const directory: Directory = { agencies: seeds.agencies.agencies, roles: seeds.agencies.roles };

/** The action plan of the curated record (identical to the shared copy 001_89c4cfb2ee92c4ab.txt). */
export const PLAN_001_SOURCE = 'action-plan';
export const plan001Text = seeds.texts.get(PLAN_001_SOURCE)!;

export const fixture = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');

const isVerbatim = (x: unknown): x is Verbatim =>
  typeof x === 'object' && x !== null && typeof (x as Verbatim).value === 'string' && typeof (x as Verbatim).start === 'number';

/** Every verbatim value in a parse result, with where it sits in the result. */
export function verbatims(plan: ParsedPlan): { path: string; v: Verbatim }[] {
  const out: { path: string; v: Verbatim }[] = [];
  const walk = (x: unknown, path: string) => {
    if (isVerbatim(x)) out.push({ path, v: x });
    if (Array.isArray(x)) x.forEach((y, i) => walk(y, `${path}[${i}]`));
    else if (typeof x === 'object' && x !== null) for (const [k, y] of Object.entries(x)) walk(y, `${path}.${k}`);
  };
  walk(plan, 'plan');
  return out;
}

/** Every span (of a verbatim value or a finding) in a parse result. */
export function spans(plan: ParsedPlan): Span[] {
  return [...verbatims(plan).map((x) => x.v), ...plan.findings.flatMap((f) => (f.span ? [f.span] : []))];
}
