/**
 * Who is asking: their agency (with its units, which they act for too), their roles, and whether
 * they may read at all. Built once per request from the verified token.
 */
import type { Database } from '../database/client.js';
import { AuthenticationError } from './authenticate.js';
import type { Claims, Role } from './claims.js';

export interface Viewer {
  /** The token's subject; null when anonymous. */
  readonly id: string | null;
  readonly name: string | null;
  readonly agencyId: string | null;
  readonly roles: ReadonlySet<Role>;
  /** The viewer's agency and every unit below it. */
  readonly agencyScope: ReadonlySet<string>;
  readonly canRead: boolean;
}

export const anonymousViewer = (canRead: boolean): Viewer =>
  Object.freeze({ id: null, name: null, agencyId: null, roles: new Set<Role>(), agencyScope: new Set<string>(), canRead });

/** The viewer a verified token describes; its agency must be one this API knows. */
export async function viewerFor(db: Database, claims: Claims): Promise<Viewer> {
  // The agency (depth 0) and its units, in one statement.
  const tree = await db.$queryRaw<{ id: string; depth: number }[]>`
    WITH RECURSIVE tree AS (
      SELECT id, 0 AS depth FROM "Agency" WHERE slug = ${claims.agency}
      UNION ALL SELECT c.id, tree.depth + 1 FROM "Agency" c JOIN tree ON c."parentId" = tree.id WHERE tree.depth < 20
    ) SELECT id, depth FROM tree`;
  const own = tree.find((a) => a.depth === 0);
  if (!own) throw new AuthenticationError(`The token names agency "${claims.agency.slice(0, 100)}", which this API does not know.`);
  return Object.freeze({
    id: claims.sub,
    name: claims.name ?? null,
    agencyId: own.id,
    roles: new Set(claims.roles),
    agencyScope: new Set(tree.map((a) => a.id)),
    canRead: true,
  });
}
