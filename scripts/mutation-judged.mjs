// What a mutated file's kept result was judged on, and whether that still holds: shared by the
// core's mutation gate (scripts/mutation.mjs) and the hub's (scripts/mutation-hub.mjs).
//
// A file's result holds while its source, the test files its mutants were run against and the
// fixtures those tests import (directly or through other fixtures) are what they were when it was
// measured. Each is kept as a short hash, so a check needs no Stryker run.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

/** A short hash of a text. */
export const sha = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Every file under `dir` (default `<pkg>/src`), relative to the package, with `/` separators. */
export function walk(pkg, dir = join(pkg, 'src')) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? walk(pkg, p) : [relative(pkg, p).split('\\').join('/')];
  });
}

/** The relative imports of a file, as paths inside its package (`.js` read as `.ts`). */
export function importsOf(pkg, f) {
  const out = [];
  for (const m of readFileSync(join(pkg, f), 'utf8').matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
    out.push(posix.normalize(posix.join(posix.dirname(f), m[1].replace(/\.js$/, '.ts'))));
  }
  return out;
}

/** The fixtures a set of tests imports, directly or through other fixtures. */
export function helpersOf(pkg, tests, isHelper) {
  const seen = new Set();
  const todo = tests.flatMap((t) => importsOf(pkg, t)).filter(isHelper);
  while (todo.length > 0) {
    const h = todo.pop();
    if (seen.has(h) || !existsSync(join(pkg, h))) continue;
    seen.add(h);
    todo.push(...importsOf(pkg, h).filter(isHelper));
  }
  return [...seen].sort();
}

/**
 * What a file's result was judged on: its source, its tests and their fixtures, by hash. With a
 * Stryker report, the source and the tests are hashed as the report holds them (as judged);
 * without one, as they are on disk now.
 *
 * @param pkg - the package's directory
 * @param f - the mutated file, inside the package
 * @param tests - the test files its mutants are run against
 * @param isHelper - which imported files are fixtures (followed, hashed)
 * @param report - Stryker's report of the run that measured it, if any
 */
export function judgedOn(pkg, f, tests, isHelper, report) {
  const hashOf = (p, judged) => sha(judged ?? readFileSync(join(pkg, p), 'utf8'));
  return {
    source: hashOf(f, report?.files?.[f]?.source),
    tests: Object.fromEntries(tests.map((t) => [t, hashOf(t, report?.testFiles?.[t]?.source)])),
    helpers: Object.fromEntries(helpersOf(pkg, tests, isHelper).map((h) => [h, hashOf(h)])),
  };
}

/**
 * The files whose kept results may no longer hold: what they are judged on now differs from what
 * they were judged on (a file gone is not stale, it is no longer mutated).
 *
 * @param pkg - the package's directory
 * @param judged - the kept `{ file: judgedOn(…) }`
 * @param now - what a file is judged on now
 */
export function staleOf(pkg, judged, now) {
  const stale = [];
  for (const [f, then] of Object.entries(judged ?? {})) {
    if (!existsSync(join(pkg, f))) continue;
    if (JSON.stringify(now(f)) !== JSON.stringify(then)) stale.push(f);
  }
  return stale.sort();
}
