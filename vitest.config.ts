import { defineConfig } from 'vitest/config';

// The hardening tests (hostile input, load, database faults) load the machine on purpose, and time
// what they see: they run after the rest of the suite, one file at a time.
const HARDENING = ['test/hostile/**/*.test.ts', 'test/resilience/**/*.test.ts'];

export default defineConfig({
  // One copy of graphql: the schema (built through CommonJS packages) and the tests must share it.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each project prepares its seeded databases (embedded PGlite, or the server TEST_DATABASE_URL names).
    projects: [
      {
        extends: true,
        test: {
          name: 'suite',
          globalSetup: ['test/support/global-setup.ts'],
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'node_modules/**', ...HARDENING],
        },
      },
      {
        extends: true,
        test: {
          name: 'hardening',
          globalSetup: ['test/support/global-setup.ts'],
          include: HARDENING,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
