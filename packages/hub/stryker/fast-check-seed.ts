/**
 * Used only by the hub's mutation run (vitest.stryker.config.ts), never by `npm test`.
 *
 * @fast-check/vitest names each property test after its seed (`… (with seed=N)`). Stryker's
 * per-test coverage matches tests by name between its first run and each mutant's run, so with a
 * random seed it would find no property test at all and silently skip them. A fixed seed keeps the
 * names, and the runs, the same.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: 20261207 });
