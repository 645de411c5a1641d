import type { DomainEvent, EventStore, StoredEvent } from '@huiyi/core';
import { createMemoryEventStore, sampleEvent } from '@huiyi/core/testing';
import { describe, expect, it } from 'vitest';
import type { Projection } from './projection.js';
import { openProjection } from './projection-view.js';

/** Streams and their counts, as an ordered list (so the order of folding shows). */
type Seen = readonly string[];
function seen(version = 1): Projection<Seen> & { calls: number[] } {
  const p = {
    name: 'seen',
    version,
    initial: [] as Seen,
    calls: [] as number[],
    fold: (state: Seen, events: readonly StoredEvent<DomainEvent>[]) => {
      p.calls.push(events.length);
      return [...state, ...events.map((e) => e.id)];
    },
    encode: (s: Seen) => s,
    decode: (v: unknown) => (Array.isArray(v) ? (v as Seen) : undefined),
  };
  return p;
}

const ids = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => sampleEvent(from + i).id);

async function storeWith(n: number): Promise<EventStore> {
  const store = createMemoryEventStore();
  await store.append(Array.from({ length: n }, (_, i) => sampleEvent(i + 1)));
  return store;
}

describe('projection views: folded from the log, saved, caught up, rebuilt', () => {
  it('first open folds the whole log in pages, in order, and saves it', async () => {
    const store = await storeWith(25);
    const p = seen();
    const view = await openProjection(store, p, { pageSize: 10 });
    expect(view.rebuiltBecause).toBe('missing');
    expect(p.calls).toEqual([10, 10, 5]);
    expect(view.state).toEqual(ids(1, 25));
    expect(view.position).toBe(25);
    expect(await store.loadProjection('seen')).toEqual({
      name: 'seen',
      version: 1,
      position: 25,
      state: ids(1, 25),
    });
  });

  it('a reopen folds only what came after the snapshot', async () => {
    const store = await storeWith(5);
    await openProjection(store, seen());
    await store.append([sampleEvent(6), sampleEvent(7)]);
    const p = seen();
    const view = await openProjection(store, p);
    expect([view.rebuiltBecause, p.calls]).toEqual([undefined, [2]]);
    expect(view.state).toEqual(ids(1, 7));
  });

  it('refresh catches up and saves every `saveEvery` events', async () => {
    const store = await storeWith(3);
    const view = await openProjection(store, seen(), { saveEvery: 3 });
    await store.append([sampleEvent(4), sampleEvent(5)]);
    expect(await view.refresh()).toEqual(ids(1, 5));
    expect((await store.loadProjection('seen'))?.position).toBe(3);
    await store.append([sampleEvent(6)]);
    await view.refresh();
    expect((await store.loadProjection('seen'))?.position).toBe(6);
    await view.save();
    expect((await store.loadProjection('seen'))?.state).toEqual(ids(1, 6));
  });

  it('refreshes asked for at once run one after another, each event folded once', async () => {
    const store = await storeWith(2);
    const view = await openProjection(store, seen());
    await store.append([sampleEvent(3), sampleEvent(4)]);
    const [a, b] = await Promise.all([view.refresh(), view.refresh(), view.rebuild()]);
    expect(a).toEqual(ids(1, 4));
    expect(b).toEqual(ids(1, 4));
    expect(view.state).toEqual(ids(1, 4));
  });

  it.each([
    ['version', async (s: EventStore) => s.saveProjection('seen', 2, 3, ids(1, 3))],
    ['corrupt', async (s: EventStore) => s.saveProjection('seen', 1, 3, 'garbage')],
    ['ahead', async (s: EventStore) => s.saveProjection('seen', 1, 99, ids(1, 3))],
  ])('a snapshot it cannot use (%s) is rebuilt from the log', async (reason, save) => {
    const store = await storeWith(4);
    await save(store);
    const view = await openProjection(store, seen());
    expect(view.rebuiltBecause).toBe(reason);
    expect(view.state).toEqual(ids(1, 4));
    expect(await store.loadProjection('seen')).toEqual({
      name: 'seen',
      version: 1,
      position: 4,
      state: ids(1, 4),
    });
  });

  it('a decoder that throws counts as a snapshot that does not decode', async () => {
    const store = await storeWith(1);
    await openProjection(store, seen());
    const p = {
      ...seen(),
      decode: () => {
        throw new Error('bad');
      },
    };
    expect((await openProjection(store, p)).rebuiltBecause).toBe('corrupt');
  });

  it('store faults other than a corrupt snapshot are not swallowed', async () => {
    const store = await storeWith(1);
    await store.close();
    await expect(openProjection(store, seen())).rejects.toMatchObject({ kind: 'closed' });
  });
});
