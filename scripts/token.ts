/**
 * Mints a bearer token for local development, signed with the server's secret (AUTH_JWT_SECRET, or
 * the one kept under DATA_DIR):
 *   npm run token -- --agency jexu --role editor [--role viewer] [--sub alice] [--name "Alice"] [--ttl 8h]
 */
import { parseArgs } from 'node:util';
import { decodeJwt, SignJWT } from 'jose';
import { Claims, ROLES } from '../src/auth/claims.js';
import { devSecret } from '../src/auth/dev-secret.js';
import { loadConfig, type Config } from '../src/config.js';
import { Slug } from '../src/seed/format.js';

function fail(message: string): never {
  console.error(
    `${message}\nusage: npm run token -- --agency <slug> --role <${ROLES.join('|')}> [--role ...] [--sub id] [--name text] [--ttl 8h]`,
  );
  process.exit(2);
}

// parseArgs throws on an unknown option, a missing value or a stray argument: a usage error, not a crash.
let values: { agency?: string; role?: string[]; sub?: string; name?: string; ttl?: string } = {};
try {
  ({ values } = parseArgs({
    options: {
      agency: { type: 'string' },
      role: { type: 'string', multiple: true },
      sub: { type: 'string' },
      name: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
const agency = values.agency || fail('--agency is required.');
const roles = values.role ?? [];
if (roles.length === 0) fail('--role is required.');
const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
if (unknown.length) fail(`Unknown role ${unknown.join(', ')}.`);
// Only the form is checked. Whether the agency exists is for the server to say: imports add agencies
// beside the seeded ones, and the embedded database is held by the running server, so the script cannot
// look them up; the server refuses a token naming an agency it does not know.
if (!Slug.safeParse(agency).success) fail(`--agency "${agency}" is not an agency slug (lower-case words joined by hyphens, e.g. jexu).`);

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  fail((error as Error).message);
}
if (config.auth.jwksUrl) fail('The server verifies tokens against AUTH_JWKS_URL: mint them with that key set’s issuer.');

// The same check the server makes of a token's claims (e.g. an empty --sub, an overlong --name).
const claims = Claims.safeParse({ sub: values.sub ?? `${agency}-${roles.join('-')}`, agency, roles, name: values.name });
if (!claims.success) fail(`Unusable claims: ${claims.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`);
const { sub, ...rest } = claims.data;
let jwt = new SignJWT(rest).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt();
// jose throws on a period it cannot read, and takes "-1h" or "1h ago" as a time already past.
const badTtl = () => fail(`--ttl "${values.ttl}" is not a period from now, such as 8h, 30m or 7d.`);
try {
  jwt = jwt.setExpirationTime(values.ttl!);
} catch {
  badTtl();
}
if (config.auth.issuer) jwt = jwt.setIssuer(config.auth.issuer);
if (config.auth.audience) jwt = jwt.setAudience(config.auth.audience);
const token = await jwt.sign(new TextEncoder().encode(config.auth.secret ?? devSecret(config.dataDir)));
const { iat, exp } = decodeJwt(token);
if (exp! <= iat!) badTtl();
console.log(token);
