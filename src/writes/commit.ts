/**
 * Every write goes through here, in one transaction:
 *   1. the subject's version is checked and bumped in a single conditional UPDATE, which also locks
 *      its row (a stale version writes nothing and reports the current one);
 *   2. the change is made;
 *   3. the audit event (who, when, what, before and after) is written;
 * and only after the commit is the event published to the change feed. A write that fails at any
 * step leaves nothing behind, and publishes nothing.
 */
import { Prisma, type AuditEvent } from '@prisma/client';
import type { Context } from '../context/context.js';
import { VersionConflictError } from './errors.js';
import type { Owned } from './ownership.js';

export type Tx = Prisma.TransactionClient;

export interface Change<T> {
  result: T;
  before: Prisma.InputJsonValue | null;
  after: Prisma.InputJsonValue;
  /** The subject as it turned out, where the write created it (an import's new inspection). */
  subject?: Owned;
}

const VERSIONED = { Action: 'Action', Recommendation: 'Recommendation', Dependency: 'Dependency' } as const;

/** Bumps the version of a versioned subject if it is still `expected`; returns the new version. */
async function claimVersion(tx: Tx, subject: Owned, expected: number): Promise<number> {
  const table = Prisma.raw(`"${VERSIONED[subject.type as keyof typeof VERSIONED]}"`);
  const rows = await tx.$queryRaw<{ version: number }[]>(
    Prisma.sql`UPDATE ${table} SET version = version + 1 WHERE id = ${subject.id} AND version = ${expected} RETURNING version`,
  );
  if (rows.length === 1) return rows[0].version;
  const [current] = await tx.$queryRaw<{ version: number }[]>(Prisma.sql`SELECT version FROM ${table} WHERE id = ${subject.id}`);
  throw new VersionConflictError({ type: subject.type, id: subject.id }, expected, current?.version ?? 0);
}

export async function commitWrite<T>(
  ctx: Context,
  write: { operation: string; subject: Owned; expectedVersion: number | null; timeoutMs?: number },
  change: (tx: Tx) => Promise<Change<T>>,
): Promise<{ result: T; event: AuditEvent }> {
  const { viewer } = ctx;
  const { result, event } = await ctx.db.$transaction(
    async (tx) => {
      const version = write.expectedVersion === null ? null : await claimVersion(tx, write.subject, write.expectedVersion);
      const made = await change(tx);
      const subject = made.subject ?? write.subject;
      const event = await tx.auditEvent.create({
        data: {
          operation: write.operation,
          actorId: viewer.id!,
          actorAgencyId: viewer.agencyId,
          actorRoles: [...viewer.roles],
          requestId: ctx.requestId,
          subjectType: subject.type,
          subjectId: subject.id,
          inspectionId: subject.inspectionId,
          agencyIds: subject.agencyIds,
          before: made.before ?? Prisma.JsonNull,
          after: made.after,
          version,
        },
      });
      return { result: made.result, event };
    },
    { maxWait: 10_000, timeout: write.timeoutMs ?? 20_000 },
  );
  ctx.events.publish(event);
  ctx.log.info({ operation: write.operation, subject: event.subjectId, sequence: String(event.sequence) }, 'write committed');
  return { result, event };
}
