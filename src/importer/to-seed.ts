/**
 * The parse result in the curated seed files' shapes (`src/seed/format.ts`), checked against the same
 * schemas, so records can be loaded, reviewed and diffed like the curated ones. Spans are dropped here:
 * the seed format locates an excerpt by its first occurrence, so a writer that needs the exact place of
 * a repeated passage (recommendation 2's response repeats recommendation 1's) should read the spans
 * from the parse result instead.
 */
import type { z } from 'zod';
import { RecommendationFile, RoundSeed, type InspectionFileSeed, type RecommendationFileSeed } from '../seed/format.js';
import type { OwnerMatch, ParsedPlan, ParsedRecommendation, Verbatim } from './types.js';

export interface SeedParts {
  recommendations: RecommendationFileSeed[];
  rounds: z.infer<typeof RoundSeed>[];
  responseTerms: InspectionFileSeed['responseTerms'];
  reasonCategories: InspectionFileSeed['reasonCategories'];
  reportedSummary: InspectionFileSeed['reportedSummary'];
  /** Values the seed format cannot hold as parsed (a round with no stated date, an owner with no role). */
  omitted: string[];
}

/** The role an owner is recorded under: its known role, or the role proposed for it. */
const roleOf = (o: OwnerMatch) => o.role ?? o.proposedRole!.slug;
const owner = (o: OwnerMatch) => ({ role: roleOf(o), cite: o.text[0].value });
const stated = (v: Verbatim | null) => (v ? { text: v.value } : null);

function recommendationSeed(r: ParsedRecommendation, source: string): RecommendationFileSeed {
  return RecommendationFile.parse({
    source,
    number: r.number,
    text: r.text?.value ?? null,
    addressees:
      r.addressees && r.addressees.agencies.length
        ? { heading: r.addressees.heading.value, agencies: [...new Set(r.addressees.agencies.map((a) => a.agency))] }
        : null,
    response: r.response && {
      value: r.response.value,
      cite: r.response.cite.value,
      narrative: r.response.narrative.map((p) => p.value),
      reasons: r.response.reasons.map((x) => ({ category: x.category, cite: x.cite.value })),
    },
    actions: r.actions.map((a) => ({ key: a.key, text: a.text.value, owners: a.owners.map(owner), target: stated(a.target) })),
    progress: r.progress.map((p) => ({
      key: p.key,
      round: p.round,
      paragraphs: p.paragraphs.map((x) => x.value),
      actions: p.actions,
      owner: p.owner && owner(p.owner),
      status: p.status,
      ...(p.statusCue && p.statusCue.value.length >= 2 ? { statusCite: p.statusCue.value } : {}),
      target: stated(p.target),
    })),
    dateRevisions: r.dateRevisions.map((d) => ({
      action: d.action,
      round: d.round,
      previous: d.previous.value,
      revised: d.revised.value,
      reason: d.reason?.value ?? null,
      cites: [d.previous.value, d.revised.value],
    })),
    dependencies: [],
    notes: [],
  });
}

export function toSeedParts(plan: ParsedPlan, source: string): SeedParts {
  const omitted: string[] = [];
  const rounds = plan.inspection.rounds.flatMap((r) => {
    if (!r.submittedOn) {
      omitted.push(`round ${r.slug}: no submission date is stated`);
      return [];
    }
    return [
      RoundSeed.parse({
        slug: r.slug,
        kind: r.kind,
        label: r.label,
        source,
        submittedOn: { text: r.submittedOn.value },
        asAt: stated(r.asAt),
      }),
    ];
  });
  for (const r of plan.recommendations) {
    // The seed files name addressees by agency slug, and these have none.
    for (const u of r.addressees?.unknown ?? [])
      omitted.push(`recommendation ${r.number}: addressee "${u.name.value}" matches no known agency; not listed among its addressees`);
    for (const o of [...r.actions.flatMap((a) => a.owners), ...r.progress.flatMap((p) => (p.owner ? [p.owner] : []))]) {
      if (!o.role)
        omitted.push(
          `recommendation ${r.number}: owner "${o.title}" has no role; recorded under the proposed role "${o.proposedRole!.slug}"`,
        );
    }
  }
  return {
    recommendations: plan.recommendations.map((r) => recommendationSeed(r, source)),
    rounds,
    responseTerms: plan.inspection.responseTerms.map((t) => ({
      value: t.value,
      term: t.term.value,
      definition: t.definition.value,
      guidance: t.guidance.value,
    })),
    reasonCategories: plan.inspection.reasonCategories.map((r) => ({ value: r.value, cite: r.cite.value })),
    reportedSummary: plan.inspection.reportedSummary.map((s) => ({ response: s.response, count: s.count, cite: s.cite.value })),
    omitted: [...new Set(omitted)],
  };
}
