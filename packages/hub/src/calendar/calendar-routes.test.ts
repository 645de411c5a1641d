import { PGlite } from '@electric-sql/pglite';
import { fail, ok, type Actor, type Result } from '@huiyi/core';
import Fastify, { type FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { Kysely, PGliteDialect, sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.js';
import { openHub } from '../hub.js';
import { catchUpCalendars } from './calendar-projector.js';
import { calendarRoutes } from './calendar-routes.js';
import { applyToCalendar } from './calendar-store.js';
import { invitationFile } from './invitation.js';
import {
  DOMAIN,
  NOW,
  ZONE,
  admin,
  at,
  chen,
  confidentialMeeting,
  li,
  request,
  roomA,
  site,
  wang,
  zhao,
  type TestHub,
} from './fixtures.test-helpers.js';
import { eventOf, readBack } from './read-back.test-helpers.js';

const SITE = { zone: ZONE, domain: DOMAIN, clock: () => NOW };
let pglite: PGlite;
let db: Kysely<unknown>;
let queries = 0;
let hub: TestHub;
let app: FastifyInstance;
const submitted: Record<string, unknown>[] = [];
const submittedAll: (readonly Record<string, unknown>[])[] = [];
/** The rooms state the import route checks against, when a test wants it older than the hub's. */
let stale: TestHub['bookings'] | undefined;
const actors: Record<string, Actor> = { wang, li, chen, zhao, admin };

beforeAll(async () => {
  pglite = await PGlite.create();
  db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }), log: () => void queries++ });
  await migrateToLatest(db);
}, 120_000);
afterAll(async () => {
  await db.destroy();
});

/** The test hub's log, folded into the tables as the projector would. */
async function project(): Promise<void> {
  await sql`truncate cal_entries, cal_entry_people, cal_people, cal_rooms, cal_projection`.execute(
    db,
  );
  await applyToCalendar(db, hub.log, undefined, `c${hub.log.length}`, SITE);
}

beforeEach(async () => {
  await sql`truncate cal_entries, cal_entry_people, cal_people, cal_rooms, cal_feeds, cal_tokens, cal_projection`.execute(
    db,
  );
  hub = site();
  hub.must(request());
  confidentialMeeting(hub);
  await project();
  submitted.length = 0;
  submittedAll.length = 0;
  stale = undefined;
  app = Fastify();
  await app.register(calendarRoutes, {
    db,
    zone: ZONE,
    domain: DOMAIN,
    baseUrl: 'https://hub.example/',
    clock: () => NOW,
    authenticate: (r) => actors[String(r.headers['x-person'])],
    submit: async (
      actor: Actor,
      command: Record<string, unknown>,
    ): Promise<Result<readonly unknown[]>> => {
      submitted.push(command);
      const r = hub.run({ ...command, actor });
      return r.ok ? ok(r.value) : fail(r.rejection);
    },
    submitAll: async (actor: Actor, commands: readonly Record<string, unknown>[]) => {
      submittedAll.push(commands);
      return hub.runAll(commands.map((c) => ({ ...c, actor })));
    },
    bookings: () => stale ?? hub.bookings,
  });
  await app.ready();
});

afterEach(async () => {
  await app.close();
});

const token = async (scope: unknown, person = 'wang', language = 'zh-CN') => {
  const r = await app.inject({
    method: 'POST',
    url: '/calendars/tokens',
    headers: { 'x-person': person },
    payload: { scope, language },
  });
  return { status: r.statusCode, body: r.json() as { id: string; https: string; webcal: string } };
};
const path = (https: string) => new URL(https).pathname;

