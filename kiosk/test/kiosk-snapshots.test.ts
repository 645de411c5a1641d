import { expect } from '@open-wc/testing';
import { DAY, MINUTE, type Actor } from '@huiyi/core';
import { contextOf } from '../src/services/kiosk-events.js';
import { KioskService, type Outcome } from '../src/services/kiosk-service.js';
import {
  SNAPSHOTS,
  SNAPSHOT_VERSION,
  decodeSnapshot,
  encodeSnapshot,
  screenOf,
} from '../src/services/kiosk-snapshots.js';
import { T0, demoService } from './helpers.js';

const wang: Actor = { id: 'p-wang', roles: [] };
const reason = (o: Outcome) => (o.ok ? 'accepted' : `${o.rejection.rule} ${o.rejection.code}`);

/** The demo with some upkeep: a fault, the weekly meeting's checklist and its power-off. */
async function demoWithUpkeep() {
  const demo = await demoService();
  const { service } = demo;
  const steps = [
    {
      type: 'ReportEquipmentFault',
      now: T0,
      actor: { id: 'door:A', roles: [] },
      roomId: 'A',
      equipmentId: 'A-mic',
      note: '没有声音',
    },
    {
      type: 'CompleteChecklist',
      now: T0 + MINUTE,
      actor: wang,
      roomId: 'A',
      bookingId: 'demo-weekly',
      answers: [{ equipmentId: 'A-proj', result: 'ok' }],
    },
    { type: 'EndEarly', now: T0 + 2 * MINUTE, actor: wang, roomId: 'A', bookingId: 'demo-weekly' },
    {
      type: 'ConfirmPowerOff',
      now: T0 + 3 * MINUTE,
      actor: wang,
      roomId: 'A',
      bookingId: 'demo-weekly',
    },
  ];
  for (const step of steps)
    expect(reason(await service.dispatch(step)), step.type).to.equal('accepted');
  return demo;
}

describe('kiosk snapshots', () => {
  it('R-7: faults and repairs go to the upkeep, which warns later bookings; checklists and power-off too', () => {
    for (const type of [
      'ReportEquipmentFault',
      'RepairEquipment',
      'CompleteChecklist',
      'ConfirmPowerOff',
    ])
      expect(contextOf({ type }), type).to.equal('upkeep');
    expect(contextOf({ type: 'CheckIn' })).to.equal('bookings');
    expect(contextOf({ type: 'SignIn' })).to.equal('meetings');
  });

  it('K-3: a snapshot saved as JSON reads back to the same state, upkeep included', async () => {
    const { service } = await demoWithUpkeep();
    const upkeep = service.state.upkeep.get('A')!;
    expect([...upkeep.faults.keys()]).to.deep.equal(['A-mic']);
    expect([...upkeep.checklists.keys()]).to.deep.equal(['demo-weekly']);
    expect([...upkeep.powerOffs.keys()]).to.deep.equal(['demo-weekly']);
    const saved = JSON.parse(JSON.stringify(encodeSnapshot({ state: service.state, now: T0 })));
    const back = decodeSnapshot(saved);
    expect(back?.now).to.equal(T0);
    expect(back?.state).to.deep.equal(service.state);
  });

  it('K-3: a snapshot of another shape is refused, so the state is folded from the log', () => {
    expect(decodeSnapshot(null)).to.equal(undefined);
    expect(
      decodeSnapshot({ now: 0, rooms: [], meetings: [], agreements: [], people: [] }),
    ).to.equal(undefined);
    expect(
      decodeSnapshot({
        now: 0,
        rooms: [],
        upkeep: [{ roomId: 'A', faults: {} }],
        meetings: [],
        agreements: [],
        people: [],
      }),
    ).to.equal(undefined);
  });

  it('K-3: the screen keeps the upkeep of the bookings it keeps, and every open fault', async () => {
    const { service } = await demoWithUpkeep();
    const now = T0 + 3 * MINUTE;
    const screen = screenOf(service.state, now);
    expect(screen.upkeep.get('A')!.checklists.has('demo-weekly')).to.equal(true);
    expect(screen.upkeep.get('A')!.powerOffs.has('demo-weekly')).to.equal(true);
    // Three days on, the weekly meeting has left the screen, and its upkeep with it; the fault stays.
    const later = screenOf(service.state, now + 3 * DAY);
    expect(later.bookings.rooms.get('A')!.bookings.has('demo-weekly')).to.equal(false);
    expect(later.upkeep.get('A')!.checklists.size).to.equal(0);
    expect(later.upkeep.get('A')!.powerOffs.size).to.equal(0);
    expect([...later.upkeep.get('A')!.faults.keys()]).to.deep.equal(['A-mic']);
  });

  it('K-3: a restart from the snapshots shows the same upkeep, and decides against it', async () => {
    const { service, store } = await demoWithUpkeep();
    await store.saveProjection(
      SNAPSHOTS.screen,
      SNAPSHOT_VERSION,
      service.position,
      encodeSnapshot({ state: screenOf(service.state, T0), now: T0 }),
    );
    await store.saveProjection(
      SNAPSHOTS.full,
      SNAPSHOT_VERSION,
      service.position,
      encodeSnapshot({ state: service.state, now: T0 }),
    );
    const again = await KioskService.openForScreen(store, { device: 'test-tablet' });
    expect(again.state.upkeep.get('A')!.faults.get('A-mic')?.note).to.equal('没有声音');
    await again.whenComplete();
    expect(again.state).to.deep.equal(service.state);
    // The power-off is already confirmed: a second tap writes nothing.
    const before = await store.lastPosition();
    const repeat = await again.dispatch({
      type: 'ConfirmPowerOff',
      now: T0 + 4 * MINUTE,
      actor: wang,
      roomId: 'A',
      bookingId: 'demo-weekly',
    });
    expect(repeat.ok && repeat.value).to.deep.equal([]);
    expect(await store.lastPosition()).to.equal(before);
  });
});
