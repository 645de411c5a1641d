import { expect } from '@open-wc/testing';
import { DAY, MINUTE, StoreError, commandContext, type Actor, type EventStore } from '@huiyi/core';
import { KioskService, type Outcome } from '../src/services/kiosk-service.js';
import type { KioskEvent } from '../src/services/kiosk-events.js';
import { foldKioskEvents } from '../src/services/kiosk-state.js';
import {
  SNAPSHOTS,
  SNAPSHOT_VERSION,
  decodeSnapshot,
  encodeSnapshot,
  readScreenCopy,
  screenOf,
  storageCopy,
  writeScreenCopy,
  type ScreenCopy,
} from '../src/services/kiosk-snapshots.js';
import { T0, demoService } from './helpers.js';

const wang: Actor = { id: 'p-wang', roles: [] };

/** A screen copy in memory, as the page keeps one in localStorage; `full` makes writes throw. */
function memoryCopy(
  text: string | null = null,
): ScreenCopy & { text: string | null; full: boolean } {
  return {
    text,
    full: false,
    read() {
      return this.text;
    },
    write(next) {
      if (this.full) throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
      this.text = next;
    },
    clear() {
      this.text = null;
    },
  };
}

/** A promise and what settles it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Whether a promise has settled by the next macrotask. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

const checkIn = (now: number) => ({
  type: 'CheckIn',
  now,
  actor: wang,
  roomId: 'B',
  bookingId: 'demo-complaints',
});
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
      expect(commandContext({ type }), type).to.equal('upkeep');
    expect(commandContext({ type: 'CheckIn' })).to.equal('rooms');
    expect(commandContext({ type: 'SignIn' })).to.equal('meetings');
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

  it("K-3, M-5: the meetings' anomalies (a sign-in for a meeting never planned, one at a cancelled meeting) are kept through a snapshot and the screen's cut", async () => {
    const { service } = await demoService();
    const odd = [
      { type: 'SignedIn', meetingId: 'm-ghost', personId: 'p-liu', by: 'p-liu', at: T0 },
      { type: 'MeetingCancelled', meetingId: 'm-secret', by: 'p-wang', at: T0 },
      { type: 'SignedIn', meetingId: 'm-secret', personId: 'p-zhao', by: 'p-zhao', at: T0 },
    ] as KioskEvent[];
    const state = foldKioskEvents(service.state, odd);
    expect(state.meetings.anomalies?.map((a) => [a.kind, a.meetingId])).to.deep.equal([
      ['unknown-meeting', 'm-ghost'],
      ['out-of-turn', 'm-secret'],
    ]);
    const back = decodeSnapshot(JSON.parse(JSON.stringify(encodeSnapshot({ state, now: T0 }))));
    expect(back?.state).to.deep.equal(state);
    expect(screenOf(state, T0).meetings.anomalies).to.deep.equal(state.meetings.anomalies);
  });

  it('K-3: a snapshot of another shape is refused, so the state is folded from the log', async () => {
    expect(decodeSnapshot(null)).to.equal(undefined);
    expect(decodeSnapshot('{ "now": ')).to.equal(undefined);
    expect(decodeSnapshot('null')).to.equal(undefined);
    // The right outline, but a room's bookings as a plain list rather than a tagged Map.
    const { service } = await demoService();
    const good = encodeSnapshot({ state: service.state, now: T0 });
    expect(decodeSnapshot(good)?.state).to.deep.equal(service.state);
    const saved = JSON.parse(good) as {
      state: { bookings: { rooms: { $map: [string, { bookings: unknown }][] } } };
    };
    saved.state.bookings.rooms.$map[0]![1].bookings = [];
    expect(decodeSnapshot(JSON.stringify(saved))).to.equal(undefined);
    // A Map where a Map belongs, but the whole state's directory missing.
    const noPeople = JSON.parse(good) as { state: { directory?: unknown } };
    delete noPeople.state.directory;
    expect(decodeSnapshot(JSON.stringify(noPeople))).to.equal(undefined);
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

  it("K-3: the screen's copy reads back what was written, and nothing else is read as a copy", async () => {
    const { service } = await demoWithUpkeep();
    const copy = memoryCopy();
    const screen = encodeSnapshot({ state: screenOf(service.state, T0), now: T0 });
    writeScreenCopy(copy, service.position, screen);
    const back = readScreenCopy(copy);
    expect(back?.position).to.equal(service.position);
    expect(back?.now).to.equal(T0);
    expect(back?.state).to.deep.equal(screenOf(service.state, T0));
    // storageCopy keeps it in a Storage, under its key.
    const stored = storageCopy(sessionStorage, 'huiyi-test.screen');
    writeScreenCopy(stored, service.position, screen);
    expect(readScreenCopy(stored)?.state).to.deep.equal(back?.state);
    stored.clear();
    expect(sessionStorage.getItem('huiyi-test.screen')).to.equal(null);
    for (const text of [
      null,
      '',
      'not json',
      'null',
      JSON.stringify({ version: SNAPSHOT_VERSION + 1, position: 3, state: screen }),
      JSON.stringify({ version: SNAPSHOT_VERSION, position: 0, state: screen }),
      JSON.stringify({ version: SNAPSHOT_VERSION, position: 2.5, state: screen }),
      JSON.stringify({ version: SNAPSHOT_VERSION, position: '3', state: screen }),
      JSON.stringify({ version: SNAPSHOT_VERSION, position: 3, state: { rooms: {} } }),
    ])
      expect(readScreenCopy(memoryCopy(text)), String(text)).to.equal(undefined);
    const unreadable: ScreenCopy = {
      read: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      write: () => undefined,
      clear: () => undefined,
    };
    expect(readScreenCopy(unreadable)).to.equal(undefined);
  });

  it('K-3: a copy that does not fit is dropped, so an older one is never read as the latest', async () => {
    const { service } = await demoService();
    const screen = encodeSnapshot({ state: screenOf(service.state, T0), now: T0 });
    const copy = memoryCopy();
    expect(writeScreenCopy(copy, 1, screen)).to.equal(true);
    expect(readScreenCopy(copy)?.position).to.equal(1);
    copy.full = true;
    expect(writeScreenCopy(copy, service.position, screen)).to.equal(false);
    expect(copy.text).to.equal(null);
    expect(readScreenCopy(copy)).to.equal(undefined);
  });

  it('K-3: a restart draws the copy before the log is open; the log then replaces it, and commands wait for the log', async () => {
    const { service, store } = await demoService();
    // The copy is of the state before the last check-in: the log has moved on since.
    const copy = memoryCopy();
    writeScreenCopy(
      copy,
      service.position,
      encodeSnapshot({ state: screenOf(service.state, T0), now: T0 }),
    );
    const copiedAt = service.position;
    expect(reason(await service.dispatch(checkIn(T0)))).to.equal('accepted');

    const opening = deferred<EventStore<KioskEvent>>();
    const drawn = deferred<void>();
    const again = await KioskService.openForScreen(opening.promise, {
      device: 'test-tablet',
      copy,
      restAfter: drawn.promise,
    });
    // At once, without the log: the copy's state and position.
    expect(again.position).to.equal(copiedAt);
    expect(
      again.state.bookings.rooms.get('B')!.bookings.get('demo-complaints')?.checkedInAt,
    ).to.equal(undefined);
    // A command waits for the log and for the whole state: it is never decided against the copy.
    const tap = again.dispatch(checkIn(T0 + MINUTE));
    expect(await settled(tap)).to.equal(false);
    opening.resolve(store);
    drawn.resolve();
    // The check-in the copy lacked is in the log: a second one is refused, not written twice.
    const outcome = await tap;
    expect(outcome.ok, reason(outcome)).to.equal(true);
    expect(outcome.ok && outcome.value).to.deep.equal([]);
    expect(again.state).to.deep.equal(service.state);
    expect(again.position).to.equal(await store.lastPosition());
    // The copy behind the log is written again with the next save (a second after).
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(readScreenCopy(copy)?.position).to.equal(again.position);
  });

  it('K-3: a copy of another log is replaced by what this log holds, and then copied again', async () => {
    const { service: other } = await demoWithUpkeep();
    const { service, store } = await demoService();
    // Another log's screen at the same position as this log's last event, from a month before.
    const copy = memoryCopy();
    writeScreenCopy(
      copy,
      service.position,
      encodeSnapshot({ state: screenOf(other.state, T0 - 30 * DAY), now: T0 - 30 * DAY }),
    );
    const drawn = deferred<void>();
    const again = await KioskService.openForScreen(store, {
      device: 'test-tablet',
      copy,
      restAfter: drawn.promise,
    });
    expect(again.state.upkeep.get('A')!.faults.size).to.equal(1);
    drawn.resolve();
    await again.whenComplete();
    expect(again.state).to.deep.equal(service.state);
    expect(again.position).to.equal(service.position);
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    const copied = readScreenCopy(copy);
    expect(copied?.now).to.not.equal(T0 - 30 * DAY);
    expect(copied?.state.upkeep.get('A')?.faults.size ?? 0).to.equal(0);
    expect(copied?.state).to.deep.equal(screenOf(service.state, copied?.now ?? 0));
  });

  it('K-3: with the log unavailable the door still shows the copy, and a command is refused with the reason, changing nothing', async () => {
    const { service } = await demoService();
    const copy = memoryCopy();
    writeScreenCopy(
      copy,
      service.position,
      encodeSnapshot({ state: screenOf(service.state, T0), now: T0 }),
    );
    const again = await KioskService.openForScreen(
      Promise.reject(new StoreError('unavailable', { name: 'huiyi-kiosk' })),
      { device: 'test-tablet', copy },
    );
    expect(again.state).to.deep.equal(screenOf(service.state, T0));
    const outcome = await again.dispatch(checkIn(T0));
    expect(reason(outcome)).to.equal('K-3 store.unavailable');
    expect(again.state).to.deep.equal(screenOf(service.state, T0));
    expect(again.position).to.equal(service.position);
  });

  it('K-3: closing the page writes the copy of the state the log holds, once', async () => {
    const { service: seeded, store } = await demoService();
    const copy = memoryCopy();
    const service = await KioskService.openForScreen(store, { device: 'test-tablet', copy });
    await service.whenComplete();
    expect(reason(await service.dispatch(checkIn(T0)))).to.equal('accepted');
    service.keepCopy();
    const written = readScreenCopy(copy);
    expect(written?.position).to.equal(await store.lastPosition());
    expect(written?.position).to.be.greaterThan(seeded.position);
    expect(
      written?.state.bookings.rooms.get('B')!.bookings.get('demo-complaints')?.checkedInAt,
    ).to.equal(T0);
    // Nothing moved since: the copy is not written again.
    copy.full = true;
    service.keepCopy();
    expect(copy.text).to.not.equal(null);
  });
});
