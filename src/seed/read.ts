/**
 * Reads and checks the curated seed files. Returns every problem found (not just the first) so a
 * reviewer can fix a file in one pass. Checks: schema, cross-references, that every verbatim value and
 * every excerpt occurs in the cited document, and that every stated date can be read.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import {
  AgenciesFile,
  DependenciesFile,
  InspectionFile,
  RecommendationFile,
  SourcesFile,
  type AgenciesFileSeed,
  type CiteSeed,
  type DependenciesFileSeed,
  type InspectionFileSeed,
  type RecommendationFileSeed,
  type SourcesFileSeed,
} from './format.js';
import { isReadable, parsePlanDate } from '../domain/plan-date.js';

export interface SeedInspection {
  inspection: InspectionFileSeed;
  recommendations: RecommendationFileSeed[];
}
export interface SeedBundle {
  root: string;
  sources: SourcesFileSeed;
  /** Document text by source slug, exactly as stored. */
  texts: Map<string, string>;
  agencies: AgenciesFileSeed;
  dependencies: DependenciesFileSeed;
  inspections: SeedInspection[];
}

export class SeedError extends Error {
  constructor(readonly problems: string[]) {
    super(`Seed data has ${problems.length} problem(s):\n- ${problems.slice(0, 50).join('\n- ')}`);
  }
}

