/** changeActionOwner: hands an action to other owning roles. */
import { commitWrite } from '../../writes/commit.js';
import { invalid, NotFoundError } from '../../writes/errors.js';
import { builder } from '../builder.js';
import { Action } from '../action.js';
import { AuditEvent } from '../audit-event.js';
import { Role } from '../role.js';
import { WRITE_ERRORS } from '../write-errors.js';
import { owned } from './owned.js';

const ChangeActionOwnerInput = builder.inputType('ChangeActionOwnerInput', {
  fields: (t) => ({
    action: t.globalID({ required: true, for: [Action] }),
    expectedVersion: t.int({ required: true, description: 'The action’s version as read.' }),
    owners: t.globalIDList({
      required: true,
      for: [Role],
      validate: { minLength: 1, maxLength: 10 },
      description: 'The roles to own it from now on, in order (they replace the current owners).',
    }),
  }),
});

const ChangeActionOwnerPayload = builder
  .objectRef<{ actionId: string; event: typeof AuditEvent.$inferType }>('ChangeActionOwnerPayload')
  .implement({
    fields: (t) => ({
      action: t.field({ type: Action, resolve: (p, _a, ctx) => ctx.db.action.findUniqueOrThrow({ where: { id: p.actionId } }) }),
      auditEvent: t.field({ type: AuditEvent, resolve: (p) => p.event }),
    }),
  });

builder.mutationField('changeActionOwner', (t) =>
  t.field({
    type: ChangeActionOwnerPayload,
    description: 'Replaces the roles that own an action. Editors of an agency owning it now, or admins.',
    args: { input: t.arg({ type: ChangeActionOwnerInput, required: true }) },
    errors: { types: WRITE_ERRORS, union: { name: 'ChangeActionOwnerResult' } },
    authScopes: async (_root, { input }, ctx) => ({ editorOf: (await owned(ctx, 'Action', input.action.id)).agencyIds }),
    resolve: async (_root, { input }, ctx) => {
      const subject = await owned(ctx, 'Action', input.action.id);
      const roleIds = input.owners.map((o) => o.id);
      if (new Set(roleIds).size !== roleIds.length) throw invalid('input.owners', 'names a role twice');
      const roles = await ctx.db.role.findMany({ where: { id: { in: roleIds } }, select: { id: true } });
      const missing = roleIds.find((id) => !roles.some((r) => r.id === id));
      if (missing) throw new NotFoundError(`No role with id "${missing}".`, missing);
      const { event } = await commitWrite(
        ctx,
        { operation: 'changeActionOwner', subject, expectedVersion: input.expectedVersion },
        async (tx) => {
          const before = await tx.actionOwner.findMany({
            where: { actionId: subject.id },
            orderBy: { sequence: 'asc' },
            select: { roleId: true },
          });
          await tx.actionOwner.deleteMany({ where: { actionId: subject.id } });
          await tx.actionOwner.createMany({ data: roleIds.map((roleId, i) => ({ actionId: subject.id, roleId, sequence: i + 1 })) });
          return { result: null, before: { owners: before.map((o) => o.roleId) }, after: { owners: roleIds } };
        },
      );
      return { actionId: subject.id, event };
    },
  }),
);
