// K-3: a restart opens today's screen from the state the kiosk saved (its snapshots in IndexedDB),
// not by folding the whole log; what it shows and decides is the same as the log says.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { confirmation, demoMorning, logSize, openKiosk, start, textOf } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** The kiosk's saved states: name → position. */
function snapshots(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = globalThis.indexedDB.open('huiyi-kiosk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise((resolve) => {
      const r = db.transaction('projections').objectStore('projections').getAll();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return Object.fromEntries(all.map((p) => [p.name, p.position]));
  });
}

/** Overwrites a saved state with something that is not one. */
function spoil(page, name) {
  return page.evaluate(async (name) => {
    const db = await new Promise((resolve, reject) => {
      const open = globalThis.indexedDB.open('huiyi-kiosk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('projections', 'readwrite');
    tx.objectStore('projections').put({ name, version: 1, position: 1, state: { rooms: 'nope' } });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, name);
}

test('K-3: a restart shows the saved state and decides against the whole log', async () => {
  const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
  const count = page.locator('sign-in-panel .count');
  const liu = page.locator('sign-in-panel button[data-person="p-liu"]');
  await page.getByRole('button', { name: '参会人员签到' }).click();
  await liu.click();
  await confirmation(page).filter({ hasText: '刘洋 签到成功' }).waitFor();

  // A second after a write the kiosk has saved both states at the end of its log.
  const { last } = await logSize(page);
  await page.clock.fastForward(2_000);
  for (let i = 0; i < 50; i++) {
    const saved = await snapshots(page);
    if (saved['kiosk-screen'] === last && saved['kiosk-state'] === last) break;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(await snapshots(page), { 'kiosk-screen': last, 'kiosk-state': last });

  // Restart: the same screen; a sign-out is decided against the whole state.
  await page.reload();
  await page.getByRole('button', { name: '参会人员签到' }).click();
  assert.equal(await textOf(count), '已签到 5 / 7 人');
  await liu.click();
  await confirmation(page).filter({ hasText: '刘洋 已签退' }).waitFor();
  assert.equal(await textOf(count), '已签到 4 / 7 人');

  // A saved state that does not read back is only a cache: the log is folded again.
  await spoil(page, 'kiosk-screen');
  await spoil(page, 'kiosk-state');
  await page.reload();
  await page.getByRole('button', { name: '参会人员签到' }).click();
  assert.equal(await textOf(count), '已签到 4 / 7 人');
  await liu.click();
  await confirmation(page).filter({ hasText: '刘洋 签到成功' }).waitFor();
  assert.equal(await textOf(count), '已签到 5 / 7 人');
  assert.deepEqual(errors, []);
  await context.close();
});