/** Where an excerpt stops matching: the longest prefix found in the text, and what follows it. */
function describeMismatch(text: string, excerpt: string): string {
  let lo = 0;
  let hi = excerpt.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (text.includes(excerpt.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  if (lo < 8) return JSON.stringify(excerpt.slice(0, 120));
  return `${JSON.stringify(excerpt.slice(Math.max(0, lo - 40), lo))} matches, then ${JSON.stringify(excerpt.slice(lo, lo + 60))} does not`;
}

export const citeParts = (cite: CiteSeed, defaultSource: string) =>
  typeof cite === 'string' ? { source: defaultSource, excerpt: cite } : cite;

function readYaml<T>(file: string, schema: z.ZodType<T>, problems: string[], root: string): T | null {
  const where = relative(root, file);
  if (!existsSync(file)) {
    problems.push(`${where}: missing`);
    return null;
  }
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`${where}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    return null;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(`${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return null;
  }
  return result.data;
}

export function readSeeds(root: string): SeedBundle {
  const problems: string[] = [];
  const sources = readYaml(join(root, 'sources.yaml'), SourcesFile, problems, root);
  const agencies = readYaml(join(root, 'agencies.yaml'), AgenciesFile, problems, root);
  const dependencies = readYaml(join(root, 'dependencies.yaml'), DependenciesFile, problems, root);
  const inspections: SeedInspection[] = [];
  const inspectionsDir = join(root, 'inspections');
  for (const dir of existsSync(inspectionsDir) ? readdirSync(inspectionsDir).sort() : []) {
    const inspection = readYaml(join(inspectionsDir, dir, 'inspection.yaml'), InspectionFile, problems, root);
    const recDir = join(inspectionsDir, dir, 'recommendations');
    const recommendations = (
      existsSync(recDir)
        ? readdirSync(recDir)
            .filter((f) => f.endsWith('.yaml'))
            .sort()
        : []
    )
      .map((f) => readYaml(join(recDir, f), RecommendationFile, problems, root))
      .filter((r): r is RecommendationFileSeed => r !== null)
      .sort((a, b) => a.number - b.number);
    if (inspection) {
      if (inspection.slug !== dir) problems.push(`inspections/${dir}: slug "${inspection.slug}" differs from its folder`);
      inspections.push({ inspection, recommendations });
    }
  }
  if (!sources || !agencies || !dependencies) throw new SeedError(problems);

  const texts = new Map<string, string>();
  for (const doc of sources.documents) {
    const file = join(root, 'documents', doc.file);
    if (!existsSync(file)) problems.push(`sources.yaml: ${doc.slug}: documents/${doc.file} is missing`);
    else texts.set(doc.slug, readFileSync(file, 'utf8'));
  }
  const bundle: SeedBundle = { root, sources, texts, agencies, dependencies, inspections };
  problems.push(...checkBundle(bundle));
  if (problems.length) throw new SeedError(problems);
  return bundle;
}

/** Cross-reference and verbatim checks over parsed files. */
function checkBundle(b: SeedBundle): string[] {
  const problems: string[] = [];
  const agencySlugs = new Set(b.agencies.agencies.map((a) => a.slug));
  const roleSlugs = new Set(b.agencies.roles.map((r) => r.slug));
  const depSlugs = new Set(b.dependencies.dependencies.map((d) => d.slug));

  const found = (where: string, source: string, excerpt: string) => {
    const text = b.texts.get(source);
    if (text === undefined) problems.push(`${where}: unknown source "${source}"`);
    else if (!text.includes(excerpt)) problems.push(`${where}: not found verbatim in ${source}: ${describeMismatch(text, excerpt)}`);
  };
  const cite = (where: string, c: CiteSeed | undefined, def: string) => {
    if (c === undefined) return;
    const { source, excerpt } = citeParts(c, def);
    found(where, source, excerpt);
  };
  const ref = (where: string, set: Set<string>, slug: string, what: string) => {
    if (!set.has(slug)) problems.push(`${where}: unknown ${what} "${slug}"`);
  };
  const date = (where: string, text: string, c: CiteSeed | undefined, def: string) => {
    found(where, def, text);
    cite(where, c, def);
    if (!isReadable(parsePlanDate(text))) problems.push(`${where}: date text cannot be read: "${text}"`);
  };
  const unique = (where: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k)) problems.push(`${where}: duplicate key "${k}"`);
      seen.add(k);
    }
  };

  unique(
    'sources.yaml',
    b.sources.documents.map((d) => d.slug),
  );
  for (const d of b.sources.documents) {
    const w = `sources.yaml: ${d.slug}`;
    found(w, d.slug, d.title);
    if (d.dated) date(w, d.dated.text, d.dated.cite, d.slug);
    d.issuedBy.forEach((a) => ref(w, agencySlugs, a, 'agency'));
    d.cites.forEach((c) => cite(w, c, d.slug));
  }

  const A = b.agencies;
  unique(
    'agencies.yaml',
    A.agencies.map((a) => a.slug),
  );
  unique(
    'agencies.yaml roles',
    A.roles.map((r) => r.slug),
  );
  const anyText = (where: string, s: string) => {
    if (![...b.texts.values()].some((t) => t.includes(s))) problems.push(`${where}: not found verbatim in any source: "${s}"`);
  };
  for (const a of A.agencies) {
    const w = `agencies.yaml: ${a.slug}`;
    anyText(w, a.name);
    a.aliases.forEach((s) => anyText(w, s));
    if (a.abbreviation) anyText(w, a.abbreviation);
    if (a.parent) ref(w, agencySlugs, a.parent, 'parent agency');
    cite(w, a.parentCite, A.source);
    a.cites.forEach((c) => cite(w, c, A.source));
  }
  for (const r of A.roles) {
    const w = `agencies.yaml: role ${r.slug}`;
    ref(w, agencySlugs, r.agency, 'agency');
    anyText(w, r.title);
    cite(w, r.agencyCite, A.source);
    r.cites.forEach((c) => cite(w, c, A.source));
  }

  const D = b.dependencies;
  unique(
    'dependencies.yaml',
    D.dependencies.map((d) => d.slug),
  );
  const allRounds = new Set(b.inspections.flatMap((i) => i.inspection.rounds.map((r) => r.slug)));
  const roundSource = new Map(b.inspections.flatMap((i) => i.inspection.rounds.map((r) => [r.slug, r.source] as const)));
  for (const d of D.dependencies) {
    const w = `dependencies.yaml: ${d.slug}`;
    anyText(w, d.name);
    d.aliases.forEach((s) => anyText(w, s));
    if (d.lead) {
      ref(w, agencySlugs, d.lead.agency, 'agency');
      cite(w, d.lead.cite, D.source);
    }
    d.cites.forEach((c) => cite(w, c, D.source));
    for (const link of d.dependsOn) {
      ref(w, depSlugs, link.dependency, 'dependency');
      if (link.dependency === d.slug) problems.push(`${w}: depends on itself`);
      cite(`${w} dependsOn ${link.dependency}`, link.cite, D.source);
    }
    for (const u of d.updates) {
      ref(w, allRounds, u.round, 'round');
      const src = u.source ?? roundSource.get(u.round) ?? D.source;
      found(`${w} update ${u.round}`, src, u.statement);
      if (u.expected) date(`${w} update ${u.round}`, u.expected.text, u.expected.cite, src);
    }
    for (const r of d.dateRevisions) {
      ref(w, allRounds, r.round, 'round');
      const src = roundSource.get(r.round) ?? D.source;
      r.cites.forEach((c) => cite(`${w} revision ${r.round}`, c, src));
      if (r.reason) anyText(`${w} revision ${r.round} reason`, r.reason);
      anyText(`${w} revision ${r.round} previous`, r.previous);
      if (r.revised) anyText(`${w} revision ${r.round} revised`, r.revised);
    }
  }

  for (const { inspection: I, recommendations } of b.inspections) {
    const f = `inspections/${I.slug}`;
    const src = I.source;
    found(`${f}: title`, src, I.title);
    date(`${f}: published`, I.published.text, I.published.cite, src);
    for (const j of [I.lead, ...I.joint, ...I.actionPlan.respondents]) {
      ref(f, agencySlugs, j.agency, 'agency');
      cite(f, j.cite, src);
    }
    found(`${f}: actionPlan.title`, src, I.actionPlan.title);
    for (const t of I.responseTerms) [t.term, t.definition, t.guidance].forEach((s) => found(`${f}: responseTerms`, src, s));
    I.reasonCategories.forEach((r) => cite(`${f}: reasonCategories`, r.cite, src));
    unique(
      `${f}: keyFacts`,
      I.keyFacts.map((k) => k.key),
    );
    for (const k of I.keyFacts) {
      found(`${f}: keyFact ${k.key}`, k.source, k.statement);
      if (k.period) found(`${f}: keyFact ${k.key} period`, k.source, k.period);
    }
    unique(
      `${f}: rounds`,
      I.rounds.map((r) => r.slug),
    );
    for (const r of I.rounds) {
      date(`${f}: round ${r.slug}`, r.submittedOn.text, r.submittedOn.cite, r.source);
      if (r.asAt) date(`${f}: round ${r.slug} asAt`, r.asAt.text, r.asAt.cite, r.source);
    }
    I.reportedSummary.forEach((s) => cite(`${f}: reportedSummary`, s.cite, src));
    for (const n of I.notes) {
      if (n.dependency) ref(`${f}: note`, depSlugs, n.dependency, 'dependency');
      n.cites.forEach((c) => cite(`${f}: note`, c, src));
    }
    const rounds = new Set(I.rounds.map((r) => r.slug));
    unique(
      `${f}: recommendations`,
      recommendations.map((r) => String(r.number)),
    );
    for (const R of recommendations) {
      const w = `${f}/recommendations r${R.number}`;
      const s = R.source;
      if (R.text) found(`${w} text`, s, R.text);
      if (R.addressees) {
        found(`${w} addressees.heading`, s, R.addressees.heading);
        R.addressees.agencies.forEach((a) => ref(w, agencySlugs, a, 'agency'));
      }
      if (R.response) {
        cite(`${w} response`, R.response.cite, s);
        R.response.narrative.forEach((p, i) => found(`${w} response.narrative[${i}]`, s, p));
        R.response.reasons.forEach((r) => cite(`${w} response.reasons`, r.cite, s));
      }
      unique(
        `${w} actions`,
        R.actions.map((a) => a.key),
      );
      const actionKeys = new Set(R.actions.map((a) => a.key));
      for (const a of R.actions) {
        found(`${w} action ${a.key}`, s, a.text);
        a.owners.forEach((o) => (ref(`${w} action ${a.key}`, roleSlugs, o.role, 'role'), cite(`${w} action ${a.key} owner`, o.cite, s)));
        if (a.target) date(`${w} action ${a.key} target`, a.target.text, a.target.cite, s);
      }
      unique(
        `${w} progress`,
        R.progress.map((p) => p.key),
      );
      for (const p of R.progress) {
        const pw = `${w} progress ${p.key}`;
        ref(pw, rounds, p.round, 'round');
        const ps = p.source ?? roundSource.get(p.round) ?? s;
        p.paragraphs.forEach((t) => found(pw, ps, t));
        p.actions.forEach((k) => ref(pw, actionKeys, k, 'action'));
        if (p.owner) (ref(pw, roleSlugs, p.owner.role, 'role'), cite(`${pw} owner`, p.owner.cite, ps));
        cite(`${pw} status`, p.statusCite, ps);
        if (p.target) date(`${pw} target`, p.target.text, p.target.cite, ps);
      }
      for (const r of R.dateRevisions) {
        const rw = `${w} dateRevision ${r.action}@${r.round}`;
        ref(rw, actionKeys, r.action, 'action');
        ref(rw, rounds, r.round, 'round');
        const rs = roundSource.get(r.round) ?? s;
        r.cites.forEach((c) => cite(rw, c, rs));
        anyText(`${rw} previous`, r.previous);
        if (r.revised) anyText(`${rw} revised`, r.revised);
        if (r.reason) anyText(`${rw} reason`, r.reason);
        if (!isReadable(parsePlanDate(r.previous))) problems.push(`${rw}: previous date cannot be read: "${r.previous}"`);
      }
      for (const d of R.dependencies) {
        ref(w, depSlugs, d.dependency, 'dependency');
        cite(`${w} dependency ${d.dependency}`, d.cite, s);
        d.actions?.forEach((k) => ref(`${w} dependency ${d.dependency}`, actionKeys, k, 'action'));
      }
      R.notes.forEach((n) => n.cites.forEach((c) => cite(`${w} note`, c, s)));
    }
  }
  return problems;
}
