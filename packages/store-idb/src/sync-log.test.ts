import { sampleEvent } from '@huiyi/core/testing';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openIdbEventLog, openIdbEventStore, withSyncLog } from './idb-event-store.js';

const open = (factory: IDBFactory) =>
  openIdbEventStore({ factory, name: 'door', broadcast: false });
const ev = (n: number, stream = 'a', prefix = 'e') => ({
  ...sampleEvent(n, stream),
  id: `${prefix}${n}`,
});
const ids = (events: readonly { readonly id: string }[]): string[] => events.map((e) => e.id);

describe("the door's sync log (S-2, S-5, K-3)", () => {
  it('S-2: each command gets the next counter, with its events, in one write', async () => {
    const store = await open(new IDBFactory());
    const a = await store.sync.appendCommand([ev(1), ev(2)], { type: 'X', now: 5 }, 1);
    const b = await store.sync.appendCommand([ev(3)], { type: 'Y', now: 6 });
    expect([a.mutation, b.mutation]).toEqual([1, 2]);
    const pending = await store.sync.mutations('pending');
    expect(pending.map((m) => [m.id, m.at, m.positions])).toEqual([
      [1, 5, [1]],
      [2, 6, [3]],
    ]);
    expect((await store.sync.meta()).nextMutationId).toBe(3);
  });

  it('S-2: commands decided together (an agreement and its sign-in) are queued each with its own counter and events, in one write', async () => {
    const store = await open(new IDBFactory());
    await store.sync.appendCommand([ev(1)], { type: 'X', now: 1 });
    const r = await store.sync.appendCommands(
      [ev(2), ev(3), ev(4), ev(5, 'sig')],
      [
        { command: { type: 'SignConfidentialityAgreement', now: 7 }, decided: 1 },
        { command: { type: 'SignIn', now: 7 }, decided: 2 },
      ],
    );
    expect(r.mutation).toBe(2);
    expect(ids(r.appended)).toEqual(['e2', 'e3', 'e4', 'e5']);
    const pending = await store.sync.mutations('pending');
    expect(pending.map((m) => [m.id, (m.command as { type: string }).type, m.positions])).toEqual([
      [1, 'X', [1]],
      [2, 'SignConfidentialityAgreement', [2]],
      [3, 'SignIn', [3, 4]],
    ]);
    // The attachment (the drawn signature) is no command's decision: it stays when they retire.
    expect((await store.sync.meta()).nextMutationId).toBe(4);
  });

  it("S-5: a step appends the hub's events, retires what it replaced, decides pending again after them", async () => {
    const factory = new IDBFactory();
    const store = await open(factory);
    await store.sync.appendCommand([ev(1, 'a', 'local')], { type: 'X', now: 1 });
    await store.sync.appendCommand([ev(2, 'a', 'local')], { type: 'Y', now: 2 });
    await store.saveProjection('screen', 1, 2, { any: 1 });
    await store.saveProjection('old', 1, 0, { any: 0 });
    const applied = await store.sync.apply({
      events: [ev(1, 'a', 'hub'), ev(2, 'b', 'hub')],
      settle: [{ id: 1, status: 'confirmed' }],
      rebase: [{ id: 2, events: [ev(3, 'a', 'local')] }],
      cursor: 'c1',
      syncedAt: 99,
    });
    expect(applied.retired).toEqual([1, 2]);
    expect(ids(applied.appended)).toEqual(['hub1', 'hub2']);
    // Read in log order: the hub's, then the pending command's new decision; the retired are gone.
    expect(ids(await store.readAfter(0))).toEqual(['hub1', 'hub2', 'local3']);
    expect(ids(await store.readStream('s:a'))).toEqual(['hub1', 'local3']);
    expect(ids(await store.readAfter(0, 1))).toEqual(['hub1']);
    // A saved state that folded a retired event is dropped; one before it stays.
    expect(await store.loadProjection('screen')).toBeUndefined();
    expect(await store.loadProjection('old')).toBeDefined();
    expect((await store.sync.mutations('confirmed')).map((m) => m.id)).toEqual([1]);
    expect((await store.sync.mutations('pending')).map((m) => m.positions)).toEqual([[5]]);
    expect(await store.sync.meta()).toMatchObject({ cursor: 'c1', syncedAt: 99 });
    expect(await store.sync.has(['hub1', 'local1', 'local3'])).toEqual([true, false, true]);
    await store.close();
    // K-3: all of it is there after a restart.
    const again = await open(factory);
    expect(ids(await again.readAfter(0))).toEqual(['hub1', 'hub2', 'local3']);
    expect((await again.sync.meta()).cursor).toBe('c1');
  });

  it('S-2: a page pulled again after a kill is not written twice; a refusal is kept with its command', async () => {
    const store = await open(new IDBFactory());
    await store.sync.appendCommand([ev(1, 'a', 'local')], { type: 'X', now: 1 });
    await store.sync.answer([{ id: 1, answer: 'refused', rejection: { rule: 'R-2' } }]);
    expect((await store.sync.mutations('pending'))[0]).toMatchObject({ answer: 'refused' });
    const step = {
      events: [ev(1, 'a', 'hub')],
      settle: [{ id: 1, status: 'refused' as const, rejection: { rule: 'R-2' } }],
      rebase: [],
      cursor: 'c1',
    };
    await store.sync.apply(step);
    const second = await store.sync.apply(step);
    expect(second.appended).toEqual([]);
    expect(second.retired).toEqual([]);
    expect(ids(await store.readAfter(0))).toEqual(['hub1']);
    const refused = await store.sync.mutations('refused');
    expect(refused.map((m) => [m.id, m.rejection])).toEqual([[1, { rule: 'R-2' }]]);
    await store.sync.resetCursor();
    expect((await store.sync.meta()).cursor).toBeUndefined();
  });

  it("S-5: a standalone door's first enrolment retires its own log; the hub's counter starts at its first pending command", async () => {
    const store = await open(new IDBFactory());
    await store.append([ev(1), ev(2)]);
    await store.saveProjection('screen', 1, 2, {});
    const enrolment = {
      hub: 'http://127.0.0.1:4173',
      deviceId: 'dev-1',
      token: 't',
      room: { id: 'D', name: '洽谈室' },
      at: 5,
    };
    await store.sync.enrol(enrolment);
    expect(await store.readAfter(0)).toEqual([]);
    expect(await store.loadProjection('screen')).toBeUndefined();
    expect(await store.sync.meta()).toMatchObject({ enrolment, hub: enrolment.hub, base: 0 });
    await store.sync.appendCommand([ev(3)], { type: 'X', now: 1 });
    await store.sync.appendCommand([ev(4)], { type: 'X', now: 2 });
    await store.sync.disconnect('revoked');
    expect((await store.sync.meta()).revoked).toBe(true);
    // Enrolled again (a new client at the hub): the log stays, the two pending become 1 and 2.
    await store.sync.apply({ events: [], settle: [{ id: 1, status: 'confirmed' }], rebase: [] });
    await store.sync.enrol({ ...enrolment, deviceId: 'dev-2' });
    expect(ids(await store.readAfter(0))).toEqual(['e4']);
    expect(await store.sync.meta()).toMatchObject({ base: 1, revoked: false });
    await store.sync.disconnect('unenrolled');
    const meta = await store.sync.meta();
    expect(meta.enrolment).toBeUndefined();
    expect(meta.hub).toBe(enrolment.hub);
  });

  it('K-3: another tab of the door hears of a sync step that retired events, and no longer reads them', async () => {
    const factory = new IDBFactory();
    const writer = await openIdbEventStore({ factory, name: 'door-tabs' });
    const viewer = await openIdbEventStore({ factory, name: 'door-tabs' });
    await writer.sync.appendCommand([ev(1, 'a', 'local')], { type: 'X', now: 1 });
    expect(ids(await viewer.readAfter(0))).toEqual(['local1']);
    const heard = new Promise<{ retired?: boolean; count: number }>((resolve) => {
      viewer.onExternalAppend((n) => {
        if (n.retired) resolve(n);
      });
    });
    await writer.sync.apply({
      events: [ev(1, 'a', 'hub')],
      settle: [{ id: 1, status: 'confirmed' }],
      rebase: [],
    });
    const notice = await heard;
    expect(notice.count).toBe(1);
    expect(ids(await viewer.readAfter(0))).toEqual(['hub1']);
    await writer.close();
    await viewer.close();
  });

  it('S-5: a log opened without its sync log reads the sync record, and is given the sync log once, on the same store', async () => {
    const factory = new IDBFactory();
    const log = await openIdbEventLog({ factory, name: 'door-later', broadcast: false });
    expect('sync' in log).toBe(false);
    expect(await log.syncMeta()).toEqual({ key: 'sync', nextMutationId: 1 });
    const store = withSyncLog(log);
    expect(store).toBe(log);
    expect(withSyncLog(log).sync).toBe(store.sync);
    await store.sync.appendCommand([ev(1)], { type: 'X', now: 1 });
    const hub = 'http://127.0.0.1:4173';
    await store.sync.enrol({
      hub,
      deviceId: 'dev-1',
      token: 't',
      room: { id: 'D', name: 'D' },
      at: 5,
    });
    expect(await log.syncMeta()).toMatchObject({ nextMutationId: 2, hub });
    // A retirement by the sync log is the store's too: its reads skip the retired event.
    expect(await store.readAfter(0)).toEqual([]);
    await store.close();
  });
});
