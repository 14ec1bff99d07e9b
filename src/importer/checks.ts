/**
 * Checks across the whole document: the numbering of the rows, the closing tally against the rows,
 * progress headings against rows, and text repeated between recommendations.
 */
import { quote, type Findings } from './findings.js';
import { sameWords, tokenOverlap, words } from './similarity.js';
import { sentences } from './sentences.js';
import type { ParsedRecommendation, ParsedSummaryLine, ResponseValueName } from './types.js';

export function checkNumbering(recs: ParsedRecommendation[], F: Findings): void {
  const seen = new Map<number, ParsedRecommendation>();
  let previous: ParsedRecommendation | null = null;
  for (const r of recs) {
    if (seen.has(r.number)) {
      F.add('DUPLICATE_NUMBER', `recommendation ${r.number} appears more than once; each row is kept`, r.numberText, {
        recommendation: r.number,
      });
    } else if (previous && r.number < previous.number) {
      F.add('NUMBER_OUT_OF_ORDER', `recommendation ${r.number} comes after recommendation ${previous.number}`, r.numberText, {
        recommendation: r.number,
      });
    } else if (previous && r.number > previous.number + 1) {
      const missing = Array.from({ length: r.number - previous.number - 1 }, (_, i) => previous!.number + i + 1);
      for (const m of missing) {
        F.add(
          'NUMBERING_GAP',
          `recommendation ${m} is missing: the rows go from ${previous.number} to ${r.number} (no row and no progress heading for ${m})`,
          r.numberText,
          { recommendation: m },
        );
      }
    }
    seen.set(r.number, r);
    if (!previous || r.number > previous.number) previous = r;
  }
}

const LABEL: Record<ResponseValueName | 'TOTAL', string> = {
  AGREED: 'Agreed',
  PARTLY_AGREED: 'Partly Agreed',
  NOT_AGREED: 'Not Agreed',
  TOTAL: 'Total',
};

export function checkTally(recs: ParsedRecommendation[], tally: ParsedSummaryLine[], gaps: number[], F: Findings, tableEnd: number): void {
  if (tally.length === 0) {
    F.add(
      'MISSING_TALLY',
      `the table has no closing tally (Agreed / Partly Agreed / Not Agreed / Total); the rows cannot be checked against it`,
      {
        start: tableEnd,
        end: tableEnd,
      },
    );
    return;
  }
  const counted = (line: ResponseValueName | 'TOTAL') =>
    line === 'TOTAL' ? new Set(recs.map((r) => r.number)).size : recs.filter((r) => r.response?.value === line).length;
  const missing = gaps.length ? ` (no row for recommendation ${gaps.join(', ')})` : '';
  for (const t of tally) {
    const rows = counted(t.response);
    if (rows !== t.count) {
      F.add(
        'TALLY_MISMATCH',
        `the tally reports ${LABEL[t.response]} ${t.count}, but the table has ${rows} ${t.response === 'TOTAL' ? 'recommendation rows' : `rows marked ${LABEL[t.response]}`}${missing}`,
        t.cite,
      );
    }
  }
}

// Shorter passages than this are common phrasing, not copied text.
const MIN_WORDS = 12;
// Above this token overlap, two responses say the same thing (r2 repeats r1 with "NSD" for "the National Security Division (NSD)").
const SAME_RESPONSE = 0.9;

/** Text one recommendation repeats from an earlier one: whole responses, steps, progress. */
export function checkRepeats(recs: ParsedRecommendation[], F: Findings): void {
  const joined = (r: ParsedRecommendation) => (r.response?.narrative ?? []).map((p) => p.value).join(' ');
  const sameResponse = new Set<string>();
  for (const [i, later] of recs.entries()) {
    for (const earlier of recs.slice(0, i)) {
      const a = joined(earlier);
      const b = joined(later);
      if (words(a).length >= MIN_WORDS && tokenOverlap(a, b) >= SAME_RESPONSE) {
        sameResponse.add(`${earlier.number}/${later.number}`);
        F.add(
          'DUPLICATE_RESPONSE',
          `recommendation ${later.number}'s response repeats recommendation ${earlier.number}'s (${Math.round(tokenOverlap(a, b) * 100)}% the same words), although the recommendations differ`,
          { start: later.response!.narrative[0].start, end: later.response!.narrative.at(-1)!.end },
          { recommendation: later.number },
        );
      }
    }
  }

  for (const [i, later] of recs.entries()) {
    for (const earlier of recs.slice(0, i)) {
      if (sameResponse.has(`${earlier.number}/${later.number}`)) continue;
      const steps = later.actions.flatMap((a) =>
        earlier.actions
          .filter((b) => words(a.text.value).length >= MIN_WORDS && tokenOverlap(a.text.value, b.text.value) >= SAME_RESPONSE)
          .map((b) => `${a.key} ≈ r${earlier.number} ${b.key}`),
      );
      if (steps.length) {
        const first = later.actions.find((a) => steps[0].startsWith(`${a.key} `))!;
        F.add(
          'DUPLICATE_ACTION',
          `recommendation ${later.number} repeats ${steps.length} ${steps.length === 1 ? 'step' : 'steps'} of recommendation ${earlier.number} (${steps.join(', ')}): one piece of work planned under both`,
          first.text,
          { recommendation: later.number },
        );
      }

      const repeated = later.progress.flatMap((p) =>
        p.paragraphs.flatMap((para) => {
          const earlierTexts = earlier.progress.flatMap((q) => q.paragraphs);
          if (words(para.value).length >= MIN_WORDS && earlierTexts.some((e) => sameWords(e.value, para.value))) return [para];
          const own = sentences(para).filter(
            (s) => words(s.value).length >= MIN_WORDS && earlierTexts.some((e) => sentences(e).some((t) => sameWords(t.value, s.value))),
          );
          return own;
        }),
      );
      if (repeated.length) {
        F.add(
          'DUPLICATE_PROGRESS',
          `recommendation ${later.number}'s progress repeats word for word ${repeated.length} ${repeated.length === 1 ? 'passage' : 'passages'} reported under recommendation ${earlier.number} (${repeated.map((r) => quote(r.value, 50)).join('; ')}): the same work counted under both`,
          repeated[0],
          { recommendation: later.number },
        );
      }
    }
  }
}
