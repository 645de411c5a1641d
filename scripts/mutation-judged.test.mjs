// The mutation gates' staleness (scripts/mutation-judged.mjs, used by scripts/mutation.mjs and
// scripts/mutation-hub.mjs): a kept result holds while its source, its tests and the fixtures
// they import are what they were measured on.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { helpersOf, judgedOn, staleOf, walk } from './mutation-judged.mjs';

const isHelper = (f) =>
  f.endsWith('.ts') &&
  !f.endsWith('.test.ts') &&
  (f.endsWith('.test-helpers.ts') || f.startsWith('src/testing/'));

/** A package: a mutated file, its test, a fixture the test imports and one that fixture imports. */
function fixturePackage() {
  const pkg = mkdtempSync(join(tmpdir(), 'mutation-judged-'));
  mkdirSync(join(pkg, 'src/testing'), { recursive: true });
  const files = {
    'src/rule.ts': 'export const rule = (n: number) => n > 1;\n',
    'src/rule.test.ts':
      "import { rule } from './rule.js';\nimport { two } from './testing/numbers.test-helpers.js';\n",
    'src/testing/numbers.test-helpers.ts':
      "export { two } from './base.js';\nimport './base.js';\n",
    'src/testing/base.ts': 'export const two = 2;\n',
    'src/other.ts': 'export const other = 1;\n',
  };
  for (const [f, text] of Object.entries(files)) writeFileSync(join(pkg, f), text);
  return pkg;
}

test('a kept result is stale once its source, a test judging it, or a fixture (even one imported through another) changes; not for an unrelated file', () => {
  const pkg = fixturePackage();
  try {
    assert.deepEqual(walk(pkg).sort(), [
      'src/other.ts',
      'src/rule.test.ts',
      'src/rule.ts',
      'src/testing/base.ts',
      'src/testing/numbers.test-helpers.ts',
    ]);
    assert.deepEqual(helpersOf(pkg, ['src/rule.test.ts'], isHelper), [
      'src/testing/base.ts',
      'src/testing/numbers.test-helpers.ts',
    ]);
    const now = (f) => judgedOn(pkg, f, ['src/rule.test.ts'], isHelper);
    const kept = { 'src/rule.ts': now('src/rule.ts'), 'src/gone.ts': now('src/rule.ts') };
    assert.deepEqual(staleOf(pkg, kept, now), [], 'fresh, and a file gone is not stale');
    for (const changed of [
      'src/other.ts',
      'src/testing/base.ts',
      'src/rule.test.ts',
      'src/rule.ts',
    ]) {
      appendFileSync(join(pkg, changed), '// changed\n');
      const stale = staleOf(pkg, kept, now);
      assert.deepEqual(stale, changed === 'src/other.ts' ? [] : ['src/rule.ts'], changed);
      writeFileSync(join(pkg, changed), '');
      kept['src/rule.ts'] = now('src/rule.ts');
    }
  } finally {
    rmSync(pkg, { recursive: true, force: true });
  }
});

test('a result is hashed as the report judged it: the source and tests the report holds, not the files as they are now', () => {
  const pkg = fixturePackage();
  try {
    const report = {
      files: { 'src/rule.ts': { source: 'the source judged' } },
      testFiles: { 'src/rule.test.ts': { source: 'the test judged' } },
    };
    const judged = judgedOn(pkg, 'src/rule.ts', ['src/rule.test.ts'], isHelper, report);
    const onDisk = judgedOn(pkg, 'src/rule.ts', ['src/rule.test.ts'], isHelper);
    assert.notEqual(judged.source, onDisk.source);
    assert.notDeepEqual(judged.tests, onDisk.tests);
    assert.deepEqual(judged.helpers, onDisk.helpers);
    writeFileSync(join(pkg, 'src/rule.ts'), 'the source judged');
    writeFileSync(join(pkg, 'src/rule.test.ts'), 'the test judged');
    assert.deepEqual(
      judgedOn(pkg, 'src/rule.ts', ['src/rule.test.ts'], isHelper),
      { ...judged, helpers: {} },
      'once the files are what was judged, they hash the same (the test imports nothing now)',
    );
  } finally {
    rmSync(pkg, { recursive: true, force: true });
  }
});
