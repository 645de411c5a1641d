// The kill loop (K-3: nothing confirmed is lost on power loss or a crash): a tablet on a profile
// that outlives its browser; in each cycle one action at the door (the settings' room, a walk-up,
// ending it early, a sign-in or sign-out), its confirmation awaited, then 0–50 ms later the browser
// killed (SIGKILL to its process group) or its renderer crashed. After each restart the log and the
// settings hold exactly what was confirmed: nothing lost, nothing twice, one device id.
import assert from 'node:assert/strict';
import { confirmation, demoMorning, openSettings } from './harness.mjs';
import { crashRenderer, launchOn, newProfile, readDatabase } from './profile.mjs';

const ROOM_NAMES = { A: '一号会议室', D: '洽谈室' };

/** The cycle's action: the room changed in the settings, or a tap at the door. */
const PLAN = ['room:D', 'walk-up', 'end-early', 'room:A', 'sign', 'sign'];

/** What the log should hold of the loop's actions, counted from the database. */
function countsOf(db) {
  const counts = { SignedIn: 0, SignedOut: 0, walkUps: 0, endedEarly: 0 };
  for (const e of db.events) {
    if (e.type === 'SignedIn' && e.data.personId === 'p-liu') counts.SignedIn += 1;
    if (e.type === 'SignedOut' && e.data.personId === 'p-liu') counts.SignedOut += 1;
    if (e.type === 'RoomBooked' && e.data.booking.walkUp && e.data.roomId === 'D')
      counts.walkUps += 1;
    if (e.type === 'BookingEndedEarly' && e.data.roomId === 'D') counts.endedEarly += 1;
  }
  return counts;
}

/** Opens the kiosk in a new page of the browser, its clock at `time`. */
async function openDoor(browser, baseURL, time) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.clock.install({ time });
  await page.goto(baseURL);
  await page.locator('huiyi-kiosk door-display state-badge').waitFor();
  return page;
}

/** Does one action and waits for its confirmation; returns what it changed. */
async function act(page, action) {
  if (action.startsWith('room:')) {
    const room = action.slice(5);
    await openSettings(page);
    await page.locator(`settings-panel button[data-room="${room}"]`).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('设置已保存').waitFor();
    return { room };
  }
  if (action === 'walk-up') {
    await page.getByRole('button', { name: '现场预订' }).click();
    await page
      .getByRole('group', { name: '使用时长' })
      .getByRole('button', { name: /^15 分钟/ })
      .click();
    await page.locator('walk-up-panel button[data-person="p-chen"]').click();
    await confirmation(page).filter({ hasText: '已预订并签到入场' }).waitFor();
    return { walkUps: 1 };
  }
  if (action === 'end-early') {
    await page.getByRole('button', { name: '提前结束' }).click();
    await page.waitForTimeout(600);
    await page.getByRole('button', { name: '确认结束' }).click();
    await confirmation(page).filter({ hasText: '会议已结束' }).waitFor();
    return { endedEarly: 1 };
  }
  await page.getByRole('button', { name: '参会签到' }).click();
  const liu = page.locator('sign-in-panel button[data-person="p-liu"]');
  const wasIn = await liu.isDisabled();
  // Sign-in and sign-out are two buttons; a second apart, each is its own gesture.
  await page.waitForTimeout(1_100);
  await (wasIn ? page.locator('sign-in-panel button[data-sign-out="p-liu"]') : liu).click();
  await confirmation(page)
    .filter({ hasText: wasIn ? '刘洋 已签退' : '刘洋 签到成功' })
    .waitFor();
  return wasIn ? { SignedOut: 1 } : { SignedIn: 1 };
}

/**
 * Runs the loop.
 *
 * @param {{ baseURL: string }} server - the built kiosk's preview server
 * @param {number} cycles - how many kills
 * @param {(line: string) => void} [log] - told each cycle
 * @returns {Promise<{ cycles: number, byAction: Record<string, number>, byKill: Record<string, number>, pairs: string[], events: number }>}
 */
export async function killLoop(server, cycles, log = () => undefined) {
  const profile = newProfile();
  let browser = await launchOn(profile.dir);
  // 10:02: 一号会议室's meeting (09:35–10:35) takes sign-ins, 洽谈室 is free. Each cycle starts
  // its clock a second past where the last one left it, so 200 cycles (about 4 s each) stay
  // inside the meeting.
  let time = demoMorning();
  const expected = { SignedIn: 0, SignedOut: 0, walkUps: 0, endedEarly: 0 };
  let room = 'A';
  const byAction = {};
  const byKill = {};
  const pairs = new Set();
  try {
    let page = await openDoor(browser, server.baseURL, time);
    for (let i = 0; i < cycles; i++) {
      const action = PLAN[i % PLAN.length];
      const kill = (i + Math.floor(i / PLAN.length)) % 2 === 0 ? 'browser' : 'renderer';
      const delay = (i * 17) % 51;
      time = (await page.evaluate(() => Date.now())) + 1_000;
      const changed = await act(page, action);
      // The screen said it is done: now the power goes, 0–50 ms later.
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (kill === 'browser') {
        await browser.kill();
        browser = await launchOn(profile.dir);
      } else {
        await crashRenderer(page);
        // Playwright's clock is the context's: a crashed page left in it fails the next install.
        await page.close().catch(() => undefined);
      }
      if (changed.room) room = changed.room;
      for (const [k, v] of Object.entries(changed)) if (k !== 'room') expected[k] += v;
      byAction[action] = (byAction[action] ?? 0) + 1;
      byKill[kill] = (byKill[kill] ?? 0) + 1;
      pairs.add(`${action} ${kill}`);
      page = await openDoor(browser, server.baseURL, time);
      const db = await readDatabase(page);
      const where = `cycle ${i + 1} (${action}, ${kill} killed ${delay} ms after the confirmation)`;
      assert.deepEqual(countsOf(db), expected, `${where}: the log holds what was confirmed`);
      assert.equal(new Set(db.events.map((e) => e.id)).size, db.events.length, `${where}: ids`);
      assert.deepEqual(
        [...new Set(db.events.map((e) => e.device))],
        [db.settings.device],
        `${where}: one device id, made once`,
      );
      assert.equal(db.settings.roomId, room, `${where}: the room setting`);
      await page.locator('huiyi-kiosk door-display h1', { hasText: ROOM_NAMES[room] }).waitFor();
      log(`${where}: ok, ${db.events.length} events`);
    }
    const db = await readDatabase(page);
    return { cycles, byAction, byKill, pairs: [...pairs].sort(), events: db.events.length };
  } finally {
    await browser.close();
    profile.remove();
  }
}
