import fc from 'fast-check';
import type { EventStore } from '../store/event-store.js';
import { isStoreError } from '../store/store-error.js';
import type { DomainEvent, NewEvent, StoredEvent } from '../store/stored-event.js';
import { assertEqual, assertRejects, assertTrue } from './assertions.js';

/** One case of the contract: a name and an async body that throws when the store breaks it. */
export interface ContractCase {
  readonly name: string;
  run(): Promise<void>;
}

/** Makes a fresh, empty store for one case (or one run of a property); the case closes it. */
export type MakeStore = () => EventStore | Promise<EventStore>;

/** The two functions of a test runner the suite needs: vitest's and mocha's both fit. */
export interface SuiteRunner {
  describe(name: string, body: () => void): unknown;
  it(name: string, body: () => Promise<void>): unknown;
}

/** Options of the contract suite. */
export interface ContractOptions {
  /** Runs of each property (default 25); every run makes a fresh store. */
  readonly numRuns?: number;
}

/** The event the contract's cases append ({@link sampleEvent}): a note in a stream. */
export interface Noted extends DomainEvent {
  readonly type: 'Noted';
  readonly n: number;
  readonly text: string;
}

const T0 = Date.UTC(2026, 10, 30, 1);

/**
 * A sample event for store tests: id `e<n>` (zero-padded), in stream `s:<stream>`.
 *
 * @param n - its number (makes the id and the data)
 * @param stream - which stream (default `a`)
 * @returns the event, ready to append
 * @example
 * sampleEvent(1).id // => 'e0001'
 */
export function sampleEvent(n: number, stream = 'a'): NewEvent<Noted> {
  return {
    id: `e${String(n).padStart(4, '0')}`,
    stream: `s:${stream}`,
    type: 'Noted',
    data: { type: 'Noted', n, text: `第 ${n} 条 · note ${n}` },
    now: T0 + n * 1000,
    who: 'wang',
    device: 'kiosk-A',
  };
}

const ids = (events: readonly { readonly id: string }[]): string[] => events.map((e) => e.id);
const positions = (events: readonly StoredEvent[]): number[] => events.map((e) => e.position);
const withoutPositions = (events: readonly StoredEvent[]): NewEvent[] =>
  events.map(({ position: _position, ...e }) => e);

function assertIncreasing(ps: readonly number[], above: number, what: string): void {
  let last = above;
  for (const p of ps) {
    assertTrue(Number.isInteger(p) && p > last, `${what}: positions increase (${ps.join(', ')})`);
    last = p;
  }
}

type Body = (store: EventStore) => Promise<void>;

