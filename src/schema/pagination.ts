/**
 * Page sizes for every connection: 20 by default, at most 100. Asking for more is an error rather than
 * a silent truncation, so a client never mistakes a clipped page for the whole.
 */
import { GraphQLError } from 'graphql';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

// Cursors of this API are Prisma-plugin cursors over string ids ("GPC:S:<id>", base64). Anything else
// would reach the database as a malformed query, so it is refused here as bad input.
const CURSOR = /^GPC:S:/;

function checkCursor(name: 'after' | 'before', cursor: string | null | undefined) {
  if (cursor == null || CURSOR.test(Buffer.from(cursor, 'base64').toString('utf8'))) return;
  throw new GraphQLError(`Invalid cursor: "${name}" must be a cursor this API returned.`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName: name },
  });
}

/** Checks a connection's paging arguments, then gives its maximum size (the plugin's `maxSize` hook). */
function checkedMaxSize(args: { first?: number | null; last?: number | null; after?: string | null; before?: string | null }): number {
  checkCursor('after', args.after);
  checkCursor('before', args.before);
  for (const name of ['first', 'last'] as const) {
    const n = args[name];
    if (n != null && (n < 0 || n > MAX_PAGE_SIZE)) {
      throw new GraphQLError(`"${name}" must be between 0 and ${MAX_PAGE_SIZE}; got ${n}.`, {
        extensions: { code: 'BAD_USER_INPUT', argumentName: name, max: MAX_PAGE_SIZE },
      });
    }
  }
  return MAX_PAGE_SIZE;
}

export const pageSize = { defaultSize: DEFAULT_PAGE_SIZE, maxSize: checkedMaxSize } as const;
