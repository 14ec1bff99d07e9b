/** What linkDependency and unlinkDependency return. */
import type { AuditEvent as AuditEventRow } from '@prisma/client';
import { builder } from '../builder.js';
import { AuditEvent } from '../audit-event.js';
import { Dependency } from '../dependency.js';
import { Recommendation } from '../recommendation.js';

export const DependencyLinkPayload = builder
  .objectRef<{ recommendationId: string; dependencyId: string; event: AuditEventRow }>('DependencyLinkPayload')
  .implement({
    description: 'A recommendation’s link to a dependency, made or removed.',
    fields: (t) => ({
      recommendation: t.field({
        type: Recommendation,
        resolve: (p, _a, ctx) => ctx.db.recommendation.findUniqueOrThrow({ where: { id: p.recommendationId } }),
      }),
      dependency: t.field({
        type: Dependency,
        resolve: (p, _a, ctx) => ctx.db.dependency.findUniqueOrThrow({ where: { id: p.dependencyId } }),
      }),
      auditEvent: t.field({ type: AuditEvent, resolve: (p) => p.event }),
    }),
  });
