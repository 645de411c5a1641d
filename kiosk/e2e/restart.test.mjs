// K-3: a restart opens today's screen from the state the kiosk saved (its snapshots in IndexedDB),
// not by folding the whole log; what it shows and decides is the same as the log says.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  confirmation,
  demoMorning,
  holdIndexedDB,
  logSize,
  openKiosk,
  snapshots,
  spoilSnapshot,
  textOf,
  useKiosk,
} from './harness.mjs';

const kiosk = useKiosk();

test('K-3: a restart shows the saved state and decides against the whole log', async () => {
  const { context, page, errors } = await openKiosk(kiosk.env, { time: demoMorning() });
  const count = page.locator('sign-in-panel .count');
  const liu = page.locator('sign-in-panel button[data-person="p-liu"]');
  await page.getByRole('button', { name: '参会签到' }).click();
  await liu.click();
  await confirmation(page).filter({ hasText: '刘洋 签到成功' }).waitFor();

  // A second after a write the kiosk has saved the screen's state at the end of its log; the
  // whole state's snapshot is saved on the first start and then every 100 events, so it may be
  // behind (the fast tablet that tapped before the first save: at the end too). A loaded machine
  // writes them late: up to 15 s.
  const { last } = await logSize(page);
  await page.clock.fastForward(2_000);
  for (let i = 0; i < 150; i++) {
    const saved = await snapshots(page);
    if (saved['kiosk-screen'] === last && saved['kiosk-state'] !== undefined) break;
    await page.waitForTimeout(100);
  }
  const saved = await snapshots(page);
  assert.equal(saved['kiosk-screen'], last);
  assert.ok(saved['kiosk-state'] > 0 && saved['kiosk-state'] <= last, JSON.stringify(saved));

  // Restart: the same screen; a sign-out is decided against the whole state (the snapshot and
  // the log after it: 刘洋's sign-in).
  await page.reload();
  await page.getByRole('button', { name: '参会签到' }).click();
  assert.equal(await textOf(count), '已签到 5 / 7 人');
  await page.locator('sign-in-panel button[data-sign-out="p-liu"]').click();
  await confirmation(page).filter({ hasText: '刘洋 已签退' }).waitFor();
  assert.equal(await textOf(count), '已签到 4 / 7 人');

  // A saved state that does not read back is only a cache: the log is folded again.
  await spoilSnapshot(page, 'kiosk-screen');
  await spoilSnapshot(page, 'kiosk-state');
  await page.reload();
  await page.getByRole('button', { name: '参会签到' }).click();
  assert.equal(await textOf(count), '已签到 4 / 7 人');
  await liu.click();
  await confirmation(page).filter({ hasText: '刘洋 签到成功' }).waitFor();
  assert.equal(await textOf(count), '已签到 5 / 7 人');
  assert.deepEqual(errors, []);
  await context.close();
});

test("K-3: a restart shows today's screen from its copy before the log is open; a tap waits for the log", async () => {
  const { context, page, errors } = await openKiosk(kiosk.env, { time: demoMorning() });
  const count = page.locator('sign-in-panel .count');
  const topic = await textOf(
    page.locator('huiyi-kiosk door-display [data-testid="current-topic"]'),
  );
  await page.getByRole('button', { name: '参会签到' }).click();
  await page.locator('sign-in-panel button[data-person="p-liu"]').click();
  await confirmation(page).filter({ hasText: '刘洋 签到成功' }).waitFor();

  // Restart with IndexedDB held shut: the door is drawn from the copy the page left on closing.
  await page.addInitScript(holdIndexedDB);
  await page.reload();
  await page.locator('huiyi-kiosk door-display state-badge').waitFor();
  assert.equal(
    await textOf(page.locator('huiyi-kiosk door-display [data-testid="current-topic"]')),
    topic,
  );
  await page.getByRole('button', { name: '参会签到' }).click();
  assert.equal(await textOf(count), '已签到 5 / 7 人');
  // A tap is decided against the log, not the copy: nothing is confirmed until the log is open.
  await page
    .locator('sign-in-panel button[data-person]')
    .filter({ hasNotText: '已签到' })
    .first()
    .click();
  await page.waitForTimeout(500);
  assert.equal(await confirmation(page).count(), 0);
  await page.evaluate(() => globalThis.__openTheLog());
  await confirmation(page).filter({ hasText: '签到成功' }).waitFor();
  assert.equal(await textOf(count), '已签到 6 / 7 人');
  assert.deepEqual(errors, []);
  await context.close();
});

test('K-3: a tablet whose IndexedDB cannot be opened says why in place of the door, and offers to try again', async () => {
  const context = await kiosk.env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    globalThis.IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  await page.goto(kiosk.env.baseURL);
  await page.getByRole('heading', { name: '门口屏无法打开本机存储' }).waitFor();
  assert.match(
    await textOf(page.locator('huiyi-kiosk rejection-note [role="alert"]')),
    /此浏览器无法使用本地存储.*K-3/,
  );
  await page.getByRole('button', { name: '重试' }).waitFor();
  assert.equal(await page.locator('huiyi-kiosk door-display').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
