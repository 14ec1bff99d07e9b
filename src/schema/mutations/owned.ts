/**
 * The record a mutation writes, with the agencies that own it, looked up once per request: the
 * authorisation check and the write itself read the same answer.
 */
import type { Context } from '../../context/context.js';
import { ownerOf, type Owned, type SubjectType } from '../../writes/ownership.js';

export const owned = (ctx: Context, type: SubjectType, id: string): Promise<Owned> =>
  ctx.loaders
    .get<string, Owned>('owned', 'all', (keys) =>
      Promise.all(
        keys.map((key) => {
          const [t, ...rest] = key.split(':');
          return ownerOf(ctx.db, t as SubjectType, rest.join(':')).catch((error: Error) => error);
        }),
      ),
    )
    .load(`${type}:${id}`);

/** A global id of one of the writable types, as the relay plugin parses it. */
export const subjectOf = (ref: { typename: string; id: string }) => ({ type: ref.typename as SubjectType, id: ref.id });