describe('C-1: feeds at secret, revocable addresses', () => {
  it('C-1: a token comes as an https and a webcal link; the feed is served as text/calendar with ETag and Last-Modified', async () => {
    const { status, body } = await token({ kind: 'room', roomId: 'A' });
    expect(status).toBe(201);
    expect(body.https).toMatch(/^https:\/\/hub\.example\/calendars\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(body.webcal).toBe(body.https.replace('https:', 'webcal:'));
    const r = await app.inject({ url: path(body.https) });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(r.headers['etag']).toMatch(/^"cal-\d+-2026-12-07-zh-CN"$/);
    expect(r.headers['last-modified']).toBe(new Date(NOW).toUTCString());
    expect(eventOf(readBack(r.body), 'booking-b1@huiyi.example').start).toBe(at(8, 9));
  });

  it('C-1: an unchanged feed answers 304 at the cost of one query; a change gives 200 and a new ETag', async () => {
    const { body } = await token({ kind: 'room', roomId: 'A' });
    const first = await app.inject({ url: path(body.https) });
    const etag = String(first.headers['etag']);
    queries = 0;
    const again = await app.inject({ url: path(body.https), headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(queries).toBe(1);
    const since = await app.inject({
      url: path(body.https),
      headers: { 'if-modified-since': String(first.headers['last-modified']) },
    });
    expect(since.statusCode).toBe(304);
    hub.must({
      type: 'ChangeBooking',
      now: NOW + 60_000,
      actor: wang,
      roomId: 'A',
      bookingId: 'b1',
      start: at(8, 11),
      end: at(8, 12),
    });
    await applyToCalendar(db, hub.log.slice(-1), `c${hub.log.length - 1}`, `c${hub.log.length}`, {
      ...SITE,
      clock: () => NOW + 60_000,
    });
    const changed = await app.inject({ url: path(body.https), headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers['etag']).not.toBe(etag);
    expect(eventOf(readBack(changed.body), 'booking-b1@huiyi.example')).toMatchObject({
      sequence: 1,
      start: at(8, 11),
    });
  });

  it('C-1: a revoked address answers 404 in both languages; only its creator or the room admin revokes it', async () => {
    const { body } = await token({ kind: 'room', roomId: 'A' });
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/calendars/tokens/${body.id}`,
          headers: { 'x-person': 'li' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/calendars/tokens/${body.id}`,
          headers: { 'x-person': 'wang' },
        })
      ).statusCode,
    ).toBe(200);
    const r = await app.inject({ url: path(body.https) });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({
      error: {
        rule: 'C-1',
        code: 'feed.unknown',
        message: { 'zh-CN': expect.any(String), en: expect.any(String) },
      },
    });
    expect((await app.inject({ url: '/calendars/nonsense.ics' })).statusCode).toBe(404);
  });

  it('C-1: a person feed is for that person (or the room admin); nobody signed in gets no token', async () => {
    expect((await token({ kind: 'person', personId: 'chen' }, 'wang')).status).toBe(403);
    expect((await token({ kind: 'person', personId: 'chen' }, 'admin')).status).toBe(201);
    expect((await token('person:chen', 'nobody')).status).toBe(401);
    expect((await token({ kind: 'planet', id: 'mars' }, 'wang')).status).toBe(400);
    const { body } = await token({ kind: 'person', personId: 'chen' }, 'chen', 'en');
    const cal = readBack((await app.inject({ url: path(body.https) })).body);
    expect(cal.name).toBe("陈静's meetings");
    expect(eventOf(cal, 'meeting-m1@huiyi.example').summary).toBe('保密:索赔审核');
  });

  it('C-2: served feeds hold confidential meetings as busy time: the room feed and a department feed', async () => {
    for (const scope of [
      { kind: 'room', roomId: 'B' },
      { kind: 'department', department: '备件部' },
    ]) {
      const { body } = await token(scope, 'zhao');
      const text = (await app.inject({ url: path(body.https) })).body;
      expect(readBack(text).events.map((e) => [e.summary, e.klass])).toEqual([
        ['忙碌', 'CONFIDENTIAL'],
      ]);
      expect(text).not.toContain('索赔');
    }
  });
});

