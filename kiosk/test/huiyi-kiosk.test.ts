import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MINUTE, StoreError } from '@huiyi/core';
import { createMemoryEventStore } from '@huiyi/core/testing';
import '../src/components/huiyi-kiosk.js';
import type { HuiyiKiosk } from '../src/components/huiyi-kiosk.js';
import type { KioskEvent } from '../src/services/kiosk-events.js';
import { KioskService, storeRejection } from '../src/services/kiosk-service.js';
import { setLocale } from '../src/i18n/localization.js';
import {
  checkPin,
  memorySettingsStore,
  type PinHash,
  type SettingsStore,
} from '../src/services/settings.js';
import {
  $,
  $$,
  T0,
  chooseFile,
  controlledStore,
  deepButton,
  deepText,
  demoService,
  drawOn,
  has,
  typeInto,
} from './helpers.js';
import {
  confirmed,
  doneText,
  doorOf,
  doorText,
  moveClock,
  navButtons,
  openShell,
  refusal,
  screenOf,
  settle,
  stateOf,
  toolButtons,
} from './shell.js';

/** Taps a button anywhere on the screen by its text. */
const tap = (el: HuiyiKiosk, label: string) => deepButton(el.shadowRoot!, label).click();
/** Past the moment a question's buttons ignore taps (a double tap's second half). */
const pastGhost = () => aTimeout(550);

async function enterPin(el: HuiyiKiosk, pin: string): Promise<void> {
  const pad = await screenOf(el, 'pin-pad');
  for (const d of pin) $(pad, `button[data-digit="${d}"]`).click();
  deepButton(pad.shadowRoot!, '确定').click();
}

async function openSettings(el: HuiyiKiosk): Promise<HTMLElement> {
  tap(el, '设置');
  await enterPin(el, '2468');
  return screenOf(el, 'settings-panel');
}

/** Opens the sign-in screen of a confidential meeting and enters a number or name in its form. */
async function enterExactly(el: HuiyiKiosk, entry: string, out = false): Promise<void> {
  const panel = await screenOf(el, 'sign-in-panel');
  typeInto($<HTMLInputElement>(panel, 'input#entry'), entry);
  await settle(el);
  deepButton(panel.shadowRoot!, out ? '签退' : '签到').click();
  await settle(el);
}

