// The doors in step with the real hub (S-2, S-5, K-3): the built kiosk in Chromium, served by
// @huiyi/hub (PGlite, and the PostgreSQL server when it answers or HUB_REQUIRE_POSTGRES=1), two
// doors each enrolled by the demo's own code, a dealer system pushing through the hub's API.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { PIN, demoMorning, serviceWorkerActive } from './harness.mjs';
import { SIZES, keepScreenshot, layoutProblems } from './layout.mjs';
import { launchOn, newProfile } from './profile.mjs';
import { DEMO_PEOPLE } from '@huiyi/core';
import {
  commandsAt,
  doorBookings,
  postgresReachable,
  settled,
  signAgreementAndSignIn,
  signaturesKept,
  startHub,
  syncOf,
  tap,
} from './sync-hub.mjs';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const admin = { id: 'p-zhou', roles: ['room-admin'] };
/** A name written on the pad, as the door sends it to the hub (a path in the 1000 × 400 box). */
const SIGNATURE =
  'M120 200l10 -40 12 38 9 -30 14 35M300 150l0 80 40 -40 -40 -40M420 190l30 4 28 -6';
const kinds = ['pglite', ...((await postgresReachable()) ? ['postgres'] : [])];

/**
 * Opens a room's door on the hub in a browser context of its own (a tablet of its own), with the
 * door's clock at the hub's; it enrols itself (the demo's code) and syncs. Its errors include any
 * request for the standalone script.
 */
async function openDoor(browser, hub, roomId) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // What only a door of its own does (the demo, a schedule file) is a script a door with a hub
  // never asks for (the service worker precaches it, but the page never loads it).
  page.on('request', (r) => {
    if (/\/assets\/standalone-[^/]+\.js$/.test(new URL(r.url()).pathname))
      errors.push(`a door with a hub asked for ${r.url()}`);
  });
  await page.clock.install({ time: hub.clock() });
  await page.goto(`${hub.url}/door/${roomId}`);
  await settled(page, 30_000);
  // Installed (the service worker in control), then started again as a tablet would be.
  await serviceWorkerActive(page);
  await page.reload();
  await settled(page, 30_000);
  return { context, page, errors };
}

