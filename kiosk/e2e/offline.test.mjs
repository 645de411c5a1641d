// K-3: the kiosk works with no network; what was done before going offline is still there after a reload.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { demoMorning, serviceWorkerActive, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('K-3: offline, reload, and everything done before (and offline) is still there', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The demo's day laid out the same whatever the hour the tests run at: a meeting in progress.
  await page.clock.install({ time: demoMorning() });
  await page.goto(env.baseURL);
  await page.locator('huiyi-kiosk door-display h1').waitFor();
  await serviceWorkerActive(page);

  // installable: manifest, icons, service worker (incognito-like contexts always report in-incognito)
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(
    installabilityErrors.filter((e) => e.errorId !== 'in-incognito'),
    [],
  );
  await cdp.detach();

  // the demo's meeting in progress: extend it by 15 minutes; the confirmation comes after the write
  const left = await page.locator('huiyi-kiosk door-display .left').textContent();
  await page.getByRole('button', { name: '延长', exact: true }).click();
  await page.waitForTimeout(600);
  await page.getByRole('button', { name: /^延长 15 分钟/ }).click();
  await page.getByText('✓ 已延长 15 分钟').waitFor();
  const extended = await page.locator('huiyi-kiosk door-display .left').textContent();
  assert.notEqual(extended, left);

  await context.setOffline(true);
  const online = await page.evaluate(() =>
    fetch(`/not-precached-${Date.now()}`).then(
      () => true,
      () => false,
    ),
  );
  assert.equal(online, false, 'the network is really gone');
  await page.reload();
  await page.locator('huiyi-kiosk door-display h1').waitFor();
  assert.equal(await page.locator('huiyi-kiosk door-display .left').textContent(), extended);

  // Still offline: a sign-in is confirmed only once in the log, and is there after another restart.
  const signedIn = async () => {
    await page.getByRole('button', { name: '参会签到' }).click();
    const count = await page.locator('sign-in-panel .count').textContent();
    return Number(/已签到 (\d+)/.exec(count ?? '')?.[1]);
  };
  const before = await signedIn();
  await page.locator('sign-in-panel button[data-person="p-liu"]').click();
  await page.getByText('✓ 刘洋 签到成功').waitFor();
  await page.reload();
  await page.locator('huiyi-kiosk door-display h1').waitFor();
  assert.equal(await signedIn(), before + 1);
  assert.deepEqual(errors, []);
  await context.close();
});
