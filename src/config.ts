/** Configuration from the environment, checked once at start. */
import { resolve } from 'node:path';
import { z } from 'zod';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  /** A PostgreSQL server. Unset: the embedded database under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  /** How long shutdown waits for in-flight requests before closing connections. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** HS256 secret for bearer tokens (at least 32 characters). */
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** A JSON Web Key Set to verify bearer tokens against, instead of a shared secret. */
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_ISSUER: z.string().optional(),
  AUTH_AUDIENCE: z.string().optional(),
  /** Whether requests without a token may read. Default: yes, except in production. */
  ANONYMOUS_READ: flag.optional(),
});

export interface AuthConfig {
  /** HS256 secret; in development, when neither this nor a JWKS URL is set, one is kept under DATA_DIR. */
  secret: string | undefined;
  jwksUrl: string | undefined;
  issuer: string | undefined;
  audience: string | undefined;
  anonymousRead: boolean;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  production: boolean;
  shutdownGraceMs: number;
  seedsDir: string;
  auth: AuthConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (e.AUTH_JWT_SECRET && e.AUTH_JWKS_URL) throw new Error('Invalid configuration: set AUTH_JWT_SECRET or AUTH_JWKS_URL, not both');
  if (production && !e.AUTH_JWT_SECRET && !e.AUTH_JWKS_URL)
    throw new Error('Invalid configuration: in production, AUTH_JWT_SECRET or AUTH_JWKS_URL must be set');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    production,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    seedsDir: resolve(import.meta.dirname, '../seeds'),
    auth: {
      secret: e.AUTH_JWT_SECRET,
      jwksUrl: e.AUTH_JWKS_URL,
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      anonymousRead: e.ANONYMOUS_READ ?? !production,
    },
  };
}