const cases: readonly (readonly [string, Body])[] = [
  [
    'an empty store has no events, nothing pending and last position 0',
    async (store) => {
      assertEqual(await store.readAfter(0), [], 'readAfter(0)');
      assertEqual(await store.readStream('s:a'), [], 'readStream');
      assertEqual(await store.pending(), [], 'pending');
      assertEqual(await store.lastPosition(), 0, 'lastPosition');
      assertEqual(await store.loadProjection('p'), undefined, 'loadProjection');
    },
  ],
  [
    'K-3: append keeps the envelope as given and gives positions above every earlier one',
    async (store) => {
      const first = await store.append([sampleEvent(1), sampleEvent(2, 'b')]);
      assertEqual(
        withoutPositions(first.appended),
        [sampleEvent(1), sampleEvent(2, 'b')],
        'appended',
      );
      assertEqual(first.duplicates, [], 'duplicates');
      assertIncreasing(positions(first.appended), 0, 'first batch');
      const second = await store.append([sampleEvent(3), sampleEvent(4)]);
      assertIncreasing(
        positions(second.appended),
        first.appended[1]?.position ?? 0,
        'second batch',
      );
      const log = await store.readAfter(0);
      assertEqual(log, [...first.appended, ...second.appended], 'the log');
      assertEqual(await store.lastPosition(), second.appended[1]?.position, 'lastPosition');
    },
  ],
  [
    'appending an event whose id is already in the log is a no-op',
    async (store) => {
      await store.append([sampleEvent(1), sampleEvent(2)]);
      const before = await store.readAfter(0);
      const changed: NewEvent<Noted> = {
        ...sampleEvent(2),
        data: { type: 'Noted', n: 99, text: 'x' },
      };
      const again = await store.append([changed, sampleEvent(1)]);
      assertEqual(again.appended, [], 'appended');
      assertEqual(again.duplicates, ['e0002', 'e0001'], 'duplicates');
      assertEqual(await store.readAfter(0), before, 'the log');
      assertEqual(ids(await store.pending()), ['e0001', 'e0002'], 'pending');
    },
  ],
  [
    'an id repeated within one batch is written once, the first time',
    async (store) => {
      const r = await store.append([
        sampleEvent(1),
        sampleEvent(2),
        { ...sampleEvent(1), stream: 's:z' },
      ]);
      assertEqual(ids(r.appended), ['e0001', 'e0002'], 'appended');
      assertEqual(r.duplicates, ['e0001'], 'duplicates');
      assertEqual(ids(await store.readAfter(0)), ['e0001', 'e0002'], 'the log');
      assertEqual(await store.readStream('s:z'), [], 'the second copy was not written');
    },
  ],
  [
    'a batch of new and known ids appends only the new ones, in batch order',
    async (store) => {
      await store.append([sampleEvent(2)]);
      const r = await store.append([sampleEvent(1), sampleEvent(2), sampleEvent(3)]);
      assertEqual(ids(r.appended), ['e0001', 'e0003'], 'appended');
      assertEqual(r.duplicates, ['e0002'], 'duplicates');
      assertEqual(
        ids(await store.readAfter(0)),
        ['e0002', 'e0001', 'e0003'],
        'log order is append order',
      );
    },
  ],
  [
    'a batch with a malformed event writes nothing of the batch (all or none)',
    async (store) => {
      await store.append([sampleEvent(1)]);
      const before = await store.readAfter(0);
      const bad = [
        { ...sampleEvent(3), now: Number.NaN },
        { ...sampleEvent(3), id: '' },
        { ...sampleEvent(3), stream: 'has space' },
        { ...sampleEvent(3), data: { type: 'Other' } },
        { ...sampleEvent(3), extra: 1 },
        null,
      ];
      for (const b of bad) {
        const error = await assertRejects(
          () => store.append([sampleEvent(2), b as unknown as NewEvent]),
          (e) => isStoreError(e, 'invalid-event'),
          'an invalid-event store error',
        );
        assertEqual(
          (error as { data: { index: unknown } }).data.index,
          1,
          'it names the bad event',
        );
      }
      assertEqual(await store.readAfter(0), before, 'the log');
      assertEqual(ids(await store.pending()), ['e0001'], 'pending');
      assertEqual(await store.lastPosition(), before[0]?.position, 'lastPosition');
    },
  ],
  [
    'an empty batch changes nothing',
    async (store) => {
      await store.append([sampleEvent(1)]);
      assertEqual(await store.append([]), { appended: [], duplicates: [] }, 'result');
      assertEqual(ids(await store.readAfter(0)), ['e0001'], 'the log');
    },
  ],
  [
    "readStream returns one stream's events in log order",
    async (store) => {
      await store.append([sampleEvent(1, 'a'), sampleEvent(2, 'b'), sampleEvent(3, 'a')]);
      await store.append([sampleEvent(4, 'b'), sampleEvent(5, 'a')]);
      assertEqual(ids(await store.readStream('s:a')), ['e0001', 'e0003', 'e0005'], 's:a');
      assertEqual(ids(await store.readStream('s:b')), ['e0002', 'e0004'], 's:b');
      assertEqual(await store.readStream('s:none'), [], 'an unknown stream');
      const all = await store.readAfter(0);
      assertEqual(
        await store.readStream('s:a'),
        all.filter((e) => e.stream === 's:a'),
        'same as the log',
      );
    },
  ],
  [
    'readAfter pages through the log: the pages joined are the log',
    async (store) => {
      await store.append(Array.from({ length: 7 }, (_, i) => sampleEvent(i + 1)));
      const all = await store.readAfter(0);
      assertEqual(all.length, 7, 'all');
      const pages: StoredEvent[] = [];
      let after = 0;
      for (;;) {
        const page = await store.readAfter(after, 3);
        assertTrue(page.length <= 3, 'a page holds at most the limit');
        if (page.length === 0) break;
        pages.push(...page);
        after = page.at(-1)?.position ?? after;
      }
      assertEqual(pages, all, 'pages');
      assertEqual(await store.readAfter(all[4]?.position ?? 0), all.slice(5), 'after the fifth');
      assertEqual(await store.readAfter(all[6]?.position ?? 0), [], 'after the last');
      await assertRejects(
        () => store.readAfter(0, 0),
        (e) => e instanceof RangeError,
        'a RangeError for limit 0',
      );
    },
  ],
  [
    'K-3: appended events wait in the outbox until a server acknowledges them',
    async (store) => {
      await store.append([sampleEvent(1), sampleEvent(2)]);
      await store.append([sampleEvent(3)]);
      assertEqual(ids(await store.pending()), ['e0001', 'e0002', 'e0003'], 'pending');
      assertEqual(ids(await store.pending(2)), ['e0001', 'e0002'], 'pending(2)');
      assertEqual(await store.acknowledge(['e0002', 'e0001']), 2, 'acknowledged');
      assertEqual(ids(await store.pending()), ['e0003'], 'pending after');
      assertEqual(ids(await store.readAfter(0)), ['e0001', 'e0002', 'e0003'], 'the log keeps them');
      const pending = await store.pending();
      assertEqual(
        pending,
        (await store.readAfter(0)).slice(2),
        'pending events are the stored ones',
      );
    },
  ],
  [
    'acknowledge ignores unknown and already acknowledged ids',
    async (store) => {
      await store.append([sampleEvent(1), sampleEvent(2)]);
      assertEqual(await store.acknowledge(['e0001']), 1, 'first');
      assertEqual(await store.acknowledge(['e0001', 'nope', 'e0002']), 1, 'second');
      assertEqual(await store.acknowledge([]), 0, 'none');
      assertEqual(await store.pending(), [], 'pending');
    },
  ],
  [
    'events from a server (outbox: false) are not pending; a duplicate does not return to the outbox',
    async (store) => {
      await store.append([sampleEvent(1)], { outbox: false });
      await store.append([sampleEvent(2)]);
      assertEqual(ids(await store.pending()), ['e0002'], 'pending');
      await store.acknowledge(['e0002']);
      await store.append([sampleEvent(2), sampleEvent(1)]);
      assertEqual(await store.pending(), [], 'pending after re-appending');
    },
  ],
  [
    'a projection snapshot loads as saved; saving again replaces it; names are apart',
    async (store) => {
      const state = {
        rooms: [['A', { name: '一号', ids: [1, 2, 3], nested: { ok: true, none: null } }]],
      };
      await store.saveProjection('bookings', 1, 12, state);
      await store.saveProjection('other', 3, 5, [1, 2]);
      assertEqual(
        await store.loadProjection('bookings'),
        { name: 'bookings', version: 1, position: 12, state },
        'saved',
      );
      await store.saveProjection('bookings', 2, 20, { rooms: [] });
      assertEqual(
        await store.loadProjection('bookings'),
        { name: 'bookings', version: 2, position: 20, state: { rooms: [] } },
        'replaced',
      );
      assertEqual(
        await store.loadProjection('other'),
        { name: 'other', version: 3, position: 5, state: [1, 2] },
        'other',
      );
      assertEqual(await store.loadProjection('missing'), undefined, 'missing');
    },
  ],
  [
    'what goes in and comes out is a copy: changing it changes nothing stored',
    async (store) => {
      const e = { ...sampleEvent(1), data: { type: 'Noted', n: 1, text: 'a', list: [1] } };
      const r = await store.append([e]);
      e.data.list.push(2);
      (r.appended[0]?.data as unknown as { list: number[] }).list.push(3);
      const read = await store.readAfter(0);
      assertEqual(read[0]?.data, { type: 'Noted', n: 1, text: 'a', list: [1] }, 'stored data');
      (read[0]?.data as unknown as { list: number[] }).list.push(4);
      assertEqual(
        (await store.readStream('s:a'))[0]?.data,
        { type: 'Noted', n: 1, text: 'a', list: [1] },
        'read again',
      );
      const state = { n: [1] };
      await store.saveProjection('p', 1, 1, state);
      state.n.push(2);
      assertEqual((await store.loadProjection('p'))?.state, { n: [1] }, 'snapshot');
    },
  ],
  [
    'a closed store rejects every call with a closed store error; closing twice is harmless',
    async (store) => {
      await store.append([sampleEvent(1)]);
      await store.close();
      await store.close();
      const closed = (e: unknown): boolean => isStoreError(e, 'closed');
      await assertRejects(() => store.append([sampleEvent(2)]), closed, 'closed (append)');
      await assertRejects(() => store.readAfter(0), closed, 'closed (readAfter)');
      await assertRejects(() => store.readStream('s:a'), closed, 'closed (readStream)');
      await assertRejects(() => store.lastPosition(), closed, 'closed (lastPosition)');
      await assertRejects(() => store.pending(), closed, 'closed (pending)');
      await assertRejects(() => store.acknowledge(['e0001']), closed, 'closed (acknowledge)');
      await assertRejects(
        () => store.saveProjection('p', 1, 1, {}),
        closed,
        'closed (saveProjection)',
      );
      await assertRejects(() => store.loadProjection('p'), closed, 'closed (loadProjection)');
    },
  ],
];

