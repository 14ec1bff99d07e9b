/**
 * AuditEvent: one committed write, queryable as a trail and delivered live as the change feed.
 * Inspectors and admins read every event; others read the events of records their agency (or a
 * unit of it) owns.
 */
import type { AuditEvent as AuditEventRow } from '@prisma/client';
import type { Context } from '../context/context.js';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { inspectionsById, recordOfType } from '../loaders/records.js';
import { builder } from './builder.js';
import { Agency } from './agency.js';
import { Inspection } from './inspection.js';
import { sequencePageSize } from './pagination.js';
import { resolveRefs } from './references.js';

/** Rows a viewer may read, as a Prisma condition: the same rule as the type's scopes. */
export function readableEvents(ctx: Context) {
  const { viewer } = ctx;
  if (viewer.roles.has('admin') || viewer.roles.has('inspector')) return {};
  return { agencyIds: { hasSome: [...viewer.agencyScope] } };
}

const AuditActor = builder.objectRef<AuditEventRow>('AuditActor').implement({
  description: 'Who made a write, as their token said.',
  fields: (t) => ({
    id: t.string({ description: 'The token subject.', resolve: (e) => e.actorId }),
    agency: t.field({
      type: Agency,
      nullable: true,
      description: 'The agency they acted for; null for an import run from the command line.',
      resolve: (e, _a, ctx) => (e.actorAgencyId ? ctx.db.agency.findUnique({ where: { id: e.actorAgencyId } }) : null),
    }),
    roles: t.stringList({ resolve: (e) => e.actorRoles }),
  }),
});

