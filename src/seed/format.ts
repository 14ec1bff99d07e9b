/**
 * The shape of the curated seed files under `seeds/`. Every file is validated against these schemas
 * at load, and every excerpt is checked against the stored text of the document it cites.
 *
 * Conventions:
 * - Strings marked "verbatim" must occur, character for character, in the cited document.
 * - `cite` is an excerpt of the document that evidences a value which is not itself verbatim
 *   (an enum, a number, a link between two records). A bare string cites the file's default source.
 * - Nothing here is inferred silently: where the record is silent or contradicts itself, a `notes`
 *   entry says so and cites the evidence.
 */
import { z } from 'zod';

export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');

/** An excerpt of a source document; a bare string is an excerpt of the file's default source. */
export const Cite = z.union([z.string().min(2), z.object({ source: Slug, excerpt: z.string().min(2) }).strict()]);
export const Cites = z.array(Cite).min(1);

/** A date as the record states it ("March 2024", "Spring 2025", "Completed", "by June 2025"). */
export const StatedDate = z
  .object({
    text: z.string().min(1), // verbatim
    cite: Cite.optional(), // defaults to the text itself
  })
  .strict();

export const SourceKind = z.enum(['ACTION_PLAN', 'PROGRESS_LETTER', 'NEWS_ARTICLE', 'INSPECTION_REPORT']);
export const SourceDocumentSeed = z
  .object({
    slug: Slug,
    file: z.string().regex(/^[a-z0-9-]+\.txt$/),
    title: z.string(), // verbatim
    kind: SourceKind,
    /** Date the document bears, verbatim; null where the document carries none. */
    dated: StatedDate.nullable(),
    /** Agencies that issued the document. */
    issuedBy: z.array(Slug),
    cites: Cites,
  })
  .strict();
export const SourcesFile = z.object({ documents: z.array(SourceDocumentSeed).min(1) }).strict();

export const AgencyKind = z.enum(['DEPARTMENT', 'AGENCY', 'POLICE', 'UNIT', 'INSPECTORATE']);
export const AgencySeed = z
  .object({
    slug: Slug,
    name: z.string(), // verbatim, the fullest form the documents use
    abbreviation: z.string().nullable(),
    kind: AgencyKind,
    /** Other verbatim spellings used in the documents (e.g. "CTARC" beside "CT-ARC"). */
    aliases: z.array(z.string()).default([]),
    parent: Slug.nullable(),
    /** Evidence for the parent link; required when parent is set. */
    parentCite: Cite.optional(),
    /** STATED: a document says so ("part of the Probation Service"). INFERRED: the documents imply it
     * (a plan's headings, who signs for whom) and the cite shows how. */
    parentBasis: z.enum(['STATED', 'INFERRED']).default('STATED'),
    cites: Cites,
  })
  .strict()
  .refine((a) => a.parent === null || a.parentCite !== undefined, 'parentCite is required when parent is set');

/** A role that owns actions, e.g. "Deputy Director Joint Extremism Unit (JEXU)". */
export const RoleSeed = z
  .object({
    slug: Slug,
    title: z.string(), // verbatim, as it appears in an owner column
    agency: Slug,
    /** Evidence that the role belongs to the agency, where the title alone does not name it. */
    agencyCite: Cite.optional(),
    cites: Cites,
  })
  .strict();
export const AgenciesFile = z.object({ source: Slug, agencies: z.array(AgencySeed), roles: z.array(RoleSeed) }).strict();

export const NoteKind = z.enum(['GAP', 'INCONSISTENCY', 'AMBIGUITY', 'ERRATUM']);
/** A curator's note about the record itself. `summary` is our wording; `cites` is the evidence. */
export const NoteSeed = z
  .object({
    kind: NoteKind,
    summary: z.string().min(10),
    /** What the note is about; omitted when it concerns the inspection as a whole. */
    recommendation: z.number().int().positive().optional(),
    dependency: Slug.optional(),
    cites: z.array(Cite),
  })
  .strict();

export const RoundKind = z.enum(['PLAN_SUBMITTED', 'PLAN_UPDATED', 'PROGRESS_UPDATE', 'LETTER']);
export const RoundSeed = z
  .object({
    slug: Slug,
    kind: RoundKind,
    label: z.string(), // our short label, e.g. "12-month update"
    source: Slug,
    submittedOn: StatedDate,
    /** The date progress is reported "as at", where it differs from submission. */
    asAt: StatedDate.nullable(),
  })
  .strict();

export const ResponseValue = z.enum(['AGREED', 'PARTLY_AGREED', 'NOT_AGREED']);
export const ReasonCategory = z.enum(['COMMISSIONING', 'POLICY', 'OPERATIONAL', 'AFFORDABILITY']);

