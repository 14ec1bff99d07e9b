/**
 * The findings report: what the document says inconsistently (WARNING) and where it is silent or
 * ambiguous so the importer made a stated choice (INFO). Each finding says where, in which
 * recommendation, and, where one exists, what to do about it.
 */
import type { Directory, Finding, FindingKind, Severity, Span } from './types.js';

export const SEVERITY: Record<FindingKind, Severity> = {
  UNPARSED_ROW: 'WARNING',
  NUMBERING_GAP: 'WARNING',
  NUMBER_OUT_OF_ORDER: 'WARNING',
  DUPLICATE_NUMBER: 'WARNING',
  MISSING_ADDRESSEE: 'WARNING',
  UNKNOWN_ADDRESSEE: 'WARNING',
  ADDRESSEE_IN_TEXT: 'INFO',
  UNREADABLE_RESPONSE: 'WARNING',
  REASON_NOT_STATED: 'WARNING',
  NOT_AGREED_WITH_STEPS: 'WARNING',
  EMPTY_RESPONSE: 'WARNING',
  CELL_SPLIT_BY_PAGE_BREAK: 'INFO',
  LIST_WITHOUT_MARKERS: 'INFO',
  STEP_DATE_MISMATCH: 'WARNING',
  SINGLE_DATE_SEVERAL_PARAGRAPHS: 'INFO',
  DATE_ONLY_IN_TEXT: 'INFO',
  DATES_OUT_OF_ORDER: 'INFO',
  MISSING_TARGET_DATE: 'WARNING',
  UNREADABLE_DATE: 'WARNING',
  DATE_WITHOUT_YEAR: 'INFO',
  UNKNOWN_OWNER: 'WARNING',
  OWNER_SPLIT_BY_PAGE_BREAK: 'INFO',
  SEVERAL_OWNERS_IN_ONE_CELL: 'INFO',
  OWNER_CARRIED_OVER: 'INFO',
  OWNER_CHANGED: 'INFO',
  PROGRESS_WITHOUT_ROW: 'WARNING',
  ROW_WITHOUT_PROGRESS: 'WARNING',
  PROGRESS_MISPLACED: 'WARNING',
  PROGRESS_NOT_LINKED: 'INFO',
  FUTURE_COMPLETION: 'WARNING',
  STATUS_CONTRADICTED_BY_TEXT: 'WARNING',
  COMPLETED_AFTER_TARGET: 'WARNING',
  TARGET_PASSED_NOT_COMPLETED: 'WARNING',
  ROUND_NOT_DATED: 'WARNING',
  ROUND_NOT_ATTRIBUTABLE: 'INFO',
  TALLY_MISMATCH: 'WARNING',
  MISSING_TALLY: 'WARNING',
  TERMS_NOT_DEFINED: 'INFO',
  DUPLICATE_RESPONSE: 'WARNING',
  DUPLICATE_ACTION: 'INFO',
  DUPLICATE_PROGRESS: 'INFO',
  DIFFERS_FROM_RECORD: 'WARNING',
};

export class Findings {
  readonly list: Finding[] = [];

  add(kind: FindingKind, message: string, span: Span | null, extra: Pick<Finding, 'recommendation' | 'suggestion'> = {}): void {
    const f: Finding = { kind, severity: SEVERITY[kind], message, span: span ? { start: span.start, end: span.end } : null };
    if (extra.recommendation !== undefined) f.recommendation = extra.recommendation;
    if (extra.suggestion) f.suggestion = extra.suggestion;
    this.list.push(f);
  }

  /** In document order, whole-document findings (no place) first. */
  sorted(): Finding[] {
    return [...this.list].sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1));
  }
}

/** A short quotation for messages. */
export const quote = (s: string, max = 70) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return JSON.stringify(one.length > max ? `${one.slice(0, max - 1)}…` : one);
};

/** What the readers of rows need: the known agencies and roles, and where to report. */
export interface Context {
  directory: Directory;
  findings: Findings;
}
