import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * The suites that judge the hub's engine (src/hub.ts) in its mutation run: stryker.db.config.json's
 * `testFiles`. They open a database, so the run is slow: PGlite only (the server variants are
 * skipped: its URL points nowhere), one mutant at a time, each against the tests that reached it.
 */
export const dbSuites: string[] = (
  JSON.parse(readFileSync(new URL('./stryker.db.config.json', import.meta.url), 'utf8')) as {
    testFiles: string[];
  }
).testFiles;

export default defineConfig({
  test: {
    include: dbSuites,
    environment: 'node',
    setupFiles: ['./stryker/fast-check-seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: {
      // nothing listens on port 9: the server variants print that they did not run
      HUB_TEST_PG_URL: 'postgres://postgres@127.0.0.1:9/postgres',
      HUB_REQUIRE_POSTGRES: '',
    },
  },
});
