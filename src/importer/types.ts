/**
 * The result of parsing a published action plan. It mirrors the curated seed files
 * (`src/seed/format.ts`) field for field, so the same row builder can load it, and adds what the seed
 * files cannot say: the exact place of every verbatim value in the source text, and how each value
 * that is not verbatim (a status, a link, a pairing of a step with its date) was derived.
 */
import type { z } from 'zod';
import type { ReasonCategory, ResponseValue, RoundKind, Status } from '../seed/format.js';

/** A stretch of the source text, as UTF-16 offsets (the convention of the Citation table). */
export interface Span {
  start: number;
  end: number;
}

/** A value copied from the source text: `text.slice(start, end) === value`. */
export interface Verbatim extends Span {
  value: string;
}

export type ResponseValueName = z.infer<typeof ResponseValue>;
export type ReasonCategoryName = z.infer<typeof ReasonCategory>;
export type RoundKindName = z.infer<typeof RoundKind>;
export type StatusName = z.infer<typeof Status>;

/** Known agencies and roles to match names against (the shape of `seeds/agencies.yaml`). */
export interface Directory {
  agencies: { slug: string; name: string; abbreviation: string | null; aliases: string[] }[];
  roles: { slug: string; title: string; agency: string | null }[];
}

export interface AgencyMatch {
  agency: string;
  /** The words that named it, as written. */
  text: Verbatim;
  /** Which of the agency's names matched. */
  by: 'NAME' | 'ABBREVIATION' | 'ALIAS';
}

/** A role proposed for an owner that matches no known role, for a reviewer to accept or merge. */
export interface ProposedRole {
  slug: string;
  title: string;
  /** The agency named inside the owner text, or the nearest known agency; null when neither exists. */
  agency: string | null;
  agencyBasis: 'NAMED' | 'NEAREST' | 'NONE';
}

export interface Nearest {
  slug: string;
  label: string;
  /** 0..1, higher is closer (token overlap or edit distance, whichever is closer). */
  score: number;
}

/**
 * One owner named in an owner cell. `text` has one part, or several where a page break split the cell
 * ("T/Det Supt" | "CT Nominal Management"); `title` is the parts joined by a space.
 */
export interface OwnerMatch {
  text: Verbatim[];
  title: string;
  /** The known role whose title this is; null when no role matches. */
  role: string | null;
  /** The role's agency, or an agency named inside the owner text. */
  agency: string | null;
  match: 'ROLE' | 'AGENCY_NAMED' | 'UNKNOWN';
  /** For an owner that matches no role: the nearest known role and agency, and a role to create. */
  nearestRole?: Nearest;
  nearestAgency?: Nearest;
  proposedRole?: ProposedRole;
}

/**
 * How an action's text and target were found in the row.
 * - PAIRED_IN_ORDER: the response has as many paragraphs as the date cell has dates; paired in order.
 * - LIST_ITEM: the response's list has as many items as there are dates; items paired in order.
 * - STATES_TARGET: one date for several paragraphs; the paragraph that states that date.
 * - FIRST_PARAGRAPH: one date for several paragraphs, none stating it; the first paragraph.
 * - PAIRED_SHORT: more paragraphs than dates (or the reverse); paired in order as far as they go.
 * - DATE_IN_TEXT: a paragraph with no date in the date column states its own deadline ("by end of August 2023").
 * - NO_DATE: the row gives no date for the response.
 */
export type ActionBasis =
  'PAIRED_IN_ORDER' | 'LIST_ITEM' | 'STATES_TARGET' | 'FIRST_PARAGRAPH' | 'PAIRED_SHORT' | 'DATE_IN_TEXT' | 'NO_DATE';

export interface ParsedAction {
  key: string; // a1, a2 ... in plan order
  text: Verbatim;
  /** Further parts of the same paragraph where a page break split it; `text` is the first part. */
  continuedIn: Verbatim[];
  owners: OwnerMatch[];
  /** ROW: the owner cell of the row the step is in. CARRIED_OVER: that cell is empty; taken from an earlier row. */
  ownerBasis: 'ROW' | 'CARRIED_OVER' | 'NONE';
  target: Verbatim | null;
  basis: ActionBasis;
}

/**
 * How a progress update's status was derived, conservatively:
 * - DATE_CELL: the date cell says "Completed" (and, if it gives a month, that month is not after the round).
 * - TEXT: the update's own words say so (`statusCue` quotes them): "has commenced", "is now being planned", "There is a risk ... not met".
 * - NONE: neither says; status NOT_STATED.
 */
export type StatusBasis = 'DATE_CELL' | 'TEXT' | 'NONE';

/**
 * How a progress update is linked to the plan's actions:
 * - ONLY_ACTION: the recommendation has one action.
 * - IN_ORDER: the round has as many updates as the plan has actions; paired in order.
 * - NONE: the document does not say which steps the updates report on.
 */
export type LinkBasis = 'ONLY_ACTION' | 'IN_ORDER' | 'NONE';

export interface ParsedProgress {
  key: string; // p1, p2 ... in document order within the recommendation
  round: string;
  /** The heading the update sits under ("Progress against commitments – Recommendation 4 (July 2024)"). */
  heading: Verbatim;
  paragraphs: Verbatim[];
  actions: string[];
  linkBasis: LinkBasis;
  owner: OwnerMatch | null;
  ownerBasis: 'ROW' | 'CARRIED_OVER' | 'NONE';
  status: StatusName;
  statusBasis: StatusBasis;
  statusCue: Verbatim | null;
  target: Verbatim | null;
}

