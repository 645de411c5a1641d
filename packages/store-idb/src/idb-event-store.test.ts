// The IndexedDB store in Node, on fake-indexeddb: the storage contract and the store's own cases
// (the same cases run in Chromium: test/idb-store.test.ts). Every store gets a fresh IDBFactory.
import { storeContract } from '@huiyi/core/testing';
import { IDBFactory } from 'fake-indexeddb';
import { describe, it } from 'vitest';
import { idbStoreCases } from '../test/idb-cases.js';
import { openIdbEventStore } from './idb-event-store.js';

storeContract(
  'storage contract: the IndexedDB store (fake-indexeddb)',
  () => openIdbEventStore({ factory: new IDBFactory(), name: 'contract' }),
  { describe, it },
);

describe('the IndexedDB store (fake-indexeddb)', () => {
  for (const c of idbStoreCases({ fresh: () => ({ factory: new IDBFactory(), name: 'huiyi' }) })) {
    it(c.name, () => c.run());
  }
});
