/**
 * Page sizes for every connection: 20 by default, at most 100. Asking for more is an error rather than
 * a silent truncation, so a client never mistakes a clipped page for the whole.
 */
import { GraphQLError } from 'graphql';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/**
 * Cursors of this API: Prisma-plugin cursors over string ids ("GPC:S:<id>") or sequence numbers
 * ("GPC:I:<n>") for lists in stored order, and positions ("OffsetConnection:<n>") for lists in a
 * derived order. Anything else would
 * reach the database as a malformed query, so it is refused here as bad input.
 */
const CURSORS = { prisma: /^GPC:S:/, sequence: /^GPC:I:\d{1,19}$/, offset: /^OffsetConnection:\d{1,9}$/ } as const;
export type CursorKind = keyof typeof CURSORS;

interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

function checkCursor(kind: CursorKind, name: 'after' | 'before', cursor: string | null | undefined) {
  if (cursor == null || CURSORS[kind].test(Buffer.from(cursor, 'base64').toString('utf8'))) return;
  throw new GraphQLError(`Invalid cursor: "${name}" must be a cursor this API returned.`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName: name },
  });
}

/** Refuses cursors of another kind and page sizes outside 0..100. */
export function checkPageArgs(args: PageArgs, kind: CursorKind): void {
  checkCursor(kind, 'after', args.after);
  checkCursor(kind, 'before', args.before);
  for (const name of ['first', 'last'] as const) {
    const n = args[name];
    if (n != null && (n < 0 || n > MAX_PAGE_SIZE)) {
      throw new GraphQLError(`"${name}" must be between 0 and ${MAX_PAGE_SIZE}; got ${n}.`, {
        extensions: { code: 'BAD_USER_INPUT', argumentName: name, max: MAX_PAGE_SIZE },
      });
    }
  }
}

/** Paging options for a Prisma-plugin connection whose cursors are of `kind`: its `maxSize` hook checks the arguments. */
const pageSizeFor = (kind: CursorKind) =>
  ({
    defaultSize: DEFAULT_PAGE_SIZE,
    maxSize: (args: PageArgs) => {
      checkPageArgs(args, kind);
      return MAX_PAGE_SIZE;
    },
  }) as const;

/** For connections over string ids. */
export const pageSize = pageSizeFor('prisma');
/** For connections over sequence numbers (the audit trail). */
export const sequencePageSize = pageSizeFor('sequence');
