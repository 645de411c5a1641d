// The door's scripts (docs/decisions/kiosk-bundle.md): the app's one classic script, and the
// satellites it adds to the page only when asked (English, the sync client); the demo dealership is
// a JSON file, not a script.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { demoMorning, openKiosk, openSettings, start } from './harness.mjs';

const assets = fileURLToPath(new URL('../dist/assets/', import.meta.url));
const scripts = () => readdirSync(assets).filter((f) => f.endsWith('.js'));
const named = (name) => {
  const files = scripts().filter((f) => f.startsWith(`${name}-`));
  assert.equal(files.length, 1, `one ${name}-*.js in dist/assets: ${scripts().join(', ')}`);
  return readFileSync(`${assets}${files[0]}`, 'utf8');
};

test('K-5: every message the built door asks for by its short id is in the built English table', () => {
  assert.deepEqual(
    scripts()
      .map((f) => f.split('-')[0])
      .sort(),
    ['en', 'index', 'sync'],
  );
  // The English satellite registers its module on the page's global: run it on a global of its own.
  const page = {};
  runInNewContext(named('en'), page);
  const table = page.__huiyiSatellites?.en?.templates;
  assert.ok(table, 'the English script registers its table');
  const source = readFileSync(new URL('../src/generated/locales/en.ts', import.meta.url), 'utf8');
  const keys = [...source.matchAll(/^\s*'([^']+)':/gm)].map((m) => m[1]);
  assert.equal(Object.keys(table).length, keys.length, 'one entry per message of the source table');
  const asked = new Set(
    ['index', 'sync'].flatMap((name) =>
      [...named(name).matchAll(/\{id:["'`]([^"'`]+)["'`]\}/g)].map((m) => m[1]),
    ),
  );
  assert.ok(asked.size > 100, `the door asks for ${asked.size} messages`);
  for (const id of asked) {
    assert.match(id, /^[0-9a-z]{1,2}$/, `a short id: ${id}`);
    assert.ok(Object.hasOwn(table, id), `message ${id} is in the English table`);
  }
});

test('K-3: the demo dealership is a JSON file, not in any script, and the service worker precaches it with every script', () => {
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

test('K-5, S-5: a Chinese door of its own loads its one script after its first start; the sync client once its PIN is asked for, English once chosen', async () => {
  const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
  const loaded = [];
  page.on('request', (r) => {
    const m = /\/assets\/([a-z]+)-[^/]+\.js$/.exec(new URL(r.url()).pathname);
    if (m) loaded.push(m[1]);
  });
  // A restart, as a tablet's: the demo laid out at the first start is in the log.
  await page.reload();
  await page.locator('huiyi-kiosk door-display state-badge').waitFor();
  assert.deepEqual(loaded, ['index']);
  await openSettings(page);
  // The settings hold the hub's enrolment: the sync client is there for it.
  await page.locator('huiyi-kiosk hub-enrolment').waitFor();
  assert.deepEqual(loaded, ['index', 'sync']);
  await page.locator('settings-panel button[data-language="en"]').click();
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('Settings saved').waitFor();
  assert.deepEqual(loaded, ['index', 'sync', 'en']);
  assert.deepEqual(errors, []);
  await context.close();
});
