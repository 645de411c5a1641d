// @huiyi/core is fit to publish: its packed tarball passes publint and "are the types wrong",
// and installs into a scratch project that imports it from plain Node ESM and type-checks against it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { attw, pack, publint, run, tsc } from './pack-helpers.mjs';

let scratch;
let tarball;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'huiyi-pack-'));
  const packed = pack('core', scratch);
  tarball = packed.path;
  const { files } = packed;
  assert.ok(
    files.includes('dist/index.js') && files.includes('dist/index.d.ts'),
    'the build is packed',
  );
  assert.ok(!files.some((f) => f.includes('.test.')), 'no tests are packed');
});

after(() => rmSync(scratch, { recursive: true, force: true }));

test('publint finds nothing to fix', () => {
  const out = publint(tarball);
  assert.match(out, /All good/);
});

test('are the types wrong: none, for ESM consumers', () => {
  attw(tarball);
});

test('the tarball installs and works from plain Node ESM, with its types', () => {
  const app = join(scratch, 'app');
  run('mkdir', ['-p', app], scratch);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'app', private: true, type: 'module' }),
  );
  run(
    'npm',
    [
      'install',
      tarball,
      'fast-check@4.10.2',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ],
    app,
  );
  writeFileSync(
    join(app, 'main.mjs'),
    [
      "import { toInstant, interval, overlaps, createWorkingCalendar, addWorkingDays } from '@huiyi/core';",
      "import { intervalArb } from '@huiyi/core/testing';",
      'const t = toInstant({ year: 2026, month: 11, day: 27, hour: 9, minute: 0 }, "Asia/Shanghai");',
      'const cal = createWorkingCalendar({});',
      'console.log(JSON.stringify({ t, overlaps: overlaps(interval(t, t + 1), interval(t + 1, t + 2)),',
      '  next: addWorkingDays(cal.value, { year: 2026, month: 11, day: 27 }, 1), arb: typeof intervalArb }));',
    ].join('\n'),
  );
  const out = JSON.parse(run(process.execPath, ['main.mjs'], app));
  assert.deepEqual(out, {
    t: Date.UTC(2026, 10, 27, 1),
    overlaps: false,
    next: { year: 2026, month: 11, day: 30 },
    arb: 'function',
  });
  writeFileSync(
    join(app, 'main.ts'),
    [
      "import { toInstant, checkInterval, type Interval, type Rejection } from '@huiyi/core';",
      "import { intervalArb } from '@huiyi/core/testing';",
      'const r = checkInterval(toInstant({ year: 2026, month: 1, day: 1, hour: 0, minute: 0 }, "Asia/Shanghai"), 0);',
      'const why: Rejection | Interval = r.ok ? r.value : r.rejection;',
      "const zh: string = 'message' in why ? why.message['zh-CN'] : '';",
      'export const used = [zh, intervalArb];',
    ].join('\n'),
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ['main.ts'],
    }),
  );
  tsc(app);
});