export const AuditEvent = builder.prismaNode('AuditEvent', {
  id: { field: 'sequence' },
  nullable: true,
  description: 'One committed write: who made it, when, to which record, and what changed (before and after).',
  runScopesOnType: true,
  authScopes: (event) => ({ admin: true, inspector: true, memberOf: event.agencyIds }),
  fields: (t) => ({
    sequence: t.string({ description: 'Position in the trail; events are numbered in commit order.', resolve: (e) => String(e.sequence) }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    operation: t.exposeString('operation', { description: 'The mutation, e.g. "reviseTargetDate".' }),
    actor: t.field({ type: AuditActor, resolve: (e) => e }),
    requestId: t.exposeString('requestId', { description: 'The request that made it, as in the server log.' }),
    subjectType: t.exposeString('subjectType'),
    subject: t.field({
      type: 'Node' as never,
      nullable: true,
      description: 'The record written (null if it has since been removed).',
      resolve: (e, _a, ctx) => recordOfType(ctx, e.subjectType, e.subjectId) as never,
    }),
    inspection: t.field({
      type: Inspection,
      nullable: true,
      resolve: (e, _a, ctx) => (e.inspectionId ? inspectionsById(ctx).load(e.inspectionId) : null),
    }),
    before: t.expose('before', { type: 'JSON', nullable: true, description: 'What the change replaced; null for a new record.' }),
    after: t.expose('after', { type: 'JSON' }),
    version: t.exposeInt('version', { nullable: true, description: 'The record’s version after the write.' }),
  }),
});

export const AuditEventFilter = builder.inputType('AuditEventFilter', {
  description: 'Conditions on audit events; all given must hold.',
  fields: (t) => ({
    record: t.id({ description: 'Events about this record (its global id).' }),
    inspection: t.string({ description: 'Inspection slug or global id.' }),
    agency: t.string({ description: 'Events about records this agency (slug or global id) or one of its units owns.' }),
    user: t.string({ description: 'Events made by this token subject.' }),
    operation: t.string({ description: 'Mutation name, e.g. "recordProgress".' }),
    from: t.field({ type: 'DateTime', description: 'At or after this instant.' }),
    to: t.field({ type: 'DateTime', description: 'Before this instant.' }),
  }),
});

/** The condition for a filter, within what the viewer may read; names are checked. */
async function auditWhere(ctx: Context, filter: typeof AuditEventFilter.$inferInput | null | undefined) {
  const where: object[] = [readableEvents(ctx)];
  if (filter?.record) where.push({ subjectId: idOfNode(filter.record) });
  if (filter?.inspection)
    where.push({ inspectionId: { in: await resolveRefs(ctx, 'inspection', [filter.inspection], 'filter.inspection') } });
  if (filter?.agency)
    where.push({ agencyIds: { hasSome: await agencyTree(ctx, await resolveRefs(ctx, 'agency', [filter.agency], 'filter.agency')) } });
  if (filter?.user) where.push({ actorId: filter.user });
  if (filter?.operation) where.push({ operation: filter.operation });
  if (filter?.from) where.push({ occurredAt: { gte: filter.from } });
  if (filter?.to) where.push({ occurredAt: { lt: filter.to } });
  return { AND: where };
}

/** The record id inside a global id (any type), or the string itself when it is a bare id. */
function idOfNode(ref: string | number): string {
  try {
    return decodeGlobalID(String(ref)).id;
  } catch {
    return String(ref);
  }
}

/** The agencies given and their units. */
async function agencyTree(ctx: Context, ids: string[]): Promise<string[]> {
  const rows = await ctx.db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE tree AS (
      SELECT id FROM "Agency" WHERE id = ANY(${ids}::text[])
      UNION SELECT c.id FROM "Agency" c JOIN tree ON c."parentId" = tree.id
    ) SELECT id FROM tree`;
  return rows.map((r) => r.id);
}

builder.queryFields((t) => ({
  auditEvents: t.prismaConnection({
    type: 'AuditEvent',
    cursor: 'sequence',
    ...sequencePageSize,
    description:
      'The audit trail, newest first: every committed write the viewer may read (inspectors and admins: all; others: those about ' +
      'records their agency or its units own). Sign-in required.',
    args: { filter: t.arg({ type: AuditEventFilter }) },
    authScopes: (_root, _args, ctx) => ctx.viewer.id !== null,
    resolve: async (query, _root, args, ctx) =>
      ctx.db.auditEvent.findMany({ ...query, where: await auditWhere(ctx, args.filter), orderBy: { sequence: 'desc' } }),
    totalCount: async (_root, args, ctx) => ctx.db.auditEvent.count({ where: await auditWhere(ctx, args.filter) }),
  }),
}));

builder.subscriptionFields((t) => ({
  planEvents: t.field({
    type: AuditEvent,
    description:
      'Each committed write, as it commits (rolled-back writes never appear), for the events the subscriber may read. Narrow by ' +
      'inspection or agency (units included). After a reconnection, catch up from `auditEvents` by sequence.',
    args: {
      inspection: t.arg.string({ description: 'Inspection slug or global id.' }),
      agency: t.arg.string({ description: 'Events about records this agency (slug or global id) or one of its units owns.' }),
    },
    authScopes: (_root, _args, ctx) => ctx.viewer.id !== null,
    subscribe: async (_root, args, ctx) => {
      const inspectionIds = args.inspection ? await resolveRefs(ctx, 'inspection', [args.inspection], 'inspection') : null;
      const agencies = args.agency ? new Set(await agencyTree(ctx, await resolveRefs(ctx, 'agency', [args.agency], 'agency'))) : null;
      // The same rule as readableEvents and the type's scopes: all for inspectors and admins, else their agencies'.
      const { viewer } = ctx;
      const scope = viewer.roles.has('admin') || viewer.roles.has('inspector') ? null : viewer.agencyScope;
      return ctx.events.stream(
        (e) =>
          (!inspectionIds || (e.inspectionId !== null && inspectionIds.includes(e.inspectionId))) &&
          (!agencies || e.agencyIds.some((a) => agencies.has(a))) &&
          (!scope || e.agencyIds.some((a) => scope.has(a))),
      );
    },
    resolve: (event) => event,
  }),
}));
