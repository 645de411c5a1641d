// The real hub for the kiosk's end-to-end tests: @huiyi/hub's engine (PGlite in memory, or a
// database of its own on the PostgreSQL server), its HTTP server on a free port serving the built
// kiosk at /door/<room> (with the demo's self-enrolment), two rooms, and a dealer system's key.
// The hub's clock is the test's: `advance(ms)` moves it (a week offline).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { foldBookingEvents, initialBookingState } from '@huiyi/core';
import { AuthStore } from '../../packages/hub/dist/auth/auth-store.js';
import { openRuntime } from '../../packages/hub/dist/http/engine.js';
import { kioskRoutes } from '../../packages/hub/dist/http/routes/kiosk.js';
import { buildServer } from '../../packages/hub/dist/http/server.js';

// No trailing slash: the hub's kiosk routes compare paths under it.
const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const SERVER = 'postgres://root@127.0.0.1:5432';

const allWeek = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' }];
/**
 * The rooms the hub knows, open all day every day: 一号会议室 (A), 洽谈室 (D), and two more (B, C)
 * so that each scenario has a room of its own.
 */
export const ROOMS = [
  {
    id: 'A',
    name: '一号会议室',
    location: '售后服务楼 2 层',
    capacity: 10,
    equipment: [{ id: 'A-proj', kind: 'projector', label: '投影仪' }],
    openingHours: allWeek,
    confidential: false,
    needsApproval: false,
    walkUp: true,
  },
  {
    id: 'D',
    name: '洽谈室',
    location: '售后接待区',
    capacity: 4,
    equipment: [{ id: 'D-board', kind: 'whiteboard', label: '白板' }],
    openingHours: allWeek,
    confidential: false,
    needsApproval: false,
    walkUp: true,
  },
  ...['B', 'C'].map((id) => ({
    id,
    name: `小会议室 ${id}`,
    location: '售后服务楼 3 层',
    capacity: 6,
    equipment: [],
    openingHours: allWeek,
    confidential: false,
    needsApproval: false,
    walkUp: true,
  })),
];

const admin = { id: 'p-zhou', roles: ['room-admin'] };

/**
 * Whether the PostgreSQL server answers (or must: `HUB_REQUIRE_POSTGRES=1`).
 *
 * @returns whether to run on it too
 */
