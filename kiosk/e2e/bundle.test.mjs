// The door's scripts (docs/decisions/kiosk-bundle.md): the app's one classic script per language,
// and the satellites it adds to the page only when asked (the sync client, for a door with a hub;
// the standalone script, for a door of its own laying the demo or importing a schedule file; the
// enrol script, in the door's language, for a door being enrolled with a hub and the settings' hub
// section); the demo dealership is a JSON file, not a script.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { demoMorning, newKioskPage, openSettings, start } from './harness.mjs';

const assets = fileURLToPath(new URL('../dist/assets/', import.meta.url));
const scripts = () => readdirSync(assets).filter((f) => f.endsWith('.js'));
const named = (name) => {
  const files = scripts().filter((f) => f.startsWith(`${name}-`));
  assert.equal(files.length, 1, `one ${name}-*.js in dist/assets: ${scripts().join(', ')}`);
  return readFileSync(`${assets}${files[0]}`, 'utf8');
};

test('K-5: one door per language, its messages compiled in: no table, no message ids, no localize runtime', () => {
  assert.deepEqual(
    scripts()
      .map((f) => f.split('-')[0])
      .sort(),
    ['enrol', 'enrol.en', 'index', 'index.en', 'standalone', 'sync'],
  );
  const zh = named('index');
  const en = named('index.en');
  const source = readFileSync(new URL('../src/generated/locales/en.ts', import.meta.url), 'utf8');
  // The table's own messages (some of its texts are also the English of a rejection the door
  // makes, which the source holds in both languages).
  const src = fileURLToPath(new URL('../src/', import.meta.url));
  const code = readdirSync(src, { recursive: true })
    .filter((f) => f.endsWith('.ts') && !f.startsWith('generated'))
    .map((f) => readFileSync(`${src}${f}`, 'utf8'))
    .join('\n');
  const english = [...source.matchAll(/^\s*'[^']+': (?:str)?`([^`$]{12,})`,$/gm)]
    .map((m) => m[1])
    .filter((text) => !code.includes(text));
  assert.ok(english.length > 50, `${english.length} English messages without a value`);
  // (The settings' hub section is in each door's enrol script.)
  for (const text of english) {
    assert.ok(`${en}${named('enrol.en')}`.includes(text), `the English door says: ${text}`);
    assert.ok(!`${zh}${named('enrol')}`.includes(text), `the Chinese door does not say: ${text}`);
  }
  // What the source says in Chinese is in the Chinese door, not in the English one.
  for (const text of ['参会签到', '请输入管理员密码']) {
    assert.ok(zh.includes(text), `the Chinese door says ${text}`);
    assert.ok(!en.includes(text), `the English door does not say ${text}`);
  }
  // A rejection the door makes is in its door's language alone (R-8: nobody found), and so is one
  // its enrol script makes; the other satellites, one script for both doors, keep both.
  const nobody = [
    '没有找到。请输入完整的工号或全名',
    'Nobody found. Enter your full employee number',
  ];
  assert.ok(zh.includes(nobody[0]) && !zh.includes(nobody[1]), 'the Chinese door: Chinese alone');
  assert.ok(en.includes(nobody[1]) && !en.includes(nobody[0]), 'the English door: English alone');
  // A table's key after a Chinese value is not an English text: the core's booking states keep
  // theirs (checked-in: 签到).
  assert.match(zh, /["']checked-in["']:\s*["']签到["']/, 'the booking states keep their keys');
  const noHub = ['无法连接到中心', 'The hub cannot be reached'];
  assert.ok(named('enrol').includes(noHub[0]) && !named('enrol').includes(noHub[1]));
  assert.ok(named('enrol.en').includes(noHub[1]) && !named('enrol.en').includes(noHub[0]));
  for (const text of noHub)
    assert.ok(!named('sync').includes(text), `the sync client does not say ${text}`);
  // So is the settings' hub section, the enrol script's.
  assert.ok(named('enrol').includes('一次性连接码') && !zh.includes('一次性连接码'));
  assert.ok(named('enrol.en').includes('One-time code') && !en.includes('One-time code'));
  const notJson = ['不是有效的 JSON', 'is not valid JSON'];
  for (const text of notJson)
    assert.ok(named('standalone').includes(text), `the standalone script says ${text}`);
  // What only a door of its own does is in no door's script.
  for (const code of [zh, en]) {
    assert.ok(!code.includes('huiyi-schedule'), 'no door reads a schedule file itself');
    assert.ok(!/\/assets\/demo-[\w-]+\.json/.test(code), 'no door fetches the demo itself');
  }
  for (const [name, code] of [
    ['index', zh],
    ['index.en', en],
    ['sync', named('sync')],
    ['standalone', named('standalone')],
    ['enrol', named('enrol')],
    ['enrol.en', named('enrol.en')],
  ]) {
    assert.doesNotMatch(code, /\{id:["'`][^"'`]+["'`]\}/, `${name} asks for no message by its id`);
    assert.ok(!code.includes('lit-localize'), `${name} holds no localize runtime`);
  }
  // Each door asks for satellites that are there (the standalone script and the enrol script from
  // several places): both the same sync client and standalone script, each its own enrol script.
  for (const [code, enrol] of [
    [zh, 'enrol'],
    [en, 'enrol\\.en'],
  ]) {
    const asked = [...code.matchAll(/\/assets\/([\w.-]+\.js)(?!on)/g)].map((m) => m[1]);
    assert.deepEqual(
      [...new Set(asked.filter((f) => !f.startsWith('index')))].sort(),
      scripts().filter((f) => new RegExp(`^(${enrol}|standalone|sync)-`).test(f)),
    );
  }
  const page = readFileSync(new URL('../dist/index.html', import.meta.url), 'utf8');
  for (const f of scripts().filter((f) => f.startsWith('index')))
    assert.ok(page.includes(`/assets/${f}`), `the page picks ${f}`);
});

test('HTTP: each script, the page, the worker and the demo have their gzip beside them, which inflates back to them and is never precached', () => {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  const text = readdirSync(dist, { recursive: true }).filter((f) =>
    /\.(js|html|json|webmanifest)$/.test(f),
  );
  // The scripts of both doors, the satellites, the worker and workbox, the page, the demo, the manifest.
  assert.ok(text.length >= 9, `text files in dist: ${text.join(', ')}`);
  for (const f of text) {
    const file = readFileSync(`${dist}${f}`);
    const gz = readFileSync(`${dist}${f}.gz`);
    assert.ok(gunzipSync(gz).equals(file), `${f}.gz inflates to ${f}`);
    assert.ok(gz.length < file.length, `${f}.gz is smaller than ${f}`);
  }
  const worker = readFileSync(`${dist}sw.js`, 'utf8');
  assert.ok(!worker.includes('.gz'), 'the service worker precaches no .gz');
});

test('K-3: the demo dealership is a JSON file, not in any script, and the service worker precaches it with every script, each satellite included', () => {
  const files = readdirSync(assets);
  const demo = files.filter((f) => /^demo-[\w-]+\.json$/.test(f));
  assert.equal(demo.length, 1, `one demo-*.json in dist/assets: ${files.join(', ')}`);
  const day = JSON.parse(readFileSync(`${assets}${demo[0]}`, 'utf8'));
  assert.ok(
    day.commands.some((c) => c.type === 'RegisterRoom'),
    'the demo day holds its rooms',
  );
  for (const f of scripts()) {
    const code = readFileSync(`${assets}${f}`, 'utf8');
    // The demo's confidential meeting's topic is in no script.
    assert.ok(!code.includes('年度索赔审计'), `${f} holds none of the demo's data`);
  }
  const worker = readFileSync(new URL('../dist/sw.js', import.meta.url), 'utf8');
  assert.equal(scripts().length, 6, `the doors and the satellites: ${scripts().join(', ')}`);
  for (const f of [...scripts(), demo[0]])
    assert.ok(worker.includes(`assets/${f}`), `the service worker precaches ${f}`);
});

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('K-5, S-5: a Chinese door of its own loads the standalone script to lay the demo at its first start, only its one script on a restart, the sync client and the enrol script once its PIN is asked for, the standalone script again to import a schedule file; the English door alone once English is chosen', async () => {
  const { context, page, errors } = await newKioskPage(env);
  const loaded = [];
  page.on('request', (r) => {
    const m = /\/assets\/([a-z.]+)-[^/]+\.(js|json)$/.exec(new URL(r.url()).pathname);
    if (m) loaded.push(m[2] === 'js' ? m[1] : `${m[1]}.json`);
  });
  await page.clock.install({ time: demoMorning() });
  // A new tablet's first start: the demo dealership laid out by the standalone script.
  await page.goto(env.baseURL);
  await page.getByRole('button', { name: '参会签到' }).waitFor();
  assert.deepEqual(loaded, ['index', 'standalone', 'demo.json']);
  // A restart, as a tablet's: the demo laid out at the first start is in the log.
  loaded.length = 0;
  await page.reload();
  await page.locator('huiyi-kiosk door-display state-badge').waitFor();
  assert.deepEqual(loaded, ['index']);
  await openSettings(page);
  // The settings hold the hub's enrolment: the sync client is there for it, and the enrol script
  // draws it.
  await page.locator('huiyi-kiosk hub-enrolment h2#hub').waitFor();
  assert.deepEqual(loaded.toSorted(), ['enrol', 'index', 'sync']);
  // A schedule file is read and checked by the standalone script (this one is refused).
  await page.locator('settings-panel input#import').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ "format": '),
  });
  await page
    .locator('settings-panel rejection-note')
    .getByText(/不是有效的 JSON/)
    .waitFor();
  assert.deepEqual(loaded.toSorted(), ['enrol', 'index', 'standalone', 'sync']);
  // English, once kept, reloads the page into the English door.
  loaded.length = 0;
  await page.locator('settings-panel button[data-language="en"]').click();
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByRole('button', { name: 'Attendee sign-in' }).waitFor();
  assert.deepEqual(loaded, ['index.en']);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.deepEqual(errors, []);
  await context.close();
});
