/**
 * The reason categories the template names for not fully agreeing a recommendation: commissioning,
 * policy, operational or affordability. Read from a sentence that names them as reasons ("The
 * recommendation is partly agreed for operational reasons."), which is quoted as the evidence.
 */
import { sentences } from './sentences.js';
import type { ReasonCategoryName, Verbatim } from './types.js';

const CATEGORY = /\b(commissioning|policy|operational|affordability)\b/gi;

export function statedReasons(paragraphs: Verbatim[]): { category: ReasonCategoryName; cite: Verbatim }[] {
  const reasons: { category: ReasonCategoryName; cite: Verbatim }[] = [];
  for (const s of paragraphs.flatMap(sentences)) {
    if (!/\breasons?\b/i.test(s.value)) continue;
    for (const m of s.value.matchAll(CATEGORY)) {
      const category = m[1].toUpperCase() as ReasonCategoryName;
      if (!reasons.some((r) => r.category === category)) reasons.push({ category, cite: s });
    }
  }
  return reasons;
}
