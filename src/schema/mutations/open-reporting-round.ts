/** openReportingRound: a new submission of progress against a plan, for writes to state things in. */
import type { RoundKind } from '@prisma/client';
import { parsePlanDate, planDateColumns } from '../../domain/plan-date.js';
import { commitWrite } from '../../writes/commit.js';
import { invalid, NotFoundError } from '../../writes/errors.js';
import { LIMITS, statedDate, text } from '../../writes/rules.js';
import { builder } from '../builder.js';
import { AuditEvent } from '../audit-event.js';
import { RoundKindEnum } from '../enums.js';
import { Inspection } from '../inspection.js';
import { ReportingRound } from '../reporting-round.js';
import { SourceDocument } from '../source-document.js';
import { WRITE_ERRORS } from '../write-errors.js';
import { owned } from './owned.js';

const OpenReportingRoundInput = builder.inputType('OpenReportingRoundInput', {
  fields: (t) => ({
    inspection: t.globalID({ required: true, for: [Inspection] }),
    kind: t.field({ type: RoundKindEnum, required: true }),
    label: t.string({ required: true, validate: { schema: text(LIMITS.label) }, description: 'A short name, e.g. "Two-year update".' }),
    submittedOn: t.string({ required: true, validate: { schema: statedDate }, description: 'The day it was submitted ("12 May 2026").' }),
    asAt: t.string({ validate: { schema: statedDate }, description: 'The date progress is reported as at, where it differs.' }),
    document: t.globalID({ for: [SourceDocument], description: 'The document it records, if it is on record.' }),
  }),
});

const OpenReportingRoundPayload = builder
  .objectRef<{ roundId: string; event: typeof AuditEvent.$inferType }>('OpenReportingRoundPayload')
  .implement({
    fields: (t) => ({
      round: t.field({
        type: ReportingRound,
        resolve: (p, _a, ctx) => ctx.db.reportingRound.findUniqueOrThrow({ where: { id: p.roundId } }),
      }),
      auditEvent: t.field({ type: AuditEvent, resolve: (p) => p.event }),
    }),
  });

const SLUG_PREFIX: Record<RoundKind, string> = {
  PLAN_SUBMITTED: 'plan',
  PLAN_UPDATED: 'plan-update',
  PROGRESS_UPDATE: 'update',
  LETTER: 'letter',
};

builder.mutationField('openReportingRound', (t) =>
  t.field({
    type: OpenReportingRoundPayload,
    description: 'Opens a reporting round of an inspection: later than every round so far. Editors of a responding agency, or admins.',
    args: { input: t.arg({ type: OpenReportingRoundInput, required: true }) },
    errors: { types: WRITE_ERRORS, union: { name: 'OpenReportingRoundResult' } },
    authScopes: async (_root, { input }, ctx) => ({ editorOf: (await owned(ctx, 'Inspection', input.inspection.id)).agencyIds }),
    resolve: async (_root, { input }, ctx) => {
      const subject = await owned(ctx, 'Inspection', input.inspection.id);
      if (input.document && !(await ctx.db.sourceDocument.findUnique({ where: { id: input.document.id }, select: { id: true } })))
        throw new NotFoundError(`No source document with id "${input.document.id}".`, input.document.id);
      const submitted = parsePlanDate(input.submittedOn.trim());
      if (submitted.precision !== 'DAY') throw invalid('input.submittedOn', 'must name a day, e.g. "12 May 2026"');
      const { result, event } = await commitWrite(ctx, { operation: 'openReportingRound', subject, expectedVersion: null }, async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Inspection" WHERE id = ${subject.id} FOR UPDATE`;
        const last = await tx.reportingRound.findFirst({ where: { inspectionId: subject.id }, orderBy: { sequence: 'desc' } });
        if (last?.submittedLatest && submitted.latest! < last.submittedLatest.toISOString().slice(0, 10))
          throw invalid('input.submittedOn', `precedes the latest round, “${last.label}” (${last.submittedText})`);
        const base = `${SLUG_PREFIX[input.kind as RoundKind]}-${submitted.latest!.slice(0, 7)}`;
        const taken = await tx.reportingRound.count({ where: { inspectionId: subject.id, slug: { startsWith: base } } });
        const slug = taken ? `${base}-${taken + 1}` : base;
        const round = await tx.reportingRound.create({
          data: {
            id: `${subject.id}/${slug}`,
            inspectionId: subject.id,
            slug,
            sequence: (last?.sequence ?? 0) + 1,
            kind: input.kind as RoundKind,
            label: input.label.trim(),
            documentId: input.document?.id ?? null,
            ...planDateColumns('submitted', input.submittedOn.trim()),
            ...planDateColumns('asAt', input.asAt?.trim() ?? null),
          },
        });
        return {
          result: { roundId: round.id },
          before: null,
          after: { round: round.id, slug, label: round.label, submittedOn: round.submittedText },
        };
      });
      return { ...result, event };
    },
  }),
);
