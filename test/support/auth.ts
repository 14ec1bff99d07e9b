/** Tokens for tests, signed with the secret the test servers are configured with. */
import { SignJWT } from 'jose';
import type { Role } from '../../src/auth/claims.js';

export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface Persona {
  agency: string;
  roles: Role[];
  sub?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  secret?: string;
}

export async function tokenFor({ agency, roles, sub, expiresIn = 3600, secret = TEST_SECRET }: Persona): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ agency, roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub ?? `${agency}-${roles.join('-')}`)
    .setIssuedAt(now - 60)
    .setExpirationTime(now + expiresIn)
    .sign(new TextEncoder().encode(secret));
}

/** The environment a test server runs with: a known secret, and anonymous reading as asked. */
export const authEnv = (anonymousRead = true) => ({ AUTH_JWT_SECRET: TEST_SECRET, ANONYMOUS_READ: String(anonymousRead) });
