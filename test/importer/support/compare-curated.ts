/**
 * Field-by-field comparison of an imported plan (in seed shapes) with the curated record of the same
 * document. Only what the document itself can give is compared: curated entries from other documents
 * (the later letter) and curated-only fields (notes, dependencies, cites) are left out.
 */
import type { SeedInspection } from '../../../src/seed/read.js';
import type { SeedParts } from '../../../src/importer/to-seed.js';

export interface Difference {
  /** Where, e.g. "r7.actions.a3.text", "r15.progress.p5", "rounds.update-2024-08.asAt". */
  path: string;
  curated: unknown;
  parsed: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function compareWithCurated(parsed: SeedParts, curated: SeedInspection, source: string): Difference[] {
  const out: Difference[] = [];
  const check = (path: string, c: unknown, p: unknown) => {
    if (!same(c, p)) out.push({ path, curated: c, parsed: p });
  };
  const I = curated.inspection;

  const rounds = I.rounds.filter((r) => r.source === source);
  const roundSlugs = new Set(rounds.map((r) => r.slug));
  for (const r of rounds) {
    const p = parsed.rounds.find((x) => x.slug === r.slug);
    if (!p) {
      out.push({ path: `rounds.${r.slug}`, curated: r.slug, parsed: undefined });
      continue;
    }
    check(`rounds.${r.slug}.kind`, r.kind, p.kind);
    check(`rounds.${r.slug}.label`, r.label, p.label);
    check(`rounds.${r.slug}.submittedOn`, r.submittedOn.text, p.submittedOn.text);
    check(`rounds.${r.slug}.asAt`, r.asAt?.text ?? null, p.asAt?.text ?? null);
  }
  for (const p of parsed.rounds.filter((x) => !roundSlugs.has(x.slug)))
    out.push({ path: `rounds.${p.slug}`, curated: undefined, parsed: p.slug });

  check(
    'responseTerms',
    I.responseTerms.map((t) => [t.value, t.term, t.definition, t.guidance]),
    parsed.responseTerms.map((t) => [t.value, t.term, t.definition, t.guidance]),
  );
  check(
    'reasonCategories',
    I.reasonCategories.map((r) => [r.value, r.cite]),
    parsed.reasonCategories.map((r) => [r.value, r.cite]),
  );
  check(
    'reportedSummary',
    I.reportedSummary.map((s) => [s.response, s.count]),
    parsed.reportedSummary.map((s) => [s.response, s.count]),
  );

  const numbers = [...new Set([...curated.recommendations.map((r) => r.number), ...parsed.recommendations.map((r) => r.number)])].sort(
    (a, b) => a - b,
  );
  for (const n of numbers) {
    const c = curated.recommendations.find((r) => r.number === n);
    const p = parsed.recommendations.find((r) => r.number === n);
    const at = `r${n}`;
    // A recommendation the curators record only as absent (text null) matches no row at all.
    if (!p && c && c.text === null && c.actions.length === 0) continue;
    if (!p || !c) {
      out.push({ path: at, curated: c ? 'present' : undefined, parsed: p ? 'present' : undefined });
      continue;
    }
    check(`${at}.text`, c.text, p.text);
    check(`${at}.addressees.heading`, c.addressees?.heading ?? null, p.addressees?.heading ?? null);
    check(`${at}.addressees.agencies`, [...(c.addressees?.agencies ?? [])].sort(), [...(p.addressees?.agencies ?? [])].sort());
    check(`${at}.response.value`, c.response?.value ?? null, p.response?.value ?? null);
    check(`${at}.response.narrative`, c.response?.narrative ?? [], p.response?.narrative ?? []);
    check(
      `${at}.response.reasons`,
      (c.response?.reasons ?? []).map((r) => r.category),
      (p.response?.reasons ?? []).map((r) => r.category),
    );

    const keys = (xs: { key: string }[]) => xs.map((x) => x.key);
    for (const key of new Set([...keys(c.actions), ...keys(p.actions)])) {
      const ca = c.actions.find((a) => a.key === key);
      const pa = p.actions.find((a) => a.key === key);
      if (!ca || !pa) {
        out.push({ path: `${at}.actions.${key}`, curated: ca?.text, parsed: pa?.text });
        continue;
      }
      check(`${at}.actions.${key}.text`, ca.text, pa.text);
      check(
        `${at}.actions.${key}.owners`,
        ca.owners.map((o) => o.role),
        pa.owners.map((o) => o.role),
      );
      check(`${at}.actions.${key}.target`, ca.target?.text ?? null, pa.target?.text ?? null);
    }

    const cp = c.progress.filter((x) => roundSlugs.has(x.round) && (x.source ?? source) === source);
    for (const key of new Set([...keys(cp), ...keys(p.progress)])) {
      const cu = cp.find((x) => x.key === key);
      const pu = p.progress.find((x) => x.key === key);
      if (!cu || !pu) {
        out.push({ path: `${at}.progress.${key}`, curated: cu?.paragraphs, parsed: pu?.paragraphs });
        continue;
      }
      check(`${at}.progress.${key}.round`, cu.round, pu.round);
      check(`${at}.progress.${key}.paragraphs`, cu.paragraphs, pu.paragraphs);
      check(`${at}.progress.${key}.owner`, cu.owner?.role ?? null, pu.owner?.role ?? null);
      check(`${at}.progress.${key}.target`, cu.target?.text ?? null, pu.target?.text ?? null);
      check(`${at}.progress.${key}.status`, cu.status, pu.status);
      check(`${at}.progress.${key}.actions`, cu.actions, pu.actions);
    }

    const revKey = (r: { action: string; round: string }) => `${r.action}@${r.round}`;
    const cr = c.dateRevisions.filter((r) => roundSlugs.has(r.round));
    for (const key of new Set([...cr.map(revKey), ...p.dateRevisions.map(revKey)])) {
      const a = cr.find((r) => revKey(r) === key);
      const b = p.dateRevisions.find((r) => revKey(r) === key);
      if (!a || !b) {
        out.push({ path: `${at}.dateRevisions.${key}`, curated: a && [a.previous, a.revised], parsed: b && [b.previous, b.revised] });
        continue;
      }
      check(`${at}.dateRevisions.${key}.previous`, a.previous, b.previous);
      check(`${at}.dateRevisions.${key}.revised`, a.revised, b.revised);
      check(`${at}.dateRevisions.${key}.reason`, a.reason, b.reason);
    }
  }
  return out;
}
