import type { IdbEventStore } from '@huiyi/store-idb';
import type { KioskEvent } from '../services/kiosk-events.js';
import type { KioskService } from '../services/kiosk-service.js';
import { applyPage } from './apply-page.js';
import type { PullReply } from './protocol.js';
import type { SyncTarget } from './sync-engine.js';

/**
 * The door as its sync sees it: the pulled pages go into the service (its pending commands decided
 * again, {@link applyPage}); the queue, the answers and the cursor are the log's. The hub knows each command by its
 * counter less the log's `base` (an enrolment starts the hub's counter at 1).
 *
 * @param service - the door's service (opened with `synced`)
 * @param log - its IndexedDB log
 * @returns the sync's target
 */
export function doorTarget(service: KioskService, log: IdbEventStore<KioskEvent>): SyncTarget {
  const base = async (): Promise<number> => (await log.sync.meta()).base ?? 0;
  return {
    pending: async () => {
      // A second tab of the door sends nothing: the first one syncs.
      if (!service.writer) return [];
      const [queue, b] = await Promise.all([log.sync.mutations('pending'), base()]);
      return b === 0 ? queue : queue.map((m) => ({ ...m, id: m.id - b }));
    },
    answer: async (answers) => {
      const b = await base();
      await log.sync.answer(answers.map((a) => ({ ...a, id: a.id + b })));
    },
    applyPage: async (page, clientId, at) => {
      const b = await base();
      await applyPage(service, b === 0 ? page : local(page, clientId, b), clientId, at);
    },
    cursor: () => log.sync.meta(),
    resetCursor: () => log.sync.resetCursor(),
    refusedUnseen: () => unseenRefusals(log),
  };
}

/**
 * How many commands the hub refused that the staff have not looked at yet.
 *
 * @param log - the door's log
 * @returns the count, for the badge
 */
export async function unseenRefusals(log: IdbEventStore<KioskEvent>): Promise<number> {
  const [refused, meta] = await Promise.all([log.sync.mutations('refused'), log.sync.meta()]);
  return refused.filter((m) => m.id > (meta.seen ?? 0)).length;
}

/** A page with this door's counters as the log keeps them. */
function local(page: PullReply, clientId: string, base: number): PullReply {
  const last = page.lastMutationIds[clientId];
  return {
    ...page,
    lastMutationIds: last === undefined ? {} : { [clientId]: last + base },
    refusals: page.refusals
      .filter((r) => r.clientId === clientId)
      .map((r) => ({ ...r, id: r.id + base })),
  };
}
