// @huiyi/store-idb is fit to publish: its packed tarball passes publint and "are the types wrong",
// and installs (with @huiyi/core's tarball) into a scratch project that uses it from plain Node
// ESM on fake-indexeddb, and type-checks against it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { attw, pack, publint, run, tsc } from './pack-helpers.mjs';

let scratch;
let tarball;
let coreTarball;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'huiyi-store-pack-'));
  const store = pack('store-idb', scratch);
  tarball = store.path;
  coreTarball = pack('core', scratch).path;
  assert.ok(store.files.includes('dist/index.js') && store.files.includes('dist/index.d.ts'));
  assert.ok(!store.files.some((f) => f.includes('.test.')), 'no tests are packed');
  assert.ok(!store.files.some((f) => /^(test|bench)\//.test(f)), 'no test helpers or benchmarks');
});

after(() => rmSync(scratch, { recursive: true, force: true }));

test('store-idb: publint finds nothing to fix', () => {
  assert.match(publint(tarball), /All good/);
});

test('store-idb: are the types wrong: none, for ESM consumers', () => {
  attw(tarball);
});

test('store-idb: the tarball installs and keeps a log from plain Node ESM, with its types', () => {
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
      coreTarball,
      tarball,
      'fake-indexeddb@6.2.8',
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
      "import 'fake-indexeddb/auto';",
      "import { envelope, eventIdFactory } from '@huiyi/core';",
      "import { openIdbEventStore, SCHEMA_VERSION } from '@huiyi/store-idb';",
      'const store = await openIdbEventStore({ name: "app" });',
      'const id = eventIdFactory(() => 0.5);',
      "const meta = { id: id(1_800_000_000_000), stream: 'room:A', now: 1_800_000_000_000, who: 'p', device: 'd' };",
      "const e = envelope({ type: 'BookingCheckedIn', roomId: 'A', bookingId: 'b1', at: 0 }, meta);",
      'const first = await store.append([e]);',
      'const again = await store.append([e]);',
      'const log = await store.readAfter(0);',
      'await store.close();',
      'console.log(JSON.stringify({ v: SCHEMA_VERSION, n: first.appended.length, dup: again.duplicates.length, log: log.length }));',
    ].join('\n'),
  );
  assert.deepEqual(JSON.parse(run(process.execPath, ['main.mjs'], app)), {
    v: 4,
    n: 1,
    dup: 1,
    log: 1,
  });
  writeFileSync(
    join(app, 'main.ts'),
    [
      "import type { StoredEvent } from '@huiyi/core';",
      "import { openIdbEventStore, todaysBookings, bookingProjection, openProjection, type IdbEventStore } from '@huiyi/store-idb';",
      'export async function screen(now: number): Promise<string[]> {',
      '  const store: IdbEventStore = await openIdbEventStore();',
      '  const view = await openProjection(store, bookingProjection);',
      '  const log: readonly StoredEvent[] = await store.readAfter(0);',
      '  return [...todaysBookings(view.state, "A", now).map((b) => b.topic), String(log.length)];',
      '}',
    ].join('\n'),
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        lib: ['ES2022', 'DOM'],
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
