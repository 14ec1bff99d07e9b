/**
 * Root lookups by natural key (`agency(slug:)`, `recommendation(inspection:, number:)`, …). A key that
 * names nothing is an error, not a quiet null: an analyst who mistypes "mapss" would otherwise get an
 * answer that looks like "nothing relies on it". The field stays nullable, so the rest of the request
 * still answers (as with `node(id:)`, whose ids are opaque and null is the Relay convention).
 */
import { GraphQLError } from 'graphql';

export function found<T>(record: T | null, what: string): T {
  if (record === null) throw new GraphQLError(`No ${what} is on record.`, { extensions: { code: 'NOT_FOUND' } });
  return record;
}

/** Quotes a client's key for a message, cut short so a long one cannot fill the answer. */
export const quoted = (key: string) => `“${key.length > 60 ? `${key.slice(0, 60)}…` : key}”`;
