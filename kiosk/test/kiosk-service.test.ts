import { expect } from '@open-wc/testing';
import { DEMO_ROOMS, StoreError, type Actor } from '@huiyi/core';
import { createMemoryEventStore } from '@huiyi/core/testing';
import type { KioskEvent, SignatureCaptured } from '../src/services/kiosk-events.js';
import { KioskService, type Outcome } from '../src/services/kiosk-service.js';
import { T0, controlledStore, demoService } from './helpers.js';

const door: Actor = { id: 'door:D', roles: [] };
const walkUp = (bookingId: string, minutes = 30, now = T0) => ({
  type: 'WalkUp',
  now,
  actor: { id: 'p-liu', roles: [] },
  roomId: 'D',
  bookingId,
  minutes,
});
const reason = (o: Outcome) => (o.ok ? 'accepted' : `${o.rejection.rule} ${o.rejection.code}`);

/** A small deterministic source of arbitrary JSON (mulberry32). */
function arbitraryJson(seed: number): () => unknown {
  let s = seed;
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const keys = ['type', 'now', 'actor', 'roomId', 'bookingId', 'minutes', 'meetingId', 'id', 'x'];
  const types = ['WalkUp', 'CheckIn', 'SignIn', 'RegisterPerson', 'RequestBooking', 'Nope'];
  const value = (depth: number): unknown => {
    const pick = Math.floor(rand() * (depth > 2 ? 5 : 8));
    switch (pick) {
      case 0:
        return null;
      case 1:
        return rand() < 0.5;
      case 2:
        return Math.floor(rand() * 2e12) * (rand() < 0.2 ? -1 : 1) + (rand() < 0.2 ? 0.5 : 0);
      case 3:
        return types[Math.floor(rand() * types.length)];
      case 4:
        return 'x'.repeat(Math.floor(rand() * 5));
      case 5:
        return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
      default: {
        const o: Record<string, unknown> = {};
        for (let i = Math.floor(rand() * 6); i > 0; i -= 1)
          o[keys[Math.floor(rand() * keys.length)]!] = value(depth + 1);
        if (rand() < 0.6) o['type'] = types[Math.floor(rand() * types.length)];
        return o;
      }
    }
  };
  return () => value(0);
}

