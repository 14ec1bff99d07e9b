import { defineConfig } from 'vitest/config';

// Browser tests need Debian's chromium (/usr/bin/chromium); `.ci/run` installs it.
export default defineConfig({
  // One copy of graphql: the schema (built through CommonJS packages) and the tests must share it.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
