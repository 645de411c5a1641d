import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * The modules under mutation testing (stryker.config.json's `mutate`): the hub's pure modules that
 * hold a rule. Each is judged by its own suites beside it, `<module>.test.ts` and
 * `<module>.*.test.ts`, none of which opens a database.
 */
const mutated: string[] = (
  JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8')) as {
    mutate: string[];
  }
).mutate.filter((p) => !p.startsWith('!'));

/** The pure suites: what the mutation run runs, and all it runs. */
export const pureSuites = mutated.flatMap((m) => {
  const stem = m.replace(/\.ts$/, '');
  return [`${stem}.test.ts`, `${stem}.*.test.ts`];
});

/**
 * The test configuration of the hub's mutation run (stryker.config.json): the pure suites only (no
 * database: the hub's whole suite takes minutes, each mutant would take that long), fast-check's
 * seed pinned (see stryker/fast-check-seed.ts), test files not isolated (the modules are pure).
 */
export default defineConfig({
  test: {
    include: pureSuites,
    environment: 'node',
    setupFiles: ['./stryker/fast-check-seed.ts'],
    testTimeout: 60_000,
    isolate: false,
  },
});
