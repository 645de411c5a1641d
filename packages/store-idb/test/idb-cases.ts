// The IndexedDB store's own cases, beyond the storage contract: schema upgrades from every earlier
// version, and each fault leaving the log as it was. Runner-free (a name and an async body that
// throws), so vitest runs them in Node on fake-indexeddb and web-test-runner in Chromium.
import {
  isStoreError,
  type DomainEvent,
  type NewEvent,
  type StoredEvent,
  type StoreError,
} from '@huiyi/core';
import {
  assertEqual,
  assertRejects,
  assertTrue,
  sampleEvent,
  type ContractCase,
} from '@huiyi/core/testing';
import { wrap, type IDBPDatabase } from 'idb';
import {
  SCHEMA_VERSION,
  openDatabase as openRawDatabase,
  openIdbEventStore,
  openProjection,
  requestPersistence,
  type AppendNotice,
  type HuiyiDB,
  type IdbEventStore,
  type Projection,
} from '../src/index.js';

/** Where a case's databases live: each call a fresh factory (Node) or a fresh name (browser). */
export interface IdbTestEnv {
  fresh(): { readonly factory: IDBFactory; readonly name: string };
}

/** The database as the tests write to it behind the store's back: through the `idb` library. */
type HuiyiDatabase = IDBPDatabase<HuiyiDB>;
const openDatabase = async (...args: Parameters<typeof openRawDatabase>): Promise<HuiyiDatabase> =>
  wrap(await openRawDatabase(...args)) as HuiyiDatabase;

const ids = (events: readonly { readonly id: string }[]): string[] => events.map((e) => e.id);

/** The record an earlier version wrote: the envelope, position assigned by the store. */
const recordOf = (e: NewEvent): Omit<StoredEvent, 'position'> => ({
  id: e.id,
  stream: e.stream,
  type: e.type,
  data: e.data,
  now: e.now,
  who: e.who,
  device: e.device,
});

/** Writes records straight into the log (and the outbox), as code of an earlier version did. */
async function writeRaw(
  db: HuiyiDatabase,
  records: readonly unknown[],
  outbox = true,
): Promise<number[]> {
  const tx = db.transaction(['events', 'outbox'], 'readwrite');
  const events = tx.objectStore('events');
  // `add` is typed for whole events; a raw record may be anything, or lack its position.
  const positions = await Promise.all(records.map((r) => events.add(r as StoredEvent)));
  const first = positions[0];
  if (outbox && first !== undefined)
    await tx.objectStore('outbox').add({ position: first, positions });
  await tx.done;
  return positions;
}

/** How many records the log holds, parsed or not. */
async function rawCount(factory: IDBFactory, name: string): Promise<number> {
  const db = await openDatabase(factory, name);
  try {
    return await db.count('events');
  } finally {
    db.close();
  }
}

/** Makes the next `add` calls on one object store throw a QuotaExceededError, from call `after`. */
function failAdds(storeName: string, after: number): () => void {
  const proto = IDBObjectStore.prototype;
  const original = proto.add;
  let calls = 0;
  proto.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    if (this.name === storeName && calls++ >= after) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return original.apply(this, args);
  };
  return () => {
    proto.add = original;
  };
}

/** Resolves with the first value a subscription delivers, or rejects after `ms`. */
function first<T>(subscribe: (listener: (value: T) => void) => () => void, ms = 2000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`nothing arrived within ${ms} ms`));
    }, ms);
    const stop = subscribe((value) => {
      clearTimeout(timer);
      stop();
      resolve(value);
    });
  });
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A projection that counts events by type and remembers how many it was handed, to see replays. */
function counting(version = 1): Projection<Record<string, number>> & { folded: number } {
  const p = {
    name: 'counts',
    version,
    initial: {} as Record<string, number>,
    folded: 0,
    fold(state: Record<string, number>, events: readonly StoredEvent<DomainEvent>[]) {
      p.folded += events.length;
      const next = { ...state };
      for (const e of events) next[e.stream] = (next[e.stream] ?? 0) + 1;
      return next;
    },
    encode: (state: Record<string, number>) => state,
    decode: (v: unknown) =>
      typeof v === 'object' && v !== null && !Array.isArray(v)
        ? (v as Record<string, number>)
        : undefined,
  };
  return p;
}