export async function postgresReachable() {
  if (process.env['HUB_REQUIRE_POSTGRES'] === '1') return true;
  const client = new pg.Client({
    connectionString: `${SERVER}/postgres`,
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts a hub.
 *
 * @param {'pglite' | 'postgres'} kind - which database
 * @param {number} start - the hub's clock at start (it runs on from there)
 * @param {{ rooms?: readonly Record<string, unknown>[] }} [options] - the rooms (default {@link ROOMS})
 */
export async function startHub(kind, start, { rooms = ROOMS } = {}) {
  assert.ok(existsSync(`${DIST}/index.html`), 'run `npm run build` first');
  const began = Date.now();
  let offset = 0;
  const clock = () => start + (Date.now() - began) + offset;
  let database;
  let where = {};
  if (kind === 'postgres') {
    database = `door_sync_e2e_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
    const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
    await c.connect();
    await c.query(`create database ${database}`);
    await c.end();
    where = { databaseUrl: `${SERVER}/${database}` };
  }
  const hub = await openRuntime({ ...where, clock });
  const seeded = await hub.push(
    { kind: 'admin' },
    {
      clientId: 'e2e-admin',
      clientClock: clock(),
      mutations: rooms.map((room, i) => ({
        id: i + 1,
        command: { type: 'RegisterRoom', now: clock(), actor: admin, room },
      })),
    },
  );
  assert.ok(
    !('refused' in seeded) && seeded.results.every((r) => r.status === 'applied'),
    JSON.stringify(seeded),
  );
  const app = await buildServer(hub, {
    clock,
    plugins: [kioskRoutes({ dir: DIST, demoEnrolment: true })],
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${address.port}`;
  const auth = new AuthStore(hub.db);
  const { key } = await auth.issueApiKey('dealer ERP', ['act', 'read', 'admin'], clock());
  let counter = 0;
  const call = async (path, init = {}) => {
    const r = await fetch(url + path, {
      ...init,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${key}`,
        ...init.headers,
      },
    });
    return { status: r.status, body: await r.json() };
  };
  return {
    kind,
    url,
    hub,
    auth,
    clock,
    /** Moves the hub's clock on. */
    advance(ms) {
      offset += ms;
    },
    /**
     * A dealer system's command, pushed through the hub's API.
     *
     * @returns the hub's result for it
     */
    async dealer(command) {
      counter += 1;
      const { status, body } = await call('/api/v1/push', {
        method: 'POST',
        body: JSON.stringify({
          clientId: 'dealer-erp',
          clientClock: clock(),
          mutations: [{ id: counter, command }],
        }),
      });
      assert.equal(status, 200, JSON.stringify(body));
      return body.results[0];
    },
    /** A booking request from the dealer system (its desk), for a room and a time. */
    book(bookingId, roomId, start, end, topic = '客户投诉复盘') {
      return this.dealer({
        type: 'RequestBooking',
        now: clock(),
        actor: admin,
        bookingId,
        roomId,
        organizerId: 'p-wang',
        department: '售后服务部',
        topic,
        headcount: 3,
        start,
        end,
      });
    },
    /** Every event of the dealership in commit order (the integrators' feed, S-6). */
    async feed() {
      const events = [];
      let after;
      for (;;) {
        const q = new URLSearchParams({ limit: '1000', ...(after ? { after } : {}) });
        const { status, body } = await call(`/api/v1/events?${q}`);
        assert.equal(status, 200, JSON.stringify(body));
        events.push(...body.events);
        after = body.checkpoint;
        if (!body.hasMore) return events;
      }
    },
    /** A room's bookings as the hub holds them, folded from its feed. */
    async bookings(roomId) {
      const events = (await this.feed()).filter((e) => e.stream === `room:${roomId}`);
      const state = foldBookingEvents(
        initialBookingState,
        events.map((e) => e.data),
      );
      return plain([...(state.rooms.get(roomId)?.bookings.values() ?? [])]);
    },
    async close() {
      await app.close();
      await hub.close();
      if (database) {
        const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
        await c.connect();
        await c.query(`drop database if exists ${database} with (force)`);
        await c.end();
      }
    },
  };
}

/**
 * Bookings as plain rows, by id: what door and hub must agree on.
 *
 * @param {readonly { id: string, start: number, end: number, status: string }[]} bookings
 */
export function plain(bookings) {
  return bookings
    .map((b) => ({ id: b.id, start: b.start, end: b.end, status: b.status }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * What a door shows of a room's bookings, from its service's state.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} roomId
 */
export async function doorBookings(page, roomId) {
  const rows = await page.evaluate((id) => {
    const rs = globalThis.document
      .querySelector('huiyi-kiosk')
      .service.state.bookings.rooms.get(id);
    return [...(rs?.bookings.values() ?? [])].map((b) => ({
      id: b.id,
      start: b.start,
      end: b.end,
      status: b.status,
    }));
  }, roomId);
  return plain(rows);
}

/**
 * The door's sync status (`synced`, `offline` …) and its queue.
 *
 * @param {import('playwright-core').Page} page
 */
export function syncOf(page) {
  return page.evaluate(async () => {
    const app = globalThis.document.querySelector('huiyi-kiosk');
    if (!app?.service || !app.sync) return undefined;
    const log = await app.service.log();
    return {
      status: app.sync?.status,
      pending: (await log.sync.mutations('pending')).length,
      confirmed: (await log.sync.mutations('confirmed')).map((m) => m.command.bookingId ?? m.id),
      refused: (await log.sync.mutations('refused')).map((m) => m.command.bookingId ?? m.id),
    };
  });
}

/**
 * Waits until the door has synced with nothing left pending.
 *
 * @param {import('playwright-core').Page} page
 * @param {number} [timeout]
 */
export async function settled(page, timeout = 15_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const s = await syncOf(page).catch(() => undefined);
    if (s?.status?.kind === 'synced' && s.pending === 0) return s;
    if (Date.now() > until) throw new Error(`the door did not settle: ${JSON.stringify(s)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A tap at the door: the command goes through the door's service, as its screens send it.
 *
 * @param {import('playwright-core').Page} page
 * @param {Record<string, unknown>} command - without `now` (the door's clock gives it)
 * @returns {Promise<{ ok: boolean, rule?: string }>}
 */
export function tap(page, command) {
  return page.evaluate(async (c) => {
    const app = globalThis.document.querySelector('huiyi-kiosk');
    const r = await app.service.dispatch({ ...c, now: Date.now() });
    return r.ok ? { ok: true } : { ok: false, rule: r.rejection.rule, code: r.rejection.code };
  }, command);
}

/**
 * The agreement signed by hand and the sign-in it allows, as the door's agreement pad sends them
 * both commands in one write, the pad's PNG attached, the drawing as a path for the hub.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} personId - who signs (for themselves)
 * @param {string} meetingId
 * @param {string} signature - the drawing as a path
 * @returns {Promise<{ ok: boolean, rule?: string, code?: string }>}
 */
export function signAgreementAndSignIn(page, personId, meetingId, signature) {
  return page.evaluate(
    async ([id, meeting, path]) => {
      const app = globalThis.document.querySelector('huiyi-kiosk');
      const now = Date.now();
      const actor = { id, roles: [...(app.service.state.people?.get?.(id)?.roles ?? [])] };
      const signatureId = `sig-${crypto.randomUUID()}`;
      const r = await app.service.dispatchAll(
        [
          {
            type: 'SignConfidentialityAgreement',
            now,
            actor,
            personId: id,
            version: 1,
            signatureRef: signatureId,
            signature: path,
            meetingId: meeting,
          },
          { type: 'SignIn', now, actor, meetingId: meeting },
        ],
        [
          {
            type: 'SignatureCaptured',
            signatureId,
            personId: id,
            image: 'data:image/png;base64,iVBORw0KGgo=',
          },
        ],
      );
      return r.ok ? { ok: true } : { ok: false, rule: r.rejection.rule, code: r.rejection.code };
    },
    [personId, meetingId, signature],
  );
}

/**
 * The door's commands in a status, in counter order, each as `type subject` (its booking, or who
 * it is for).
 *
 * @param {import('playwright-core').Page} page
 * @param {'pending' | 'confirmed' | 'refused'} status
 */
export function commandsAt(page, status) {
  return page.evaluate(async (which) => {
    const log = await globalThis.document.querySelector('huiyi-kiosk').service.log();
    return (await log.sync.mutations(which)).map(
      ({ command: c }) => `${c.type} ${c.bookingId ?? c.personId ?? c.actor?.id}`,
    );
  }, status);
}

/**
 * How many drawn signatures the door's log keeps (the pad's PNGs, R-8).
 *
 * @param {import('playwright-core').Page} page
 */
export function signaturesKept(page) {
  return page.evaluate(async () => {
    const log = await globalThis.document.querySelector('huiyi-kiosk').service.log();
    return (await log.readAfter(0)).filter((e) => e.type === 'SignatureCaptured').length;
  });
}
