/** updateDependency: what a round says of a dependency: its status, and the date now expected. */
import type { Status } from '@prisma/client';
import { planDateColumns } from '../../domain/plan-date.js';
import { commitWrite } from '../../writes/commit.js';
import { invalid } from '../../writes/errors.js';
import { LIMITS, statedDate, text } from '../../writes/rules.js';
import { nextNumber, nextRevisionId, roundFor } from '../../writes/steps.js';
import { sameDay } from '../../writes/targets.js';
import { builder } from '../builder.js';
import { AuditEvent } from '../audit-event.js';
import { Dependency } from '../dependency.js';
import { DependencyUpdate } from '../dependency-update.js';
import { StatusEnum } from '../enums.js';
import { ReportingRound } from '../reporting-round.js';
import { WRITE_ERRORS } from '../write-errors.js';
import { owned } from './owned.js';

const UpdateDependencyInput = builder.inputType('UpdateDependencyInput', {
  fields: (t) => ({
    dependency: t.globalID({ required: true, for: [Dependency] }),
    round: t.globalID({ required: true, for: [ReportingRound], description: 'The round that says it.' }),
    expectedVersion: t.int({ required: true, description: 'The dependency’s version as read.' }),
    status: t.field({ type: StatusEnum, required: true }),
    statement: t.string({
      required: true,
      validate: { schema: text(LIMITS.statement) },
      description: 'What the round says of it, as written.',
    }),
    expected: t.string({ validate: { schema: statedDate }, description: 'The date now expected, as stated.' }),
    reason: t.string({ validate: { schema: text(LIMITS.reason) }, description: 'Why the expected date moved; required when it does.' }),
  }),
});

const UpdateDependencyPayload = builder
  .objectRef<{ updateId: string; dependencyId: string; revisionId: string | null; event: typeof AuditEvent.$inferType }>(
    'UpdateDependencyPayload',
  )
  .implement({
    fields: (t) => ({
      update: t.field({
        type: DependencyUpdate,
        resolve: (p, _a, ctx) => ctx.db.dependencyUpdate.findUniqueOrThrow({ where: { id: p.updateId } }),
      }),
      dependency: t.field({
        type: Dependency,
        resolve: (p, _a, ctx) => ctx.db.dependency.findUniqueOrThrow({ where: { id: p.dependencyId } }),
      }),
      auditEvent: t.field({ type: AuditEvent, resolve: (p) => p.event }),
    }),
  });

builder.mutationField('updateDependency', (t) =>
  t.field({
    type: UpdateDependencyPayload,
    description:
      'Records a dependency’s status and expected date as a round states them; a new expected date is kept as a revision, with its reason. ' +
      'Editors of the leading agency, or admins.',
    args: { input: t.arg({ type: UpdateDependencyInput, required: true }) },
    errors: { types: WRITE_ERRORS, union: { name: 'UpdateDependencyResult' } },
    authScopes: async (_root, { input }, ctx) => ({ editorOf: (await owned(ctx, 'Dependency', input.dependency.id)).agencyIds }),
    resolve: async (_root, { input }, ctx) => {
      const subject = await owned(ctx, 'Dependency', input.dependency.id);
      const round = await roundFor(ctx, input.round.id, null);
      const { result, event } = await commitWrite(
        ctx,
        { operation: 'updateDependency', subject, expectedVersion: input.expectedVersion },
        async (tx) => {
          // The date in force (the latest revision's, else the latest stated), and the round that stated it.
          const [state] = await tx.$queryRaw<{ current: string | null; inspectionId: string | null; sequence: number | null }[]>`
          SELECT coalesce(rev.text, upd.text) AS current,
            CASE WHEN rev.text IS NOT NULL THEN rev."inspectionId" ELSE upd."inspectionId" END AS "inspectionId",
            CASE WHEN rev.text IS NOT NULL THEN rev.round ELSE upd.round END AS sequence
          FROM (SELECT 1) AS one
          LEFT JOIN LATERAL (SELECT d."revisedText" AS text, r."inspectionId", r.sequence AS round FROM "DateRevision" d
              JOIN "ReportingRound" r ON r.id = d."roundId"
              WHERE d."dependencyId" = ${subject.id} ORDER BY r.sequence DESC, d.sequence DESC LIMIT 1) rev ON true
          LEFT JOIN LATERAL (SELECT u."expectedText" AS text, r."inspectionId", r.sequence AS round FROM "DependencyUpdate" u
              JOIN "ReportingRound" r ON r.id = u."roundId"
              WHERE u."dependencyId" = ${subject.id} AND u."expectedText" IS NOT NULL
              ORDER BY r.sequence DESC, u.sequence DESC LIMIT 1) upd ON true`;
          const moved =
            input.expected !== undefined && input.expected !== null && state.current !== null && !sameDay(state.current, input.expected);
          // As for an action's target: a round earlier than the one that stated the date in force cannot
          // move it (round order is known within one inspection; a programme may be reported in several).
          if (moved && state.inspectionId === round.inspectionId && state.sequence !== null && round.sequence < state.sequence)
            throw invalid(
              'input.round',
              `precedes the round that stated the expected date in force; a new date is stated in that round or a later one`,
            );
          if (moved && !input.reason)
            throw invalid('input.reason', `is required: the expected date moves from ${state.current} to ${input.expected}`);
          const n = await nextNumber(tx, 'DependencyUpdate', 'dependencyId', subject.id);
          const update = await tx.dependencyUpdate.create({
            data: {
              id: `${subject.id}/u${n}`,
              dependencyId: subject.id,
              roundId: round.id,
              sequence: n,
              status: input.status as Status,
              statement: input.statement.trim(),
              // A statement entered through the API is its own source: the round's document where there is one.
              documentId: (await tx.reportingRound.findUniqueOrThrow({ where: { id: round.id }, select: { documentId: true } })).documentId,
              ...planDateColumns('expected', input.expected?.trim() ?? null),
            },
          });
          let revisionId: string | null = null;
          if (moved) {
            revisionId = await nextRevisionId(tx, subject.id);
            await tx.dateRevision.create({
              data: {
                id: revisionId,
                roundId: round.id,
                sequence: Number(/rev(\d+)$/.exec(revisionId)![1]),
                dependencyId: subject.id,
                reason: input.reason!.trim(),
                ...planDateColumns('previous', state.current),
                ...planDateColumns('revised', input.expected!.trim()),
              },
            });
          }
          return {
            result: { updateId: update.id, dependencyId: subject.id, revisionId },
            before: { expected: state.current },
            after: {
              status: update.status,
              statement: update.statement,
              expected: update.expectedText ?? state.current,
              reason: input.reason ?? null,
              round: round.id,
            },
          };
        },
      );
      return { ...result, event };
    },
  }),
);
