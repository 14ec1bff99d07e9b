/**
 * Parses the text of an action plan in the HMPPS / MoJ template into the record's shapes, with the exact
 * place of every verbatim value and a findings report. Pure: no files, no database. Input that is not an
 * action plan in this template (empty, binary, another template, a truncated table, no rows) is refused
 * with an ImportError and yields nothing.
 */
import { createHash } from 'node:crypto';
import { readDate } from './dates.js';
import { checkNumbering, checkRepeats, checkTally } from './checks.js';
import { Findings, quote } from './findings.js';
import { readFrontMatter, roundFromSubmission, undatedProgressRound } from './front-matter.js';
import { splitLines } from './lines.js';
import { checkRecommendation, linkProgress, readProgress, type RoundRef } from './progress.js';
import { readRecommendation } from './recommendation.js';
import { checkText } from './source.js';
import { findHeader, readTable, type ProgressBlock } from './table.js';
import type { Directory, ParsedPlan, ParsedRecommendation, ParsedRound, Verbatim } from './types.js';

const latestOf = (v: Verbatim | null) => (v ? readDate(v.value).latest : null);

/** The reporting rounds: one per submission line, and a round for every "as at" date of the progress headings. */
function readRounds(submissions: ReturnType<typeof readFrontMatter>['submissions'], progress: ProgressBlock[], F: Findings) {
  const rounds: ParsedRound[] = [];
  for (const r of submissions.map(roundFromSubmission)) {
    // Two submissions of one kind in one month keep apart as -2, -3 ...
    const taken = rounds.filter((x) => x.slug === r.slug || x.slug.startsWith(`${r.slug}-`)).length;
    rounds.push(taken ? { ...r, slug: `${r.slug}-${taken + 1}` } : r);
  }
  if (!rounds.some((r) => r.kind === 'PLAN_SUBMITTED' || r.kind === 'PLAN_UPDATED')) {
    rounds.unshift({ slug: 'plan', kind: 'PLAN_SUBMITTED', label: 'Action plan submitted', line: null, submittedOn: null, asAt: null });
    F.add(
      'ROUND_NOT_DATED',
      'the document states no "Action Plan Submitted:" date; the plan rows are recorded under an undated round "plan"',
      null,
    );
  }
  const plans = rounds.filter((r) => r.kind === 'PLAN_SUBMITTED' || r.kind === 'PLAN_UPDATED');
  if (plans.length > 1) {
    F.add(
      'ROUND_NOT_ATTRIBUTABLE',
      `the document lists ${plans.length} versions of the plan (${plans.map((r) => quote(r.line?.value ?? r.slug, 60)).join(', ')}) but does not mark which rows changed; responses, actions and target dates are recorded under the first, ${plans[0].slug}`,
      plans[1].line,
    );
  }

  // Progress headings name the period they report as at ("(July 2024)"); pair those periods, in date
  // order, with the progress submissions, in date order.
  const byDate = <T>(xs: T[], date: (x: T) => string | null) => [...xs].sort((a, b) => (date(a) ?? '').localeCompare(date(b) ?? ''));
  const updates = byDate(
    rounds.filter((r) => r.kind === 'PROGRESS_UPDATE'),
    (r) => latestOf(r.submittedOn),
  );
  const periods = byDate(
    [...new Map(progress.filter((b) => b.asAt).map((b) => [b.asAt!.value.trim().toLowerCase(), b.asAt!])).values()],
    latestOf,
  );
  const roundOfPeriod = new Map<string, ParsedRound>();
  periods.forEach((asAt, i) => {
    let round = updates[i];
    if (!round) {
      round = undatedProgressRound(asAt);
      rounds.push(round);
      F.add(
        'ROUND_NOT_DATED',
        `progress is reported as at ${quote(asAt.value)} but no submission line dates that update; recorded as round ${round.slug}`,
        asAt,
      );
    }
    round.asAt ??= asAt;
    roundOfPeriod.set(asAt.value.trim().toLowerCase(), round);
  });
  const roundOf = (b: ProgressBlock): ParsedRound => {
    const known = b.asAt && roundOfPeriod.get(b.asAt.value.trim().toLowerCase());
    if (known) return known;
    let fallback = updates.at(-1) ?? rounds.find((r) => r.slug === 'update-undated');
    if (!fallback) {
      fallback = undatedProgressRound(null);
      rounds.push(fallback);
      F.add(
        'ROUND_NOT_DATED',
        'progress headings give no date and no submission line dates the update; recorded as round update-undated',
        b.heading,
      );
    }
    return fallback;
  };
  return { rounds, planRound: plans[0].slug, roundOf };
}