describe('huiyi-kiosk', () => {
  it('K-1: the home screen shows the meeting in progress and one primary action, with extend and end beside it', async () => {
    const { el } = await openShell('A');
    expect(stateOf(el)).to.equal('in-use');
    expect($(doorOf(el), 'h1').textContent!.trim()).to.equal('一号会议室');
    expect($(doorOf(el), '[data-testid="current-topic"]').textContent).to.equal('售后周例会');
    expect(doorText(el)).to.contain('09:35–10:35').and.to.contain('组织者：王建国');
    expect(doorText(el)).to.contain('剩余 33 分钟').and.to.contain('新员工质量培训');
    expect(navButtons(el)).to.deep.equal(['参会签到', '延长', '提前结束']);
    expect(deepButton(el.shadowRoot!, '参会签到').className).to.contain('primary');
    expect($(el, 'sync-badge').shadowRoot!.textContent).to.contain('仅本地保存');
    await expect(el).to.be.accessible();
  });

  it('R-7: the equipment checklist is not offered once the meeting runs', async () => {
    const { el } = await openShell('A');
    expect(navButtons(el)).not.to.include('设备检查');
    expect(toolButtons(el)).to.deep.equal(['报告设备故障']);
  });

  it('R-5: extend offers only the lengths that fit before the next booking', async () => {
    const { el, service } = await openShell('A');
    // 新员工质量培训 starts at 13:00: from 10:35 every length fits.
    tap(el, '延长');
    await settle(el);
    expect(navButtons(el)).to.deep.equal([
      '延长 15 分钟，至 10:50',
      '延长 30 分钟，至 11:05',
      '延长 60 分钟，至 11:35',
      '返回',
    ]);
    // A booking at 11:00 leaves room for 15 minutes only.
    const r = await service.dispatch({
      type: 'RequestBooking',
      now: Date.parse('2026-03-10T10:02:00+08:00'),
      actor: { id: 'p-zhou', roles: ['room-admin'] },
      bookingId: 'at-eleven',
      roomId: 'A',
      organizerId: 'p-liu',
      topic: '配件周会',
      headcount: 4,
      start: Date.parse('2026-03-10T11:00:00+08:00'),
      end: Date.parse('2026-03-10T11:30:00+08:00'),
    });
    expect(r.ok).to.equal(true);
    await settle(el);
    expect(navButtons(el)).to.deep.equal(['延长 15 分钟，至 10:50', '返回']);
    await expect(el).to.be.accessible();
  });

  it('K-3: an extension is confirmed only after the store append resolved; its button waits meanwhile', async () => {
    const { el, service, store } = await openShell('A');
    const position = await store.lastPosition();
    tap(el, '延长');
    await settle(el);
    await pastGhost();
    store.hold();
    tap(el, '延长 15 分钟，至 10:50');
    await waitUntil(() => store.waiting === 1, 'the append never started');
    await aTimeout(50);
    await settle(el);
    expect(doneText(el)).to.equal('');
    expect(deepButton(el.shadowRoot!, '延长 30 分钟').disabled, 'an action waits').to.equal(true);
    expect(doorText(el)).to.contain('09:35–10:35');
    expect(service.state.bookings.rooms.get('A')!.bookings.get('demo-weekly')!.end).to.equal(
      Date.parse('2026-03-10T10:35:00+08:00'),
    );
    store.release();
    await confirmed(el, '已延长 15 分钟');
    await settle(el);
    expect(doorText(el)).to.contain('09:35–10:50').and.to.contain('剩余 48 分钟');
    expect(await store.lastPosition()).to.equal(position + 1);
    const [extended] = await store.readAfter(position);
    expect(extended!.data.type).to.equal('BookingExtended');
    await expect(el).to.be.accessible();
  });

  it('Touch: a double tap on an extension extends once, by what it said', async () => {
    const { el, service, store } = await openShell('A');
    const position = await store.lastPosition();
    tap(el, '延长');
    await settle(el);
    await pastGhost();
    const fifteen = deepButton(el.shadowRoot!, '延长 15 分钟');
    fifteen.click();
    await aTimeout(150);
    fifteen.click();
    await confirmed(el, '已延长 15 分钟');
    await aTimeout(100);
    expect((await store.readAfter(position)).map((e) => e.data.type)).to.deep.equal([
      'BookingExtended',
    ]);
    expect(service.state.bookings.rooms.get('A')!.bookings.get('demo-weekly')!.end).to.equal(
      Date.parse('2026-03-10T10:50:00+08:00'),
    );
  });

  it('K-3: a store append that fails shows why, and nothing changes', async () => {
    const { el, service, store } = await openShell('A');
    const before = service.state;
    const position = await store.lastPosition();
    store.failWith(new StoreError('quota-exceeded'));
    tap(el, '延长');
    await settle(el);
    await pastGhost();
    tap(el, '延长 30 分钟');
    await waitUntil(() => refusal(el).includes('设备存储空间已满'), 'no rejection shown');
    expect(refusal(el)).to.contain('K-3');
    expect(doneText(el)).to.equal('');
    expect(service.state === before, 'the state changed').to.equal(true);
    expect(await store.lastPosition()).to.equal(position);
    expect(doorText(el)).to.contain('09:35–10:35');
    await expect(el).to.be.accessible();
  });

  it('R-5, Touch: ending early asks once; a second tap of 提前结束 lands on 返回 and the meeting goes on', async () => {
    const { el, service, store } = await openShell('A');
    const position = await store.lastPosition();
    const end = deepButton(el.shadowRoot!, '提前结束');
    end.click();
    await settle(el);
    expect(navButtons(el)).to.deep.equal(['确认结束', '返回']);
    expect(deepText(el.shadowRoot!)).to.contain('现在结束会议并释放会议室？');
    // The double tap's second half: the slot 提前结束 stood in now holds 返回, and a tap there
    // so soon is ignored.
    await aTimeout(120);
    deepButton(el.shadowRoot!, '确认结束').click();
    await settle(el);
    expect(await store.lastPosition()).to.equal(position);
    await pastGhost();
    tap(el, '返回');
    await settle(el);
    expect(navButtons(el)).to.deep.equal(['参会签到', '延长', '提前结束']);
    expect(await store.lastPosition()).to.equal(position);
    tap(el, '提前结束');
    await settle(el);
    await pastGhost();
    tap(el, '确认结束');
    await confirmed(el, '会议已结束');
    expect(service.state.bookings.rooms.get('A')!.bookings.get('demo-weekly')!.status).to.equal(
      'ended',
    );
    await screenOf(el, 'power-off-confirm');
    expect(el.screen).to.equal('power-off');
    await expect(el).to.be.accessible();
  });

  it('K-3: a log that cannot be opened (and no copy of the screen) is said in place of the door, with a retry', async () => {
    const reason = storeRejection(new StoreError('unavailable', { name: 'huiyi-kiosk' }));
    const el = await fixture<HuiyiKiosk>(html`<huiyi-kiosk .unavailable=${reason}></huiyi-kiosk>`);
    await settle(el);
    expect($(el, 'h1').textContent).to.contain('门口屏无法打开本机存储');
    expect(refusal(el)).to.contain(reason.message['zh-CN'].slice(0, 6));
    expect(refusal(el)).to.contain('K-3');
    expect(deepButton(el.shadowRoot!, '重试')).to.be.instanceOf(HTMLButtonElement);
    expect(el.shadowRoot!.querySelector('door-home')).to.equal(null);
    await expect(el).to.be.accessible();
    // Without a reason it is only loading.
    const loading = await fixture<HuiyiKiosk>(html`<huiyi-kiosk></huiyi-kiosk>`);
    expect(loading.shadowRoot!.querySelector('[role="status"]')?.textContent).to.contain(
      '正在载入',
    );
  });

  it('R-5: a walk-up in the free 洽谈室 books the room and checks it in at once', async () => {
    const { el, service } = await openShell('D');
    expect(stateOf(el)).to.equal('free');
    expect(doorText(el)).to.contain('今天再无预订');
    expect(navButtons(el)).to.deep.equal(['现场预订']);
    tap(el, '现场预订');
    const panel = await screenOf(el, 'walk-up-panel');
    await expect(el).to.be.accessible();
    expect($$(panel, 'button[data-minutes]').map((b) => b.textContent!.trim())).to.deep.equal([
      '15 分钟，至 10:17',
      '30 分钟，至 10:32',
      '60 分钟，至 11:02',
    ]);
    $(panel, 'button[data-minutes="30"]').click();
    await settle(el);
    const liu = deepButton(panel.shadowRoot!, '刘洋');
    liu.click();
    // A double tap: the second half is the same gesture.
    await aTimeout(120);
    liu.click();
    await confirmed(el, '已预订并签到入场');
    expect(el.screen).to.equal('home');
    await settle(el);
    expect(refusal(el)).to.equal('');
    expect(stateOf(el)).to.equal('in-use');
    expect(doorText(el)).to.contain('10:02–10:32').and.to.contain('组织者：刘洋');
    const booked = [...service.state.bookings.rooms.get('D')!.bookings.values()];
    expect(booked.map((b) => [b.organizerId, b.status, b.walkUp])).to.deep.equal([
      ['p-liu', 'checked-in', true],
    ]);
    await expect(el).to.be.accessible();
  });

  it('R-4: the meeting starting soon in 大会议室 is checked in within its window', async () => {
    const { el, service } = await openShell('B');
    expect(stateOf(el)).to.equal('waiting');
    expect($(doorOf(el), '[data-testid="current-topic"]').textContent).to.equal('客户投诉分析会');
    expect(navButtons(el)[0]).to.equal('签到入场');
    tap(el, '签到入场');
    await confirmed(el, '已签到入场');
    // the meeting needs equipment, so its checklist comes next; put off, it is home again.
    deepButton((await screenOf(el, 'equipment-checklist')).shadowRoot!, '稍后再查').click();
    await settle(el);
    expect(stateOf(el)).to.equal('in-use');
    expect(service.state.bookings.rooms.get('B')!.bookings.get('demo-complaints')!.status).to.equal(
      'checked-in',
    );
    expect(navButtons(el)).not.to.include('签到入场');
    await expect(el).to.be.accessible();
  });

  it('M-5: sign-in and sign-out are two actions; a quick second tap on a name signs in once', async () => {
    const { el, service, store } = await openShell('A');
    tap(el, '参会签到');
    const panel = await screenOf(el, 'sign-in-panel');
    const count = () => $(panel, '.count').textContent!.trim();
    expect(count()).to.equal('已签到 4 / 7 人');
    const position = await store.lastPosition();
    const liu = $<HTMLButtonElement>(panel, 'button[data-person="p-liu"]');
    liu.click();
    await aTimeout(150);
    liu.click();
    await confirmed(el, '刘洋 签到成功');
    await waitUntil(() => count() === '已签到 5 / 7 人', count());
    await aTimeout(1_100);
    // Tapped again later, a signed-in name does nothing: it is marked, and 签退 is beside it.
    expect($<HTMLButtonElement>(panel, 'button[data-person="p-liu"]').disabled).to.equal(true);
    $(panel, 'button[data-person="p-liu"]').click();
    await aTimeout(50);
    expect((await store.readAfter(position)).map((e) => [e.data.type])).to.deep.equal([
      ['SignedIn'],
    ]);
    $(panel, 'button[data-sign-out="p-liu"]').click();
    await confirmed(el, '刘洋 已签退');
    await waitUntil(() => count() === '已签到 4 / 7 人', count());
    expect(
      service.state.meetings.meetings
        .get('m-weekly')!
        .signIns.filter((s) => s.personId === 'p-liu')
        .map((s) => s.kind),
    ).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('M-5: the sign-in officer says who they are first, then signs others in and out as themselves', async () => {
    const { el, store } = await openShell('A');
    tap(el, '参会签到');
    const panel = await screenOf(el, 'sign-in-panel');
    deepButton(panel.shadowRoot!, '签到负责人代签').click();
    await settle(el);
    // Nobody is signed in by the officer until the officer picked themselves.
    expect(has(panel, 'button[data-person]')).to.equal(false);
    $(panel, 'button[data-officer="p-zhang"]').click();
    await settle(el);
    expect($(panel, '.officer-on').textContent).to.contain('张伟');
    const position = await store.lastPosition();
    $(panel, 'button[data-person="p-yang"]').click();
    await confirmed(el, '杨帆 签到成功');
    await aTimeout(1_100);
    $(panel, 'button[data-sign-out="p-yang"]').click();
    await confirmed(el, '杨帆 已签退');
    const log = (await store.readAfter(position)).map((e) => e.data);
    expect(
      log.map((e) => [e.type, 'personId' in e ? e.personId : '', 'by' in e ? e.by : '']),
    ).to.deep.equal([
      ['SignedIn', 'p-yang', 'p-zhang'],
      ['SignedOut', 'p-yang', 'p-zhang'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('R-8: a confidential meeting hides its topic and names, finds a person only by a full number or name, and asks for the agreement', async () => {
    const { el, service, store, clock } = await openShell('C');
    const secret = service.state.bookings.rooms.get('C')!.bookings.get('demo-secret')!;
    await moveClock(el, clock, secret.start - 5 * MINUTE);
    expect(stateOf(el)).to.equal('waiting');
    const secrets = ['年度索赔审计', '吴刚', '赵敏', '黄磊', '索赔单据', '王建国', '李娜', '张伟'];
    const hidden = () => {
      const text = deepText(el.shadowRoot!);
      for (const s of secrets) expect(text, `the door shows ${s}`).not.to.contain(s);
    };
    hidden();
    expect(doorText(el)).to.contain('保密会议');
    tap(el, '参会签到');
    const panel = await screenOf(el, 'sign-in-panel');
    hidden();
    expect(has(panel, 'button[data-person]'), 'no list of names').to.equal(false);
    await expect(el).to.be.accessible();
    const position = await store.lastPosition();
    // A part of a name or of a number finds nobody, and says so the same way each time.
    for (const part of ['赵', 'Q', 'Q500', 'q50', '黄']) {
      await enterExactly(el, part);
      expect(el.screen, part).to.equal('sign-in');
      expect(refusal(el)).to.contain('没有找到');
      hidden();
    }
    await enterExactly(el, '赵敏');
    const pad = await screenOf(el, 'agreement-pad');
    // Nothing is written until the agreement is signed; the pad names the signer by number.
    expect(await store.lastPosition()).to.equal(position);
    expect(pad.shadowRoot!.textContent).to.contain('签署人：Q5001');
    hidden();
    await expect(el).to.be.accessible();
    deepButton(pad.shadowRoot!, '签署并签到').click();
    await waitUntil(
      () => pad.shadowRoot!.querySelector('[role="alert"]'),
      'no error for an empty pad',
    );
    expect(await store.lastPosition()).to.equal(position);
    await drawOn($<HTMLCanvasElement>(pad, 'canvas'));
    deepButton(pad.shadowRoot!, '签署并签到').click();
    await confirmed(el, '已签署保密协议并签到');
    expect(el.screen).to.equal('sign-in');
    const m = service.state.meetings.meetings.get('m-secret')!;
    expect(m.signIns.map((s) => s.personId)).to.deep.equal(['p-zhao']);
    const written = (await store.readAfter(position)).map((e) => e.data);
    expect(written.map((e) => e.type)).to.deep.equal([
      'ConfidentialityAgreementSigned',
      'SignedIn',
      'SignatureCaptured',
    ]);
    const [agreement, , signature] = written;
    if (agreement?.type !== 'ConfidentialityAgreementSigned') throw new Error('no agreement');
    if (signature?.type !== 'SignatureCaptured') throw new Error('no signature');
    expect(signature.personId).to.equal('p-zhao');
    expect(signature.image).to.match(/^data:image\/png;base64,/);
    expect(agreement.signatureRef).to.equal(signature.signatureId);
    hidden();
    await expect(el).to.be.accessible();
  });

  it('R-8: someone not invited gets the same answer as an invitee who has not signed: the agreement', async () => {
    const { el, service, store, clock } = await openShell('C');
    const secret = service.state.bookings.rooms.get('C')!.bookings.get('demo-secret')!;
    await moveClock(el, clock, secret.start - 5 * MINUTE);
    tap(el, '参会签到');
    const position = await store.lastPosition();
    // 刘洋 (P3001) is not invited; 黄磊 (S1003) is, and has not signed.
    await enterExactly(el, 'P3001');
    const outsider = await screenOf(el, 'agreement-pad');
    const shape = (pad: HTMLElement) =>
      deepText(pad.shadowRoot!)
        .replace(/签署人：\S+。/, '签署人：…。')
        .replace(/\s+/g, ' ');
    const asOutsider = shape(outsider);
    deepButton(outsider.shadowRoot!, '取消').click();
    await screenOf(el, 'sign-in-panel');
    await enterExactly(el, 'S1003');
    const invitee = await screenOf(el, 'agreement-pad');
    expect(shape(invitee)).to.equal(asOutsider);
    deepButton(invitee.shadowRoot!, '取消').click();
    // Signed, the outsider is refused without a name or an id, and nothing is written.
    await screenOf(el, 'sign-in-panel');
    await enterExactly(el, 'P3001');
    const pad = await screenOf(el, 'agreement-pad');
    await drawOn($<HTMLCanvasElement>(pad, 'canvas'));
    deepButton(pad.shadowRoot!, '签署并签到').click();
    await waitUntil(() => refusal(el).includes('名单上没有您'), refusal(el));
    expect(refusal(el)).not.to.contain('p-liu').and.not.to.contain('刘洋');
    expect(await store.lastPosition()).to.equal(position);
  });

  it('M-5: sign-in opens 15 min before the start, before check-in does', async () => {
    const { el, service, clock } = await openShell('C');
    const secret = service.state.bookings.rooms.get('C')!.bookings.get('demo-secret')!;
    await moveClock(el, clock, secret.start - 20 * MINUTE);
    expect(stateOf(el)).to.equal('free');
    expect(navButtons(el)).to.deep.equal([]);
    expect(toolButtons(el)).to.deep.equal(['报告设备故障']);
    await moveClock(el, clock, secret.start - 13 * MINUTE);
    expect(stateOf(el)).to.equal('starting-soon');
    tap(el, '参会签到');
    const panel = await screenOf(el, 'sign-in-panel');
    expect($(panel, 'h1').textContent).to.contain('保密会议签到');
    expect(deepText(el.shadowRoot!)).not.to.contain('年度索赔审计');
    await expect(el).to.be.accessible();
  });

  it('R-8, K-3: when the signed agreement cannot be written, it says why and can be confirmed again', async () => {
    const { el, service, store, clock } = await openShell('C');
    const secret = service.state.bookings.rooms.get('C')!.bookings.get('demo-secret')!;
    await moveClock(el, clock, secret.start - 5 * MINUTE);
    tap(el, '参会签到');
    await enterExactly(el, 'Q5001');
    const pad = await screenOf(el, 'agreement-pad');
    await drawOn($<HTMLCanvasElement>(pad, 'canvas'));
    const position = await store.lastPosition();
    store.failWith(new StoreError('quota-exceeded'));
    deepButton(pad.shadowRoot!, '签署并签到').click();
    await waitUntil(() => refusal(el).includes('设备存储空间已满'), 'no rejection shown');
    expect(el.screen).to.equal('agreement');
    expect(await store.lastPosition()).to.equal(position);
    expect(service.state.meetings.meetings.get('m-secret')!.signIns).to.deep.equal([]);
    await expect(el).to.be.accessible();
    store.failWith(undefined);
    await aTimeout(1_100);
    deepButton((await screenOf(el, 'agreement-pad')).shadowRoot!, '签署并签到').click();
    await confirmed(el, '已签署保密协议并签到');
    expect(
      service.state.meetings.meetings.get('m-secret')!.signIns.map((s) => s.personId),
    ).to.deep.equal(['p-zhao']);
    expect(refusal(el)).to.equal('');
  });

  it('K-4: going home leaves no stale error behind: a wrong PIN is not still shown next time', async () => {
    const { el } = await openShell('A');
    tap(el, '设置');
    await enterPin(el, '0000');
    await waitUntil(() => deepText(el.shadowRoot!).includes('密码错误'), 'no error');
    tap(el, '返回门口屏');
    await screenOf(el, 'door-home');
    tap(el, '设置');
    const pad = await screenOf(el, 'pin-pad');
    await settle(el);
    expect(has(pad, '[role="alert"]')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('K-4: returns to the home screen after the idle time, a touch restarting the wait', async () => {
    const { el, clock } = await openShell('D');
    tap(el, '现场预订');
    await screenOf(el, 'walk-up-panel');
    el.idleTimeoutMs = 800;
    clock.set(T0 + 500);
    window.dispatchEvent(new PointerEvent('pointerdown'));
    // Past the first deadline, by the door's clock: only the touch kept the screen.
    clock.set(T0 + 1000);
    el.tick();
    expect(el.screen).to.equal('walk-up');
    clock.set(T0 + 1300);
    el.tick();
    await settle(el);
    expect(el.screen).to.equal('home');
    expect(has(el, 'walk-up-panel')).to.equal(false);
    expect(has(el, 'door-home')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('K-4: the settings are behind the admin PIN, typed or tapped: a wrong PIN is refused, 2468 opens them', async () => {
    const { el } = await openShell('A');
    tap(el, '设置');
    await enterPin(el, '1234');
    const pad = await screenOf(el, 'pin-pad');
    await waitUntil(() => pad.shadowRoot!.querySelector('[role="alert"]'), 'no error');
    expect($(pad, '[role="alert"]').textContent).to.equal('密码错误，请重新输入。');
    expect(has(el, 'settings-panel')).to.equal(false);
    await expect(el).to.be.accessible();
    // The keyboard's digits and Enter work as the pad's keys.
    for (const key of ['2', '4', '6', '8', 'Enter'])
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    const settings = await screenOf(el, 'settings-panel');
    expect($(settings, 'button[data-room="A"]').getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('K-3, K-4: a new PIN is kept salted before the screen says so; a store that fails says so, in view, and keeps the old one', async () => {
    const { el, kept } = await openShell('A');
    const settings = await openSettings(el);
    typeInto($<HTMLInputElement>(settings, '#new-pin'), '97531');
    await settle(el);
    deepButton(settings.shadowRoot!, '修改密码').click();
    await waitUntil(() => deepText(el.shadowRoot!).includes('管理员密码已修改'), 'not changed');
    const pin = (await kept!.readSettings()).get('pin') as PinHash;
    expect(pin.salt).to.have.length(32);
    expect(await checkPin('97531', pin)).to.equal(true);
    expect(await checkPin('2468', pin)).to.equal(false);

    const failing: SettingsStore = {
      ...memorySettingsStore(),
      writeSettings: () => Promise.reject(new StoreError('quota-exceeded')),
    };
    const demo = await demoService(T0, undefined, failing);
    const second = await openShell('A', demo);
    const panel = await openSettings(second.el);
    $(panel, 'button[data-room="D"]').click();
    await settle(second.el);
    deepButton(panel.shadowRoot!, '保存').click();
    await waitUntil(() => refusal(second.el).includes('K-3'), 'the failure is not shown');
    expect(deepText(second.el.shadowRoot!)).to.not.contain('设置已保存');
    expect(second.el.door!.settings.roomId).to.equal('A');
  });

  it('K-4: a schedule file that is not JSON, or whose booking breaks a rule, is refused whole, in view, and changes nothing', async () => {
    const { el, service, store } = await openShell('A');
    const settings = await openSettings(el);
    const position = await store.lastPosition();
    const before = service.state;
    chooseFile($<HTMLInputElement>(settings, '#import'), 'bad.json', '{ "format": ');
    await waitUntil(() => refusal(el).includes('不是有效的 JSON'), 'not refused');
    expect(refusal(el)).to.contain('K-4');
    // The refusal stands on the settings screen itself.
    expect(deepText(settings.shadowRoot!)).to.contain('不是有效的 JSON');
    expect(await store.lastPosition()).to.equal(position);
    await expect(el).to.be.accessible();
    const file = JSON.stringify({
      format: 'huiyi-schedule',
      version: 1,
      rooms: [
        {
          id: 'E',
          name: '培训室',
          location: '售后服务楼 4 层',
          capacity: 4,
          openingHours: [{ weekdays: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' }],
        },
      ],
      bookings: [
        {
          id: 'b-e',
          roomId: 'E',
          organizerId: 'p-wang',
          topic: '培训',
          headcount: 12,
          start: '2026-03-11T09:00+08:00',
          end: '2026-03-11T10:00+08:00',
        },
      ],
    });
    chooseFile($<HTMLInputElement>(settings, '#import'), 'over.json', file);
    await waitUntil(() => refusal(el).includes('bookings[0]'), 'x').catch(() => {
      throw new Error(refusal(el));
    });
    expect(refusal(el)).to.contain('日程文件未导入').and.to.contain('R-2');
    expect(await store.lastPosition()).to.equal(position);
    expect(service.state === before, 'the state changed').to.equal(true);
    expect(service.state.bookings.rooms.has('E')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('K-4: a good schedule file is imported, and the export counts every event', async () => {
    const { el, service, store } = await openShell('A');
    const settings = await openSettings(el);
    const position = await store.lastPosition();
    const file = JSON.stringify({
      format: 'huiyi-schedule',
      version: 1,
      rooms: [
        {
          id: 'E',
          name: '培训室',
          location: '售后服务楼 4 层',
          capacity: 12,
          openingHours: [{ weekdays: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' }],
        },
      ],
      people: [{ id: 'p-qian', name: '钱程', department: '售后服务部', employeeNumber: 'S1009' }],
      bookings: [
        {
          id: 'b-e',
          roomId: 'E',
          organizerId: 'p-qian',
          topic: '新车型维修培训',
          headcount: 8,
          start: '2026-03-11T09:00+08:00',
          end: Date.parse('2026-03-11T10:00+08:00'),
        },
      ],
    });
    chooseFile($<HTMLInputElement>(settings, '#import'), 'good.json', file);
    await waitUntil(
      () => deepText(el.shadowRoot!).includes('日程文件已导入：3 项'),
      'not imported',
    );
    expect(refusal(el)).to.equal('');
    expect(await store.lastPosition()).to.be.greaterThan(position);
    expect(service.state.bookings.rooms.get('E')!.bookings.get('b-e')!.topic).to.equal(
      '新车型维修培训',
    );
    expect(service.state.directory.people.get('p-qian')!.name).to.equal('钱程');
    const panel = await screenOf(el, 'settings-panel');
    await waitUntil(() => has(panel, 'button[data-room="E"]'));
    deepButton(panel.shadowRoot!, '导出事件日志').click();
    const total = await store.lastPosition();
    await waitUntil(
      () => deepText(el.shadowRoot!).includes(`已导出 ${total} 条事件`),
      'not exported',
    );
    await expect(el).to.be.accessible();
  });

  it('K-4, K-5: settings choose the room and the language; the screen follows, in English', async () => {
    const { el, kept } = await openShell('A');
    try {
      const settings = await openSettings(el);
      $(settings, 'button[data-room="D"]').click();
      $(settings, 'button[data-language="en"]').click();
      await settle(el);
      deepButton(settings.shadowRoot!, '保存').click();
      await waitUntil(() => deepText(el.shadowRoot!).includes('Settings saved'), 'not saved');
      // Kept in the tablet's storage before the screen said so (K-3).
      expect(Object.fromEntries(await kept!.readSettings())).to.include({
        roomId: 'D',
        language: 'en',
      });
      await expect(el).to.be.accessible();
      tap(el, 'Back');
      await screenOf(el, 'door-home');
      await settle(el);
      expect($(doorOf(el), 'h1').textContent!.trim()).to.equal('洽谈室');
      expect(doorText(el)).to.contain('No more bookings today').and.to.contain('No smoking');
      expect(navButtons(el)).to.deep.equal(['Book now']);
      await expect(el).to.be.accessible();
    } finally {
      await setLocale('zh-CN');
    }
  });

  it('K-4: with no rooms yet, it says so and the settings import the first schedule', async () => {
    const store = controlledStore(createMemoryEventStore<KioskEvent>());
    const service = await KioskService.open(store, { device: 'test-tablet' });
    const { el } = await openShell(undefined, { service, store });
    expect($(el, 'h1').textContent).to.contain('还没有会议室');
    await expect(el).to.be.accessible();
    const settings = await openSettings(el);
    chooseFile($<HTMLInputElement>(settings, '#import'), 'bad.json', '[]');
    await waitUntil(() => refusal(el).includes('应为一个 JSON 对象'), 'the refusal is not shown');
    expect(await store.lastPosition()).to.equal(0);
    const file = JSON.stringify({
      format: 'huiyi-schedule',
      version: 1,
      rooms: [
        {
          id: 'E',
          name: '培训室',
          location: '售后服务楼 4 层',
          capacity: 12,
          openingHours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' }],
        },
      ],
    });
    chooseFile(
      $<HTMLInputElement>(await screenOf(el, 'settings-panel'), '#import'),
      'good.json',
      file,
    );
    await waitUntil(
      () => deepText(el.shadowRoot!).includes('日程文件已导入：1 项'),
      'not imported',
    );
    expect(refusal(el)).to.equal('');
    deepButton((await screenOf(el, 'settings-panel')).shadowRoot!, '返回').click();
    await screenOf(el, 'door-home');
    await settle(el);
    expect($(doorOf(el), 'h1').textContent!.trim()).to.equal('培训室');
    await expect(el).to.be.accessible();
  });
});
