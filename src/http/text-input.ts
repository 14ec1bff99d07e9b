/**
 * Text that PostgreSQL cannot hold: the NUL character (a `text` value cannot contain U+0000) and
 * unpaired UTF-16 surrogates (JSON allows `"\ud800"`, but it has no UTF-8 form, and the query engine
 * refuses to serialise it). Either would fail deep in a database call and surface as a server fault,
 * so requests carrying one are refused at the door as the client's mistake.
 */
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';

const UNSTORABLE = /[\0\p{Cs}]/u;

export const UNSTORABLE_TEXT_MESSAGE = 'Text may not contain the NUL character (U+0000) or an unpaired surrogate (an invalid \\u escape).';

export const isStorableText = (text: string) => !UNSTORABLE.test(text);

/** Whether any string in `value` (keys included, nested arrays and objects too) cannot be stored. */
export function hasUnstorableText(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (!isStorableText(next)) return true;
    } else if (Array.isArray(next)) {
      // One at a time: spreading a list of a hundred thousand items would overflow the call stack.
      for (const item of next) pending.push(item);
    } else if (next && typeof next === 'object')
      for (const [key, item] of Object.entries(next)) {
        if (!isStorableText(key)) return true;
        pending.push(item);
      }
  }
  return false;
}

/** Whether a string literal in the document cannot be stored (graphql's lexer accepts `"\u0000"`). */
export function documentHasUnstorableText(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (!isStorableText(node.value)) found = true;
    },
  });
  return found;
}

export const unstorableTextError = () =>
  new GraphQLError(UNSTORABLE_TEXT_MESSAGE, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