type Body = (env: IdbTestEnv) => Promise<void>;

const cases: readonly (readonly [string, Body])[] = [
  [
    'opens a database written by every earlier schema version, its data intact',
    async (env) => {
      for (let version = 1; version < SCHEMA_VERSION; version++) {
        const { factory, name } = env.fresh();
        const old = await openDatabase(factory, name, version);
        assertEqual(old.version, version, 'the old version');
        const before = [sampleEvent(1, 'a'), sampleEvent(2, 'b'), sampleEvent(3, 'a')];
        await writeRaw(old, before.map(recordOf));
        if (version >= 2) {
          await old.put('projections', {
            name: 'counts',
            version: 1,
            position: 3,
            state: { 's:a': 2, 's:b': 1 },
          });
        }
        old.close();

        const store = await openIdbEventStore({ factory, name });
        try {
          const log = await store.readAfter(0);
          assertEqual(ids(log), ['e0001', 'e0002', 'e0003'], `v${version}: the log`);
          assertEqual(
            ids(await store.readStream('s:a')),
            ['e0001', 'e0003'],
            `v${version}: a stream, through the new index`,
          );
          assertEqual(
            ids(await store.pending()),
            ['e0001', 'e0002', 'e0003'],
            `v${version}: the outbox`,
          );
          assertEqual(await store.quarantined(), [], `v${version}: the quarantine`);
          const again = await store.append([sampleEvent(2), sampleEvent(4)]);
          assertEqual(again.duplicates, ['e0002'], `v${version}: old ids are known`);
          assertTrue(
            (again.appended[0]?.position ?? 0) > (log.at(-1)?.position ?? 0),
            `v${version}: positions go on`,
          );
          const view = await openProjection(store, counting());
          assertEqual(
            view.rebuiltBecause,
            version >= 2 ? undefined : 'missing',
            `v${version}: the snapshot`,
          );
          assertEqual(view.state, { 's:a': 3, 's:b': 1 }, `v${version}: the projection`);
        } finally {
          await store.close();
        }
        const db = await openDatabase(factory, name);
        try {
          assertEqual(db.version, SCHEMA_VERSION, 'upgraded to the current version');
        } finally {
          db.close();
        }
      }
    },
  ],
  [
    'a database upgraded step by step has the same stores and indexes as a new one',
    async (env) => {
      const shape = (db: HuiyiDatabase): unknown => {
        const names = [...db.objectStoreNames].sort();
        const tx = db.transaction(names);
        return names.map((n) => {
          const s = tx.objectStore(n);
          return [
            n,
            s.keyPath,
            s.autoIncrement,
            [...s.indexNames].sort().map((i) => [i, s.index(i).keyPath, s.index(i).unique]),
          ];
        });
      };
      const a = env.fresh();
      for (let v = 1; v <= SCHEMA_VERSION; v++) (await openDatabase(a.factory, a.name, v)).close();
      const stepped = await openDatabase(a.factory, a.name);
      const b = env.fresh();
      const fresh = await openDatabase(b.factory, b.name);
      try {
        assertEqual(shape(stepped), shape(fresh), 'the schema');
      } finally {
        stepped.close();
        fresh.close();
      }
    },
  ],
  [
    'quota exceeded: a full disk rejects the batch with quota-exceeded and leaves the log as it was',
    async (env) => {
      const { factory, name } = env.fresh();
      const store = await openIdbEventStore({ factory, name });
      try {
        await store.append([sampleEvent(1)]);
        const log = await store.readAfter(0);
        // The disk fills at the first event, at the third, and while writing the outbox.
        for (const [storeName, after] of [
          ['events', 0],
          ['events', 2],
          ['outbox', 0],
        ] as const) {
          const restore = failAdds(storeName, after);
          try {
            const error = await assertRejects(
              () => store.append([sampleEvent(2), sampleEvent(3), sampleEvent(4)]),
              (e) => isStoreError(e, 'quota-exceeded'),
              'a quota-exceeded store error',
            );
            assertEqual(
              (error as StoreError).messages.en,
              "the device's storage is full; nothing was written",
              'its message',
            );
          } finally {
            restore();
          }
          assertEqual(await store.readAfter(0), log, `${storeName} from ${after}: the log`);
          assertEqual(
            ids(await store.pending()),
            ['e0001'],
            `${storeName} from ${after}: the outbox`,
          );
        }
        const r = await store.append([sampleEvent(2)]);
        assertEqual(ids(r.appended), ['e0002'], 'once there is room again, the batch goes in');
      } finally {
        await store.close();
      }
    },
  ],
  [
    'a record that does not parse is quarantined: reads skip it, report it once, and the log keeps it',
    async (env) => {
      const { factory, name } = env.fresh();
      const db = await openDatabase(factory, name);
      const good = [sampleEvent(1), sampleEvent(2), sampleEvent(3)];
      const bad = { ...recordOf(sampleEvent(9)), now: 'yesterday' };
      const worse = { stream: 's:a', note: 'no envelope at all' };
      const [, badAt, , worseAt] = await writeRaw(db, [
        recordOf(good[0]!),
        bad,
        recordOf(good[1]!),
        worse,
        recordOf(good[2]!),
      ]);
      db.close();

      const store = await openIdbEventStore({ factory, name, clock: () => 42 });
      const faults: StoreError[] = [];
      store.onFault((e) => faults.push(e));
      try {
        assertEqual(
          ids(await store.readAfter(0)),
          ['e0001', 'e0002', 'e0003'],
          'readAfter skips them',
        );
        assertEqual(
          faults.map((f) => [f.kind, f.data['position']]),
          [
            ['corrupt-record', badAt],
            ['corrupt-record', worseAt],
          ],
          'each reported',
        );
        assertEqual(
          ids(await store.readAfter(0, 2)),
          ['e0001', 'e0002'],
          'a page is topped up past them',
        );
        assertEqual(ids(await store.readAfter(0, 1)), ['e0001'], 'a page of one');
        assertEqual(
          ids(await store.readStream('s:a')),
          ['e0001', 'e0002', 'e0003'],
          'readStream skips them',
        );
        assertEqual(ids(await store.pending()), ['e0001', 'e0002', 'e0003'], 'pending skips them');
        assertEqual(faults.length, 2, 'reported once only');
        const q = await store.quarantined();
        assertEqual(
          q.map((r) => [r.position, r.at]),
          [
            [badAt, 42],
            [worseAt, 42],
          ],
          'the quarantine',
        );
        assertEqual(q[0]?.record, { ...bad, position: badAt }, 'the record kept as it was');
        assertTrue(
          q[0]?.reason.includes('record.now') ?? false,
          `the reason names the field: ${q[0]?.reason}`,
        );
        const view = await openProjection(store, counting());
        assertEqual(view.state, { 's:a': 3 }, 'projections fold the rest');
      } finally {
        await store.close();
      }
      assertEqual(await rawCount(factory, name), 5, 'the log still holds every record');
      const reopened = await openIdbEventStore({ factory, name });
      const later: StoreError[] = [];
      reopened.onFault((e) => later.push(e));
      try {
        assertEqual(
          ids(await reopened.readAfter(0)),
          ['e0001', 'e0002', 'e0003'],
          'after a restart',
        );
        assertEqual(later, [], 'known quarantined records are not reported again');
      } finally {
        await reopened.close();
      }
    },
  ],
  [
    'a snapshot that does not parse rejects with corrupt-record, and its projection is folded again from the log',
    async (env) => {
      const { factory, name } = env.fresh();
      const store = await openIdbEventStore({ factory, name });
      try {
        await store.append([sampleEvent(1), sampleEvent(2, 'b')]);
        const db = await openDatabase(factory, name);
        await db.put('projections', { name: 'counts', version: 'one', garbage: true } as never);
        db.close();
        await assertRejects(
          () => store.loadProjection('counts'),
          (e) => isStoreError(e, 'corrupt-record') && e.data['projection'] === 'counts',
          'a corrupt-record store error naming the projection',
        );
        const view = await openProjection(store, counting());
        assertEqual(view.rebuiltBecause, 'corrupt', 'rebuilt');
        assertEqual(view.state, { 's:a': 1, 's:b': 1 }, 'the state');
        assertEqual(
          (await store.loadProjection('counts'))?.position,
          view.position,
          'saved again, sound',
        );
      } finally {
        await store.close();
      }
    },
  ],
  [
    'a blocked upgrade (another tab holds an older version open) rejects with blocked, and nothing is lost',
    async (env) => {
      const { factory, name } = env.fresh();
      const oldTab = await openDatabase(factory, name, 1);
      await writeRaw(oldTab, [recordOf(sampleEvent(1))]);
      // The old tab's code does not close on `versionchange`.
      const error = await assertRejects(
        () => openIdbEventStore({ factory, name }),
        (e) => isStoreError(e, 'blocked'),
        'a blocked store error',
      );
      assertEqual((error as StoreError).data['current'], 1, 'it names the version in the way');
      assertEqual(await oldTab.count('events'), 1, 'the old tab still works on its data');
      oldTab.close();
      // The upgrade that waited completes on its own and lets go; opening again just works.
      await pause(50);
      const store = await openIdbEventStore({ factory, name });
      try {
        assertEqual(ids(await store.readAfter(0)), ['e0001'], 'the log after the upgrade');
      } finally {
        await store.close();
      }
    },
  ],
  [
    'another tab opening a newer version: this store lets go at once, reports version-conflict, and refuses later calls',
    async (env) => {
      const { factory, name } = env.fresh();
      const store = await openIdbEventStore({ factory, name });
      const faults: StoreError[] = [];
      store.onFault((e) => faults.push(e));
      await store.append([sampleEvent(1)]);
      const request = factory.open(name, SCHEMA_VERSION + 1);
      const newer = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
        request.onblocked = () => reject(new Error('blocked: the store did not let go'));
      });
      try {
        assertEqual(
          faults.map((f) => [f.kind, f.data['newVersion']]),
          [['version-conflict', SCHEMA_VERSION + 1]],
          'reported',
        );
        await assertRejects(
          () => store.append([sampleEvent(2)]),
          (e) => isStoreError(e, 'version-conflict'),
          'version-conflict on append',
        );
        await assertRejects(
          () => store.readAfter(0),
          (e) => isStoreError(e, 'version-conflict'),
          'version-conflict on read',
        );
        assertEqual(
          newer.transaction('events').objectStore('events').name,
          'events',
          'the newer tab has the data',
        );
      } finally {
        newer.close();
        await store.close();
      }
      await assertRejects(
        () => openIdbEventStore({ factory, name }),
        (e) => isStoreError(e, 'version-conflict'),
        'old code refuses a database from newer code',
      );
    },
  ],
  [
    'other tabs learn of appends through BroadcastChannel; a store does not hear itself',
    async (env) => {
      const { factory, name } = env.fresh();
      const a = await openIdbEventStore({ factory, name });
      const b = await openIdbEventStore({ factory, name });
      const heardByA: AppendNotice[] = [];
      a.onExternalAppend((n) => heardByA.push(n));
      try {
        const heard = first<AppendNotice>((l) => b.onExternalAppend(l));
        const r = await a.append([sampleEvent(1), sampleEvent(2)]);
        const notice = await heard;
        assertEqual(
          notice,
          { database: name, from: r.appended[0]?.position, to: r.appended[1]?.position, count: 2 },
          'the notice',
        );
        assertEqual(
          ids(await b.readAfter(notice.from - 1)),
          ['e0001', 'e0002'],
          'b reads what a wrote',
        );
        await a.append([sampleEvent(1)]);
        await pause(30);
        assertEqual(heardByA, [], 'a heard nothing of its own, and a no-op append says nothing');
      } finally {
        await a.close();
        await b.close();
      }
    },
  ],
  [
    'a restart folds only the events after the saved snapshot; a new projection version rebuilds',
    async (env) => {
      const { factory, name } = env.fresh();
      let store: IdbEventStore = await openIdbEventStore({ factory, name });
      try {
        await store.append(
          Array.from({ length: 30 }, (_, i) => sampleEvent(i + 1, i % 2 ? 'a' : 'b')),
        );
        const p = counting();
        const view = await openProjection(store, p, { saveEvery: 10 });
        assertEqual([view.rebuiltBecause, p.folded], ['missing', 30], 'first open');
        await store.append([sampleEvent(31, 'a'), sampleEvent(32, 'a')]);
        await view.refresh();
        assertEqual(view.state, { 's:a': 17, 's:b': 15 }, 'refreshed');
        await store.close();

        store = await openIdbEventStore({ factory, name });
        const again = counting();
        const reopened = await openProjection(store, again, { saveEvery: 10 });
        assertEqual(
          [reopened.rebuiltBecause, again.folded],
          [undefined, 2],
          'only the unsaved tail is folded',
        );
        assertEqual(reopened.state, view.state, 'the same state');
        const v2 = counting(2);
        const upgraded = await openProjection(store, v2);
        assertEqual(
          [upgraded.rebuiltBecause, v2.folded],
          ['version', 32],
          'a new version folds it all',
        );
        assertEqual(upgraded.state, view.state, 'to the same state');
      } finally {
        await store.close();
      }
    },
  ],
  [
    'persistent storage is asked for and the answer reported',
    async () => {
      assertEqual(
        await requestPersistence({ persisted: async () => true, persist: async () => false }),
        'granted',
        'already',
      );
      assertEqual(
        await requestPersistence({ persisted: async () => false, persist: async () => true }),
        'granted',
        'granted',
      );
      assertEqual(await requestPersistence({ persist: async () => false }), 'denied', 'denied');
      assertEqual(await requestPersistence({}), 'unsupported', 'no API');
      assertEqual(
        await requestPersistence({ persist: () => Promise.reject(new Error('no')) }),
        'unsupported',
        'failed',
      );
      const here = await requestPersistence();
      assertTrue(['granted', 'denied', 'unsupported'].includes(here), `this host answers: ${here}`);
    },
  ],
  [
    "K-3: the device's settings are kept across a reopen; a setting made once is the same for two stores starting at once",
    async (env) => {
      const { factory, name } = env.fresh();
      const a = await openIdbEventStore({ factory, name, broadcast: false });
      const b = await openIdbEventStore({ factory, name, broadcast: false });
      let made = 0;
      const make = (): string => `device-${(made += 1)}`;
      const [x, y] = await Promise.all([a.settle('device', make), b.settle('device', make)]);
      assertEqual(made, 1, 'made once');
      assertEqual(x, y, 'both stores get the same one');
      await a.writeSettings({ roomId: 'C', language: 'en' });
      await a.writeSettings({ language: 'zh-CN' });
      await a.close();
      await b.close();
      const c = await openIdbEventStore({ factory, name, broadcast: false });
      try {
        assertEqual(
          [...(await c.readSettings())].sort(),
          [
            ['device', 'device-1'],
            ['language', 'zh-CN'],
            ['roomId', 'C'],
          ],
          'kept',
        );
        assertEqual(await c.settle('device', make), 'device-1', 'still the first one');
      } finally {
        await c.close();
      }
    },
  ],
];

/**
 * The IndexedDB store's own cases, on fresh databases from `env`.
 *
 * @param env - where the databases live
 * @returns the cases
 */
export function idbStoreCases(env: IdbTestEnv): readonly ContractCase[] {
  return cases.map(([name, body]) => ({ name, run: () => body(env) }));
}
