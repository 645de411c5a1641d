import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { MINUTE } from '@huiyi/core';
import type { MutationRecord } from '@huiyi/store-idb';
import '../src/components/refusal-list.js';
import '../src/components/hub-enrolment.js';
import { readEnrolQr, type HubEnrolment } from '../src/components/hub-enrolment.js';
import type { RefusalList } from '../src/components/refusal-list.js';
import { setLocale } from '../src/i18n/localization.js';
import { $, $$, T0, demoService } from './helpers.js';

const refusedWalkUp: MutationRecord = {
  id: 4,
  command: { type: 'WalkUp', now: T0, roomId: 'D', bookingId: 'w-9', minutes: 30 },
  at: T0,
  positions: [],
  status: 'refused',
  rejection: {
    kind: 'rejection',
    rule: 'R-2',
    code: 'booking.room-busy',
    data: {
      conflict: { start: T0, end: T0 + 60 * MINUTE },
      slots: [{ start: T0 + 60 * MINUTE, end: T0 + 90 * MINUTE }],
      rooms: [{ roomId: 'C', name: '小会议室', capacity: 6 }],
    },
    message: { 'zh-CN': '洽谈室 在 10:02–11:02 已被预订', en: 'the room is booked 10:02–11:02' },
  },
};

describe('the refused taps', () => {
  it('S-2: each says what it was, why the hub refused it, what the hub holds instead, and the alternatives', async () => {
    const { service } = await demoService();
    const el = await fixture<RefusalList>(
      html`<refusal-list
        .items=${[refusedWalkUp]}
        .bookings=${service.state.bookings}
        .people=${service.state.directory.people}
      ></refusal-list>`,
    );
    const item = $(el, 'li').textContent ?? '';
    expect(item).to.contain('10:02 现场预订 30 分钟');
    expect(item).to.contain('洽谈室 在 10:02–11:02 已被预订');
    expect(item).to.contain('R-2');
    expect(item).to.contain('可选：11:02–11:32、小会议室');
    expect($$(el, 'h2').length).to.equal(1);
    await expect(el).to.be.accessible();
    setTimeout(() => $<HTMLButtonElement>(el, 'button.primary').click());
    await oneEvent(el, 'seen');
  });

  it('K-5: in English', async () => {
    await setLocale('en');
    try {
      const el = await fixture<RefusalList>(
        html`<refusal-list .items=${[refusedWalkUp]}></refusal-list>`,
      );
      expect($(el, 'li').textContent).to.contain('the room is booked 10:02–11:02');
      expect($(el, 'li').textContent).to.contain('walk-up booking for 30 minutes');
      // The list of alternatives is joined as English joins it, not with the Chinese 、.
      expect($(el, 'li').textContent).to.contain('Instead: 11:02–11:32,小会议室');
    } finally {
      await setLocale('zh-CN');
    }
  });
});

describe('enrolment with a hub', () => {
  it('S-3: reads a QR code of the hub’s door address, or a code alone; nothing else', () => {
    expect(readEnrolQr('http://10.0.0.2:4173/door/B?enrol=ABCD-EFGH')).to.deep.equal({
      hub: 'http://10.0.0.2:4173',
      code: 'ABCD-EFGH',
    });
    expect(readEnrolQr(' abcd-efgh ')).to.deep.equal({ code: 'abcd-efgh' });
    expect(readEnrolQr('hello')).to.equal(undefined);
    expect(readEnrolQr('http://10.0.0.2/')).to.equal(undefined);
  });

  it('S-5: a standalone door says so, and takes the hub’s address and a code', async () => {
    const el = await fixture<HubEnrolment>(html`<hub-enrolment></hub-enrolment>`);
    expect($(el, '[role="status"]').textContent).to.contain('单机模式');
    const button = $<HTMLButtonElement>(el, 'button.primary');
    expect(button.disabled).to.equal(true);
    const code = $<HTMLInputElement>(el, '#hub-code');
    code.value = 'ABCD-EFGH';
    code.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(button.disabled).to.equal(false);
    setTimeout(() => button.click());
    const { detail } = await oneEvent(el, 'enrol');
    expect(detail).to.deep.equal({ hub: location.origin, code: 'ABCD-EFGH' });
    await expect(el).to.be.accessible();
  });

  it('S-3: an enrolled door names its hub and room; a revoked one says it plainly', async () => {
    const enrolment = {
      hub: 'http://10.0.0.2:4173',
      deviceId: 'd1',
      token: 't',
      room: { id: 'D', name: '洽谈室' },
      at: T0,
    };
    const el = await fixture<HubEnrolment>(
      html`<hub-enrolment
        .enrolment=${enrolment}
        .status=${{ kind: 'synced', at: T0, refused: 0 }}
      ></hub-enrolment>`,
    );
    expect($(el, '[role="status"]').textContent).to.contain(
      '已连接中心 http://10.0.0.2:4173 · 会议室 洽谈室',
    );
    el.status = { kind: 'revoked', waiting: 2, refused: 0 };
    await el.updateComplete;
    expect($(el, '[role="status"]').textContent).to.contain('已停用本门牌的凭证');
    // Connect again: the form is back.
    expect($$(el, '#hub-code').length).to.equal(1);
    await expect(el).to.be.accessible();
  });
});
