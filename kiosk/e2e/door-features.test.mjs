// The door's features for the corridor and the night, in the built app (K-1, K-4, K-5, R-2, R-5):
// a later slot booked by tapping today's timeline and confirmed; the booking screen with its
// countdown; the door dimmed at night and woken by a first tap that does nothing else. Each screen
// judged at every size (nothing off screen, overlapping or cut), axe clean, one h1, and kept as a
// screenshot in kiosk/e2e/artifacts/ (`door-features-…`).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { demoMorning, logSize, openKiosk, serveRoom, start, textOf } from './harness.mjs';
import { SIZES, axeViolations, headingsOne, keepScreenshot, layoutProblems } from './layout.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const WORDS = {
  zh: {
    title: '预订 14:00 起',
    length: '30 分钟，至 14:30',
    done: '已预订 14:00–14:30',
    countdown: /^\d+ 秒后返回$/,
    label: /^\d+ 秒后自动返回门口屏$/,
  },
  en: {
    title: 'Book from 14:00',
    length: '30 min, until 14:30',
    done: 'Booked 14:00–14:30',
    countdown: /^Back in \d+ s$/,
    label: /^Back to the door in \d+ seconds$/,
  },
};

/** One screen at every size: layout and a screenshot each; axe and one h1 at 1280×800 and 800×1280. */
async function judge(page, name, failures) {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => globalThis.document.fonts.ready);
    await page.evaluate(
      () =>
        new Promise((r) =>
          globalThis.requestAnimationFrame(() => globalThis.requestAnimationFrame(r)),
        ),
    );
    const where = `${width}×${height} ${name}`;
    for (const p of await layoutProblems(page)) failures.push(`${where}: ${p}`);
    await keepScreenshot(page, `door-features-${name}-${width}x${height}`);
    if ((width === 1280 && height === 800) || (width === 800 && height === 1280)) {
      for (const v of await axeViolations(page)) failures.push(`${where}: axe ${v}`);
      const h1 = await headingsOne(page);
      if (h1.length !== 1) failures.push(`${where}: ${h1.length} level-one headings`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Today at hh:mm in Shanghai, on the page's clock. */
const todayAt = (morning, h, m = 0) => morning - (10 * 60 + 2) * 60_000 + (h * 60 + m) * 60_000;

for (const lang of ['zh', 'en']) {
  test(`R-2, R-5, K-1, K-4 (${lang}): a tap on today's timeline books a later slot and confirms it; the booking screen counts down; at night the door dims and a first tap only wakes it`, async () => {
    const w = WORDS[lang];
    const morning = demoMorning();
    const { context, page, errors } = await openKiosk(env, { time: morning });
    const failures = [];
    await serveRoom(page, 'D'); // 洽谈室, free all day
    if (lang === 'en') {
      await page.goto(new URL('/?lang=en', env.baseURL).href);
      await page.locator('huiyi-kiosk door-display state-badge').waitFor();
    }

    // A tap at 14:10 on the timeline: the booking from 14:00, its lengths, the countdown.
    const line = page.locator('huiyi-kiosk door-display day-timeline');
    const { from, to } = await line.evaluate((el) => ({ from: el.from, to: el.to }));
    const bar = line.locator('.bar');
    const box = await bar.boundingBox();
    const f = (todayAt(morning, 14, 10) - from) / (to - from);
    await bar.click({ position: { x: box.width / 2, y: f * box.height } });
    const panel = page.locator('walk-up-panel');
    await panel.locator('h1', { hasText: w.title }).waitFor();
    const timer = page.locator('huiyi-kiosk footer [role="timer"]');
    assert.match(await textOf(timer), w.countdown);
    assert.match((await timer.getAttribute('aria-label')) ?? '', w.label);
    await judge(page, `${lang}-book-countdown`, failures);

    const before = (await logSize(page)).count;
    await panel.getByRole('button', { name: w.length }).click();
    await panel.locator('person-picker button[data-person="p-liu"]').click();
    await page.locator('huiyi-kiosk p.done', { hasText: w.done }).waitFor();
    assert.equal((await logSize(page)).count, before + 1, 'one booking written');
    await page.locator('huiyi-kiosk door-display .list', { hasText: '14:00–14:30' }).waitFor();
    assert.equal(await timer.count(), 0, 'home: no countdown');

    // Evening, untouched: the door dims; the first tap only wakes it.
    const now = await page.evaluate(() => Date.now());
    await page.clock.fastForward(todayAt(morning, 19, 30) - now);
    await page.locator('huiyi-kiosk[night]').waitFor();
    await page.locator('huiyi-kiosk door-display[night]').waitFor();
    await judge(page, `${lang}-night`, failures);
    // The burn-in shift: the other eight places, 10 minutes apart, nothing off screen or cut.
    for (let i = 1; i < 9; i++) {
      await page.clock.fastForward(10 * 60_000);
      for (const [width, height] of [
        [1280, 800],
        [800, 1280],
      ]) {
        await page.setViewportSize({ width, height });
        for (const p of await layoutProblems(page))
          failures.push(`${width}×${height} night, place ${i}: ${p}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('huiyi-kiosk[night]').waitFor();
    const quiet = (await logSize(page)).count;
    await page.mouse.click(640, 400);
    await page.waitForFunction(() => !globalThis.document.querySelector('huiyi-kiosk[night]'));
    assert.equal(await page.locator('walk-up-panel').count(), 0, 'the waking tap opened nothing');
    assert.equal((await logSize(page)).count, quiet, 'the waking tap wrote nothing');

    assert.deepEqual(failures, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
