// The door's scripts (docs/decisions/kiosk-bundle.md): the app's one classic script, and the
// satellites it adds to the page only when asked (English, the demo dealership, the sync client).
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
    ['demo', 'en', 'index', 'sync'],
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
