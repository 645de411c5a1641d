// K-5: Simplified Chinese by default, English with ?lang=en or from the settings; rejections in the
// reader's language.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  PIN,
  demoMorning,
  doorState,
  openKiosk,
  openSettings,
  screenText,
  start,
  textOf,
  unnamedButtons,
} from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const CJK = /[\u4e00-\u9fff]/;

test('K-5: ?lang=en shows the door, its actions and a rejection in English', async () => {
  const { context, page, errors } = await openKiosk(env, {
    time: demoMorning(),
    path: '/?lang=en',
  });
  assert.equal(await doorState(page).textContent(), 'In use');
  assert.equal(await textOf(page.locator('huiyi-kiosk door-display #today')), 'Later today');
  assert.match(await textOf(page.locator('huiyi-kiosk door-display .meta')), /Organizer: /);
  assert.match(
    await textOf(page.locator('huiyi-kiosk door-display .left')),
    /^\d+ min left · until \d\d:\d\d$/,
  );
  for (const name of ['Attendee sign-in', 'Extend', 'End now', 'Settings']) {
    await page.getByRole('button', { name, exact: true }).waitFor();
  }
  // What the kiosk itself says is English; the room, the people and the topics keep their names.
  const own = (await screenText(page))
    .replace(/一号会议室|售后服务楼 2 层|售后周例会|新员工质量培训|王建国|黄磊/g, '')
    .trim();
  assert.doesNotMatch(own, CJK, own);

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.locator('pin-pad h1', { hasText: 'Enter the admin PIN' }).waitFor();
  for (const digit of PIN) await page.locator(`pin-pad button[data-digit="${digit}"]`).click();
  await page.getByRole('button', { name: 'OK' }).click();
  await page.locator('settings-panel h1', { hasText: 'Settings' }).waitFor();
  await page.locator('settings-panel input#import').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('not json'),
  });
  assert.match(
    await textOf(page.locator('huiyi-kiosk rejection-note [role="alert"]')),
    /^⚠ Schedule file not imported, nothing changed: the file is not valid JSON.*Rule K-4$/,
  );
  assert.deepEqual(await unnamedButtons(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('K-5: English chosen in the settings stays after a restart', async () => {
  const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
  assert.equal(await doorState(page).textContent(), '使用中');
  await openSettings(page);
  await page.locator('settings-panel button[data-language="en"]').click();
  // Kept, English reloads the page into the English door (one build per language).
  await page.getByRole('button', { name: '保存' }).click();
  await doorState(page).filter({ hasText: 'In use' }).waitFor();

  await page.reload();
  await page.locator('huiyi-kiosk door-display state-badge').waitFor();
  assert.equal(await doorState(page).textContent(), 'In use');
  await page.getByRole('button', { name: 'Attendee sign-in' }).click();
  assert.match(await textOf(page.locator('sign-in-panel .count')), /^4 of 7 signed in$/);
  assert.deepEqual(errors, []);
  await context.close();
});
