// A confidential meeting at the door: no part of an invitee's name or employee number lists
// anyone, and no screen's DOM (every shadow root, every attribute and input) holds the topic or a
// name of the meeting.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PIN, confirmation, demoMorning, openKiosk, serveRoom, start } from './harness.mjs';
import { everythingInTheDom } from './layout.mjs';

const MINUTE = 60_000;
let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** The demo's confidential meeting in 保密会议室: its invitees, organizer, topic and agenda. */
const INVITEES = [
  ['王建国', 'S1001'],
  ['李娜', 'S1002'],
  ['张伟', 'W2001'],
  ['赵敏', 'Q5001'],
  ['黄磊', 'S1003'],
];
const SECRETS = ['年度索赔审计', '索赔单据', '吴刚', ...INVITEES.map(([name]) => name)];

/** Every proper prefix of a name or number, as typed, and in lower case. */
const prefixes = (s) =>
  [...s].slice(0, -1).flatMap((_, i) => [s.slice(0, i + 1), s.slice(0, i + 1).toLowerCase()]);

test('R-8: no prefix of an invitee’s name or number lists anyone, and no screen holds the topic or a name', async () => {
  const { context, page, errors } = await openKiosk(env, { time: demoMorning() });
  const hidden = async (where) => {
    const dom = await everythingInTheDom(page);
    for (const s of SECRETS) assert.ok(!dom.includes(s), `${where}: the DOM holds "${s}"`);
  };
  await serveRoom(page, 'C');
  await hidden('home, free');
  await page.clock.fastForward(83 * MINUTE); // 11:25: waiting for check-in, sign-in open
  await page.locator('huiyi-kiosk door-display state-badge[state="waiting"]').waitFor();
  await hidden('home, waiting');

  await page.locator('door-home [data-action="sign-in"]').click();
  const panel = page.locator('sign-in-panel');
  await hidden('sign-in');
  assert.equal(await panel.locator('button[data-person]').count(), 0, 'no list of names');
  const entry = panel.locator('input#entry');
  const tried = new Set(
    INVITEES.flatMap(([name, number]) => [...prefixes(name), ...prefixes(number)]),
  );
  for (const part of tried) {
    await entry.fill(part);
    await panel.locator('button[type="submit"]').click();
    await page.locator('huiyi-kiosk rejection-note', { hasText: '没有找到' }).waitFor();
    assert.equal(await page.locator('agreement-pad').count(), 0, `"${part}" found someone`);
    assert.equal(await panel.locator('button[data-person]').count(), 0);
  }
  await hidden('sign-in, after every prefix');

  // The officer says who they are by a full number too; the form shows no name.
  await panel.locator('button.officer').click();
  await panel.locator('input#officer').waitFor();
  await hidden('sign-in, the officer says who they are');
  await panel.getByRole('button', { name: '取消' }).click();

  // A full number: the agreement, naming the signer by number only.
  await entry.fill('Q5001');
  await panel.locator('button[type="submit"]').click();
  await page.locator('agreement-pad').waitFor();
  await hidden('agreement');
  const pad = await page.locator('agreement-pad canvas').boundingBox();
  await page.mouse.move(pad.x + 40, pad.y + pad.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(pad.x + 40 + i * 25, pad.y + pad.height / 2 + (i % 2 ? -30 : 30), {
      steps: 2,
    });
  await page.mouse.up();
  await page.locator('agreement-pad button.primary').click();
  await confirmation(page).filter({ hasText: '已签署保密协议并签到' }).waitFor();
  await hidden('sign-in, after a sign-in');

  // Checked in, then ended: the in-use door, the question, the power-off check.
  await page.locator('huiyi-kiosk footer button.gear').click();
  await page.locator('door-home [data-action="check-in"]').click();
  await page.locator('huiyi-kiosk door-display state-badge[state="in-use"]').waitFor();
  await hidden('home, in use');
  await page.locator('door-home [data-action="end"]').click();
  await hidden('home, asking to end');
  await page.waitForTimeout(600);
  await page.locator('door-home [data-action="end-confirm"]').click();
  await page.locator('power-off-confirm').waitFor();
  await hidden('power-off');
  await page.locator('huiyi-kiosk footer button.gear').click();

  // The other screens: fault, PIN, settings.
  await page.locator('door-home [data-action="fault"]').click();
  await page.locator('fault-report').waitFor();
  await hidden('fault');
  await page.locator('huiyi-kiosk footer button.gear').click();
  await page.locator('huiyi-kiosk footer button.gear').click();
  await hidden('PIN');
  for (const d of PIN) await page.locator(`pin-pad button[data-digit="${d}"]`).click();
  await page.locator('pin-pad button.primary').click();
  await page.locator('settings-panel').waitFor();
  await hidden('settings');
  assert.deepEqual(errors, []);
  await context.close();
});
