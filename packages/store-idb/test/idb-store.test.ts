// The IndexedDB store in real Chromium (web-test-runner, mocha): the storage contract and the
// store's own cases, the same ones vitest runs in Node on fake-indexeddb.
import { storeContract } from '@huiyi/core/testing';
import { openIdbEventStore } from '../src/index.js';
import { idbStoreCases } from './idb-cases.js';

let n = 0;
const freshName = (): string => `test-${Date.now()}-${(n += 1)}`;

storeContract(
  'storage contract: the IndexedDB store (Chromium)',
  () => openIdbEventStore({ name: freshName() }),
  { describe, it },
);

describe('the IndexedDB store (Chromium)', () => {
  for (const c of idbStoreCases({ fresh: () => ({ factory: indexedDB, name: freshName() }) })) {
    it(c.name, () => c.run());
  }
});
