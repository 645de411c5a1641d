// Touch that forgives (K-2, M-5, R-5, R-8): at the door a double tap is one gesture. Every action
// is double-tapped here, in real Chromium on the built app, and the log must hold one command's
// events each; ending early asks first; a dot is no signature.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  confirmation,
  demoMorning,
  eventTypes,
  openKiosk,
  serveRoom,
  useKiosk,
} from './harness.mjs';

const MINUTE = 60_000;
const kiosk = useKiosk();

/**
 * Double-taps a control (two clicks 80 ms apart, as a finger's bounce or an impatient second tap),
 * lets the kiosk settle, and returns the events written meanwhile.
 */
async function doubleTap(page, locator) {
  const before = (await eventTypes(page)).length;
  await locator.dblclick({ delay: 20 });
  await page.waitForTimeout(600);
  return (await eventTypes(page)).slice(before);
}

test('Touch: a double tap on every action of a meeting in progress is one command each', async () => {
  const { context, page, errors } = await openKiosk(kiosk.env, { time: demoMorning() });
  const action = (name) => page.locator(`door-home [data-action="${name}"]`);

  // Extend: the row of lengths, then 15 minutes, double-tapped: extended once, by 15.
  await action('extend').click();
  await page.waitForTimeout(600);
  assert.deepEqual(await doubleTap(page, action('extend-15')), ['BookingExtended']);
  await confirmation(page).filter({ hasText: '已延长 15 分钟' }).waitFor();
  assert.match(await page.locator('huiyi-kiosk door-display .meta').textContent(), /09:35–10:50/);

  // Sign-in, then a quick second tap: signed in once, never signed out by the second tap.
  await action('sign-in').click();
  const liu = page.locator('sign-in-panel button[data-person="p-liu"]');
  assert.deepEqual(await doubleTap(page, liu), ['SignedIn']);
  await confirmation(page).filter({ hasText: '刘洋 签到成功' }).waitFor();
  assert.equal(await liu.isDisabled(), true);
  // Within a second 签退 is the same gesture as the sign-in; a moment later it is its own.
  await page.waitForTimeout(1_100);
  assert.deepEqual(
    await doubleTap(page, page.locator('sign-in-panel button[data-sign-out="p-liu"]')),
    ['SignedOut'],
  );
  await page.locator('huiyi-kiosk footer button.gear').click();

  // End early asks first: a double tap on 提前结束 ends nothing; the answer, double-tapped, ends once.
  assert.deepEqual(await doubleTap(page, action('end')), []);
  await page.getByText('现在结束会议并释放会议室？').waitFor();
  assert.deepEqual(await doubleTap(page, action('end-confirm')), ['BookingEndedEarly']);
  // The power-off check comes next: confirmed once.
  const allOff = page.locator('power-off-confirm button.primary');
  assert.deepEqual(await doubleTap(page, allOff), ['PowerOffConfirmed']);

  assert.deepEqual(errors, []);
  await context.close();
});

test('Touch: a walk-up, a fault report, a check-in and the checklist, double-tapped, are one command each', async () => {
  const { context, page, errors } = await openKiosk(kiosk.env, { time: demoMorning() });
  const action = (name) => page.locator(`door-home [data-action="${name}"]`);
  await serveRoom(page, 'D');
  // A walk-up in the free 洽谈室: a name double-tapped books once, and no refusal beside it.
  await action('walk-up').click();
  assert.deepEqual(
    await doubleTap(page, page.locator('walk-up-panel button[data-person="p-chen"]')),
    ['RoomBooked', 'BookingCheckedIn'],
  );
  assert.equal(await page.locator('huiyi-kiosk rejection-note').count(), 0);

  // A fault report, double-tapped: one report.
  await action('fault').click();
  await page.locator('fault-report button[data-equipment="D-board"]').click();
  await page.getByRole('button', { name: '没有画面' }).click();
  assert.deepEqual(await doubleTap(page, page.locator('fault-report button.primary')), [
    'EquipmentFaultReported',
  ]);
  await serveRoom(page, 'B');
  await page.locator('huiyi-kiosk door-display state-badge[state="waiting"]').waitFor();
  assert.deepEqual(await doubleTap(page, page.locator('door-home [data-action="check-in"]')), [
    'BookingCheckedIn',
  ]);
  const checklist = page.locator('equipment-checklist');
  for (const ok of await checklist.locator('button.ok').all()) await ok.click();
  assert.deepEqual(await doubleTap(page, checklist.locator('button.primary')), [
    'ChecklistCompleted',
  ]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('R-8, Touch: a dot is refused as a signature with a word why; a signature, double-tapped, signs once', async () => {
  const { context, page, errors } = await openKiosk(kiosk.env, { time: demoMorning() });
  await serveRoom(page, 'C');
  await page.clock.fastForward(83 * MINUTE);
  await page.locator('huiyi-kiosk door-display state-badge[state="waiting"]').waitFor();
  await page.locator('door-home [data-action="sign-in"]').click();
  await page.locator('sign-in-panel input#entry').fill('Q5001');
  await page.locator('sign-in-panel button[type="submit"]').click();
  const pad = page.locator('agreement-pad canvas');
  const box = await pad.boundingBox();
  assert.ok(box);
  // A dot: a tap on the pad.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const confirm = page.locator('agreement-pad button.primary');
  assert.deepEqual(await doubleTap(page, confirm), []);
  await page.locator('agreement-pad [role="alert"]', { hasText: '签名太短，未被接受' }).waitFor();
  // Cleared, and signed properly: one write of the agreement, the sign-in and the signature.
  await page.locator('agreement-pad button', { hasText: '重写' }).click();
  await page.mouse.move(box.x + 40, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + 40 + i * 25, box.y + box.height / 2 + (i % 2 ? -30 : 30), {
      steps: 2,
    });
  await page.mouse.up();
  assert.deepEqual(await doubleTap(page, confirm), [
    'ConfidentialityAgreementSigned',
    'SignedIn',
    'SignatureCaptured',
  ]);
  await confirmation(page).filter({ hasText: '已签署保密协议并签到' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
