import type { IdbEventStore } from '@huiyi/store-idb';
import type { KioskEvent } from '../services/kiosk-events.js';
import type { KioskService } from '../services/kiosk-service.js';
import type { SyncTarget } from './sync-engine.js';

/**
 * The door as its sync sees it: the service takes the pulled pages (it decides pending commands
 * again); the queue, the answers and the cursor are the log's.
 *
 * @param service - the door's service (opened with `synced`)
 * @param log - its IndexedDB log
 * @returns the sync's target
 */
export function doorTarget(service: KioskService, log: IdbEventStore<KioskEvent>): SyncTarget {
  return {
    pending: () => log.sync.mutations('pending'),
    answer: (answers) => log.sync.answer(answers),
    applyPage: (page, clientId, at) => service.applyPage(page, clientId, at),
    cursor: () => log.sync.meta(),
    resetCursor: () => log.sync.resetCursor(),
    refusedUnseen: async () => {
      const [refused, meta] = await Promise.all([log.sync.mutations('refused'), log.sync.meta()]);
      return refused.filter((m) => m.id > (meta.seen ?? 0)).length;
    },
  };
}
