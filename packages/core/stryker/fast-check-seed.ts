/**
 * Used only by the mutation run (vitest.stryker.config.ts), never by `npm test`.
 *
 * @fast-check/vitest names each property test after its seed (`… (with seed=N)`). Stryker's
 * per-test coverage matches tests by name between its first run and each mutant's run, so with a
 * random seed it would find no property test at all and silently skip them. A fixed seed keeps the
 * names, and the runs, the same.
 *
 * Each property runs 20 cases instead of 100 (a test that sets its own `numRuns` keeps it): a mutant
 * is run against every test that covers it, and the model-based properties dominate that time. A
 * mutant that only the 57th random case would catch is caught by chance, not by a test; a rule that
 * needs a rare case gets a generator or an example that reaches it every time.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: 20261207, numRuns: 20 });
