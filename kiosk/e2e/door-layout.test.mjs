// The door as designed (K-1, K-5): every screen, in both languages, at every size the door is
// designed for (three landscape, two portrait), with long names. Each screen: nothing leaves the
// viewport, overlaps another, or has its text cut (layout.mjs); axe clean with one level-one
// heading; a screenshot kept in kiosk/e2e/artifacts/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PIN, demoMorning, openKiosk, start } from './harness.mjs';
import {
  SIZES,
  axeViolations,
  headingsOne,
  keepScreenshot,
  layoutProblems,
  typeProblems,
} from './layout.mjs';
import { longNames } from './long-names.mjs';

const MINUTE = 60_000;
let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** The words of the controls the walk taps, in each language. */
const WORDS = {
  zh: {
    later: '稍后再查',
    back: '返回',
    cancel: '取消',
    afterLater: '稍后',
    officer: '签到负责人代签',
    ok: '确定',
  },
  en: {
    later: 'Check later',
    back: 'Back',
    cancel: 'Cancel',
    afterLater: 'Later',
    officer: 'Sign-in officer: sign others in',
    ok: 'OK',
  },
};

/** One screen judged at every size: layout, a screenshot each; axe and the heading once each way up. */
async function judge(page, lang, screen, failures) {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => globalThis.document.fonts.ready);
    await page.evaluate(
      () =>
        new Promise((r) =>
          globalThis.requestAnimationFrame(() => globalThis.requestAnimationFrame(r)),
        ),
    );
    const where = `${lang} ${width}×${height} ${screen}`;
    for (const p of await layoutProblems(page)) failures.push(`${where}: ${p}`);
    await keepScreenshot(page, `${lang}-${width}x${height}-${screen}`);
    if (width === 1280 && height === 800)
      for (const p of await typeProblems(page)) failures.push(`${where}: ${p}`);
    if ((width === 1280 && height === 800) || (width === 800 && height === 1280)) {
      for (const v of await axeViolations(page)) failures.push(`${where}: axe ${v}`);
      const h1 = await headingsOne(page);
      if (h1.length !== 1)
        failures.push(`${where}: ${h1.length} level-one headings (${h1.join(' | ')})`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

for (const lang of ['zh', 'en']) {
  test(`K-1, K-5: every screen of the door in ${lang} fits 1024×768 to 1200×1920 with long names: nothing off screen, overlapping or cut; axe clean; one h1`, async () => {
    const w = WORDS[lang];
    const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
    const failures = [];
    const action = (name) => page.locator(`door-home [data-action="${name}"]`);
    const gear = page.locator('huiyi-kiosk footer button.gear');
    const settings = async () => {
      await gear.click();
      for (const d of PIN) await page.locator(`pin-pad button[data-digit="${d}"]`).click();
      await page.locator('pin-pad button.primary').click();
      await page.locator('settings-panel').waitFor();
    };
    /** Serves a room (in the settings, in either language), and goes back to the door. */
    const serve = async (roomId) => {
      await settings();
      await page.locator(`settings-panel button[data-room="${roomId}"]`).click();
      await page.locator('settings-panel button.primary').click();
      await page.locator('settings-panel [role="status"]').waitFor();
      await gear.click();
      await page.locator('door-home').waitFor();
    };
    // The long-named room comes with a schedule file, imported in the settings.
    await settings();
    await page.locator('settings-panel input#import').setInputFiles({
      name: 'long.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(longNames())),
    });
    await page.locator('settings-panel button[data-room="L"]').waitFor();
    await gear.click();
    await serve('L');
    if (lang === 'en') {
      await page.goto(new URL('/?lang=en', env.baseURL).href);
      await page.locator('huiyi-kiosk door-display state-badge').waitFor();
    }
    await page
      .locator('huiyi-kiosk door-display h1', { hasText: '售后多功能培训会议室' })
      .waitFor();
    const flashGone = () =>
      page
        .locator('huiyi-kiosk .flash p.done')
        .first()
        .waitFor({ state: 'detached', timeout: 6_000 });

    await judge(page, lang, 'home-waiting', failures);
    await action('check-in').click();
    await page.locator('equipment-checklist').waitFor();
    await flashGone();
    await judge(page, lang, 'checklist', failures);
    await page.locator('equipment-checklist').getByRole('button', { name: w.later }).click();
    await page.locator('door-home').waitFor();
    await judge(page, lang, 'home-in-use', failures);

    await action('extend').click();
    await action('extend-15').waitFor();
    await judge(page, lang, 'home-extend', failures);
    await page.waitForTimeout(600);
    await action('back').click();
    await action('end').click();
    await action('end-confirm').waitFor();
    await judge(page, lang, 'home-end-asks', failures);
    await page.waitForTimeout(600);
    await action('back').click();

    await action('sign-in').click();
    await page.locator('sign-in-panel').waitFor();
    await judge(page, lang, 'sign-in', failures);
    await page.locator('sign-in-panel button.officer').click();
    await page.locator('sign-in-panel button[data-officer]').waitFor();
    await judge(page, lang, 'sign-in-officer-who', failures);
    await page.locator('sign-in-panel button[data-officer]').click();
    await page.locator('sign-in-panel .officer-on').waitFor();
    await judge(page, lang, 'sign-in-officer', failures);
    await gear.click();

    await action('fault').click();
    await page.locator('fault-report').waitFor();
    await judge(page, lang, 'fault', failures);
    await gear.click();

    await gear.click();
    for (const d of '1111') await page.locator(`pin-pad button[data-digit="${d}"]`).click();
    await page.locator('pin-pad button.primary').click();
    await page.locator('pin-pad [role="alert"]').waitFor();
    await judge(page, lang, 'pin-wrong', failures);
    for (const d of PIN) await page.locator(`pin-pad button[data-digit="${d}"]`).click();
    await page.locator('pin-pad button.primary').click();
    await page.locator('settings-panel').waitFor();
    await page.locator('settings-panel input#import').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ "format": '),
    });
    await page.locator('settings-panel rejection-note [role="alert"]').waitFor();
    await judge(page, lang, 'settings-import-refused', failures);
    await gear.click();

    // Ended early: the power-off check, then the room free for a walk-up.
    await action('end').click();
    await page.waitForTimeout(600);
    await action('end-confirm').click();
    await page.locator('power-off-confirm').waitFor();
    await flashGone();
    await judge(page, lang, 'power-off', failures);
    await page.locator('power-off-confirm').getByRole('button', { name: w.afterLater }).click();
    await action('walk-up').waitFor();
    await judge(page, lang, 'home-free', failures);
    await action('walk-up').click();
    await page.locator('walk-up-panel').waitFor();
    await judge(page, lang, 'walk-up', failures);
    await gear.click();

    // The confidential room, 5 minutes before its meeting: the form, then the agreement.
    await serve('C');
    await page.clock.fastForward(83 * MINUTE);
    await page.locator('huiyi-kiosk door-display state-badge[state="waiting"]').waitFor();
    await flashGone();
    await judge(page, lang, 'home-confidential', failures);
    await action('sign-in').click();
    await page.locator('sign-in-panel input#entry').fill('Q5001');
    await page.locator('sign-in-panel button[type="submit"]').click();
    await page.locator('agreement-pad').waitFor();
    await judge(page, lang, 'agreement', failures);

    assert.deepEqual(failures, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
