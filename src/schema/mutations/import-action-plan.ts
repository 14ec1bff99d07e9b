/**
 * importActionPlan: the text of a published action plan (or a later update of one) into the record,
 * with the findings report. The same path as `npm run import`; admins only, since an import creates
 * inspections, agencies and roles.
 */
import { z } from 'zod';
import { ImportError } from '../../importer/errors.js';
import { runImport, type ImportOutcome } from '../../importer/run-import.js';
import { FINDING_KINDS, type Finding } from '../../importer/types.js';
import { Slug } from '../../seed/format.js';
import { LIMITS, text } from '../../writes/rules.js';
import { builder } from '../builder.js';
import { AuditEvent } from '../audit-event.js';
import { Inspection } from '../inspection.js';
import { SourceDocument } from '../source-document.js';
import { UserError, WRITE_ERRORS } from '../write-errors.js';

const ImportActionPlanInput = builder.inputType('ImportActionPlanInput', {
  fields: (t) => ({
    text: t.string({
      required: true,
      // Only the length here: an empty or damaged text is refused by the importer, with its reason.
      validate: { schema: z.string().max(LIMITS.document, `must be at most ${LIMITS.document} characters`) },
      description: 'The plan’s text, as extracted from the published document (UTF-8, tabs between table cells).',
    }),
    inspection: t.string({
      validate: { schema: Slug },
      description: 'The inspection to import into, new or on record. By default a slug of the inspection’s title.',
    }),
    document: t.string({
      validate: { schema: Slug },
      description: 'The slug to keep the document under. By default one from the inspection and the text’s hash.',
    }),
    fileName: t.string({ validate: { schema: text(200) }, description: 'The file the text came from, kept with the document.' }),
    dryRun: t.boolean({ defaultValue: false, description: 'Report what the import would write, and write nothing.' }),
  }),
});

const ImportRefusalEnum = builder.enumType('ImportRefusal', {
  description: 'Why a text was refused before anything was parsed from it.',
  values: {
    EMPTY: { description: 'The text is empty.' },
    BINARY: { description: 'The text holds binary data (control characters).' },
    WRONG_TEMPLATE: { description: 'The text is not an action plan in the published template.' },
    TRUNCATED: { description: 'The text stops part-way through the plan.' },
    NO_ROWS: { description: 'The plan’s table has no recommendation rows.' },
  } as const,
});

builder.objectType(ImportError, {
  name: 'ImportRefused',
  interfaces: [UserError],
  description: 'The text could not be read as an action plan. Nothing was written.',
  fields: (t) => ({
    code: t.field({ type: ImportRefusalEnum, resolve: (e) => e.code }),
    offset: t.exposeInt('offset', { nullable: true, description: 'Where the problem is, as a UTF-16 offset into the text.' }),
  }),
});

const FindingKindEnum = builder.enumType('ImportFindingKind', { values: FINDING_KINDS });
const FindingSeverityEnum = builder.enumType('ImportFindingSeverity', {
  values: {
    WARNING: { description: 'The document contradicts itself, or could not be read as the template says.' },
    INFO: { description: 'The document is silent or ambiguous, and the importer made the stated choice.' },
  } as const,
});

const ImportFinding = builder.objectRef<{ finding: Finding; text: string }>('ImportFinding').implement({
  description: 'An irregularity in the document. Each one an import writes is kept as a note on the inspection.',
  fields: (t) => ({
    kind: t.field({ type: FindingKindEnum, resolve: ({ finding }) => finding.kind }),
    severity: t.field({ type: FindingSeverityEnum, resolve: ({ finding }) => finding.severity }),
    message: t.string({ resolve: ({ finding }) => finding.message }),
    recommendation: t.int({ nullable: true, resolve: ({ finding }) => finding.recommendation ?? null }),
    suggestion: t.string({ nullable: true, resolve: ({ finding }) => finding.suggestion?.summary ?? null }),
    start: t.int({
      nullable: true,
      description: 'Where in the text (UTF-16 offsets); null for what is absent.',
      resolve: ({ finding }) => finding.span?.start ?? null,
    }),
    end: t.int({ nullable: true, resolve: ({ finding }) => finding.span?.end ?? null }),
    excerpt: t.string({
      nullable: true,
      description: 'The text at that place.',
      resolve: ({ finding, text }) => (finding.span ? text.slice(finding.span.start, finding.span.end) : null),
    }),
  }),
});

