import { defineConfig, mergeConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config.js';

/**
 * Runs the focused tests first and the model-based properties last, so that a mutant is most often
 * killed by a quick test before the slow ones start (Stryker stops at the first failure).
 */
class FocusedFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification): number =>
      f.moduleId.endsWith('.rules.test.ts') ? 0 : f.moduleId.endsWith('-model.test.ts') ? 2 : 1;
    return Promise.resolve(
      [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId)),
    );
  }
}

/**
 * The test configuration of the mutation run (stryker.config.json): the usual one, with
 * fast-check's seed pinned (see stryker/fast-check-seed.ts), a longer test timeout (instrumented
 * code on a shared machine runs slower), test files not isolated from one another (the core is
 * pure, and re-importing its modules for every test file of every mutant was most of the run's
 * time), and the quick tests first.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      setupFiles: ['./stryker/fast-check-seed.ts'],
      testTimeout: 60_000,
      isolate: false,
      sequence: { sequencer: FocusedFirst },
    },
  }),
);