/** A batch: events by a number from a small range (so ids repeat), each in one of three streams. */
const batchesArb = fc.array(
  fc.array(
    fc.record({ n: fc.integer({ min: 1, max: 12 }), stream: fc.constantFrom('a', 'b', 'c') }),
    {
      maxLength: 6,
    },
  ),
  { minLength: 1, maxLength: 5 },
);

async function logLaw(makeStore: MakeStore, numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      batchesArb,
      fc.array(fc.integer({ min: 1, max: 12 })),
      async (batches, acked) => {
        const store = await makeStore();
        try {
          const model: NewEvent[] = [];
          for (const batch of batches) {
            const events = batch.map(({ n, stream }) => sampleEvent(n, stream));
            const fresh = events.filter(
              (e, i) =>
                !model.some((m) => m.id === e.id) && events.findIndex((x) => x.id === e.id) === i,
            );
            const r = await store.append(events);
            assertEqual(withoutPositions(r.appended), fresh, 'appended');
            model.push(...fresh);
          }
          const log = await store.readAfter(0);
          assertEqual(withoutPositions(log), model, 'the log is the batches, first of each id');
          assertIncreasing(positions(log), 0, 'the log');
          for (const s of ['a', 'b', 'c']) {
            assertEqual(
              await store.readStream(`s:${s}`),
              log.filter((e) => e.stream === `s:${s}`),
              `s:${s}`,
            );
          }
          const ackIds = acked.map((n) => sampleEvent(n).id);
          await store.acknowledge(ackIds);
          assertEqual(
            ids(await store.pending()),
            ids(model).filter((id) => !ackIds.includes(id)),
            'pending',
          );
        } finally {
          await store.close();
        }
      },
    ),
    { numRuns },
  );
}

