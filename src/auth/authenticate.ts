/**
 * Verifies `Authorization: Bearer <JWT>` with jose: an HS256 shared secret or a JSON Web Key Set, with
 * expiry always required and issuer/audience when configured. A request without a token is
 * anonymous; a bad token is refused outright rather than read as anonymous.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { GraphQLError } from 'graphql';
import type { AuthConfig } from '../config.js';
import { Claims } from './claims.js';

export class AuthenticationError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

/**
 * The key set cannot be had (unreachable, timed out, not a 200, not a key set): the server's trouble,
 * not the token's, so it is not answered as a bad token. 503, so clients retry.
 */
export class KeySetUnavailableError extends GraphQLError {
  constructor() {
    super('Tokens cannot be checked right now (the signing keys cannot be fetched); try again shortly.', {
      extensions: { code: 'AUTHENTICATION_UNAVAILABLE', http: { status: 503 } },
    });
  }
}

/** Whether a failure of jwtVerify came from fetching the remote key set rather than from the token. */
const keySetFailed = (error: unknown) =>
  !(error instanceof errors.JOSEError) ||
  error instanceof errors.JWKSTimeout ||
  error instanceof errors.JWKSInvalid ||
  /JSON Web Key Set HTTP response/.test(error.message);

export type Authenticate = (authorization: string | undefined) => Promise<Claims | null>;

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

export function createAuthenticator(config: AuthConfig & { secret: string | undefined }): Authenticate {
  const key: Uint8Array | JWTVerifyGetKey = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl))
    : new TextEncoder().encode(config.secret);
  const options = {
    algorithms: config.jwksUrl ? undefined : ['HS256'],
    issuer: config.issuer,
    audience: config.audience,
    requiredClaims: ['exp', 'sub'],
  };
  return async (authorization) => {
    if (authorization === undefined || authorization === '') return null;
    const token = BEARER.exec(authorization.trim())?.[1];
    if (!token) throw new AuthenticationError('The Authorization header must be "Bearer <token>".');
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, key as never, options));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new AuthenticationError('The token has expired.');
      if (config.jwksUrl && keySetFailed(error)) throw new KeySetUnavailableError();
      if (error instanceof errors.JOSEError) throw new AuthenticationError('The token is not valid.');
      throw error;
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success)
      throw new AuthenticationError(
        `The token's claims are not usable: ${claims.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`,
      );
    return claims.data;
  };
}
