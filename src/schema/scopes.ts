/**
 * What a request may do, from the viewer its token describes. The public record is read through the
 * `reader` scope on every type; inspectorate comments and the audit trail also need membership of an
 * agency the record concerns (or the inspector or admin role); writes need an editor of an owning
 * agency (own or a parent, since an agency acts for its units) or an admin.
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

/** Type-level scopes of the public record: anyone who may read. */
export const publicRecord = { reader: true } as const;
