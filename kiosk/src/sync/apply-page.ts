import type { StoredEvent } from '@huiyi/core';
import type { IdbEventStore, MutationRecord, Settlement } from '@huiyi/store-idb';
import type { KioskEvent } from '../services/kiosk-events.js';
import type { KioskService, PageDoor, PageTaken } from '../services/kiosk-service.js';
import { isKioskHubEvent, withoutPosition } from './hub-events.js';
import type { PullReply } from './protocol.js';
import { rebase } from './rebase.js';

/**
 * Takes one page of a pull into the door (S-5, server reconciliation): the hub's events are
 * written after what the log holds; on the last page, each command the hub has decided is settled
 * (its own events retired: the hub's replace them, or it was refused); the commands still pending
 * are decided again on top of the hub's state, their new events written after the hub's, all in
 * one transaction. Only a door with a hub runs it, so it is the sync client's; the service runs it
 * in turn with the taps ({@link KioskService.takePage}).
 *
 * @param service - the door's service (opened with `synced`)
 * @param page - the page
 * @param clientId - the door's id at the hub
 * @param at - the door's clock now
 * @returns when it is written
 */
export function applyPage(
  service: KioskService,
  page: PullReply,
  clientId: string,
  at: number,
): Promise<void> {
  return service.takePage(page.hasMore, (door) => takePage(door, page, clientId, at));
}

async function takePage(
  door: PageDoor,
  page: PullReply,
  clientId: string,
  at: number,
): Promise<PageTaken | undefined> {
  const { log } = door;
  const pending = await log.sync.mutations('pending');
  const incoming = page.events.filter(isKioskHubEvent);
  const end = page.hasMore ? {} : { syncedAt: at };
  if (pending.length === 0) {
    // Nothing waits for the hub (a catch-up, a poke): the state is the hub's, and the page's
    // events simply follow it. The log skips an event it holds already (a page pulled again
    // after a kill), and only what it wrote is folded.
    const applied = await log.sync.apply({
      events: incoming.map(withoutPosition),
      settle: [],
      rebase: [],
      cursor: page.cursor,
      ...end,
    });
    if (applied.appended.length === 0) return undefined;
    const state = door.fold(
      door.state,
      applied.appended.map((e) => e.data),
    );
    return {
      state,
      confirmed: state,
      written: applied.appended,
      folded: applied.appended.length,
    };
  }
  const present = incoming.length > 0 ? await log.sync.has(incoming.map((e) => e.id)) : [];
  const fresh = incoming.filter((_, i) => !present[i]);
  const settle = page.hasMore ? [] : await settled(log, pending, page, clientId, fresh);
  if (fresh.length === 0 && settle.length === 0) {
    await log.sync.apply({ events: [], settle: [], rebase: [], cursor: page.cursor, ...end });
    return undefined;
  }
  const gone = new Set(settle.map((s) => s.id));
  const still = pending.filter((m) => !gone.has(m.id));
  const r = rebase(
    door,
    await door.confirmed(pending),
    fresh.map((e) => e.data),
    still,
  );
  const byId = new Map(still.map((m) => [m.id, m.command]));
  const applied = await log.sync.apply({
    events: fresh.map(withoutPosition),
    settle,
    rebase: r.decisions.map((d) => ({
      id: d.id,
      events: door.envelopes(d.events, byId.get(d.id)),
    })),
    cursor: page.cursor,
    ...end,
  });
  return {
    state: r.state,
    confirmed: r.confirmed,
    written: [...applied.appended, ...[...applied.rebased.values()].flat()],
    folded: Infinity,
  };
}

/**
 * The pending commands the hub has decided, as of the last page of a pull: refused (with why),
 * or confirmed once the hub's events for it are in the log (or in this page); one whose events
 * are not readable yet waits for the next pull.
 */
async function settled(
  log: IdbEventStore<KioskEvent>,
  pending: readonly MutationRecord[],
  page: PullReply,
  clientId: string,
  fresh: readonly StoredEvent[],
): Promise<Settlement[]> {
  const last = page.lastMutationIds[clientId] ?? 0;
  const refusals = new Map(
    page.refusals.filter((r) => r.clientId === clientId).map((r) => [r.id, r.rejection]),
  );
  const inPage = new Set(fresh.map((e) => e.id));
  const out: Settlement[] = [];
  for (const m of pending) {
    if (m.id > last) break;
    const rejection = refusals.get(m.id) ?? m.rejection;
    if (rejection !== undefined || m.answer === 'refused') {
      out.push({ id: m.id, status: 'refused', ...(rejection !== undefined ? { rejection } : {}) });
      continue;
    }
    const ids = (m.hubEvents ?? []).filter((id) => !inPage.has(id));
    const there = ids.length > 0 ? await log.sync.has(ids) : [];
    if (there.every(Boolean)) out.push({ id: m.id, status: 'confirmed' });
  }
  return out;
}