describe('KioskService', () => {
  it('K-3: the state moves on, and listeners hear of it, only once the write is in the log', async () => {
    const { service, store } = await demoService();
    const before = service.state;
    const heard: unknown[] = [];
    service.subscribe((s) => heard.push(s));
    const position = await store.lastPosition();
    store.hold();
    const pending = service.dispatch(walkUp('w-1'));
    await new Promise((r) => setTimeout(r, 20));
    expect(store.waiting).to.equal(1);
    expect(service.state === before, 'the state changed').to.equal(true);
    expect(heard.length).to.equal(0);
    store.release();
    const outcome = await pending;
    expect(reason(outcome)).to.equal('accepted');
    expect(outcome.ok && outcome.value.map((e) => e.type)).to.deep.equal([
      'RoomBooked',
      'BookingCheckedIn',
    ]);
    expect(await store.lastPosition()).to.equal(position + 2);
    expect(service.state.bookings.rooms.get('D')!.bookings.get('w-1')!.status).to.equal(
      'checked-in',
    );
    expect(
      heard.length === 1 && heard[0] === service.state,
      'told once, of the new state',
    ).to.equal(true);
  });

  it('K-3: reopening the log gives the same state', async () => {
    const { service, store } = await demoService();
    await service.dispatch(walkUp('w-1'));
    const again = await KioskService.open(store, { device: 'other' });
    expect(again.state.bookings.rooms.get('D')!.bookings.get('w-1')!.status).to.equal('checked-in');
    expect([...again.state.directory.people.keys()]).to.deep.equal([
      ...service.state.directory.people.keys(),
    ]);
    expect(again.state.meetings.meetings.get('m-weekly')!.signIns).to.deep.equal(
      service.state.meetings.meetings.get('m-weekly')!.signIns,
    );
  });

  it('K-3: commands dispatched at once are decided in order, each against the state the one before left', async () => {
    const { service, store } = await demoService();
    store.hold();
    const first = service.dispatch(walkUp('w-1', 60));
    const second = service.dispatch(walkUp('w-2', 15));
    const third = service.dispatch({
      type: 'ExtendBooking',
      now: T0,
      actor: door,
      roomId: 'D',
      bookingId: 'w-1',
      minutes: 15,
      fromEnd: Math.floor(T0 / 60_000) * 60_000 + 60 * 60_000,
    });
    await new Promise((r) => setTimeout(r, 20));
    // One write at a time: the second waits for the first to be in the log.
    expect(store.waiting).to.equal(1);
    store.release();
    await new Promise((r) => setTimeout(r, 0));
    store.release();
    const [a, b, c] = await Promise.all([first, second, third]);
    expect(reason(a)).to.equal('accepted');
    expect(reason(b)).to.match(/^R-5 /);
    expect(reason(c)).to.equal('accepted');
    const events = (await store.readAfter(0)).map((e) => e.data);
    const idOf = (e: KioskEvent) =>
      e.type === 'RoomBooked' ? e.booking.id : 'bookingId' in e ? String(e.bookingId) : '';
    const mine = events.filter((e) => idOf(e).startsWith('w-'));
    expect(mine.map((e) => e.type)).to.deep.equal([
      'RoomBooked',
      'BookingCheckedIn',
      'BookingExtended',
    ]);
  });

  it('K-4: dispatchAll is all or nothing, and says which command was refused', async () => {
    const { service, store } = await demoService();
    const before = service.state;
    const position = await store.lastPosition();
    const outcome = await service.dispatchAll([
      walkUp('w-1', 30),
      { type: 'RegisterRoom', now: T0, actor: door, room: { ...DEMO_ROOMS[3], id: 'Z' } },
      walkUp('w-2', 15),
    ]);
    if (outcome.ok) throw new Error('accepted');
    expect(outcome.rejection.data['index']).to.equal(1);
    expect(await store.lastPosition()).to.equal(position);
    expect(service.state === before, 'the state changed').to.equal(true);
    expect(service.state.bookings.rooms.get('D')!.bookings.has('w-1')).to.equal(false);
    // The second command decided against the first's outcome: D is taken now.
    const busy = await service.dispatchAll([walkUp('w-1', 30), walkUp('w-2', 15)]);
    if (busy.ok) throw new Error('accepted');
    expect(busy.rejection.rule).to.equal('R-5');
    expect(busy.rejection.data['index']).to.equal(1);
    expect(await store.lastPosition()).to.equal(position);
    const both = await service.dispatchAll([walkUp('w-1', 30), walkUp('w-1', 30)]);
    expect(reason(both)).to.equal('accepted');
    expect(await store.lastPosition()).to.equal(position + 2);
  });

  it('K-2: arbitrary JSON is rejected, not thrown, and writes nothing', async () => {
    const { service, store } = await demoService();
    const position = await store.lastPosition();
    const next = arbitraryJson(20_260_310);
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      'WalkUp',
      [],
      {},
      { type: 'WalkUp' },
      { type: 'toString' },
      { type: '__proto__' },
      { ...walkUp('w-1'), now: 'now' },
      { ...walkUp('w-1'), minutes: 45 },
      { ...walkUp('w-1'), actor: null },
      { ...walkUp('w-1'), roomId: 'nowhere' },
      JSON.parse('{"type":"SignIn","__proto__":{"now":1}}'),
      ...Array.from({ length: 300 }, next),
    ];
    for (const input of inputs) {
      let outcome: Outcome | undefined;
      try {
        outcome = await service.dispatch(input);
      } catch (error) {
        throw new Error(`${JSON.stringify(input)} threw ${String(error)}`, { cause: error });
      }
      expect(outcome.ok, JSON.stringify(input)).to.equal(false);
      if (!outcome.ok) expect(outcome.rejection.rule).to.match(/^[A-Z]-\d+$/);
    }
    const batch = await service.dispatchAll([walkUp('w-1'), null]);
    expect(batch.ok).to.equal(false);
    expect(await store.lastPosition()).to.equal(position);
  });

  it('K-3: a store fault is a rejection that names it, and the state stays as it was', async () => {
    const { service, store } = await demoService();
    const before = service.state;
    store.failWith(new StoreError('quota-exceeded'));
    const full = await service.dispatch(walkUp('w-1'));
    if (full.ok) throw new Error('accepted');
    expect(full.rejection.rule).to.equal('K-3');
    expect(full.rejection.code).to.equal('store.quota-exceeded');
    expect(full.rejection.message['zh-CN']).to.equal('设备存储空间已满，本次操作未写入任何内容');
    store.failWith(new TypeError('boom'));
    const other = await service.dispatch(walkUp('w-1'));
    expect(!other.ok && other.rejection.code).to.equal('store.failed');
    expect(service.state === before, 'the state changed').to.equal(true);
    store.failWith(undefined);
    expect(reason(await service.dispatch(walkUp('w-1')))).to.equal('accepted');
  });

  it('K-2: a repeated command (a double tap) decides to nothing and writes nothing', async () => {
    const { service, store } = await demoService();
    const checkIn = {
      type: 'CheckIn',
      now: T0,
      actor: { id: 'door:B', roles: [] },
      roomId: 'B',
      bookingId: 'demo-complaints',
    };
    const [a, b] = await Promise.all([service.dispatch(checkIn), service.dispatch(checkIn)]);
    expect(a.ok && a.value.map((e) => e.type)).to.deep.equal(['BookingCheckedIn']);
    expect(b.ok && b.value).to.deep.equal([]);
    const log = await store.readAfter(0);
    expect(
      log.filter((e) => e.data.type === 'BookingCheckedIn' && e.stream === 'room:B'),
    ).to.have.length(1);
  });

  it('R-8: attachments are written in the same batch as the command, and not when it is refused', async () => {
    const store = createMemoryEventStore<KioskEvent>();
    const { service } = await demoService(T0, controlledStore(store));
    const signature: SignatureCaptured = {
      type: 'SignatureCaptured',
      signatureId: 'sig-1',
      personId: 'p-zhao',
      image: 'data:image/png;base64,AAAA',
    };
    const sign = {
      type: 'SignConfidentialityAgreement',
      now: T0,
      actor: { id: 'p-zhao', roles: [] },
      personId: 'p-zhao',
      version: 1,
      signatureRef: 'sig-1',
      meetingId: 'm-secret',
    };
    const position = await store.lastPosition();
    const refused = await service.dispatch({ ...sign, version: 99 }, [signature]);
    expect(refused.ok).to.equal(false);
    expect(await store.lastPosition()).to.equal(position);
    const signed = await service.dispatch(sign, [signature]);
    expect(signed.ok && signed.value.map((e) => e.type)).to.deep.equal([
      'ConfidentialityAgreementSigned',
      'SignatureCaptured',
    ]);
    const written = await store.readAfter(position);
    expect(written.map((e) => [e.stream, e.data.type])).to.deep.equal([
      ['confidentiality:p-zhao', 'ConfidentialityAgreementSigned'],
      ['signature:sig-1', 'SignatureCaptured'],
    ]);
    expect(written.every((e) => e.who === 'p-zhao' && e.device === 'test-tablet')).to.equal(true);
  });
});