export interface ParsedDateRevision {
  action: string;
  round: string;
  /** The progress update that states the revised date. */
  progress: string;
  previous: Verbatim;
  revised: Verbatim;
  /** A sentence of the update that gives a cause (a delay, a dependency, resourcing); null when none does. */
  reason: Verbatim | null;
}

export interface ParsedRecommendation {
  number: number;
  /** The number cell as written ("14", "3.", "R2"). */
  numberText: Verbatim;
  text: Verbatim | null;
  addressees: {
    heading: Verbatim;
    agencies: AgencyMatch[];
    /**
     * The names in the heading that match no known agency, as written ("Ministry of Widgets" in "The
     * Home Office and the Ministry of Widgets should:"); each is reported, none is dropped. `oneBody`:
     * the words name one body, to be created as written; otherwise they are reported only.
     */
    unknown: { name: Verbatim; oneBody: boolean }[];
  } | null;
  response: {
    value: ResponseValueName;
    /** The response cell as written ("Agreed", "Partly Agreed"). */
    cite: Verbatim;
    narrative: Verbatim[];
    reasons: { category: ReasonCategoryName; cite: Verbatim }[];
  } | null;
  actions: ParsedAction[];
  progress: ParsedProgress[];
  dateRevisions: ParsedDateRevision[];
  /** From the row's number to the end of its last progress line. */
  span: Span;
}

export interface ParsedRound {
  slug: string;
  kind: RoundKindName;
  label: string;
  /** The line that states the submission ("12 Month Update Action Plan Submitted: 09 August 2024"). */
  line: Verbatim | null;
  submittedOn: Verbatim | null;
  /** The date progress is reported as at, from the progress headings ("July 2024"). */
  asAt: Verbatim | null;
}

export interface ParsedResponseTerm {
  value: ResponseValueName;
  term: Verbatim;
  definition: Verbatim;
  guidance: Verbatim;
}

export interface ParsedSummaryLine {
  response: ResponseValueName | 'TOTAL';
  count: number;
  /** The tally line ("Agreed\t20"). */
  cite: Verbatim;
}

export const FINDING_KINDS = [
  // The table itself
  'UNPARSED_ROW',
  'NUMBERING_GAP',
  'NUMBER_OUT_OF_ORDER',
  'DUPLICATE_NUMBER',
  'MISSING_ADDRESSEE',
  'UNKNOWN_ADDRESSEE',
  'ADDRESSEE_IN_TEXT',
  'UNREADABLE_RESPONSE',
  'REASON_NOT_STATED',
  'NOT_AGREED_WITH_STEPS',
  'EMPTY_RESPONSE',
  'CELL_SPLIT_BY_PAGE_BREAK',
  'LIST_WITHOUT_MARKERS',
  // Steps and dates
  'STEP_DATE_MISMATCH',
  'SINGLE_DATE_SEVERAL_PARAGRAPHS',
  'DATE_ONLY_IN_TEXT',
  'DATES_OUT_OF_ORDER',
  'MISSING_TARGET_DATE',
  'UNREADABLE_DATE',
  'DATE_WITHOUT_YEAR',
  // Owners
  'UNKNOWN_OWNER',
  'OWNER_SPLIT_BY_PAGE_BREAK',
  'SEVERAL_OWNERS_IN_ONE_CELL',
  'OWNER_CARRIED_OVER',
  'OWNER_CHANGED',
  // Progress
  'PROGRESS_WITHOUT_ROW',
  'ROW_WITHOUT_PROGRESS',
  'PROGRESS_MISPLACED',
  'PROGRESS_NOT_LINKED',
  'FUTURE_COMPLETION',
  'STATUS_CONTRADICTED_BY_TEXT',
  'COMPLETED_AFTER_TARGET',
  'TARGET_PASSED_NOT_COMPLETED',
  'ROUND_NOT_DATED',
  'ROUND_NOT_ATTRIBUTABLE',
  // The document as a whole
  'TALLY_MISMATCH',
  'MISSING_TALLY',
  'TERMS_NOT_DEFINED',
  'DUPLICATE_RESPONSE',
  'DUPLICATE_ACTION',
  'DUPLICATE_PROGRESS',
  // Against the record, when the plan is on record already
  'DIFFERS_FROM_RECORD',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/**
 * WARNING: the document contradicts itself or could not be read as the template says.
 * INFO: the document is silent or ambiguous and the importer made a stated choice.
 */
export type Severity = 'WARNING' | 'INFO';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  message: string;
  /** Where in the source text; null for what is absent (a whole missing recommendation has no place). */
  span: Span | null;
  recommendation?: number;
  suggestion?: {
    summary: string;
    nearestRole?: Nearest;
    nearestAgency?: Nearest;
    proposedRole?: ProposedRole;
  };
}

export interface ParsedPlan {
  document: {
    /** The plan's own heading line ("ACTION PLAN: ..."). */
    title: Verbatim | null;
    /** The latest submission date the document states. */
    dated: Verbatim | null;
    length: number;
    sha256: string;
  };
  inspection: {
    title: Verbatim | null;
    published: Verbatim | null;
    actionPlanTitle: Verbatim | null;
    responseTerms: ParsedResponseTerm[];
    /** The reason categories the terms name for not fully agreeing ("commissioning, policy, operational or affordability reasons"). */
    reasonCategories: { value: ReasonCategoryName; cite: Verbatim }[];
    rounds: ParsedRound[];
    /** The round the plan's own rows (responses, actions, target dates) are recorded under. */
    planRound: string;
    reportedSummary: ParsedSummaryLine[];
  };
  recommendations: ParsedRecommendation[];
  findings: Finding[];
}
