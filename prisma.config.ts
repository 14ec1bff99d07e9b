// Prisma CLI configuration: migrations run through the same `pg` driver adapter as the server, so they
// need no downloaded engine. DATABASE_URL must point at a running server; with none installed,
// `tsx scripts/with-database.ts -- npx prisma ...` runs the command against an embedded one.
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// `prisma generate` reads no database, but with the url unresolved it goes looking for a query engine
// to download; a placeholder keeps it offline. Commands that do connect need the real DATABASE_URL.
process.env.DATABASE_URL ??= 'postgresql://placeholder@127.0.0.1:1/placeholder';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
