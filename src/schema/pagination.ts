/**
 * Page sizes for every connection: 20 by default, at most 100. Asking for more is an error rather than
 * a silent truncation, so a client never mistakes a clipped page for the whole.
 */
import { GraphQLError } from 'graphql';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

function checkedMaxSize(args: { first?: number | null; last?: number | null }): number {
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