for (const kind of kinds) {
  describe(`the doors and the hub (${kind})`, () => {
    let browser;
    let hub;
    before(async () => {
      hub = await startHub(kind, demoMorning());
      browser = await chromium.launch({
        executablePath: findChrome() ?? '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
      });
    });
    after(async () => {
      await browser?.close();
      await hub?.close();
    });

    it('S-5: a booking sent through the hub’s API appears on its door within 2 s, and only on its door (S-3)', async () => {
      const d = await openDoor(browser, hub, 'D');
      const a = await openDoor(browser, hub, 'A');
      const start = hub.clock() + 30 * MINUTE;
      const sent = Date.now();
      const result = await hub.book('erp-live-1', 'D', start, start + HOUR, '售后周会预演');
      assert.equal(result.status, 'applied');
      await d.page.waitForFunction(
        () =>
          globalThis.document
            .querySelector('huiyi-kiosk')
            .service.state.bookings.rooms.get('D')
            ?.bookings.has('erp-live-1'),
        undefined,
        { timeout: 2_000, polling: 50 },
      );
      const took = Date.now() - sent;
      assert.ok(took <= 2_000, `on the door after ${took} ms`);
      assert.deepEqual(await doorBookings(d.page, 'D'), await hub.bookings('D'));
      // The door shows it: its next booking, by time.
      await d.page.locator('huiyi-kiosk door-display').getByText('售后周会预演').first().waitFor();
      assert.equal(
        await a.page.evaluate(() =>
          globalThis.document.querySelector('huiyi-kiosk').service.state.bookings.rooms.has('D'),
        ),
        false,
        'door A knows nothing of room D',
      );
      assert.deepEqual([...d.errors, ...a.errors], []);
      await d.context.close();
      await a.context.close();
    });

    it('K-4, S-5: a door with a hub lays no demo and offers no schedule file: its settings say, in either language, that its schedule comes from the hub; it never asks for the standalone script', async () => {
      const d = await openDoor(browser, hub, 'A');
      const rooms = await d.page.evaluate(() => [
        ...globalThis.document.querySelector('huiyi-kiosk').service.state.bookings.rooms.keys(),
      ]);
      assert.deepEqual(rooms, ['A'], 'its room from the hub, none of the demo’s');
      for (const [lang, says] of [
        ['zh-CN', '本门牌已连接中心：日程由中心同步，不能导入文件'],
        ['en', 'This door is connected to a hub: its schedule comes from the hub, not from a file'],
      ]) {
        await d.page.goto(new URL(`?lang=${lang}`, d.page.url()).href);
        await d.page.locator('huiyi-kiosk sync-badge').waitFor();
        await d.page.locator('huiyi-kiosk footer button.gear').click();
        for (const digit of PIN)
          await d.page.locator(`pin-pad button[data-digit="${digit}"]`).click();
        await d.page.locator('pin-pad button.primary').click();
        const panel = d.page.locator('settings-panel');
        await panel.getByText(says).waitFor();
        assert.equal(await panel.locator('input#import').count(), 0, `${lang}: no file to import`);
        await d.page.locator('huiyi-kiosk hub-enrolment').waitFor();
      }
      assert.deepEqual(d.errors, []);
      await d.context.close();
    });

    it('S-2: a walk-up tapped offline, refused at the hub because a desk took the slot meanwhile, is shown at the door with why', async () => {
      const d = await openDoor(browser, hub, 'B');
      await d.context.setOffline(true);
      const walkUp = await tap(d.page, {
        type: 'WalkUp',
        actor: { id: 'p-liu', roles: [] },
        roomId: 'B',
        bookingId: 'door-walk-up-1',
        minutes: 30,
      });
      assert.deepEqual(walkUp, { ok: true }, 'the door decides it alone and confirms it');
      assert.equal((await syncOf(d.page)).pending, 1);
      const taken = await hub.book('erp-desk-1', 'B', hub.clock() + MINUTE, hub.clock() + HOUR);
      assert.equal(taken.status, 'applied');
      await d.context.setOffline(false);
      await d.page.evaluate(() => globalThis.dispatchEvent(new Event('online')));
      await settled(d.page);
      const s = await syncOf(d.page);
      assert.deepEqual(s.refused, ['door-walk-up-1']);
      assert.equal(s.status.refused, 1);
      const rows = await doorBookings(d.page, 'B');
      assert.deepEqual(rows, await hub.bookings('B'));
      assert.ok(!rows.some((b) => b.id === 'door-walk-up-1'), 'the refused walk-up is gone');
      // The door says so, in words: tap the badge, read why and what the hub holds instead.
      const badge = d.page.locator('huiyi-kiosk sync-badge button.refused');
      await badge.waitFor();
      assert.match(await badge.innerText(), /1 项被中心拒绝/);
      // K-1: the footer holds the sync's words and the refusals' button at every size, in either
      // language, without pushing the screen above it off (the PIN pad is the tallest screen).
      const failures = [];
      const judge = async (lang, screen) => {
        for (const [width, height] of SIZES) {
          await d.page.setViewportSize({ width, height });
          await d.page.evaluate(() => globalThis.document.fonts.ready);
          for (const p of await layoutProblems(d.page))
            failures.push(`${lang} ${width}×${height} ${screen}: ${p}`);
          await keepScreenshot(d.page, `sync-refused-${kind}-${lang}-${width}x${height}-${screen}`);
        }
        await d.page.setViewportSize({ width: 1280, height: 800 });
      };
      const gear = d.page.locator('huiyi-kiosk footer button.gear');
      for (const lang of ['zh', 'en']) {
        if (lang === 'en') {
          await d.page.goto(new URL('?lang=en', d.page.url()).href);
          await badge.waitFor();
        }
        await judge(lang, 'home');
        await gear.click();
        await d.page.locator('pin-pad').waitFor();
        await judge(lang, 'pin');
        await gear.click();
      }
      await d.page.goto(new URL('?lang=zh-CN', d.page.url()).href);
      await badge.waitFor();
      assert.deepEqual(failures, []);
      await badge.click();
      const item = d.page.locator('huiyi-kiosk refusal-list li').first();
      await item.waitFor();
      const text = await item.innerText();
      assert.match(text, /现场预订 30 分钟/);
      assert.match(text, /R-5|R-2/);
      assert.match(text, /中心已接受/);
      await d.page.locator('huiyi-kiosk refusal-list button.primary').click();
      await d.page.locator('huiyi-kiosk sync-badge button.refused').waitFor({ state: 'detached' });
      assert.deepEqual(d.errors, []);
      await d.context.close();
    });

    it('S-3: a door whose enrolment the hub revoked says so plainly at its next sync, keeps the tap it took, and says so again after a restart', async () => {
      const d = await openDoor(browser, hub, 'D');
      const deviceId = await d.page.evaluate(
        () => globalThis.document.querySelector('huiyi-kiosk').sync.enrolment.deviceId,
      );
      assert.deepEqual(await hub.auth.revoke(deviceId, hub.clock()), {
        kind: 'door',
        id: deviceId,
      });
      const walkUp = await tap(d.page, {
        type: 'WalkUp',
        actor: { id: 'p-liu', roles: [] },
        roomId: 'D',
        bookingId: 'door-revoked-walk-up',
        minutes: 15,
      });
      assert.deepEqual(walkUp, { ok: true }, 'the door still decides alone (S-5)');
      const badge = d.page.locator('huiyi-kiosk sync-badge');
      await badge.getByText(/中心已停用本门牌 · 仅本地保存 · 1 条待同步/).waitFor();
      const s = await syncOf(d.page);
      assert.equal(s.status.kind, 'revoked');
      assert.equal(s.pending, 1, 'the tap is kept for a hub that takes the door again');
      await d.page.reload();
      await badge.getByText(/中心已停用本门牌/).waitFor();
      assert.equal(
        (await hub.bookings('D')).some((b) => b.id === 'door-revoked-walk-up'),
        false,
        'nothing of a revoked door reaches the hub',
      );
      assert.deepEqual(d.errors, []);
      await d.context.close();
    });

    it('S-5, R-8: a door offline for a week walks up, checks in, signs people in (one with the agreement signed by hand) while the hub takes other bookings; back online, door and hub agree and every tap is confirmed or refused', async () => {
      const d = await openDoor(browser, hub, 'C');
      const week = hub.clock() + 7 * DAY;
      // Planned at a desk before the door went offline, for a week on: a confidential meeting in
      // room C (the door will check its booking in and sign its participants in), and 赵敏's
      // agreement signed at the desk.
      const known = week + 2 * HOUR;
      for (const person of DEMO_PEOPLE)
        assert.equal(
          (await hub.dealer({ type: 'RegisterPerson', now: hub.clock(), actor: admin, person }))
            .status,
          'applied',
        );
      assert.equal((await hub.book('erp-week-known', 'C', known, known + HOUR)).status, 'applied');
      const wang = { id: 'p-wang', roles: ['organizer', 'chair'] };
      const planned = await hub.dealer({
        type: 'PlanMeeting',
        now: hub.clock(),
        actor: wang,
        meetingId: 'm-week',
        kind: 'ad-hoc',
        topic: '索赔单据抽查',
        goals: '抽查上周索赔单据',
        agenda: [{ id: 'i1', title: '抽查结果', presenterId: 'p-zhao', timeboxMinutes: 30 }],
        chairId: 'p-wang',
        recorderId: 'p-li',
        signInOfficerId: 'p-zhang',
        participants: ['p-zhao', 'p-huang'],
        informed: [],
        booking: { roomId: 'C', bookingId: 'erp-week-known', start: known, end: known + HOUR },
        confidential: true,
      });
      assert.equal(planned.status, 'applied', JSON.stringify(planned));
      for (const command of [
        { type: 'ScheduleMeeting', now: hub.clock(), actor: wang, meetingId: 'm-week' },
        {
          type: 'SignConfidentialityAgreement',
          now: hub.clock(),
          actor: { id: 'p-zhao', roles: ['supervisor'] },
          personId: 'p-zhao',
          version: 1,
          signatureRef: 'desk-sig-zhao',
          meetingId: 'm-week',
        },
      ])
        assert.equal((await hub.dealer(command)).status, 'applied');
      await d.page.waitForFunction(() => {
        const state = globalThis.document.querySelector('huiyi-kiosk').service.state;
        return (
          state.bookings.rooms.get('C')?.bookings.has('erp-week-known') &&
          state.meetings.meetings.get('m-week')?.status === 'scheduled' &&
          state.meetings.agreements.has('p-zhao')
        );
      });
      await d.context.setOffline(true);
      // A week passes, for the hub and for the door.
      hub.advance(7 * DAY);
      await d.page.clock.setSystemTime(hub.clock());
      const offline = await d.page.evaluate(() =>
        globalThis.document.querySelector('huiyi-kiosk').sync.syncNow(),
      );
      assert.equal(offline, undefined);
      assert.equal((await syncOf(d.page)).status.kind, 'offline');
      // The door: a walk-up now (free at the hub too); two hours on, at the meeting's start, the
      // check-in of its booking and its participants signed in; two hours more, a walk-up in a
      // slot the hub gave away meanwhile.
      const now = hub.clock();
      const walkUp = (bookingId) =>
        tap(d.page, {
          type: 'WalkUp',
          actor: { id: 'p-liu', roles: [] },
          roomId: 'C',
          bookingId,
          minutes: 30,
        });
      const taps = [await walkUp('week-walk-up')];
      // Meanwhile at the hub: one booking that clashes with the door's later walk-up, one not.
      assert.equal(
        (await hub.book('erp-week-clash', 'C', now + 4 * HOUR + 5 * MINUTE, now + 6 * HOUR)).status,
        'applied',
      );
      assert.equal(
        (await hub.book('erp-week-other', 'C', now + 8 * HOUR, now + 9 * HOUR)).status,
        'applied',
      );
      hub.advance(2 * HOUR);
      await d.page.clock.setSystemTime(hub.clock());
      taps.push(
        await tap(d.page, {
          type: 'CheckIn',
          actor: { id: 'door:C', roles: [] },
          roomId: 'C',
          bookingId: 'erp-week-known',
        }),
      );
      // 赵敏 signed the agreement at the desk: she signs in. 黄磊 signs it here, by hand, and is
      // signed in with it, as the door's agreement pad does (one write, two commands, the PNG kept
      // at the door, the drawing as a path for the hub).
      taps.push(
        await tap(d.page, {
          type: 'SignIn',
          actor: { id: 'p-zhao', roles: ['supervisor'] },
          meetingId: 'm-week',
        }),
      );
      taps.push(await signAgreementAndSignIn(d.page, 'p-huang', 'm-week', SIGNATURE));
      hub.advance(2 * HOUR);
      await d.page.clock.setSystemTime(hub.clock());
      taps.push(await walkUp('week-walk-up-late'));
      assert.deepEqual(
        taps.map((t) => t.ok),
        [true, true, true, true, true],
        JSON.stringify(taps),
      );
      // Five taps, six commands: the agreement and its sign-in each wait for the hub.
      assert.equal((await syncOf(d.page)).pending, 6);
      await d.context.setOffline(false);
      await d.page.evaluate(() => globalThis.dispatchEvent(new Event('online')));
      await settled(d.page);
      const s = await syncOf(d.page);
      assert.equal(s.pending, 0);
      assert.deepEqual(s.refused, ['week-walk-up-late']);
      assert.deepEqual(
        await commandsAt(d.page, 'confirmed'),
        [
          'WalkUp week-walk-up',
          'CheckIn erp-week-known',
          'SignIn p-zhao',
          'SignConfidentialityAgreement p-huang',
          'SignIn p-huang',
        ],
        'every other tap confirmed by the hub',
      );
      const atDoor = await doorBookings(d.page, 'C');
      assert.deepEqual(atDoor, await hub.bookings('C'));
      assert.equal(atDoor.find((b) => b.id === 'erp-week-known')?.status, 'checked-in');
      assert.ok(atDoor.some((b) => b.id === 'erp-week-other'));
      // The hub has each sign-in once, and 黄磊's agreement with the drawing itself (R-8).
      const feed = (await hub.feed()).filter((e) => e.stream === 'meeting:m-week');
      const signedIn = feed.filter((e) => e.type === 'SignedIn').map((e) => e.data.personId);
      assert.deepEqual(signedIn.sort(), ['p-huang', 'p-zhao']);
      const agreements = (await hub.feed()).filter(
        (e) => e.type === 'ConfidentialityAgreementSigned' && e.data.personId === 'p-huang',
      );
      assert.equal(agreements.length, 1);
      assert.equal(agreements[0].data.signature, SIGNATURE);
      // Sent by this door (its client at the hub), not by the desk.
      assert.equal(
        agreements[0].clientId,
        await d.page.evaluate(
          () => globalThis.document.querySelector('huiyi-kiosk').sync.enrolment.deviceId,
        ),
      );
      // The door shows the hub's sign-ins and keeps the PNG it drew.
      assert.deepEqual(
        await d.page.evaluate(() => {
          const m = globalThis.document
            .querySelector('huiyi-kiosk')
            .service.state.meetings.meetings.get('m-week');
          return m.signIns
            .filter((x) => x.kind === 'in')
            .map((x) => x.personId)
            .sort();
        }),
        ['p-huang', 'p-zhao'],
      );
      assert.equal(await signaturesKept(d.page), 1);
      assert.deepEqual(d.errors, []);
      await d.context.close();
    });

    it('K-3, S-2: the door’s browser killed before a push, after a push before its reply, and during a pull: after a restart nothing is lost or applied twice', async () => {
      const profile = newProfile();
      let tablet = await launchOn(profile.dir);
      try {
        const open = async () => {
          const page = await tablet.context.newPage();
          // The tablet's clock at the hub's (an earlier scenario moved the hub a week on).
          await page.clock.install({ time: hub.clock() });
          await page.goto(`${hub.url}/door/A`);
          await page.waitForFunction(
            () => globalThis.document.querySelector('huiyi-kiosk')?.sync?.status,
          );
          return page;
        };
        let page = await open();
        await settled(page, 30_000);
        const ids = [];
        const kills = ['before-push', 'after-push', 'during-pull', 'after-push', 'during-pull'];
        for (const [i, when] of kills.entries()) {
          const id = `kill-${i}-${when}`;
          ids.push(id);
          const start = hub.clock() + (10 + i) * HOUR;
          // Hold the sync at the chosen step, then pull the plug 0–50 ms later.
          let reached;
          const at = new Promise((resolve) => (reached = resolve));
          await tablet.context.route('**/api/v1/push', async (route) => {
            if (when === 'before-push') return reached();
            const response = await route.fetch();
            if (when === 'after-push') return reached();
            await route.fulfill({ response });
          });
          await tablet.context.route('**/api/v1/pull*', async (route) => {
            if (when === 'during-pull') return reached();
            await route.continue();
          });
          const r = await tap(page, {
            type: 'RequestBooking',
            actor: { id: 'p-liu', roles: [] },
            bookingId: id,
            roomId: 'A',
            organizerId: 'p-liu',
            department: '售后服务部',
            topic: `断电测试 ${i}`,
            headcount: 2,
            start,
            end: start + 30 * MINUTE,
          });
          assert.equal(r.ok, true);
          await at;
          await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 50)));
          await tablet.kill();
          tablet = await launchOn(profile.dir);
          page = await open();
          await settled(page, 30_000);
        }
        const s = await syncOf(page);
        assert.equal(s.pending, 0);
        assert.deepEqual(s.refused, []);
        assert.deepEqual([...s.confirmed].sort(), [...ids].sort(), 'every tap confirmed');
        const feed = await hub.feed();
        for (const id of ids) {
          const booked = feed.filter((e) => e.type === 'RoomBooked' && e.data.booking?.id === id);
          assert.equal(booked.length, 1, `${id} applied once at the hub`);
        }
        assert.deepEqual(await doorBookings(page, 'A'), await hub.bookings('A'));
      } finally {
        await tablet.close();
        profile.remove();
      }
    });
  });
}
