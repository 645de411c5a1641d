import { expect, waitUntil } from '@open-wc/testing';
import { MINUTE, envelope, eventIdFactory, standingConflicts } from '@huiyi/core';
import { createMemoryEventStore } from '@huiyi/core/testing';
import { openIdbEventStore } from '@huiyi/store-idb';
import type { KioskEvent } from '../src/services/kiosk-events.js';
import { KioskService, type Outcome } from '../src/services/kiosk-service.js';
import { webDoorLock, type DoorLock } from '../src/services/door-lock.js';
import { T0, controlledStore, demoService } from './helpers.js';

const walkUp = (bookingId: string, now = T0, minutes = 30) => ({
  type: 'WalkUp',
  now,
  actor: { id: 'p-liu', roles: [] },
  roomId: 'D',
  bookingId,
  minutes,
});
const reason = (o: Outcome) => (o.ok ? 'accepted' : `${o.rejection.rule} ${o.rejection.code}`);

/** A lock a test hands over by hand: `held` says who holds it. */
function handLock(): { lock(): DoorLock; handOver(): void } {
  const waiting: ((held: boolean) => void)[] = [];
  let holder: ((held: boolean) => void) | undefined;
  return {
    lock: () => ({
      claim(changed) {
        if (holder === undefined) {
          holder = changed;
          changed(true);
        } else {
          waiting.push(changed);
          changed(false);
        }
      },
    }),
    handOver() {
      holder = waiting.shift();
      holder?.(true);
    },
  };
}

let n = 0;
const freshName = (): string => `door-writer-${Date.now()}-${(n += 1)}`;

describe('one door, one writer (K-3)', () => {
  it('K-3: a second tab of the door only follows the first: it refuses taps, shows the first one’s, and takes over when it closes', async () => {
    const name = freshName();
    const seed = await openIdbEventStore<KioskEvent>({ name });
    await demoService(T0, controlledStore(seed));
    const locks = handLock();
    const first = await KioskService.open(await openIdbEventStore<KioskEvent>({ name }), {
      device: 'tab-1',
      lock: locks.lock(),
    });
    const second = await KioskService.open(await openIdbEventStore<KioskEvent>({ name }), {
      device: 'tab-2',
      lock: locks.lock(),
    });
    expect(first.writer).to.equal(true);
    expect(second.writer).to.equal(false);
    const refused = await second.dispatch(walkUp('w-2'));
    expect(reason(refused)).to.equal('K-3 door.viewer');
    expect(refused.ok ? '' : refused.rejection.message['zh-CN']).to.contain('另一个窗口');
    // The first one writes; the second hears of it and shows it.
    expect(reason(await first.dispatch(walkUp('w-1')))).to.equal('accepted');
    await waitUntil(
      () => second.state.bookings.rooms.get('D')!.bookings.has('w-1'),
      'the second tab does not follow the first',
      { timeout: 3000 },
    );
    // The first closes: the second takes over, deciding against the state the first left.
    locks.handOver();
    expect(second.writer).to.equal(true);
    expect(reason(await second.dispatch(walkUp('w-3', T0 + MINUTE)))).to.equal(
      'R-5 walk-up.room-busy',
    );
    await seed.close();
  });

  it('K-3: a tab whose state is stale (no word of the other’s append) reads the log before it decides', async () => {
    const store = createMemoryEventStore<KioskEvent>();
    const { service: a } = await demoService(T0, controlledStore(store));
    // Both open on the same log; neither tells the other anything.
    const b = await KioskService.open(store, { device: 'stale' });
    expect(reason(await a.dispatch(walkUp('w-a')))).to.equal('accepted');
    expect(b.state.bookings.rooms.get('D')!.bookings.has('w-a')).to.equal(false);
    expect(reason(await b.dispatch(walkUp('w-b')))).to.equal('R-5 walk-up.room-busy');
    expect(b.state.bookings.rooms.get('D')!.bookings.has('w-a')).to.equal(true);
  });

  it('K-3: a double booking forced into the log (two stale tabs of an older version) opens, shows the conflict, and the door keeps deciding', async () => {
    const store = createMemoryEventStore<KioskEvent>();
    const { service: a } = await demoService(T0, controlledStore(store));
    const b = await KioskService.open(store, { device: 'other' });
    expect(a.state.bookings.rooms.has('D')).to.equal(true);
    // Two walk-ups each accepted against the same state, both written, as two old tabs did.
    const nextId = eventIdFactory(Math.random);
    for (const [id, device] of [
      ['w-x', 'tab-x'],
      ['w-y', 'tab-y'],
    ] as const) {
      const decided = [
        {
          type: 'RoomBooked',
          roomId: 'D',
          booking: {
            id,
            roomId: 'D',
            organizerId: 'p-liu',
            topic: 'walk-up',
            headcount: 1,
            start: T0,
            end: T0 + 30 * MINUTE,
            equipment: [],
            confidential: false,
            walkUp: true,
            status: 'confirmed',
            requestedAt: T0,
          },
        },
        { type: 'BookingCheckedIn', roomId: 'D', bookingId: id, at: T0 },
      ] as KioskEvent[];
      await store.append(
        decided.map((e) =>
          envelope(e, { id: nextId(T0), stream: 'room:D', now: T0, who: 'p-liu', device }),
        ),
      );
    }
    // A new start folds it without throwing, with both parties and the conflict.
    const reopened = await KioskService.open(store, { device: 'restart' });
    const room = reopened.state.bookings.rooms.get('D')!;
    expect([...room.bookings.keys()]).to.include.members(['w-x', 'w-y']);
    expect(standingConflicts(room).map((c) => [c.bookingId, c.withId])).to.deep.equal([
      ['w-y', 'w-x'],
    ]);
    // It keeps deciding: no third booking over them, but an end early goes through, and after
    // both end the room takes a walk-up again.
    expect(reason(await reopened.dispatch(walkUp('w-z', T0 + MINUTE)))).to.equal(
      'R-5 walk-up.room-busy',
    );
    for (const id of ['w-x', 'w-y']) {
      const ended = await reopened.dispatch({
        type: 'EndEarly',
        now: T0 + 2 * MINUTE,
        actor: { id: 'p-liu', roles: [] },
        roomId: 'D',
        bookingId: id,
      });
      expect(reason(ended)).to.equal('accepted');
    }
    expect(reason(await reopened.dispatch(walkUp('w-z', T0 + 2 * MINUTE + 5_000)))).to.equal(
      'accepted',
    );
    // The tab that was open all along catches up too, before its next decision.
    expect(reason(await b.dispatch(walkUp('w-q', T0 + 3 * MINUTE)))).to.equal(
      'R-5 walk-up.room-busy',
    );
  });

  it('K-3: the Web Lock: the first claim of a door holds it, a second of the same door is told at once it does not', async () => {
    const name = `huiyi-test-lock-${freshName()}`;
    const seen: string[] = [];
    webDoorLock(name).claim((held) => seen.push(`first ${held}`));
    await waitUntil(() => seen.length === 1);
    webDoorLock(name).claim((held) => seen.push(`second ${held}`));
    await waitUntil(() => seen.length === 2);
    expect(seen).to.deep.equal(['first true', 'second false']);
    webDoorLock(`${name}-other`).claim((held) => seen.push(`other door ${held}`));
    await waitUntil(() => seen.length === 3);
    expect(seen[2]).to.equal('other door true');
  });
});