const CreatedName = builder.objectRef<{ slug: string; name: string; agency?: string | null }>('ImportCreatedName').implement({
  description: 'An agency or a role the record did not hold, created by the import as the document names it.',
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name', { description: 'The name or title, as the document writes it.' }),
    agency: t.string({
      nullable: true,
      description: 'For a role: its agency, where the document states one.',
      resolve: (c) => c.agency ?? null,
    }),
  }),
});

const ImportActionPlanPayload = builder.objectRef<ImportOutcome & { text: string }>('ImportActionPlanPayload').implement({
  description: 'What the import wrote, or for a dry run would write, and what it found.',
  fields: (t) => ({
    dryRun: t.exposeBoolean('dryRun'),
    alreadyImportedAs: t.string({
      nullable: true,
      description: 'Set when the very same text is already on record (under this document slug): nothing was written.',
      resolve: (o) => o.summary.alreadyImportedAs,
    }),
    inspectionSlug: t.string({ resolve: (o) => o.summary.inspection.slug }),
    inspectionCreated: t.boolean({ resolve: (o) => o.summary.inspection.created }),
    documentSlug: t.string({ resolve: (o) => o.summary.document.slug }),
    inspection: t.field({
      type: Inspection,
      nullable: true,
      description: 'The inspection as now on record; null after a dry run that would create it.',
      resolve: (o, _a, ctx) => ctx.db.inspection.findUnique({ where: { slug: o.summary.inspection.slug } }),
    }),
    document: t.field({
      type: SourceDocument,
      nullable: true,
      description: 'The document as on record; null after a dry run.',
      resolve: (o, _a, ctx) => ctx.db.sourceDocument.findUnique({ where: { slug: o.summary.document.slug } }),
    }),
    roundsCreated: t.stringList({ description: 'Slugs of the reporting rounds added.', resolve: (o) => o.summary.rounds.created }),
    roundsKept: t.stringList({
      description: 'Rounds the document reports that were already on record.',
      resolve: (o) => o.summary.rounds.kept,
    }),
    recommendationsCreated: t.intList({ resolve: (o) => o.summary.recommendations.created }),
    recommendationsKept: t.intList({
      description: 'Recommendations already on record, left as they are.',
      resolve: (o) => o.summary.recommendations.kept,
    }),
    actions: t.int({ description: 'Actions created.', resolve: (o) => o.summary.actions }),
    progressUpdates: t.int({ resolve: (o) => o.summary.progressUpdates }),
    dateRevisions: t.int({ resolve: (o) => o.summary.dateRevisions }),
    notes: t.int({ description: 'Findings kept as notes on the record.', resolve: (o) => o.summary.notes }),
    citations: t.int({ resolve: (o) => o.summary.citations }),
    agenciesCreated: t.field({ type: [CreatedName], resolve: (o) => o.summary.agenciesCreated }),
    rolesCreated: t.field({
      type: [CreatedName],
      resolve: (o) => o.summary.rolesCreated.map((r) => ({ slug: r.slug, name: r.title, agency: r.agency })),
    }),
    findings: t.field({ type: [ImportFinding], resolve: (o) => o.findings.map((finding) => ({ finding, text: o.text })) }),
    auditEvent: t.field({
      type: AuditEvent,
      nullable: true,
      description: 'Null for a dry run, or when nothing was written.',
      resolve: (o) => o.event,
    }),
  }),
});

builder.mutationField('importActionPlan', (t) =>
  t.field({
    type: ImportActionPlanPayload,
    description:
      'Imports the text of an action plan: a new inspection with its plan, or an update of a plan on record (its new rounds, progress and date revisions). The same text twice writes nothing. Admins only.',
    args: { input: t.arg({ type: ImportActionPlanInput, required: true }) },
    errors: { types: [ImportError, ...WRITE_ERRORS], union: { name: 'ImportActionPlanResult' } },
    authScopes: { admin: true },
    resolve: async (_root, { input }, ctx) => {
      const outcome = await runImport(ctx, input.text, {
        inspection: input.inspection ?? undefined,
        document: input.document ?? undefined,
        fileName: input.fileName ?? undefined,
        dryRun: input.dryRun ?? false,
      });
      return { ...outcome, text: input.text };
    },
  }),
);
