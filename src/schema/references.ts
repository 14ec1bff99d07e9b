/**
 * Records named in arguments: by slug ("jexu", "mapps") for people typing queries, or by global id
 * for generated clients. A name that matches nothing is an error, never an empty answer that looks
 * like "none match".
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { Context } from '../context/context.js';

export const KINDS = {
  agency: { type: 'Agency', example: 'jexu' },
  dependency: { type: 'Dependency', example: 'mapps' },
  role: { type: 'Role', example: 'dd-jexu' },
  inspection: { type: 'Inspection', example: 'ct-joint-inspection-2023' },
} as const;
export type Kind = keyof typeof KINDS;

export const badInput = (message: string, argumentName: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName, ...extra } });

/** The global id's record id, when `ref` is a global id of the right type. */
function idOf(ref: string, typename: string): string | null {
  try {
    const decoded = decodeGlobalID(ref);
    return decoded.typename === typename ? decoded.id : null;
  } catch {
    return null;
  }
}

type Finder = (args: {
  where: { OR: [{ slug: { in: string[] } }, { id: { in: string[] } }] };
  select: { id: true; slug: true };
}) => Promise<{ id: string; slug: string }[]>;

const finders = (ctx: Context): Record<Kind, Finder> => ({
  agency: (a) => ctx.db.agency.findMany(a),
  dependency: (a) => ctx.db.dependency.findMany(a),
  role: (a) => ctx.db.role.findMany(a),
  inspection: (a) => ctx.db.inspection.findMany(a),
});

/** Names to ids, one statement per kind and batch, cached for the request. */
const refLoader = (ctx: Context, kind: Kind) =>
  ctx.loaders.get<string, string | null>('ref', kind, async (refs) => {
    const ids = refs.map((r) => idOf(r, KINDS[kind].type));
    const found = await finders(ctx)[kind]({
      where: { OR: [{ slug: { in: refs.filter((_, i) => !ids[i]) } }, { id: { in: ids.filter((id): id is string => !!id) } }] },
      select: { id: true, slug: true },
    });
    return refs.map((ref, i) => found.find((f) => f.slug === ref || f.id === ids[i])?.id ?? null);
  });

/** The ids of the records `refs` name; `argumentName` says where they were given, for errors. */
export async function resolveRefs(ctx: Context, kind: Kind, refs: readonly string[], argumentName: string): Promise<string[]> {
  const { example } = KINDS[kind];
  if (refs.length === 0) throw badInput(`"${argumentName}" must name at least one ${kind}.`, argumentName);
  const found = (await refLoader(ctx, kind).loadMany(refs)).map((r) => {
    if (r instanceof Error) throw r;
    return r;
  });
  const unknown = refs.filter((_, i) => found[i] === null);
  if (unknown.length) {
    const list = unknown.map((u) => JSON.stringify(u.slice(0, 80))).join(', ');
    const plural = kind === 'agency' ? 'agencies' : `${kind}s`;
    throw badInput(`Unknown ${kind} ${list} in "${argumentName}": name ${plural} by slug (e.g. "${example}") or global id.`, argumentName, {
      unknown,
    });
  }
  return [...new Set(found as string[])];
}