/**
 * THE storage contract: every case a store must pass, each on a fresh store from
 * `makeStore` that the case closes. Runner-free: a case is a name and an async body that throws.
 *
 * @param makeStore - makes a fresh, empty store
 * @param options - runs per property
 * @returns the cases, to wrap in any runner's `it`
 * @example
 * for (const c of storeContractCases(createMemoryEventStore)) it(c.name, c.run);
 */
export function storeContractCases(
  makeStore: MakeStore,
  options: ContractOptions = {},
): readonly ContractCase[] {
  const numRuns = options.numRuns ?? 25;
  return [
    ...cases.map(([name, body]) => ({
      name,
      run: async () => {
        const store = await makeStore();
        try {
          await body(store);
        } finally {
          await store.close();
        }
      },
    })),
    {
      name: 'law: after any batches with repeated ids, the log is each id once, first wins, positions increasing; pending is the log less what was acknowledged',
      run: () => logLaw(makeStore, numRuns),
    },
  ];
}

/**
 * Registers the storage contract in a test runner: `describe(name)` with one `it` per case.
 *
 * @param name - the suite's name, e.g. the store's
 * @param makeStore - makes a fresh, empty store
 * @param runner - the runner's `describe` and `it` (vitest's or mocha's)
 * @param options - runs per property
 * @returns nothing; the cases are registered
 * @example
 * import { describe, it } from 'vitest';
 * storeContract('memory store', createMemoryEventStore, { describe, it });
 */
export function storeContract(
  name: string,
  makeStore: MakeStore,
  runner: SuiteRunner,
  options: ContractOptions = {},
): void {
  runner.describe(name, () => {
    for (const c of storeContractCases(makeStore, options)) runner.it(c.name, () => c.run());
  });
}