export const InspectionFile = z
  .object({
    source: Slug,
    slug: Slug,
    title: z.string(), // verbatim
    published: StatedDate,
    lead: z.object({ agency: Slug, cite: Cite }).strict(),
    joint: z.array(z.object({ agency: Slug, cite: Cite }).strict()),
    actionPlan: z
      .object({
        title: z.string(), // verbatim
        respondents: z.array(z.object({ agency: Slug, cite: Cite }).strict()),
      })
      .strict(),
    /** The response categories as the plan defines them. */
    responseTerms: z.array(
      z
        .object({
          value: ResponseValue,
          term: z.string(), // verbatim
          definition: z.string(), // verbatim
          guidance: z.string(), // verbatim ("Additional comment" column)
        })
        .strict(),
    ),
    reasonCategories: z.array(z.object({ value: ReasonCategory, cite: Cite }).strict()),
    keyFacts: z.array(
      z
        .object({
          key: Slug,
          statement: z.string(), // verbatim
          value: z.number().nullable(),
          unit: z.string().nullable(), // our word for what is counted, e.g. "people"
          period: z.string().nullable(), // verbatim, e.g. "in the year ending 30 September 2022"
          source: Slug,
        })
        .strict(),
    ),
    rounds: z.array(RoundSeed).min(1),
    /** The figures the document itself reports in its summary table. */
    reportedSummary: z.array(
      z.object({ response: z.enum(['AGREED', 'PARTLY_AGREED', 'NOT_AGREED', 'TOTAL']), count: z.number().int(), cite: Cite }).strict(),
    ),
    notes: z.array(NoteSeed),
  })
  .strict();

export const DependencyKind = z.enum(['PROGRAMME', 'PROJECT', 'SYSTEM', 'TOOL', 'PRODUCT', 'POLICY', 'BUSINESS_CASE']);
export const Status = z.enum(['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'AT_RISK', 'AWAITING_DECISION', 'SUPERSEDED', 'NOT_STATED']);
export const DependencySeed = z
  .object({
    slug: Slug,
    name: z.string(), // verbatim
    aliases: z.array(z.string()).default([]), // verbatim
    kind: DependencyKind,
    lead: z.object({ agency: Slug, cite: Cite }).strict().nullable(),
    /** What each round said of it: status and the date then expected. */
    updates: z.array(
      z
        .object({
          round: Slug,
          status: Status,
          statement: z.string(), // verbatim
          expected: StatedDate.nullable(),
          source: Slug.optional(),
        })
        .strict(),
    ),
    dateRevisions: z.array(
      z
        .object({
          round: Slug,
          previous: z.string(), // verbatim, as stated before
          revised: z.string().nullable(), // verbatim; null when the round withdrew the date without a new one
          reason: z.string().nullable(), // verbatim; null where none was given
          cites: Cites,
        })
        .strict(),
    ),
    cites: Cites,
    /** Other dependencies this one relies on, each with the excerpt that says so. */
    dependsOn: z.array(z.object({ dependency: Slug, cite: Cite }).strict()).default([]),
  })
  .strict();
export const DependenciesFile = z.object({ source: Slug, dependencies: z.array(DependencySeed) }).strict();

export const ActionSeed = z
  .object({
    key: Slug, // a1, a2 ... in plan order
    text: z.string(), // verbatim
    owners: z.array(z.object({ role: Slug, cite: Cite }).strict()),
    target: StatedDate.nullable(),
  })
  .strict();

export const ProgressSeed = z
  .object({
    key: Slug, // p1, p2 ... in record order within the recommendation
    round: Slug,
    source: Slug.optional(), // defaults to the round's source
    paragraphs: z.array(z.string()).min(1), // verbatim
    actions: z.array(Slug), // keys of the actions this update reports on; [] when the record does not say
    owner: z.object({ role: Slug, cite: Cite }).strict().nullable(),
    status: Status,
    statusCite: Cite.optional(),
    target: StatedDate.nullable(), // the date stated in this round
  })
  .strict();

export const DateRevisionSeed = z
  .object({
    action: Slug,
    round: Slug,
    previous: z.string(), // verbatim
    revised: z.string().nullable(), // verbatim; null when the round gave no new date
    reason: z.string().nullable(), // verbatim
    cites: Cites,
  })
  .strict();

export const RecommendationFile = z
  .object({
    source: Slug,
    number: z.number().int().positive(),
    /** null where the record omits the recommendation (see notes). */
    text: z.string().nullable(), // verbatim
    addressees: z
      .object({
        heading: z.string(), // verbatim heading the recommendation sits under, e.g. "The Ministry of Justice should:"
        agencies: z.array(Slug).min(1),
      })
      .strict()
      .nullable(),
    response: z
      .object({
        value: ResponseValue,
        cite: Cite,
        narrative: z.array(z.string()), // verbatim paragraphs
        reasons: z.array(z.object({ category: ReasonCategory, cite: Cite }).strict()),
      })
      .strict()
      .nullable(),
    actions: z.array(ActionSeed),
    progress: z.array(ProgressSeed),
    dateRevisions: z.array(DateRevisionSeed),
    /** `actions` narrows a link to the steps the cite concerns; without it the link concerns them all. */
    dependencies: z.array(z.object({ dependency: Slug, cite: Cite, actions: z.array(Slug).min(1).optional() }).strict()),
    notes: z.array(NoteSeed.omit({ recommendation: true })).default([]),
  })
  .strict();

export type CiteSeed = z.infer<typeof Cite>;
export type SourcesFileSeed = z.infer<typeof SourcesFile>;
export type AgenciesFileSeed = z.infer<typeof AgenciesFile>;
export type InspectionFileSeed = z.infer<typeof InspectionFile>;
export type DependenciesFileSeed = z.infer<typeof DependenciesFile>;
export type RecommendationFileSeed = z.infer<typeof RecommendationFile>;
