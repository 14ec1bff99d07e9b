import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One copy of graphql: the schema (built through CommonJS packages) and the tests must share it.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    // One seeded database for the run: embedded PGlite, or the server TEST_DATABASE_URL names.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
