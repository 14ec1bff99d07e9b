/**
 * Root lookups by natural key (`agency(slug:)`, `recommendation(inspection:, number:)`, …). A key that
 * names nothing is an error, not a quiet null: an analyst who mistypes "mapss" would otherwise get an
 * answer that looks like "nothing relies on it". The field stays nullable, so the rest of the request
 * still answers (as with `node(id:)`, whose ids are opaque and null is the Relay convention). The
 * message does not repeat the key: the error's path names the field asked, and a key is whatever the
 * client sent, of any length.
 */
import { GraphQLError } from 'graphql';

export function found<T>(record: T | null, what: string): T {
  if (record === null) throw new GraphQLError(`No ${what} is on record.`, { extensions: { code: 'NOT_FOUND' } });
  return record;
}
