/** What recordProgress and completeAction return: the update made, the record it is on, and the audit event. */
import type { AuditEvent as AuditEventRow } from '@prisma/client';
import type { Owned } from '../../writes/ownership.js';
import { builder } from '../builder.js';
import { Action } from '../action.js';
import { AuditEvent } from '../audit-event.js';
import { ProgressUpdate } from '../progress-update.js';
import { Recommendation } from '../recommendation.js';

export interface ProgressResult {
  progressUpdateId: string;
  subject: Owned;
  event: AuditEventRow;
}

export const ProgressPayload = builder.objectRef<ProgressResult>('ProgressPayload').implement({
  description: 'A progress update recorded.',
  fields: (t) => ({
    progressUpdate: t.field({
      type: ProgressUpdate,
      resolve: (p, _a, ctx) => ctx.db.progressUpdate.findUniqueOrThrow({ where: { id: p.progressUpdateId } }),
    }),
    action: t.field({
      type: Action,
      nullable: true,
      description: 'The action reported on, with its new version; null for an update on a recommendation.',
      resolve: (p, _a, ctx) => (p.subject.type === 'Action' ? ctx.db.action.findUnique({ where: { id: p.subject.id } }) : null),
    }),
    recommendation: t.field({
      type: Recommendation,
      description: 'The recommendation the update is on (with its new version when it was the subject).',
      resolve: (p, _a, ctx) => ctx.db.recommendation.findFirstOrThrow({ where: { progressUpdates: { some: { id: p.progressUpdateId } } } }),
    }),
    auditEvent: t.field({ type: AuditEvent, resolve: (p) => p.event }),
  }),
});
