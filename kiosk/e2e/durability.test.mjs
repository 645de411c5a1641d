// K-3, the door keeps its word: two tabs of one door (one writes, the other follows); a double
// booking in the log, and a sign-in at a meeting another tab cancelled (the door keeps working and
// shows them); settings and a PIN kept through a browser killed right after they were confirmed; a
// confirmation repeated stays and is heard again; the storage quota, and the disk, full after the
// log is open; ending early and walking up in the same minute (R-5, T-2).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  PIN,
  confirmation,
  demoMorning,
  logSize,
  openKiosk,
  screenText,
  serveRoom,
  start,
  textOf,
} from './harness.mjs';
import { launchOn, newProfile, readDatabase } from './profile.mjs';

let env;
let server;
before(async () => {
  env = await start();
  server = { baseURL: env.baseURL };
});
after(async () => {
  await env?.close();
});

const VIEWER = '本门牌已在另一个窗口中打开';
/** The refusal of a write the device has no room for (K-3), its comma set full-width on screen. */
const FULL = /设备存储空间已满[,，]本次操作未写入任何内容/;

test('K-3: a second tab of the door follows the first and refuses taps; it takes over when the first closes', async () => {
  const { context, page: first, errors } = await openKiosk(env, { time: demoMorning() });
  const second = await context.newPage();
  second.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await second.goto(env.baseURL);
  await second.locator('huiyi-kiosk door-display state-badge').waitFor();
  await second.getByText(VIEWER).waitFor();
  assert.equal(await first.getByText(VIEWER).count(), 0, 'the first tab is the writer');

  // The first signs 刘洋 in; the second shows it without a reload.
  await first.getByRole('button', { name: '参会签到' }).click();
  await first.locator('sign-in-panel button[data-person="p-liu"]').click();
  await confirmation(first).filter({ hasText: '刘洋 签到成功' }).waitFor();
  await second.getByRole('button', { name: '参会签到' }).click();
  await second.locator('sign-in-panel .count', { hasText: '已签到 5 / 7 人' }).waitFor();

  // A tap in the second is refused, and nothing is written.
  const { count } = await logSize(second);
  await second.locator('sign-in-panel button[data-person="p-yang"]').click();
  await second.locator('huiyi-kiosk rejection-note', { hasText: VIEWER }).waitFor();
  assert.equal((await logSize(second)).count, count);
  assert.equal(await confirmation(second).count(), 0);

  // The first closes: the second takes over, and decides against the log (刘洋 is in: a tap signs out).
  await first.close();
  await second.locator('huiyi-kiosk .door-notes .viewer').waitFor({ state: 'detached' });
  await second.locator('sign-in-panel button[data-sign-out="p-liu"]').click();
  await confirmation(second).filter({ hasText: '刘洋 已签退' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

/** Writes two walk-ups of 洽谈室 that overlap straight into the log, as two stale tabs of an older version did. */
function forceDoubleBooking(page, now) {
  return page.evaluate(async (now) => {
    const db = await new Promise((resolve, reject) => {
      const open = globalThis.indexedDB.open('huiyi-kiosk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const start = Math.floor(now / 60_000) * 60_000;
    const tx = db.transaction('events', 'readwrite');
    const events = tx.objectStore('events');
    for (const [id, who, device] of [
      ['stale-a', 'p-chen', 'tab-a'],
      ['stale-b', 'p-liu', 'tab-b'],
    ]) {
      const booking = {
        id,
        roomId: 'D',
        organizerId: who,
        topic: '现场预订 Walk-up',
        headcount: 1,
        start,
        end: start + 30 * 60_000,
        equipment: [],
        confidential: false,
        walkUp: true,
        status: 'confirmed',
        requestedAt: now,
      };
      const envelope = (data, n) => ({
        id: `${id}-${n}`,
        stream: 'room:D',
        type: data.type,
        data,
        now,
        who,
        device,
      });
      events.add(envelope({ type: 'RoomBooked', roomId: 'D', booking }, 1));
      events.add(envelope({ type: 'BookingCheckedIn', roomId: 'D', bookingId: id, at: now }, 2));
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onabort = () => reject(tx.error);
    });
    db.close();
  }, now);
}

test('K-3, R-2: a double booking in the log: the door opens, shows the conflict with both parties, and keeps deciding', async () => {
  const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
  await serveRoom(page, 'D');
  await forceDoubleBooking(page, demoMorning());
  await page.reload();
  await page.locator('huiyi-kiosk door-display h1', { hasText: '洽谈室' }).waitFor();
  const note = page.locator('huiyi-kiosk .door-notes .conflict');
  await note.waitFor();
  assert.match(await textOf(note), /预订冲突：陈静 10:02–10:32 与 刘洋 10:02–10:32 重叠/);
  // No third party over them; ending both early works, and the room takes a walk-up again.
  await page.getByRole('button', { name: '提前结束' }).click();
  await page.waitForTimeout(600);
  await page.getByRole('button', { name: '确认结束' }).click();
  await confirmation(page).filter({ hasText: '会议已结束' }).waitFor();
  await page.getByRole('button', { name: '返回门口屏' }).click();
  await page.getByRole('button', { name: '提前结束' }).click();
  await page.waitForTimeout(600);
  await page.getByRole('button', { name: '确认结束' }).click();
  await confirmation(page).filter({ hasText: '会议已结束' }).waitFor();
  await page.getByRole('button', { name: '返回门口屏' }).click();
  await note.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '现场预订' }).click();
  await page
    .getByRole('group', { name: '使用时长' })
    .getByRole('button', { name: /^15 分钟/ })
    .click();
  await page.locator('walk-up-panel button[data-person="p-chen"]').click();
  await confirmation(page).filter({ hasText: '已预订并签到入场' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

/** Writes events straight into the log, as a stale tab of an older version, or a late sync, did. */
function forceIntoLog(page, now, events) {
  return page.evaluate(
    async ({ now, events }) => {
      const db = await new Promise((resolve, reject) => {
        const open = globalThis.indexedDB.open('huiyi-kiosk');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction('events', 'readwrite');
      for (const [i, { stream, data }] of events.entries())
        tx.objectStore('events').add({
          id: `stale-${now}-${i}`,
          stream,
          type: data.type,
          data,
          now,
          who: data.by ?? 'p-zhou',
          device: 'stale-tab',
        });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onabort = () => reject(tx.error);
      });
      db.close();
    },
    { now, events },
  );
}

test('K-3, M-4, M-5: a sign-in written by a stale tab at a meeting another tab cancelled: the door opens, says the record contradicts the meeting, and keeps deciding', async () => {
  const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
  await serveRoom(page, 'C');
  const now = demoMorning();
  await forceIntoLog(page, now, [
    {
      stream: 'meeting:m-secret',
      data: { type: 'MeetingCancelled', meetingId: 'm-secret', by: 'p-wang', at: now },
    },
    {
      stream: 'meeting:m-secret',
      data: { type: 'SignedIn', meetingId: 'm-secret', personId: 'p-zhao', by: 'p-zhao', at: now },
    },
    // And one the log cannot read at all.
    { stream: 'meeting:m-secret', data: { type: 'SignedIn', meetingId: 'm-secret' } },
  ]);
  await page.reload();
  await page.locator('huiyi-kiosk door-display h1', { hasText: '保密会议室' }).waitFor();
  const note = page.locator('huiyi-kiosk .door-notes .anomaly');
  await note.waitFor();
  assert.match(
    await textOf(note),
    /会议「年度索赔审计」的记录中有 2 条与会议状态矛盾[,，]已保留未计入[,，]请会议室管理员处理/,
  );
  // The door keeps deciding: a fault reported at this door is written and confirmed.
  const { count } = await logSize(page);
  await page.locator('door-home [data-action="fault"]').click();
  await page.locator('fault-report button[data-equipment="C-screen"]').click();
  await page.getByRole('button', { name: '没有画面' }).click();
  await page.locator('fault-report button.primary').click();
  await confirmation(page).first().waitFor();
  assert.equal((await logSize(page)).count, count + 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('R-5, T-2: ended early, the room takes a walk-up in the same minute', async () => {
  const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
  await serveRoom(page, 'D');
  const walkUp = async () => {
    await page.getByRole('button', { name: '现场预订' }).click();
    await page
      .getByRole('group', { name: '使用时长' })
      .getByRole('button', { name: /^15 分钟/ })
      .click();
    await page.locator('walk-up-panel button[data-person="p-chen"]').click();
    await confirmation(page).filter({ hasText: '已预订并签到入场' }).waitFor();
  };
  await walkUp();
  await page.clock.fastForward(10_000);
  await page.getByRole('button', { name: '提前结束' }).click();
  await page.waitForTimeout(600);
  await page.getByRole('button', { name: '确认结束' }).click();
  await confirmation(page).filter({ hasText: '会议已结束' }).waitFor();
  await page.getByRole('button', { name: '返回门口屏' }).click();
  await page.clock.fastForward(5_000);
  // Same minute (10:02): offered, and taken.
  await walkUp();
  assert.equal(await page.locator('huiyi-kiosk rejection-note').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('K-3, K-5: a confirmation repeated within its lifetime stays for its whole lifetime again, a new node in a live region', async () => {
  const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
  const region = page.locator('huiyi-kiosk .confirmations');
  await page.getByRole('button', { name: '参会签到' }).click();
  const liu = page.locator('sign-in-panel button[data-person="p-liu"]');
  await liu.click();
  await confirmation(page).filter({ hasText: '刘洋 签到成功' }).waitFor();
  await page.evaluate(() => {
    const root = globalThis.document.querySelector('huiyi-kiosk').shadowRoot;
    root.querySelector('p.done').dataset.first = 'yes';
  });
  // Sign-out is its own button; a second later than the sign-in, it is its own gesture.
  await page.waitForTimeout(1_100);
  await page.locator('sign-in-panel button[data-sign-out="p-liu"]').click();
  await confirmation(page).filter({ hasText: '刘洋 已签退' }).waitFor();
  await page.clock.fastForward(2_000);
  await page.waitForTimeout(1_100);
  await liu.click();
  // The same words again: a new node (heard again), the first one gone, the sign-out kept.
  await page
    .locator('huiyi-kiosk p.done:not([data-first])', { hasText: '刘洋 签到成功' })
    .waitFor();
  assert.equal(await page.locator('huiyi-kiosk p.done[data-first]').count(), 0);
  assert.equal(await region.getAttribute('aria-live'), 'polite');
  assert.equal(await region.getAttribute('role'), 'status');
  // 3 s after the repeat (5 s after the first showing): still there; 4.5 s after: gone.
  await page.clock.fastForward(3_000);
  assert.equal(await confirmation(page).filter({ hasText: '刘洋 签到成功' }).count(), 1);
  await page.clock.fastForward(1_500);
  await confirmation(page).filter({ hasText: '刘洋 签到成功' }).waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

/** Chooses a room and a new PIN in the settings, each confirmed on screen. */
async function changeSettings(page, room, pin) {
  await page.getByRole('button', { name: '设置' }).click();
  for (const digit of PIN) await page.locator(`pin-pad button[data-digit="${digit}"]`).click();
  await page.getByRole('button', { name: '确定' }).click();
  await page.locator(`settings-panel button[data-room="${room}"]`).click();
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('设置已保存').waitFor();
  await page.locator('settings-panel #new-pin').fill(pin);
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.getByText('管理员密码已修改').waitFor();
}

test('K-3, K-4: the room and a new PIN, confirmed, are kept through a browser killed 0–50 ms later', async () => {
  const profile = newProfile();
  let browser = await launchOn(profile.dir);
  try {
    for (const [i, [room, name, pin]] of [
      ['D', '洽谈室', '13579'],
      ['B', '大会议室', '86420'],
    ].entries()) {
      let page = await browser.context.newPage();
      await page.clock.install({ time: demoMorning() });
      await page.goto(server.baseURL);
      await page.locator('huiyi-kiosk door-display state-badge').waitFor();
      const device = (await readDatabase(page)).settings.device;
      if (i === 1) {
        // The PIN of the run before opens the settings; the default no longer does.
        await page.getByRole('button', { name: '设置' }).click();
        for (const d of PIN) await page.locator(`pin-pad button[data-digit="${d}"]`).click();
        await page.getByRole('button', { name: '确定' }).click();
        await page.locator('pin-pad [role="alert"]', { hasText: '密码错误' }).waitFor();
        for (const d of '13579') await page.locator(`pin-pad button[data-digit="${d}"]`).click();
        await page.getByRole('button', { name: '确定' }).click();
        await page.locator('settings-panel').waitFor();
        // Back to the default PIN for the run below (kept: it is the one kept in the store).
        await page.locator('settings-panel #new-pin').fill(PIN);
        await page.getByRole('button', { name: '修改密码' }).click();
        await page.getByText('管理员密码已修改').waitFor();
        await page.getByRole('button', { name: '返回', exact: true }).click();
      }
      await changeSettings(page, room, pin);
      await new Promise((resolve) => setTimeout(resolve, i === 0 ? 0 : 50));
      await browser.kill();
      browser = await launchOn(profile.dir);
      page = await browser.context.newPage();
      await page.clock.install({ time: demoMorning() });
      await page.goto(server.baseURL);
      await page.locator('huiyi-kiosk door-display h1', { hasText: name }).waitFor();
      const db = await readDatabase(page);
      assert.equal(db.settings.roomId, room);
      assert.equal(
        db.settings.device,
        device,
        'the device id stays the one made on the first start',
      );
      assert.equal(typeof db.settings.pin.salt, 'string');
      assert.doesNotMatch(JSON.stringify(db.settings), new RegExp(pin));
      await page.close();
    }
  } finally {
    await browser.close();
    profile.remove();
  }
});

// Chromium (156, measured here) keeps what an open IndexedDB may still write for about 30 s before
// it asks the quota again, so a quota set on an open log is met by the first write after that: a
// tap every 2 s after setting it was written for 28.5 s, refused from 30.5 s on.
const QUOTA_READ_AGAIN_MS = 30_000;

test('K-3: the storage quota set full after the log is open: each tap is written and confirmed, or refused and not written; once the browser reads the quota again every tap is refused; with room again, written; after a restart the log holds every confirmed tap', async () => {
  const profile = newProfile();
  let browser = await launchOn(profile.dir);
  const origin = new URL(server.baseURL).origin;
  try {
    const page = await browser.context.newPage();
    await page.clock.install({ time: demoMorning() });
    await page.goto(server.baseURL);
    await page.locator('huiyi-kiosk door-display state-badge').waitFor();
    await page.getByRole('button', { name: '参会签到' }).click();
    // 刘洋's one enabled button: 签到 when he is out, 签退 when he is in (each tap its own gesture).
    const liu = page.locator(
      'sign-in-panel li:has(button[data-person="p-liu"]) button:not([disabled])',
    );
    const refusal = page.locator('huiyi-kiosk .refused rejection-note');
    const liuWrites = async () =>
      (await readDatabase(page)).events.filter(
        (e) => e.data.personId === 'p-liu' && (e.type === 'SignedIn' || e.type === 'SignedOut'),
      ).length;
    const tap = async () => {
      const before = (await readDatabase(page)).events.length;
      await page.waitForTimeout(1_100);
      await liu.click();
      const outcome = await Promise.race([
        confirmation(page)
          .filter({ hasText: '刘洋' })
          .first()
          .waitFor()
          .then(() => 'confirmed'),
        refusal.waitFor().then(() => 'refused'),
      ]).catch(async (e) => assert.fail(`${e.message}\n${await screenText(page)}`));
      if (outcome === 'refused')
        assert.match(await textOf(refusal.locator('[role="alert"]')), FULL);
      const after = (await readDatabase(page)).events.length;
      assert.equal(
        after - before,
        outcome === 'confirmed' ? 1 : 0,
        `${outcome}: ${after - before} written`,
      );
      // The confirmation or the refusal gone before the next tap.
      if (outcome === 'refused') await page.getByRole('button', { name: '知道了' }).click();
      else await page.clock.fastForward(5_000);
      await confirmation(page).first().waitFor({ state: 'detached' });
      await refusal.waitFor({ state: 'detached' });
      return outcome;
    };

    // The log is open and has written (the demo dealership); now the quota is what it uses.
    const cdp = await browser.context.newCDPSession(page);
    const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage });
    const set = Date.now();
    const outcomes = [];
    while (!outcomes.includes('refused') && Date.now() - set < QUOTA_READ_AGAIN_MS + 15_000)
      outcomes.push(await tap());
    const firstRefusal = Math.round((Date.now() - set) / 1000);
    assert.ok(outcomes.includes('refused'), `the quota is met: ${outcomes}`);
    // From then on, every tap: refused, nothing written.
    for (let i = 0; i < 3; i++) assert.equal(await tap(), 'refused');
    const { usage: used } = await cdp.send('Storage.getUsageAndQuota', { origin });
    // Room again: the same tap is written.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    assert.equal(await tap(), 'confirmed');
    const confirmed = outcomes.filter((o) => o === 'confirmed').length + 1;
    assert.equal(await liuWrites(), confirmed);
    console.log(
      `quota set after the log opened at ${usage} B: ${outcomes.join(' ')}; first refusal ${firstRefusal} s after; ${used - usage} B written past it meanwhile`,
    );
    // A power cut, and a restart: every confirmed tap is in the log, no refused one.
    await browser.kill();
    browser = await launchOn(profile.dir);
    const again = await browser.context.newPage();
    await again.clock.install({ time: demoMorning() + 10 * 60_000 });
    await again.goto(server.baseURL);
    await again.locator('huiyi-kiosk door-display state-badge').waitFor();
    const kept = (await readDatabase(again)).events.filter(
      (e) => e.data.personId === 'p-liu' && (e.type === 'SignedIn' || e.type === 'SignedOut'),
    );
    assert.equal(kept.length, confirmed);
  } finally {
    await browser.close();
    profile.remove();
  }
});

/** A small disk of its own (tmpfs, 96 MB), when this machine lets us mount one (root). */
function smallDisk() {
  const dir = mkdtempSync(join(tmpdir(), 'huiyi-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96m', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    fill: () => {
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${join(dir, 'filler')}`, 'bs=64k'], {
          stdio: 'ignore',
        });
      } catch {
        // dd stops with "no space left on device": the disk is full
      }
    },
    free: () => rmSync(join(dir, 'filler'), { force: true }),
    remove: () => {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test('K-3: the disk itself full after the log is open: each tap is written and confirmed, or refused and not written; after a restart with room, every confirmed tap is there', async (t) => {
  const disk = smallDisk();
  if (!disk) {
    t.skip('mounting a small disk needs root (the quota test above still runs)');
    return;
  }
  const profile = join(disk.dir, 'profile');
  mkdirSync(profile);
  let browser = await launchOn(profile);
  try {
    const page = await browser.context.newPage();
    await page.clock.install({ time: demoMorning() });
    await page.goto(server.baseURL);
    await page.locator('huiyi-kiosk door-display state-badge').waitFor();
    await page.getByRole('button', { name: '参会签到' }).click();
    // 刘洋's one enabled button: 签到 when he is out, 签退 when he is in (each tap its own gesture).
    const liu = page.locator(
      'sign-in-panel li:has(button[data-person="p-liu"]) button:not([disabled])',
    );
    // What the log holds, as the door's badge says it (a new connection fails on a full disk).
    const written = async () => Number(/未同步 (\d+) 条/.exec(await screenText(page))?.[1]);
    disk.fill();
    const outcomes = [];
    let confirmedWrites = 0;
    for (let i = 0; i < 6; i++) {
      const before = await written();
      await page.waitForTimeout(1_100);
      await liu.click();
      const outcome = await Promise.race([
        confirmation(page)
          .filter({ hasText: '刘洋' })
          .first()
          .waitFor()
          .then(() => 'confirmed'),
        page
          .locator('huiyi-kiosk rejection-note', { hasText: 'K-3' })
          .waitFor()
          .then(() => 'refused'),
      ]);
      if (outcome === 'confirmed') confirmedWrites += 1;
      // The badge is drawn on the shell's next frame, the confirmation at once: give it a moment.
      const expected = outcome === 'confirmed' ? 1 : 0;
      for (let k = 0; k < 40 && (await written()) - before !== expected; k++)
        await page.waitForTimeout(50);
      assert.equal((await written()) - before, outcome === 'confirmed' ? 1 : 0, outcome);
      outcomes.push(outcome);
      await page.clock.fastForward(5_000);
    }
    assert.ok(outcomes.includes('refused'), `a full disk refuses: ${outcomes}`);
    // Room again, and a restart: every confirmed tap is in the log, nothing else.
    disk.free();
    await browser.kill();
    browser = await launchOn(profile);
    const again = await browser.context.newPage();
    await again.goto(server.baseURL);
    await again.locator('huiyi-kiosk door-display state-badge').waitFor();
    const liuEvents = (await readDatabase(again)).events.filter(
      (e) => e.data.personId === 'p-liu' && (e.type === 'SignedIn' || e.type === 'SignedOut'),
    );
    assert.equal(liuEvents.length, confirmedWrites);
  } finally {
    await browser.close();
    disk.remove();
  }
});
