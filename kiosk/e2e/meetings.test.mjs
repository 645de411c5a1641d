// Meetings at the door: M-5 attendee sign-in and sign-out, R-8 the confidential meeting. Each test
// is a new tablet on the demo dealership, its clock at 10:02 in Shanghai (harness: demoMorning).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  confirmation,
  demoMorning,
  doorState,
  openKiosk,
  screenText,
  serveRoom,
  start,
  textOf,
  unnamedButtons,
} from './harness.mjs';

const MINUTE = 60_000;
let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('M-5: sign-in: a person taps their name, is signed in and counted; 签退 beside it signs out, a second tap of the name never does', async () => {
  const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
  // 一号会议室, the tablet's room by default: 售后周例会 in progress, four of seven signed in.
  assert.equal(await doorState(page).textContent(), '使用中');
  await page.getByRole('button', { name: '参会签到' }).click();
  const count = page.locator('sign-in-panel .count');
  assert.equal(await textOf(page.locator('sign-in-panel h1')), '参会签到：售后周例会');
  assert.equal(await textOf(count), '已签到 4 / 7 人');
  const liu = page.locator('sign-in-panel button[data-person="p-liu"]');
  assert.doesNotMatch(await textOf(liu), /已签到/);

  await liu.click();
  await confirmation(page).filter({ hasText: '刘洋 签到成功' }).waitFor();
  assert.equal(await textOf(count), '已签到 5 / 7 人');
  assert.match(await textOf(liu), /^刘洋 ✓\s*配件部 · P3001 · 已签到$/);

  // The name is marked and inactive now: a tap on it does nothing; 签退 beside it signs out (a
  // moment later: within a second it would be the same gesture as the sign-in).
  assert.equal(await liu.isDisabled(), true);
  await page.waitForTimeout(1_100);
  await page.locator('sign-in-panel button[data-sign-out="p-liu"]').click();
  await confirmation(page).filter({ hasText: '刘洋 已签退' }).waitFor();
  assert.equal(await textOf(count), '已签到 4 / 7 人');
  assert.doesNotMatch(await textOf(liu), /已签到/);
  assert.deepEqual(await unnamedButtons(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('R-8: a confidential meeting never shows its topic or names, and a sign-in asks for the agreement signed by hand', async () => {
  const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
  await serveRoom(page, 'C');
  await page.locator('huiyi-kiosk door-display h1', { hasText: '保密会议室' }).waitFor();
  // Names of the meeting: its organizer, chair, recorder, sign-in officer and participants.
  const secrets = ['年度索赔审计', '索赔单据', '吴刚', '王建国', '李娜', '张伟', '赵敏', '黄磊'];
  const hidden = async () => {
    const text = await screenText(page);
    for (const s of secrets) assert.ok(!text.includes(s), `the door shows "${s}": ${text}`);
  };
  // 10:02: the room is free until 11:30; its list says only 保密会议.
  assert.equal(await doorState(page).textContent(), '空闲');
  assert.match(await screenText(page), /11:30–12:30\s*保密会议/);
  await hidden();

  // 11:25: inside the sign-in window (from 11:15) and the check-in window (from 11:20).
  await page.clock.fastForward(83 * MINUTE);
  await doorState(page).filter({ hasText: '等待签到' }).waitFor();
  assert.equal(
    await textOf(page.locator('huiyi-kiosk door-display [data-testid="current-topic"]')),
    '保密会议',
  );
  await hidden();

  await page.getByRole('button', { name: '参会签到' }).click();
  assert.equal(await textOf(page.locator('sign-in-panel h1')), '保密会议签到');
  assert.equal(await textOf(page.locator('sign-in-panel .count')), '已签到 0 人');
  // No list of names: people search for themselves.
  assert.equal(await page.locator('sign-in-panel button[data-person]').count(), 0);
  await hidden();
  // A part of a name finds nobody; the full name does.
  const entry = page.locator('sign-in-panel input#entry');
  await entry.fill('赵');
  await page.locator('sign-in-panel button[type="submit"]').click();
  await page.locator('huiyi-kiosk rejection-note', { hasText: '没有找到' }).waitFor();
  await entry.fill('赵敏');
  await page.locator('sign-in-panel button[type="submit"]').click();

  // The agreement, signed by hand on the canvas.
  await page.locator('agreement-pad h1', { hasText: '保密协议' }).waitFor();
  await page.getByRole('button', { name: '签署并签到' }).click();
  await page.locator('agreement-pad [role="alert"]', { hasText: '还没有签名' }).waitFor();
  const pad = await page.locator('agreement-pad canvas').boundingBox();
  assert.ok(pad, 'the signature pad is on screen');
  await page.mouse.move(pad.x + 40, pad.y + pad.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(pad.x + 40 + i * 25, pad.y + pad.height / 2 + (i % 2 ? -30 : 30), {
      steps: 2,
    });
    await page.waitForTimeout(20);
  }
  await page.mouse.up();
  await page.getByRole('button', { name: '签署并签到' }).click();
  await confirmation(page).filter({ hasText: '已签署保密协议并签到' }).waitFor();
  await page.locator('sign-in-panel').waitFor();
  assert.equal(await textOf(page.locator('sign-in-panel .count')), '已签到 1 人');
  await hidden();

  // After a reload (the kiosk restarts from its log): still signed in, and the signature kept.
  await page.reload();
  await page.locator('huiyi-kiosk door-display state-badge').waitFor();
  await hidden();
  await page.getByRole('button', { name: '参会签到' }).click();
  assert.equal(await textOf(page.locator('sign-in-panel .count')), '已签到 1 人');
  const signature = await page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = globalThis.indexedDB.open('huiyi-kiosk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise((resolve) => {
      const r = db.transaction('events').objectStore('events').getAll();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return all
      .filter((e) => e.type === 'SignatureCaptured')
      .map((e) => ({ person: e.data.personId, png: e.data.image.startsWith('data:image/png') }));
  });
  assert.deepEqual(signature, [{ person: 'p-zhao', png: true }]);
  assert.deepEqual(await unnamedButtons(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