function roundRef(r: ParsedRound): RoundRef {
  const d = readDate((r.asAt ?? r.submittedOn)?.value ?? '');
  return { slug: r.slug, from: d.earliest ?? d.latest, to: d.latest };
}

export function parseActionPlan(text: string, directory: Directory): ParsedPlan {
  checkText(text);
  const F = new Findings();
  const ctx = { directory, findings: F };
  const lines = splitLines(text);
  const headerIndex = findHeader(lines);
  const front = readFrontMatter(lines.slice(0, headerIndex));
  const table = readTable(lines, headerIndex, /\n\s*$/.test(text));

  if (front.responseTerms.length === 0) {
    F.add('TERMS_NOT_DEFINED', 'the document does not define its response terms (a "Term | Definition | Additional comment" table)', null);
  }
  for (const u of table.unparsed)
    F.add('UNPARSED_ROW', `line ${u.line.index + 1} could not be read: ${u.reason}: ${quote(u.line.value)}`, u.line);

  const { rounds, planRound, roundOf } = readRounds(front.submissions, table.progress, F);

  const recommendations: ParsedRecommendation[] = table.blocks.map((b) => readRecommendation(b, ctx).recommendation);
  const byNumber = new Map<number, ParsedRecommendation>();
  for (const r of recommendations) if (!byNumber.has(r.number)) byNumber.set(r.number, r);

  for (const block of table.progress) {
    const rec = byNumber.get(block.number);
    if (!rec) {
      F.add(
        'PROGRESS_WITHOUT_ROW',
        `a progress heading names recommendation ${block.number}, which has no row in the table; its update is not recorded`,
        block.heading,
        {
          recommendation: block.number,
        },
      );
      continue;
    }
    if (block.follows?.number !== block.number) {
      F.add(
        'PROGRESS_MISPLACED',
        `the progress heading for recommendation ${block.number} follows the row of ${block.follows ? `recommendation ${block.follows.number}` : 'no recommendation'}; recorded under recommendation ${block.number}`,
        block.heading,
        { recommendation: block.number },
      );
    }
    const round = roundOf(block);
    rec.progress.push(...readProgress(block, roundRef(round), rec.progress.length + 1, ctx));
    const last = block.rows.at(-1)?.line ?? block.heading;
    rec.span = { start: rec.span.start, end: Math.max(rec.span.end, last.end) };
  }
  if (table.progress.length > 0) {
    for (const rec of recommendations.filter((r) => r.progress.length === 0)) {
      F.add(
        'ROW_WITHOUT_PROGRESS',
        `recommendation ${rec.number} has no "Progress against commitments" heading, although other recommendations do`,
        rec.numberText,
        {
          recommendation: rec.number,
        },
      );
    }
  }
  for (const rec of recommendations) {
    linkProgress(rec, ctx);
    checkRecommendation(rec, ctx);
  }

  checkNumbering(recommendations, F);
  const gaps = F.list.filter((f) => f.kind === 'NUMBERING_GAP').map((f) => f.recommendation!);
  const tableEnd = Math.max(...recommendations.map((r) => r.span.end));
  checkTally(recommendations, table.tally, gaps, F, tableEnd);
  checkRepeats(recommendations, F);

  const dated = [...front.submissions].sort((a, b) => (latestOf(b.date) ?? '').localeCompare(latestOf(a.date) ?? ''))[0]?.date ?? null;
  return {
    document: {
      title: front.actionPlanTitle,
      dated,
      length: text.length,
      sha256: createHash('sha256').update(text).digest('hex'),
    },
    inspection: {
      title: front.inspectionTitle,
      published: front.published,
      actionPlanTitle: front.actionPlanTitle,
      responseTerms: front.responseTerms,
      reasonCategories: front.reasonCategories,
      rounds,
      planRound,
      reportedSummary: table.tally,
    },
    recommendations,
    findings: F.sorted(),
  };
}
