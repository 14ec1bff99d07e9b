/**
 * What the template states before its table: the inspection it answers ("A Response to: ..."), when the
 * report was published, when each version of the plan was submitted, the response categories it
 * defines ("Term | Definition | Additional comment"), and the plan's own title ("ACTION PLAN: ...").
 */
import { parsePlanDate } from '../domain/plan-date.js';
import { slice, splitCells, trimmed, type Line } from './lines.js';
import { statedReasons } from './reasons.js';
import type { ParsedResponseTerm, ParsedRound, ReasonCategoryName, ResponseValueName, RoundKindName, Verbatim } from './types.js';

export interface FrontMatter {
  inspectionTitle: Verbatim | null;
  published: Verbatim | null;
  actionPlanTitle: Verbatim | null;
  submissions: Submission[];
  responseTerms: ParsedResponseTerm[];
  /** The reason categories the response terms name, each with the sentence naming it. */
  reasonCategories: { value: ReasonCategoryName; cite: Verbatim }[];
}

export interface Submission {
  kind: RoundKindName;
  line: Verbatim;
  /** The words before "Submitted" ("12 Month Update Action Plan"). */
  name: Verbatim;
  date: Verbatim;
}

/** The response categories' names as the template spells them, in any case. */
export function responseValueOf(term: string): ResponseValueName | null {
  const t = term.toLowerCase().replace(/\s+/g, ' ').trim();
  if (t === 'agreed') return 'AGREED';
  if (t === 'partly agreed' || t === 'partially agreed') return 'PARTLY_AGREED';
  if (t === 'not agreed' || t === 'disagreed') return 'NOT_AGREED';
  return null;
}

function after(line: Line, prefix: RegExp): Verbatim | null {
  const m = prefix.exec(line.value);
  return m ? trimmed(slice(line, m.index + m[0].length, line.value.length)) : null;
}

function submissionKind(name: string): RoundKindName {
  if (/\bupdated\b/i.test(name)) return 'PLAN_UPDATED';
  if (/\b(?:update|progress)\b/i.test(name)) return 'PROGRESS_UPDATE';
  return 'PLAN_SUBMITTED';
}

export function readFrontMatter(lines: Line[]): FrontMatter {
  const fm: FrontMatter = {
    inspectionTitle: null,
    published: null,
    actionPlanTitle: null,
    submissions: [],
    responseTerms: [],
    reasonCategories: [],
  };
  let inTerms = false;
  for (const line of lines) {
    const cells = splitCells(line);
    if (inTerms) {
      const value = cells.length >= 3 ? responseValueOf(cells[0].value) : null;
      if (value) {
        const [term, definition, guidance] = cells.map(trimmed);
        fm.responseTerms.push({ value, term, definition, guidance });
        continue;
      }
      inTerms = false;
    }
    if (/^\s*Term\s*\tDefinition\b/i.test(line.value)) {
      inTerms = true;
      continue;
    }
    const response = /^\s*A Response to:\s*/i.exec(line.value);
    if (response && !fm.inspectionTitle) {
      // The title may be set in bold ("**...**"); the markup is not part of it.
      const rest = trimmed(slice(line, response[0].length, line.value.length));
      const bold = /^\*\*(.*?)\*\*$/.exec(rest.value);
      fm.inspectionTitle = bold ? trimmed(slice(rest, 2, 2 + bold[1].length)) : rest;
      continue;
    }
    const published = after(line, /^\s*Report Published:\s*/i);
    if (published) {
      fm.published ??= published;
      continue;
    }
    const submitted = /^\s*(.*?)\s*Submitted:\s*/i.exec(line.value);
    if (submitted && submitted[1] !== '') {
      const date = trimmed(slice(line, submitted[0].length, line.value.length));
      const lead = line.value.length - line.value.trimStart().length;
      const name = slice(line, lead, lead + submitted[1].length);
      if (parsePlanDate(date.value).latest !== null) {
        fm.submissions.push({ kind: submissionKind(name.value), line: trimmed(line), name, date });
        continue;
      }
    }
    if (/^\s*ACTION PLAN\s*:/.test(line.value) && !fm.actionPlanTitle) fm.actionPlanTitle = trimmed(line);
  }
  fm.reasonCategories = statedReasons(fm.responseTerms.flatMap((t) => [t.definition, t.guidance])).map((r) => ({
    value: r.category,
    cite: r.cite,
  }));
  return fm;
}

const monthOf = (date: string) => parsePlanDate(date).latest?.slice(0, 7) ?? null;

/** Our short label for a round; the document's own words stay in `line`. */
function label(s: Submission): string {
  if (s.kind === 'PLAN_SUBMITTED') return 'Action plan submitted';
  if (s.kind === 'PLAN_UPDATED') return 'Updated action plan';
  const months = /(\d+)\s*[- ]?\s*Month/i.exec(s.name.value);
  return months ? `${months[1]}-month update` : 'Progress update';
}

const SLUG_PREFIX: Record<RoundKindName, string> = {
  PLAN_SUBMITTED: 'plan',
  PLAN_UPDATED: 'plan-update',
  PROGRESS_UPDATE: 'update',
  LETTER: 'letter',
};

/** Rounds named by kind and month ("plan-2023-07", "update-2024-08"), so a re-import names them alike. */
export function roundFromSubmission(s: Submission): ParsedRound {
  return {
    slug: `${SLUG_PREFIX[s.kind]}-${monthOf(s.date.value)}`,
    kind: s.kind,
    label: label(s),
    line: s.line,
    submittedOn: s.date,
    asAt: null,
  };
}

/** A progress round the headings report but no submission line dates: named by its "as at" month. */
export function undatedProgressRound(asAt: Verbatim | null): ParsedRound {
  const month = asAt ? monthOf(asAt.value) : null;
  return { slug: `update-${month ?? 'undated'}`, kind: 'PROGRESS_UPDATE', label: 'Progress update', line: null, submittedOn: null, asAt };
}
