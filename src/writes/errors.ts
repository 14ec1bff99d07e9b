/**
 * Failures a write can meet, returned to clients as typed results (the errors plugin turns each class
 * into a GraphQL type). Each also carries a code, so where one escapes as a GraphQL error it is still
 * a typed client error.
 */
import { GraphQLError } from 'graphql';

/** The viewer may not do this: not signed in, or not for this agency, or not in this role. */
export class NotAuthorizedError extends GraphQLError {
  constructor(
    message: string,
    readonly signedIn: boolean,
  ) {
    super(message, { extensions: { code: signedIn ? 'FORBIDDEN' : 'UNAUTHENTICATED' } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(
    message: string,
    readonly id: string,
  ) {
    super(message, { extensions: { code: 'NOT_FOUND' } });
  }
}

/** The record changed since the client read it: nothing was written. */
export class VersionConflictError extends GraphQLError {
  constructor(
    readonly subject: { type: string; id: string },
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `The ${subject.type.toLowerCase()} was changed since you read it (you had version ${expectedVersion}, it is now ${currentVersion}); nothing was written. Read it again and retry.`,
      { extensions: { code: 'CONFLICT' } },
    );
  }
}

export interface InputIssue {
  path: string;
  message: string;
}

/** The input breaks a rule: nothing was written. */
export class InvalidInputError extends GraphQLError {
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

export const invalid = (path: string, message: string) => new InvalidInputError([{ path, message }]);
