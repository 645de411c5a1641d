// Rooms at the door: R-5 walk-up booking, R-4 check-in. Each test is a new tablet (a fresh
// context: empty IndexedDB, so the demo dealership is seeded around the clock).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  confirmation,
  demoMorning,
  doorState,
  openKiosk,
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

test('R-5: walk-up booking of a free room: a length, then a name; the door says in use', async () => {
  const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
  await serveRoom(page, 'D');
  await page.locator('huiyi-kiosk door-display h1', { hasText: '洽谈室' }).waitFor();
  assert.equal(await doorState(page).textContent(), '空闲');

  await page.getByRole('button', { name: '现场预订' }).click();
  const lengths = page.getByRole('group', { name: '使用时长' });
  await lengths.getByRole('button', { name: /^15 分钟/ }).waitFor();
  // Each length says when it would end: 30 minutes from now (10:02 on the kiosk's clock).
  const thirty = lengths.getByRole('button', { name: /^30 分钟，至 10:3[23]$/ });
  await thirty.click();
  assert.equal(await thirty.getAttribute('aria-pressed'), 'true');
  await page.locator('walk-up-panel button[data-person="p-chen"]').click();

  await confirmation(page).filter({ hasText: '已预订并签到入场' }).waitFor();
  await page.locator('huiyi-kiosk door-display').waitFor();
  assert.equal(await doorState(page).textContent(), '使用中');
  assert.match(
    await textOf(page.locator('huiyi-kiosk door-display .meta')),
    /^10:0[23]–10:3[23] · 组织者：陈静$/,
  );
  assert.match(await textOf(page.locator('huiyi-kiosk door-display .left')), /剩余 (29|30) 分钟/);
  assert.deepEqual(await unnamedButtons(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('R-4, R-7: check-in at the door turns the room in use, and the equipment checklist comes with it', async () => {
  const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
  await serveRoom(page, 'B');
  await page.locator('huiyi-kiosk door-display h1', { hasText: '大会议室' }).waitFor();
  // 客户投诉分析会 starts at 10:10; its check-in window is 10:00–10:20.
  assert.match(await textOf(page.locator('huiyi-kiosk door-display .meta')), /10:10–10:55/);

  await page.clock.fastForward(10 * MINUTE); // 10:12: started, not yet checked in
  await page.locator('huiyi-kiosk door-display .hint', { hasText: '10:20 前未签到入场' }).waitFor();
  assert.equal(await doorState(page).textContent(), '等待签到');

  await page.getByRole('button', { name: '签到入场' }).click();
  await confirmation(page).filter({ hasText: '已签到入场' }).waitFor();
  // the meeting needs the video terminal and the projector: the organizer checks them.
  const checklist = page.locator('equipment-checklist');
  await checklist.getByRole('heading', { name: '会前设备检查' }).waitFor();
  const items = checklist.locator('li');
  assert.deepEqual(
    await items.evaluateAll((lis) => lis.map((li) => li.querySelector('span')?.textContent)),
    ['视频会议终端', '投影仪'],
  );
  await items.nth(0).getByRole('button', { name: '正常' }).click();
  await items.nth(1).getByRole('button', { name: '有故障' }).click();
  await items.nth(1).getByRole('textbox').fill('灯泡不亮');
  // A person reads the list: longer than the 400 ms in which a tap after check-in is its echo.
  await page.waitForTimeout(450);
  await checklist.getByRole('button', { name: '检查完毕' }).click();
  await confirmation(page).filter({ hasText: '检查已记录，故障已报修' }).waitFor();

  await page.locator('huiyi-kiosk door-display').waitFor();
  assert.equal(await doorState(page).textContent(), '使用中');
  assert.equal(await page.getByRole('button', { name: '签到入场' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: '设备检查' }).count(), 0);
  assert.match(await textOf(page.locator('huiyi-kiosk door-display .left')), /剩余 4\d 分钟/);
  assert.match(
    await textOf(page.locator('huiyi-kiosk door-display .faults')),
    /投影仪（灯泡不亮）/,
  );
  assert.deepEqual(await unnamedButtons(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('R-5, R-7: ending a meeting early asks the organizer to confirm everything is off; later is fine too', async () => {
  const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
  await page.locator('huiyi-kiosk door-display h1', { hasText: '一号会议室' }).waitFor();
  // Ending early asks once: the action row turns into a question, its answer where the trigger was not.
  await page.getByRole('button', { name: '提前结束' }).click();
  await page.getByText('现在结束会议并释放会议室？').waitFor();
  await page.waitForTimeout(600);
  await page.getByRole('button', { name: '确认结束' }).click();
  await confirmation(page).filter({ hasText: '会议已结束' }).waitFor();
  const confirm = page.locator('power-off-confirm');
  await confirm.getByRole('heading', { name: '会后确认：售后周例会' }).waitFor();
  assert.match(await textOf(confirm.locator('ul')), /投影仪.*灯光与空调/);
  // Not now: the door keeps asking until somebody confirms.
  await confirm.getByRole('button', { name: '稍后' }).click();
  await page.locator('huiyi-kiosk door-display').waitFor();
  await page.getByRole('button', { name: '会后确认断电' }).click();
  await confirm.getByRole('button', { name: '已全部关闭' }).click();
  await confirmation(page).filter({ hasText: '已确认全部断电' }).waitFor();
  await page.locator('huiyi-kiosk door-display').waitFor();
  assert.equal(await page.getByRole('button', { name: '会后确认断电' }).count(), 0);
  // Kept through a reload: the confirmation is in the log.
  await page.reload();
  await page.locator('huiyi-kiosk door-display h1', { hasText: '一号会议室' }).waitFor();
  assert.equal(await page.getByRole('button', { name: '会后确认断电' }).count(), 0);
  assert.deepEqual(await unnamedButtons(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('R-7: a fault reported at the door is kept, shown on the door, and survives a reload', async () => {
  const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
  await page.locator('huiyi-kiosk door-display h1', { hasText: '一号会议室' }).waitFor();
  await page.getByRole('button', { name: '报告设备故障' }).click();
  await page.locator('fault-report button[data-equipment="A-proj"]').click();
  await page.getByRole('button', { name: '没有画面' }).click();
  await page.getByRole('button', { name: '提交报修' }).click();
  await confirmation(page).filter({ hasText: '故障已报修' }).waitFor();
  const faults = page.locator('huiyi-kiosk door-display .faults');
  assert.match(await textOf(faults), /设备故障待修.*投影仪（没有画面）/);
  await page.reload();
  await page.locator('huiyi-kiosk door-display h1', { hasText: '一号会议室' }).waitFor();
  assert.match(
    await textOf(page.locator('huiyi-kiosk door-display .faults')),
    /投影仪（没有画面）/,
  );
  assert.deepEqual(await unnamedButtons(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
