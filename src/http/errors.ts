/**
 * Refusals the HTTP layer makes before or around running an operation, each a GraphQL error with a
 * stable code and the HTTP status and headers that say the same, so clients can branch on either.
 */
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

const http = (status: number, retryAfterSeconds?: number) => ({
  status,
  headers: new HeaderMap(retryAfterSeconds === undefined ? [] : [['retry-after', String(retryAfterSeconds)]]),
});

export class RateLimitedError extends GraphQLError {
  constructor(perMinute: number, retryAfterSeconds: number) {
    super(`Too many requests: the limit is ${perMinute} a minute. Try again in ${retryAfterSeconds} s.`, {
      extensions: { code: 'RATE_LIMITED', retryAfter: retryAfterSeconds, http: http(429, retryAfterSeconds) },
    });
  }
}

export class DatabaseUnavailableError extends GraphQLError {
  constructor() {
    super(DATABASE_UNAVAILABLE_MESSAGE, { extensions: { code: 'DATABASE_UNAVAILABLE', http: http(503, 1) } });
  }
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database cannot be reached right now; try again shortly. A write that met this error was not acknowledged: read the record before retrying it.';

export const requestTimeoutMessage = (ms: number) =>
  `The request did not finish within ${ms} ms. If it was a write, it may still be made: read the record before retrying it.`;
