/**
 * What a request may do, from the viewer its token describes. Reading the public record needs the
 * `reader` scope, which the Query type carries for every root field (`node` and `nodes` among them);
 * the record's types add none of their own. Inspectorate comments and the audit trail are the
 * exception: their types check their own scopes (membership of an agency the record concerns, or the
 * inspector or admin role) with `runScopesOnType`, so each one is refused wherever it is reached, by
 * `node`, `nodes`, a list on another record or the change feed, not only through their own root fields.
 * Each mutation field checks its own writer: an editor of an owning agency (own or a parent, since an
 * agency acts for its units) or an admin; an inspector or an admin for comments; an admin for imports.
 */
import type { Context } from '../context/context.js';

export interface AuthScopes {
  reader: boolean;
  admin: boolean;
  inspector: boolean;
  /** An editor acting for one of these agencies (or a parent of one), or an admin. */
  editorOf: readonly string[];
  /** A member of one of these agencies or a parent of one. */
  memberOf: readonly string[];
}

export function authScopes(ctx: Context) {
  const { viewer } = ctx;
  const admin = viewer.roles.has('admin');
  const inAgencies = (agencyIds: readonly string[]) => agencyIds.some((id) => viewer.agencyScope.has(id));
  return {
    reader: viewer.canRead,
    admin,
    inspector: admin || viewer.roles.has('inspector'),
    editorOf: (agencyIds: readonly string[]) => admin || (viewer.roles.has('editor') && inAgencies(agencyIds)),
    memberOf: inAgencies,
  };
}

/** The Query type's scopes: anyone who may read. */
export const publicRecord = { reader: true } as const;
