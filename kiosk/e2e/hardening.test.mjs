// Kiosk hardening (K-4): back home after a minute untouched; a bad schedule file is refused whole,
// with the reason, and changes nothing; a good one is taken.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  demoMorning,
  doorState,
  logSize,
  openKiosk,
  openSettings,
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

test('K-4: idle return: a screen left untouched for 60 s goes back home', async () => {
  const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
  const settings = page.locator('settings-panel');
  const door = page.locator('huiyi-kiosk door-display');

  await openSettings(page);
  await page.clock.fastForward(55_000);
  assert.equal(await settings.count(), 1, 'still in the settings after 55 s');
  await page.clock.fastForward(6_000);
  await door.waitFor();
  assert.equal(await settings.count(), 0);

  // A touch starts the minute again: the sign-in screen, touched at 40 s, is still there at 80 s.
  await page.getByRole('button', { name: '参会签到' }).click();
  const signIn = page.locator('sign-in-panel');
  await signIn.waitFor();
  await page.clock.fastForward(40_000);
  await signIn.locator('h1').click();
  await page.clock.fastForward(40_000);
  assert.equal(await signIn.count(), 1, 'touched 40 s ago: not idle yet');
  await page.clock.fastForward(21_000);
  await door.waitFor();
  assert.equal(await signIn.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A schedule file (K-4) with one room and one booking of it tomorrow. */
function scheduleFile(headcount) {
  const tomorrow = new Date(demoMorning() + 24 * 3600_000).toISOString().slice(0, 10);
  return {
    format: 'huiyi-schedule',
    version: 1,
    rooms: [
      {
        id: 'E',
        name: '培训室',
        location: '售后服务楼 1 层',
        capacity: 4,
        equipment: [],
        openingHours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '20:00' }],
        confidential: false,
        needsApproval: false,
        walkUp: true,
      },
    ],
    bookings: [
      {
        id: 'train-1',
        roomId: 'E',
        organizerId: 'p-wang',
        topic: '新车型维修培训',
        headcount,
        start: `${tomorrow}T10:00+08:00`,
        end: `${tomorrow}T11:00+08:00`,
      },
    ],
  };
}

test('K-4: a bad schedule file is refused whole with its reason and changes nothing; a good one is taken', async () => {
  const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
  const door = async () => ({
    room: await textOf(page.locator('huiyi-kiosk door-display h1')),
    state: await doorState(page).textContent(),
    today: await textOf(page.locator('huiyi-kiosk door-display section[aria-labelledby="today"]')),
  });
  const before = await door();
  const log = await logSize(page);
  assert.ok(log.count > 0);

  await openSettings(page);
  const rooms = page.locator('settings-panel button[data-room]');
  const roomsBefore = await rooms.allTextContents().then((t) => t.map((x) => x.trim()));
  assert.deepEqual(roomsBefore, ['一号会议室', '大会议室', '保密会议室', '洽谈室']);
  const file = page.locator('settings-panel input#import');
  const alert = page.locator('huiyi-kiosk rejection-note [role="alert"]');
  const upload = (name, text) =>
    file.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

  // Not JSON at all.
  await upload('broken.json', '{ "format": "huiyi-schedule", ');
  await alert.filter({ hasText: '不是有效的 JSON' }).waitFor();
  assert.match(await textOf(alert), /^⚠ 日程文件未导入，未作任何更改/);
  assert.match(await textOf(alert), /规则 K-4$/);
  assert.deepEqual(await logSize(page), log);
  assert.deepEqual(await rooms.allTextContents().then((t) => t.map((x) => x.trim())), roomsBefore);

  // Well formed, but its booking breaks a rule (R-2: 12 people in a room for 4): the room that
  // came with it is not taken either.
  await upload('over-capacity.json', JSON.stringify(scheduleFile(12)));
  await alert.filter({ hasText: 'bookings[0]' }).waitFor();
  assert.match(
    await textOf(alert),
    /日程文件未导入，未作任何更改。bookings\[0\]：培训室 最多容纳 4 人，本次 12 人/,
  );
  assert.deepEqual(await logSize(page), log);
  assert.deepEqual(await rooms.allTextContents().then((t) => t.map((x) => x.trim())), roomsBefore);

  // The door is as it was.
  await page.getByRole('button', { name: '返回', exact: true }).click();
  await page.locator('huiyi-kiosk door-display').waitFor();
  assert.deepEqual(await door(), before);

  // A good file is taken whole: its room is in the list.
  await openSettings(page);
  await upload('good.json', JSON.stringify(scheduleFile(3)));
  await page
    .locator('settings-panel [role="status"]', { hasText: '日程文件已导入：2 项' })
    .waitFor();
  assert.equal(await alert.count(), 0);
  assert.deepEqual(await rooms.allTextContents().then((t) => t.map((x) => x.trim())), [
    ...roomsBefore,
    '培训室',
  ]);
  const after = await logSize(page);
  assert.equal(after.count, log.count + 2, 'RoomRegistered and RoomBooked, in one append');
  assert.deepEqual(await unnamedButtons(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
