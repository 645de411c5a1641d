// The contract has teeth: stores that break a law fail it.
import { describe, expect, it } from 'vitest';
import type { EventStore } from '../store/event-store.js';
import { createMemoryEventStore } from './memory-event-store.js';
import { sampleEvent, storeContractCases, type MakeStore } from './store-contract.js';

async function failing(makeStore: MakeStore): Promise<string[]> {
  const failed: string[] = [];
  for (const c of storeContractCases(makeStore, { numRuns: 20 })) {
    try {
      await c.run();
    } catch {
      failed.push(c.name);
    }
  }
  return failed;
}

/** A memory store with one method replaced. */
const broken =
  (change: (store: EventStore) => Partial<EventStore>): MakeStore =>
  () => {
    const store = createMemoryEventStore();
    return Object.assign(Object.create(store) as EventStore, change(store));
  };

describe('the storage contract catches broken stores', () => {
  it('the in-memory store passes every case', async () => {
    expect(await failing(createMemoryEventStore)).toEqual([]);
  });

  it('a store that writes duplicates fails the no-op cases and the law', async () => {
    let n = 0;
    const failed = await failing(
      broken((s) => ({
        append: async (events) => {
          const r = await s.append(events.map((e) => ({ ...e, id: `${e.id}-${(n += 1)}` })));
          return r;
        },
      })),
    );
    expect(failed).toEqual(
      expect.arrayContaining([
        'appending an event whose id is already in the log is a no-op',
        expect.stringMatching(/^law:/),
      ]),
    );
  });

  it('a store that writes part of a bad batch fails all-or-none', async () => {
    const failed = await failing(
      broken((s) => ({
        append: async (events) => {
          await s.append(events.slice(0, 1));
          return s.append(events);
        },
      })),
    );
    expect(failed).toContain(
      'a batch with a malformed event writes nothing of the batch (all or none)',
    );
  });

  it('a store that forgets the outbox, or reads streams out of order, fails', async () => {
    const noOutbox = await failing(broken(() => ({ pending: async () => [] })));
    expect(noOutbox).toContain(
      'K-3: appended events wait in the outbox until a server acknowledges them',
    );
    const reversed = await failing(
      broken((s) => ({
        readStream: async (stream) => [...(await s.readStream(stream))].reverse(),
      })),
    );
    expect(reversed).toContain("readStream returns one stream's events in log order");
  });

  it('sampleEvent makes stable, distinct ids', () => {
    expect(sampleEvent(1).id).toBe('e0001');
    expect(sampleEvent(12, 'b')).toMatchObject({ id: 'e0012', stream: 's:b', type: 'Noted' });
  });
});
