import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/components/equipment-checklist.js';
import '../src/components/fault-report.js';
import '../src/components/power-off-confirm.js';
import type { EquipmentChecklist } from '../src/components/equipment-checklist.js';
import type { FaultReport } from '../src/components/fault-report.js';
import type { PowerOffConfirm } from '../src/components/power-off-confirm.js';
import type { HuiyiKiosk } from '../src/components/huiyi-kiosk.js';
import { $, T0, button, deepButton, deepText, typeInto } from './helpers.js';
import {
  confirmed,
  doorText,
  moveClock,
  navButtons,
  openShell,
  screenOf,
  settle,
  toolButtons,
} from './shell.js';

describe('equipment-checklist', () => {
  it('R-7: each item is marked working or faulty with what is wrong; known faults are shown, not asked', async () => {
    const el = await fixture<EquipmentChecklist>(
      html`<equipment-checklist
        .lines=${[
          { equipmentId: 'A-proj', label: '投影仪' },
          { equipmentId: 'A-mic', label: '无线话筒' },
          { equipmentId: 'A-screen', label: '幕布', fault: '卡住' },
        ]}
      ></equipment-checklist>`,
    );
    expect(deepText(el.shadowRoot!)).to.contain('故障待修：卡住');
    const done = () => button(el, '检查完毕') as HTMLButtonElement;
    expect(done().disabled).to.equal(true);
    const rows = [...el.shadowRoot!.querySelectorAll('li')];
    (rows[0]!.querySelector('button.ok') as HTMLButtonElement).click();
    (rows[1]!.querySelector('button.faulty') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(done().disabled, 'a faulty answer needs a note').to.equal(true);
    typeInto(el.shadowRoot!.querySelectorAll('li')[1]!.querySelector('input')!, '没有声音');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    setTimeout(() => done().click());
    const e = await oneEvent(el, 'checklist-done');
    expect(e.detail.answers).to.deep.equal([
      { equipmentId: 'A-proj', result: 'ok' },
      { equipmentId: 'A-mic', result: 'faulty', note: '没有声音' },
    ]);
  });
});

describe('fault-report', () => {
  it('R-7: which item and what is wrong, by one tap or in one’s own words', async () => {
    const el = await fixture<FaultReport>(
      html`<fault-report
        .items=${[
          { equipmentId: 'A-proj', label: '投影仪', faulty: false },
          { equipmentId: 'A-mic', label: '无线话筒', faulty: true },
        ]}
      ></fault-report>`,
    );
    const submit = () => button(el, '提交报修') as HTMLButtonElement;
    expect(submit().disabled).to.equal(true);
    expect(deepText(el.shadowRoot!)).to.contain('无线话筒 · 已报修');
    $(el, 'button[data-equipment="A-proj"]').click();
    button(el, '没有画面').click();
    await el.updateComplete;
    expect(submit().disabled).to.equal(false);
    await expect(el).to.be.accessible();
    setTimeout(() => submit().click());
    const e = await oneEvent(el, 'fault-reported');
    expect(e.detail).to.deep.equal({ equipmentId: 'A-proj', note: '没有画面' });
  });
});

describe('power-off-confirm', () => {
  it('R-7: the organizer confirms the equipment, lights and air conditioning are off', async () => {
    const el = await fixture<PowerOffConfirm>(
      html`<power-off-confirm
        topic="售后周例会"
        .items=${['投影仪', '无线话筒']}
      ></power-off-confirm>`,
    );
    const text = deepText(el.shadowRoot!);
    expect(text)
      .to.contain('会后确认：售后周例会')
      .and.to.contain('投影仪')
      .and.to.contain('灯光与空调');
    await expect(el).to.be.accessible();
    setTimeout(() => button(el, '已全部关闭').click());
    await oneEvent(el, 'power-off-confirmed');
  });
});

describe('huiyi-kiosk: upkeep at the door', () => {
  const tap = (el: HuiyiKiosk, label: string) => deepButton(el.shadowRoot!, label).click();

  it('R-7: a fault reported at the door marks the item faulty, shows on the door, and a booking needing it is refused', async () => {
    const { el, service, store } = await openShell('A');
    tap(el, '报告设备故障');
    const form = await screenOf<FaultReport>(el, 'fault-report');
    $(form, 'button[data-equipment="A-proj"]').click();
    button(form, '无法开机').click();
    await form.updateComplete;
    const before = await store.lastPosition();
    button(form, '提交报修').click();
    await confirmed(el, '故障已报修');
    expect(await store.lastPosition()).to.be.greaterThan(before);
    expect(service.state.bookings.rooms.get('A')!.faulty.get('A-proj')).to.equal('无法开机');
    await settle(el);
    expect(doorText(el)).to.contain('设备故障待修：').and.to.contain('投影仪（无法开机）');
    const r = await service.dispatch({
      type: 'RequestBooking',
      now: T0,
      actor: { id: 'p-liu', roles: [] },
      bookingId: 'needs-projector',
      roomId: 'A',
      topic: '配件周会',
      headcount: 4,
      start: T0 + 3 * 3_600_000,
      end: T0 + 4 * 3_600_000,
      equipment: ['projector'],
    });
    expect(r.ok ? 'accepted' : r.rejection.code).to.equal('booking.equipment-faulty');
    await expect(el).to.be.accessible();
  });

  it('R-4, R-7: check-in brings the checklist; a faulty answer reports the fault, which the door then shows', async () => {
    const { el, service, store, clock } = await openShell('B');
    const booking = service.state.bookings.rooms.get('B')!.bookings.get('demo-complaints')!;
    await moveClock(el, clock, booking.start + 2 * 60_000);
    await waitUntil(() => navButtons(el).includes('签到入场'), navButtons(el).join());
    tap(el, '签到入场');
    const list = await screenOf<EquipmentChecklist>(el, 'equipment-checklist');
    const rows = [...list.shadowRoot!.querySelectorAll('li')];
    expect(rows.map((r) => r.querySelector('span')!.textContent)).to.deep.equal([
      '视频会议终端',
      '投影仪',
    ]);
    await expect(el).to.be.accessible();
    (rows[0]!.querySelector('button.ok') as HTMLButtonElement).click();
    (rows[1]!.querySelector('button.faulty') as HTMLButtonElement).click();
    await list.updateComplete;
    typeInto(list.shadowRoot!.querySelectorAll('li')[1]!.querySelector('input')!, '灯泡不亮');
    await list.updateComplete;
    // A person takes longer than the 400 ms in which any tap after a gesture is its echo.
    await new Promise((r) => setTimeout(r, 450));
    button(list, '检查完毕').click();
    await confirmed(el, '检查已记录，故障已报修');
    expect(el.screen).to.equal('home');
    const events = (await store.readAfter(0)).map((e) => e.data);
    const checklist = events.find((e) => e.type === 'ChecklistCompleted');
    expect(checklist).to.deep.include({ roomId: 'B', bookingId: 'demo-complaints', by: 'p-chen' });
    expect(events.filter((e) => e.type === 'EquipmentFaultReported')).to.have.length(1);
    expect(service.state.bookings.rooms.get('B')!.faulty.get('B-proj')).to.equal('灯泡不亮');
    await settle(el);
    expect(doorText(el)).to.contain('投影仪（灯泡不亮）');
    expect(toolButtons(el)).not.to.include('设备检查');
    await expect(el).to.be.accessible();
  });

  it('R-7: a checklist put off is offered on the home screen while the meeting waits, not once it runs', async () => {
    const { el, service, clock } = await openShell('B');
    const booking = service.state.bookings.rooms.get('B')!.bookings.get('demo-complaints')!;
    await moveClock(el, clock, booking.start - 5 * 60_000);
    expect(toolButtons(el)).to.include('设备检查');
    tap(el, '设备检查');
    const list = await screenOf<EquipmentChecklist>(el, 'equipment-checklist');
    button(list, '稍后再查').click();
    await settle(el);
    expect(el.screen).to.equal('home');
    expect(toolButtons(el)).to.include('设备检查');
    tap(el, '签到入场');
    button(await screenOf(el, 'equipment-checklist'), '稍后再查').click();
    await settle(el);
    expect(toolButtons(el)).not.to.include('设备检查');
  });

  it('R-5, R-7: ending early asks for the power-off; put off, the home screen keeps asking until it is confirmed', async () => {
    const { el, service, store } = await openShell('A');
    tap(el, '提前结束');
    await settle(el);
    await new Promise((r) => setTimeout(r, 550));
    tap(el, '确认结束');
    const confirm = await screenOf(el, 'power-off-confirm');
    expect(deepText(confirm.shadowRoot!))
      .to.contain('会后确认：售后周例会')
      .and.to.contain('投影仪');
    await expect(el).to.be.accessible();
    button(confirm, '稍后').click();
    await settle(el);
    expect(el.screen).to.equal('home');
    expect(toolButtons(el)).to.include('会后确认断电');
    tap(el, '会后确认断电');
    await new Promise((r) => setTimeout(r, 450));
    button(await screenOf(el, 'power-off-confirm'), '已全部关闭').click();
    await confirmed(el, '已确认全部断电');
    const events = (await store.readAfter(0)).map((e) => e.data);
    expect(events.filter((e) => e.type === 'PowerOffConfirmed')).to.deep.equal([
      { type: 'PowerOffConfirmed', roomId: 'A', bookingId: 'demo-weekly', by: 'p-wang', at: T0 },
    ]);
    expect(service.state.upkeep.get('A')!.powerOffs.has('demo-weekly')).to.equal(true);
    await settle(el);
    expect(toolButtons(el)).not.to.include('会后确认断电');
    await expect(el).to.be.accessible();
  });
});