describe('C-3: invitations and answers over HTTP', () => {
  it('C-3: an invitee downloads the invitation; someone not invited learns nothing', async () => {
    const r = await app.inject({
      url: '/calendars/invitations/m1.ics',
      headers: { 'x-person': 'chen' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/calendar; method=REQUEST; charset=utf-8');
    expect(readBack(r.body).method).toBe('REQUEST');
    const stranger = await app.inject({
      url: '/calendars/invitations/m1.ics',
      headers: { 'x-person': 'zhao' },
    });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.body).not.toContain('索赔');
  });

  it("C-3: an answer file uploaded is submitted as the person's answer (M-3); a foreign or unknown one is refused", async () => {
    const file = invitationFile(hub.calendar(), 'm1', {
      language: 'zh-CN',
      zone: ZONE,
      domain: DOMAIN,
    });
    if (!file.ok) throw new Error('no invitation');
    const root = new ICAL.Component(ICAL.parse(file.value) as never);
    root.updatePropertyWithValue('method', 'REPLY');
    const event = root.getFirstSubcomponent('vevent')!;
    for (const p of event.getAllProperties('attendee'))
      if (!String(p.getFirstValue()).toLowerCase().includes('chen@')) event.removeProperty(p);
      else p.setParameter('partstat', 'TENTATIVE');
    const reply = root.toString();
    const post = (person: string, payload: string) =>
      app.inject({
        method: 'POST',
        url: '/calendars/replies',
        headers: { 'x-person': person, 'content-type': 'text/calendar' },
        payload,
      });
    const r = await post('chen', reply);
    expect(r.json()).toEqual({ ok: true, answer: 'tentative', meetingId: 'm1', events: 1 });
    expect(submitted).toEqual([
      { type: 'AnswerInvitation', now: NOW, actor: chen, meetingId: 'm1', answer: 'tentative' },
    ]);
    const declined = reply.replace('PARTSTAT=TENTATIVE', 'PARTSTAT=DECLINED');
    const withReason = await app.inject({
      method: 'POST',
      url: '/calendars/replies',
      headers: {
        'x-person': 'chen',
        'content-type': 'text/calendar',
        'x-reason': encodeURIComponent('出差'),
      },
      payload: declined,
    });
    expect(withReason.json()).toMatchObject({ ok: true, answer: 'declined' });
    expect(submitted.at(-1)).toMatchObject({ answer: 'declined', reason: '出差' });
    const broken = await app.inject({
      method: 'POST',
      url: '/calendars/replies',
      headers: { 'x-person': 'chen', 'content-type': 'text/calendar', 'x-reason': '%E0%A4%A' },
      payload: declined,
    });
    expect(broken.json()).toMatchObject({
      error: { rule: 'M-3', code: 'invitation.reason-required' },
    });
    expect((await post('li', reply)).json()).toMatchObject({
      error: { rule: 'C-3', code: 'reply.not-yours' },
    });
    expect((await post('chen', reply.replace('meeting-m1@', 'meeting-m9@'))).json()).toMatchObject({
      error: { rule: 'C-3', code: 'invitation.unknown-meeting' },
    });
    expect((await post('chen', 'garbage')).json()).toMatchObject({
      error: { code: 'ics.malformed' },
    });
    expect(submitted).toHaveLength(3); // tentative, declined for 出差, declined without a reason (refused)
  });
});

describe('C-4: imports over HTTP', () => {
  const post = (payload: string, query = '?roomId=A') =>
    app.inject({
      method: 'POST',
      url: `/calendars/imports${query}`,
      headers: { 'x-person': 'wang', 'content-type': 'text/calendar' },
      payload,
    });

  it('C-4: an import submits what fits and lists what does not with its rule and alternatives', async () => {
    const feed = (
      await app.inject({ url: path((await token({ kind: 'room', roomId: 'A' })).body.https) })
    ).body;
    // The room's own feed, moved one day later and renamed, is a new set of requests.
    const file = feed.replace(/20261208T/g, '20261209T').replace(/booking-b1@/g, 'booking-copy@');
    const r = await post(file);
    expect(r.json()).toMatchObject({
      ok: true,
      booked: [{ bookingId: 'copy', roomId: 'A' }],
      refused: [],
    });
    expect(submitted.map((c) => c['bookingId'])).toEqual(['copy']);
    const twice = await post(feed.replace(/booking-b1@/g, 'booking-clash@'));
    expect(twice.json()).toMatchObject({
      ok: true,
      booked: [],
      refused: [
        {
          rejection: { rule: 'R-2', code: 'booking.room-busy', data: { slots: expect.any(Array) } },
        },
      ],
    });
  });

  it('C-4: all or nothing holds when the hub refuses one the check passed: the hub decides all before it commits any, nothing is booked or cancelled', async () => {
    const feed = (
      await app.inject({ url: path((await token({ kind: 'room', roomId: 'A' })).body.https) })
    ).body;
    const event = feed.slice(feed.indexOf('BEGIN:VEVENT'), feed.indexOf('END:VCALENDAR'));
    const two = feed.replace(
      event,
      event.replace(/20261208T/g, '20261209T').replace('booking-b1@', 'booking-first@') +
        event
          .replace(/20261208T09/g, '20261209T11')
          .replace(/20261208T10/g, '20261209T12')
          .replace('booking-b1@', 'booking-second@'),
    );
    stale = hub.bookings; // the check sees the rooms before li's booking
    hub.must(request({ bookingId: 'meanwhile', actor: li, start: at(9, 11), end: at(9, 12) }));
    const logged = hub.log.length;
    const r = await app.inject({
      method: 'POST',
      url: '/calendars/imports?mode=all-or-nothing',
      headers: { 'x-person': 'wang', 'content-type': 'text/calendar' },
      payload: two,
    });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({
      error: {
        rule: 'C-4',
        code: 'import.refused',
        data: { refused: [{ bookingId: 'second', rejection: { code: 'booking.room-busy' } }] },
      },
    });
    // One call with both requests, none one by one; the log holds nothing of the file.
    expect(submitted).toEqual([]);
    expect(submittedAll.map((cs) => cs.map((c) => String(c['bookingId'])))).toEqual([
      ['first', 'second'],
    ]);
    expect(hub.log.length).toBe(logged);
    expect(hub.bookings.rooms.get('A')?.bookings.has('first')).toBe(false);
    expect(hub.log.some((e) => e.type === 'BookingCancelled')).toBe(false);
  });

  it('C-4: bad files are refused with 422 and a bilingual reason, nothing submitted', async () => {
    const huge = `BEGIN:VCALENDAR\r\n${'BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n'.repeat(100_000)}END:VCALENDAR\r\n`;
    for (const [payload, code] of [
      ['BEGIN:VCALENDAR\r\nnot really', 'ics.malformed'],
      [huge, 'ics.too-many-events'],
    ] as const) {
      const r = await post(payload);
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({ error: { rule: 'C-4', code } });
    }
    expect(submitted).toEqual([]);
  });
});

describe('C-1: the projector on the hub engine', () => {
  it('C-1: bookings pushed to the hub reach the room feed through the gap-free feed', async () => {
    const engine = await PGlite.create();
    const h = await openHub({ pglite: engine, clock: () => NOW });
    try {
      const push = await h.push(
        { kind: 'admin' },
        {
          clientId: 'erp',
          clientClock: NOW,
          mutations: [
            { id: 1, command: { type: 'RegisterRoom', now: NOW, actor: admin, room: roomA } },
            { id: 2, command: { ...request(), actor: admin } },
          ],
        },
      );
      expect(push.ok && push.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      expect(await catchUpCalendars(h, SITE)).toBe(2);
      expect(await catchUpCalendars(h, SITE)).toBe(0);
      // A cursor the hub does not know (a restore, another database): the calendars start again.
      await sql`update cal_projection set cursor = 'not-this-hub'`.execute(h.db);
      expect(await catchUpCalendars(h, SITE)).toBe(2);
      expect(await sql`select key from cal_entries`.execute(h.db)).toMatchObject({
        rows: [{ key: 'booking:b1' }],
      });
      const feed = await app.inject({ url: '/calendars/x.ics' });
      expect(feed.statusCode).toBe(404);
      const local = Fastify();
      await local.register(calendarRoutes, {
        db: h.db,
        zone: ZONE,
        domain: DOMAIN,
        baseUrl: 'https://hub.example',
        clock: () => NOW,
        authenticate: () => wang,
        submit: () => Promise.resolve(ok([])),
        submitAll: () => Promise.resolve({ ok: true as const }),
        bookings: () => hub.bookings,
      });
      const t = await local.inject({
        method: 'POST',
        url: '/calendars/tokens',
        payload: { scope: 'room:A', language: 'en' },
      });
      const text = (await local.inject({ url: path((t.json() as { https: string }).https) })).body;
      expect(eventOf(readBack(text), 'booking-b1@huiyi.example')).toMatchObject({
        start: at(8, 9),
        summary: '售后周例会',
      });
      await local.close();
    } finally {
      await h.close();
      await engine.close();
    }
  }, 120_000);
});

describe('C-3: an answer file through the hub engine', () => {
  it('C-3: a meeting pushed to the hub, its invitation downloaded, the answer uploaded and decided by the hub (S-1), the feed updated', async () => {
    const engine = await PGlite.create();
    const h = await openHub({ pglite: engine, clock: () => NOW });
    let mutation = 0;
    const push = async (
      actor: Actor,
      command: Record<string, unknown>,
    ): Promise<Result<readonly unknown[]>> => {
      const r = await h.push(
        { kind: 'admin' },
        {
          clientId: 'web',
          clientClock: NOW,
          mutations: [{ id: ++mutation, command: { ...command, actor } }],
        },
      );
      if (!r.ok) return fail(r.rejection);
      const o = r.results[0];
      if (o?.status === 'applied') return ok(o.events);
      if (o?.status === 'refused') return fail(o.rejection);
      throw new Error(`unexpected push outcome ${JSON.stringify(o)}`);
    };
    try {
      const local = Fastify();
      await local.register(calendarRoutes, {
        db: h.db,
        zone: ZONE,
        domain: DOMAIN,
        baseUrl: 'https://hub.example',
        clock: () => NOW,
        authenticate: (r) => actors[String(r.headers['x-person'])],
        submit: push,
        submitAll: async (actor, commands) => {
          const r = await h.pushAll(
            { kind: 'admin' },
            commands.map((c) => ({ ...c, actor })),
          );
          return r.ok ? { ok: true as const } : { ...r, rejection: r.rejection as never };
        },
        bookings: () => hub.bookings,
      });
      for (const person of [
        { id: 'wang', name: '王伟', department: '售后服务部', employeeNumber: 'S001' },
        { id: 'chen', name: '陈静', department: '备件部', employeeNumber: 'P001' },
      ])
        expect(
          (
            await push(admin, {
              type: 'RegisterPerson',
              now: NOW,
              person: { ...person, roles: [] },
            })
          ).ok,
        ).toBe(true);
      expect((await push(admin, { type: 'RegisterRoom', now: NOW, room: roomA })).ok).toBe(true);
      expect((await push(wang, request({ actor: undefined }))).ok).toBe(true);
      const plan = {
        type: 'PlanMeeting',
        now: NOW,
        meetingId: 'm9',
        kind: 'ad-hoc',
        topic: '售后周例会',
        goals: '回顾上周',
        agenda: [{ id: 'i1', title: '投诉', presenterId: 'wang', timeboxMinutes: 30 }],
        chairId: 'wang',
        recorderId: 'chen',
        signInOfficerId: 'chen',
        participants: ['chen'],
        booking: { roomId: 'A', bookingId: 'b1', start: at(8, 9), end: at(8, 10) },
      };
      const planned = await push(wang, plan);
      expect(planned.ok ? 'ok' : planned.rejection.code).toBe('ok');
      expect((await push(wang, { type: 'ScheduleMeeting', now: NOW, meetingId: 'm9' })).ok).toBe(
        true,
      );
      await catchUpCalendars(h, SITE);
      const invitation = await local.inject({
        url: '/calendars/invitations/m9.ics',
        headers: { 'x-person': 'chen' },
      });
      expect(invitation.statusCode).toBe(200);
      const root = new ICAL.Component(ICAL.parse(invitation.body) as never);
      root.updatePropertyWithValue('method', 'REPLY');
      const event = root.getFirstSubcomponent('vevent')!;
      for (const p of event.getAllProperties('attendee'))
        if (!String(p.getFirstValue()).toLowerCase().includes('chen@')) event.removeProperty(p);
        else p.setParameter('partstat', 'ACCEPTED');
      const answered = await local.inject({
        method: 'POST',
        url: '/calendars/replies',
        headers: { 'x-person': 'chen', 'content-type': 'text/calendar' },
        payload: root.toString(),
      });
      expect(answered.json()).toEqual({ ok: true, answer: 'accepted', meetingId: 'm9', events: 1 });
      await catchUpCalendars(h, SITE);
      const t = await local.inject({
        method: 'POST',
        url: '/calendars/tokens',
        headers: { 'x-person': 'chen' },
        payload: { scope: 'person:chen', language: 'zh-CN' },
      });
      const feed = readBack(
        (await local.inject({ url: path((t.json() as { https: string }).https) })).body,
      );
      expect(
        eventOf(feed, 'meeting-m9@huiyi.example').attendees.map((a) => [a.cn, a.partstat]),
      ).toEqual([
        ['王伟', 'NEEDS-ACTION'],
        ['陈静', 'ACCEPTED'],
      ]);
      await local.close();
    } finally {
      await h.close();
      await engine.close();
    }
  }, 120_000);
});
