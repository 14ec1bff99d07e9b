/**
 * The signing secret for development tokens, when no secret or JWKS is configured: made once and
 * kept under DATA_DIR (readable by its owner only), so `npm run token` and the server agree.
 * Production refuses to start without configured keys (src/config.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const devSecretPath = (dataDir: string) => join(dataDir, 'jwt-secret');

export function devSecret(dataDir: string): string {
  const path = devSecretPath(dataDir);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
