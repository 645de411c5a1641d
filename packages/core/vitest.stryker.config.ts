import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The test configuration of the mutation run (stryker.config.json): the usual one, with
 * fast-check's seed pinned (see stryker/fast-check-seed.ts), a longer test timeout (instrumented
 * code on a shared machine runs slower), and test files not isolated from one another: the core is
 * pure, and re-importing its modules for every test file of every mutant was most of the run's time.
 *
 * `MUTATION_BASELINE=1` leaves out the `*.rules.test.ts` files, to measure what the suites caught
 * before them.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      setupFiles: ['./stryker/fast-check-seed.ts'],
      testTimeout: 60_000,
      isolate: false,
      ...(process.env['MUTATION_BASELINE']
        ? { exclude: ['**/*.rules.test.ts', '**/node_modules/**'] }
        : {}),
    },
  }),
);
