import { aTimeout, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { MINUTE, StoreError } from '@huiyi/core';
import { createMemoryEventStore } from '@huiyi/core/testing';
import '../src/components/huiyi-kiosk.js';
import type { HuiyiKiosk } from '../src/components/huiyi-kiosk.js';
import type { DoorDisplay } from '../src/components/door-display.js';
import type { SignInPanel } from '../src/components/sign-in-panel.js';
import type { WalkUpPanel } from '../src/components/walk-up-panel.js';
import type { KioskEvent } from '../src/services/kiosk-events.js';
import { KioskService, storeRejection } from '../src/services/kiosk-service.js';
import {
  checkPin,
  hashPin,
  memorySettingsStore,
  type KioskSettings,
  type PinHash,
  type SettingsStore,
} from '../src/services/settings.js';
import { setLocale } from '../src/i18n/localization.js';
import {
  $,
  $$,
  T0,
  button,
  chooseFile,
  controlledStore,
  deep,
  deepText,
  demoService,
  drawOn,
  restoreClock,
  setClock,
  typeInto,
  type ControlledStore,
  has,
} from './helpers.js';

async function open(
  roomId: string | undefined,
  service?: KioskService,
  store?: ControlledStore,
): Promise<{
  el: HuiyiKiosk;
  service: KioskService;
  store: ControlledStore;
  kept?: SettingsStore;
}> {
  const demo = service && store ? { service, store } : await demoService();
  const settings: KioskSettings = {
    roomId,
    language: 'zh-CN',
    pin: await hashPin('2468'),
    device: 'test-tablet',
  };
  const el = await fixture<HuiyiKiosk>(
    html`<huiyi-kiosk .service=${demo.service} .settings=${settings}></huiyi-kiosk>`,
  );
  return { el, ...demo, ...('settings' in demo ? { kept: demo.settings } : {}) };
}

const door = (el: HuiyiKiosk) => $<DoorDisplay>(el, 'door-display');
const doorText = (el: HuiyiKiosk) => deepText(door(el).shadowRoot!);
const stateOf = (el: HuiyiKiosk) => $(door(el), 'state-badge').getAttribute('state');
const done = (el: HuiyiKiosk) => el.shadowRoot!.querySelector('.done')?.textContent ?? '';
const rejection = (el: HuiyiKiosk) =>
  el.shadowRoot!.querySelector('rejection-note')?.shadowRoot?.textContent ?? '';

/** Waits for the app and the elements inside it to render. */
async function settle(el: HuiyiKiosk): Promise<void> {
  await el.updateComplete;
  await nextFrame();
}

async function confirmed(el: HuiyiKiosk, text: string): Promise<void> {
  await waitUntil(() => done(el).includes(text), `no confirmation "${text}"`, { timeout: 3000 });
}

async function child<T extends HTMLElement>(el: HuiyiKiosk, tag: string): Promise<T> {
  await waitUntil(() => el.shadowRoot!.querySelector(tag), `no <${tag}>`, { timeout: 3000 });
  return $<T>(el, tag);
}

async function enterPin(el: HuiyiKiosk, pin: string): Promise<void> {
  const pad = await child(el, 'pin-pad');
  for (const d of pin) $(pad, `button[data-digit="${d}"]`).click();
  button(pad, '确定').click();
}

async function openSettings(el: HuiyiKiosk): Promise<HTMLElement> {
  button(el, '设置').click();
  await enterPin(el, '2468');
  return child(el, 'settings-panel');
}

describe('huiyi-kiosk', () => {
  beforeEach(() => setClock(T0));
  afterEach(() => restoreClock());

  it('K-1: the home screen shows the meeting in progress and what can be done at the door', async () => {
    const { el } = await open('A');
    expect(stateOf(el)).to.equal('in-use');
    expect($(door(el), 'h1').textContent).to.equal('一号会议室');
    expect($(door(el), '[data-testid="current-topic"]').textContent).to.equal('售后周例会');
    expect(doorText(el)).to.contain('09:35–10:35').and.to.contain('组织者:王建国');
    expect(doorText(el)).to.contain('剩余 33 分钟').and.to.contain('新员工质量培训');
    const actions = $$(el, 'nav button').map((b) => b.textContent!.trim());
    expect(actions).to.deep.equal([
      '参会人员签到',
      '延长 15 分钟',
      '延长 30 分钟',
      '延长 60 分钟',
      '提前结束',
      // the meeting needs equipment and nobody has checked it yet.
      '会前设备检查',
      '报告设备故障',
    ]);
    expect($(el, 'sync-badge').shadowRoot!.textContent).to.contain('仅本地保存');
    await expect(el).to.be.accessible();
  });

  it('K-3: an extension is confirmed only after the store append resolved', async () => {
    const { el, service, store } = await open('A');
    const position = await store.lastPosition();
    store.hold();
    button(el, '延长 15 分钟').click();
    await waitUntil(() => store.waiting === 1, 'the append never started');
    await aTimeout(50);
    await settle(el);
    expect(done(el)).to.equal('');
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

  it('K-3: a log that cannot be opened (and no copy of the screen) is said in place of the door, with a retry', async () => {
    const reason = storeRejection(new StoreError('unavailable', { name: 'huiyi-kiosk' }));
    const el = await fixture<HuiyiKiosk>(html`<huiyi-kiosk .unavailable=${reason}></huiyi-kiosk>`);
    await settle(el);
    expect(el.shadowRoot!.textContent).to.contain('门口屏无法打开本机存储');
    expect(rejection(el)).to.contain(reason.message['zh-CN']);
    expect(rejection(el)).to.contain('K-3');
    expect(button(el, '重试')).to.be.instanceOf(HTMLButtonElement);
    expect(el.shadowRoot!.querySelector('door-display')).to.equal(null);
    await expect(el).to.be.accessible();
    // Without a reason it is only loading.
    const loading = await fixture<HuiyiKiosk>(html`<huiyi-kiosk></huiyi-kiosk>`);
    expect(loading.shadowRoot!.querySelector('[role="status"]')?.textContent).to.contain(
      '正在载入',
    );
  });

  it('K-3: a store append that fails shows why, and nothing changes', async () => {
    const { el, service, store } = await open('A');
    const before = service.state;
    const position = await store.lastPosition();
    store.failWith(new StoreError('quota-exceeded'));
    button(el, '延长 30 分钟').click();
    await waitUntil(() => rejection(el).includes('设备存储空间已满'), 'no rejection shown');
    expect(rejection(el)).to.contain('K-3');
    expect(done(el)).to.equal('');
    expect(service.state === before, 'the state changed').to.equal(true);
    expect(await store.lastPosition()).to.equal(position);
    expect(doorText(el)).to.contain('09:35–10:35');
    await expect(el).to.be.accessible();
  });

  it('R-5: a walk-up in the free 洽谈室 books the room and checks it in at once', async () => {
    const { el, service } = await open('D');
    expect(stateOf(el)).to.equal('free');
    expect(doorText(el)).to.contain('今天再无预订');
    button(el, '现场预订').click();
    const panel = await child<WalkUpPanel>(el, 'walk-up-panel');
    await expect(el).to.be.accessible();
    expect($$(panel, 'button[data-minutes]').map((b) => b.textContent!.trim())).to.deep.equal([
      '15 分钟,至 10:17',
      '30 分钟,至 10:32',
      '60 分钟,至 11:02',
    ]);
    $(panel, 'button[data-minutes="30"]').click();
    await panel.updateComplete;
    $(deep(panel.shadowRoot!, 'person-picker')!, 'button[data-person="p-liu"]').click();
    await confirmed(el, '已预订并签到入场');
    expect(el.screen).to.equal('home');
    await settle(el);
    expect(stateOf(el)).to.equal('in-use');
    expect(doorText(el)).to.contain('10:02–10:32').and.to.contain('组织者:刘洋');
    const booked = [...service.state.bookings.rooms.get('D')!.bookings.values()];
    expect(booked.map((b) => [b.organizerId, b.status, b.walkUp])).to.deep.equal([
      ['p-liu', 'checked-in', true],
    ]);
    await expect(el).to.be.accessible();
  });

  it('R-4: the meeting starting soon in 大会议室 is checked in within its window', async () => {
    const { el, service } = await open('B');
    expect(stateOf(el)).to.equal('waiting');
    expect($(door(el), '[data-testid="current-topic"]').textContent).to.equal('客户投诉分析会');
    button(el, '签到入场').click();
    await confirmed(el, '已签到入场');
    // the meeting needs equipment, so its checklist comes next; put off, it is home again.
    button(await child(el, 'equipment-checklist'), '稍后再查').click();
    await settle(el);
    expect(stateOf(el)).to.equal('in-use');
    expect(service.state.bookings.rooms.get('B')!.bookings.get('demo-complaints')!.status).to.equal(
      'checked-in',
    );
    expect($$(el, 'nav button').map((b) => b.textContent!.trim())).not.to.include('签到入场');
    await expect(el).to.be.accessible();
  });

  it('M-5: attendees sign in to the weekly meeting, and the officer signs in others', async () => {
    const { el, service, store } = await open('A');
    button(el, '参会人员签到').click();
    const panel = await child<SignInPanel>(el, 'sign-in-panel');
    const count = () => $(panel, '.count').textContent!;
    expect(count()).to.contain('已签到 4 / 7 人');
    const picker = () => deep(panel.shadowRoot!, 'person-picker')!;
    $(picker(), 'button[data-person="p-liu"]').click();
    await confirmed(el, '刘洋 签到成功');
    await waitUntil(() => count().includes('已签到 5 / 7 人'), count());
    button(panel, '签到负责人代签').click();
    await panel.updateComplete;
    $(picker(), 'button[data-person="p-yang"]').click();
    await confirmed(el, '杨帆 签到成功');
    await waitUntil(() => count().includes('已签到 6 / 7 人'), count());
    const signIns = service.state.meetings.meetings.get('m-weekly')!.signIns;
    expect(signIns.filter((s) => s.personId === 'p-yang' || s.personId === 'p-liu')).to.have.length(
      2,
    );
    const log = (await store.readAfter(0)).map((e) => e.data);
    expect(
      log
        .filter((e) => e.type === 'SignedIn')
        .map((e) => [e.personId, e.by])
        .slice(-2),
    ).to.deep.equal([
      ['p-liu', 'p-liu'],
      ['p-yang', 'p-zhang'],
    ]);
    // A second tap signs out.
    $(picker(), 'button[data-person="p-yang"]').click();
    await confirmed(el, '杨帆 已签退');
    await waitUntil(() => count().includes('已签到 5 / 7 人'), count());
    await expect(el).to.be.accessible();
  });

  it('R-8: a confidential meeting hides its topic and names, and demands the agreement before sign-in', async () => {
    const { el, service, store } = await open('C');
    const secret = service.state.bookings.rooms.get('C')!.bookings.get('demo-secret')!;
    setClock(secret.start - 5 * MINUTE);
    el.requestUpdate();
    await settle(el);
    expect(stateOf(el)).to.equal('waiting');
    const secrets = ['年度索赔审计', '吴刚', '赵敏', '黄磊', '索赔单据'];
    for (const s of secrets) expect(deepText(el.shadowRoot!)).not.to.contain(s);
    expect(doorText(el)).to.contain('保密会议');
    button(el, '参会人员签到').click();
    const panel = await child(el, 'sign-in-panel');
    for (const s of secrets) expect(deepText(el.shadowRoot!)).not.to.contain(s);
    await expect(el).to.be.accessible();
    const picker = deep<HTMLElement>(panel.shadowRoot!, 'person-picker')!;
    typeInto($<HTMLInputElement>(picker, 'input'), '赵敏');
    await waitUntil(() => picker.shadowRoot!.querySelector('button[data-person="p-zhao"]'));
    const position = await store.lastPosition();
    $(picker, 'button[data-person="p-zhao"]').click();
    const pad = await child(el, 'agreement-pad');
    // Nothing is written until the agreement is signed.
    expect(await store.lastPosition()).to.equal(position);
    expect(pad.shadowRoot!.textContent).to.contain('签署人:赵敏');
    await expect(el).to.be.accessible();
    button(pad, '签署并签到').click();
    await waitUntil(
      () => pad.shadowRoot!.querySelector('[role="alert"]'),
      'no error for an empty pad',
    );
    expect(await store.lastPosition()).to.equal(position);
    await drawOn($<HTMLCanvasElement>(pad, 'canvas'));
    button(pad, '签署并签到').click();
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
    for (const s of ['年度索赔审计', '吴刚']) expect(deepText(el.shadowRoot!)).not.to.contain(s);
    await expect(el).to.be.accessible();
  });

  it('M-5: sign-in opens 15 min before the start, before check-in does', async () => {
    const { el, service } = await open('C');
    const secret = service.state.bookings.rooms.get('C')!.bookings.get('demo-secret')!;
    setClock(secret.start - 20 * MINUTE);
    el.requestUpdate();
    await settle(el);
    expect(stateOf(el)).to.equal('free');
    expect($$(el, 'nav button').map((b) => b.textContent!.trim())).to.deep.equal(['报告设备故障']);
    setClock(secret.start - 13 * MINUTE);
    el.requestUpdate();
    await settle(el);
    expect(stateOf(el)).to.equal('starting-soon');
    button(el, '参会人员签到').click();
    const panel = await child(el, 'sign-in-panel');
    expect($(panel, 'h2').textContent).to.contain('保密会议签到');
    expect(deepText(el.shadowRoot!)).not.to.contain('年度索赔审计');
    await expect(el).to.be.accessible();
  });

  it('R-8, K-3: when the signed agreement cannot be written, it says why and can be confirmed again', async () => {
    const { el, service, store } = await open('C');
    const secret = service.state.bookings.rooms.get('C')!.bookings.get('demo-secret')!;
    setClock(secret.start - 5 * MINUTE);
    el.requestUpdate();
    await settle(el);
    button(el, '参会人员签到').click();
    const picker = deep<HTMLElement>(
      (await child(el, 'sign-in-panel')).shadowRoot!,
      'person-picker',
    )!;
    typeInto($<HTMLInputElement>(picker, 'input'), 'Q5001');
    await waitUntil(() => picker.shadowRoot!.querySelector('button[data-person="p-zhao"]'));
    $(picker, 'button[data-person="p-zhao"]').click();
    const pad = await child(el, 'agreement-pad');
    await drawOn($<HTMLCanvasElement>(pad, 'canvas'));
    const position = await store.lastPosition();
    store.failWith(new StoreError('quota-exceeded'));
    button(pad, '签署并签到').click();
    await waitUntil(() => rejection(el).includes('设备存储空间已满'), 'no rejection shown');
    expect(el.screen).to.equal('agreement');
    expect(await store.lastPosition()).to.equal(position);
    expect(service.state.meetings.meetings.get('m-secret')!.signIns).to.deep.equal([]);
    await expect(el).to.be.accessible();
    store.failWith(undefined);
    button($(el, 'agreement-pad'), '签署并签到').click();
    await confirmed(el, '已签署保密协议并签到');
    expect(
      service.state.meetings.meetings.get('m-secret')!.signIns.map((s) => s.personId),
    ).to.deep.equal(['p-zhao']);
    expect(rejection(el)).to.equal('');
  });

  it('K-4: going home leaves no stale error behind: a wrong PIN is not still shown next time', async () => {
    const { el } = await open('A');
    button(el, '设置').click();
    await enterPin(el, '0000');
    await waitUntil(() => $(el, 'pin-pad').shadowRoot!.querySelector('[role="alert"]'), 'no error');
    button(el, '返回首页').click();
    await waitUntil(() => el.shadowRoot!.querySelector('door-display'));
    button(el, '设置').click();
    const pad = await child(el, 'pin-pad');
    await settle(el);
    expect(has(pad, '[role="alert"]')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('K-4: returns to the home screen after the idle time, a touch restarting the wait', async () => {
    const { el } = await open('D');
    button(el, '现场预订').click();
    await child(el, 'walk-up-panel');
    el.idleTimeoutMs = 800;
    await aTimeout(500);
    window.dispatchEvent(new PointerEvent('pointerdown'));
    // Past the first deadline: only the touch kept the screen.
    await aTimeout(500);
    expect(el.screen).to.equal('walk-up');
    await waitUntil(() => el.screen === 'home', 'never went home', { timeout: 2000 });
    await settle(el);
    expect(has(el, 'walk-up-panel')).to.equal(false);
    expect(has(el, 'door-display')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('K-4: the settings are behind the admin PIN: a wrong PIN is refused, 2468 opens them', async () => {
    const { el } = await open('A');
    button(el, '设置').click();
    await enterPin(el, '1234');
    const pad = await child(el, 'pin-pad');
    await waitUntil(() => pad.shadowRoot!.querySelector('[role="alert"]'), 'no error');
    expect($(pad, '[role="alert"]').textContent).to.equal('密码错误');
    expect(has(el, 'settings-panel')).to.equal(false);
    await expect(el).to.be.accessible();
    await enterPin(el, '2468');
    const settings = await child(el, 'settings-panel');
    expect($<HTMLSelectElement>(settings, '#room').value).to.equal('A');
    await expect(el).to.be.accessible();
  });

  it('K-3, K-4: a new PIN is kept salted before the screen says so; a store that fails says so and keeps the old one', async () => {
    const { el, kept } = await open('A');
    let settings = await openSettings(el);
    typeInto($<HTMLInputElement>(settings, '#new-pin'), '97531');
    await (settings as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    button(settings, '修改密码').click();
    await waitUntil(
      () => settings.shadowRoot!.textContent!.includes('管理员密码已修改'),
      'not changed',
    );
    const pin = (await kept!.readSettings()).get('pin') as PinHash;
    expect(pin.salt).to.have.length(32);
    expect(pin.hash).to.not.contain('97531');
    expect(await checkPin('97531', pin)).to.equal(true);
    expect(await checkPin('2468', pin)).to.equal(false);
    // The same PIN hashed again has another salt, so another hash.
    expect((await hashPin('97531')).hash).to.not.equal(pin.hash);

    const failing: SettingsStore = {
      ...memorySettingsStore(),
      writeSettings: () => Promise.reject(new StoreError('quota-exceeded')),
    };
    const demo = await demoService(T0, undefined, failing);
    const second = await open('A', demo.service, demo.store);
    settings = await openSettings(second.el);
    $<HTMLSelectElement>(settings, '#room').value = 'D';
    button(settings, '保存').click();
    await waitUntil(() => rejection(second.el).includes('K-3'), 'the failure is not shown');
    expect(settings.shadowRoot!.textContent).to.not.contain('设置已保存');
    expect(second.el.settings!.roomId).to.equal('A');
  });

  it('K-4: a schedule file that is not JSON, or whose booking breaks a rule, is refused whole and changes nothing', async () => {
    const { el, service, store } = await open('A');
    const settings = await openSettings(el);
    const position = await store.lastPosition();
    const before = service.state;
    chooseFile($<HTMLInputElement>(settings, '#import'), 'bad.json', '{ "format": ');
    await waitUntil(() => rejection(el).includes('不是有效的 JSON'), 'not refused');
    expect(rejection(el)).to.contain('K-4');
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
    await waitUntil(() => rejection(el).includes('bookings[0]'), 'x').catch(() => {
      throw new Error(rejection(el));
    });
    expect(rejection(el)).to.contain('日程文件未导入,未作任何更改').and.to.contain('R-2');
    expect(await store.lastPosition()).to.equal(position);
    expect(service.state === before, 'the state changed').to.equal(true);
    expect(service.state.bookings.rooms.has('E')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('K-4: a good schedule file is imported, and the export counts every event', async () => {
    const { el, service, store } = await open('A');
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
      () => settings.shadowRoot!.textContent!.includes('日程文件已导入:3 项'),
      'not imported',
    );
    expect(rejection(el)).to.equal('');
    expect(await store.lastPosition()).to.be.greaterThan(position);
    expect(service.state.bookings.rooms.get('E')!.bookings.get('b-e')!.topic).to.equal(
      '新车型维修培训',
    );
    expect(service.state.directory.people.get('p-qian')!.name).to.equal('钱程');
    await waitUntil(() => $$(settings, '#room option').some((o) => o.textContent === '培训室'));
    button(settings, '导出事件日志').click();
    const total = await store.lastPosition();
    await waitUntil(
      () => settings.shadowRoot!.textContent!.includes(`已导出 ${total} 条事件`),
      'not exported',
    );
    await expect(el).to.be.accessible();
  });

  it('K-4, K-5: settings choose the room and the language; the screen follows, in English', async () => {
    const { el, kept } = await open('A');
    try {
      const settings = await openSettings(el);
      $<HTMLSelectElement>(settings, '#room').value = 'D';
      $<HTMLSelectElement>(settings, '#language').value = 'en';
      button(settings, '保存').click();
      await waitUntil(
        () => settings.shadowRoot!.textContent!.includes('Settings saved'),
        'not saved',
      );
      // Kept in the store before the screen said so (K-3).
      expect(Object.fromEntries(await kept!.readSettings())).to.include({
        roomId: 'D',
        language: 'en',
      });
      await expect(el).to.be.accessible();
      button(settings, 'Back').click();
      await waitUntil(() => el.shadowRoot!.querySelector('door-display'));
      expect($(door(el), 'h1').textContent).to.equal('洽谈室');
      expect(doorText(el)).to.contain('No more bookings today').and.to.contain('No smoking');
      expect($$(el, 'nav button').map((b) => b.textContent!.trim())).to.deep.equal([
        'Book now',
        'Report a fault',
      ]);
      await expect(el).to.be.accessible();
    } finally {
      await setLocale('zh-CN');
    }
  });

  it('K-4: with no rooms yet, it says so and the settings import the first schedule', async () => {
    const store = controlledStore(createMemoryEventStore<KioskEvent>());
    const service = await KioskService.open(store, { device: 'test-tablet' });
    const { el } = await open(undefined, service, store);
    expect(el.shadowRoot!.textContent).to.contain('还没有会议室');
    await expect(el).to.be.accessible();
    const settings = await openSettings(el);
    chooseFile($<HTMLInputElement>(settings, '#import'), 'bad.json', '[]');
    await waitUntil(() => rejection(el).includes('应为一个 JSON 对象'), 'the refusal is not shown');
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
    chooseFile($<HTMLInputElement>(settings, '#import'), 'good.json', file);
    // With a room, the app leaves its empty screen: the settings are drawn anew, with the notice.
    await waitUntil(() => deepText(el.shadowRoot!).includes('日程文件已导入:1 项'), 'not imported');
    expect(rejection(el)).to.equal('');
    button(await child(el, 'settings-panel'), '返回').click();
    await waitUntil(() => el.shadowRoot!.querySelector('door-display'));
    expect($(door(el), 'h1').textContent).to.equal('培训室');
    await expect(el).to.be.accessible();
  });
});
