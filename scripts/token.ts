/**
 * Mints a bearer token for local development, signed with the server's secret (AUTH_JWT_SECRET, or
 * the one kept under DATA_DIR):
 *   npm run token -- --agency jexu --role editor [--role viewer] [--sub alice] [--name "Alice"] [--ttl 8h]
 */
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { ROLES, type Role } from '../src/auth/claims.js';
import { devSecret } from '../src/auth/dev-secret.js';
import { loadConfig } from '../src/config.js';

const { values } = parseArgs({
  options: {
    agency: { type: 'string' },
    role: { type: 'string', multiple: true },
    sub: { type: 'string' },
    name: { type: 'string' },
    ttl: { type: 'string', default: '8h' },
  },
});
const fail = (message: string) => {
  console.error(
    `${message}\nusage: npm run token -- --agency <slug> --role <${ROLES.join('|')}> [--role ...] [--sub id] [--name text] [--ttl 8h]`,
  );
  process.exit(2);
};
if (!values.agency) fail('--agency is required.');
const roles = values.role ?? [];
if (roles.length === 0) fail('--role is required.');
const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
if (unknown.length) fail(`Unknown role ${unknown.join(', ')}.`);

const config = loadConfig();
if (config.auth.jwksUrl) fail('The server verifies tokens against AUTH_JWKS_URL: mint them with that key set’s issuer.');
const secret = new TextEncoder().encode(config.auth.secret ?? devSecret(config.dataDir));
let jwt = new SignJWT({ agency: values.agency, roles: roles as Role[], ...(values.name ? { name: values.name } : {}) })
  .setProtectedHeader({ alg: 'HS256' })
  .setSubject(values.sub ?? `${values.agency}-${roles.join('-')}`)
  .setIssuedAt()
  .setExpirationTime(values.ttl!);
if (config.auth.issuer) jwt = jwt.setIssuer(config.auth.issuer);
if (config.auth.audience) jwt = jwt.setAudience(config.auth.audience);
console.log(await jwt.sign(secret));
