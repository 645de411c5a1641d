// The calendars on the hub's real server, with real tokens and keys, on PGlite and on the
// PostgreSQL server: feed links issued by an admin key, a booking pushed through sync appearing in
// the feed (read back with ical.js), 304s, revocation, doors refused (S-3), confidential meetings
// busy-only in a room feed (C-2), and an invitation answered through the server (C-3).
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventOf, readBack } from '../src/calendar/read-back.test-helpers.js';
import {
  ICS_BODY_LIMIT,
  calendarProjection,
  calendarsPlugin,
} from '../src/http/routes/calendars.js';
import { ADMIN, admin, at } from '../src/testing/fixtures.test-helpers.js';
import { requestBooking } from './commands.js';
import { serverAvailable } from './databases.js';
import { NOW, openFixture, type HubFixture } from './fixture.js';

const onServer = await serverAvailable();
const DOMAIN = 'huiyi.example';
const BASE = 'https://hub.example';

const wang = { id: 'wang', roles: ['organizer'] };
const PEOPLE = [
  {
    id: 'wang',
    name: '王伟',
    department: '售后服务部',
    employeeNumber: 'S001',
    roles: ['organizer'],
  },
  { id: 'li', name: '李娜', department: '售后服务部', employeeNumber: 'S002', roles: [] },
  { id: 'chen', name: '陈静', department: '备件部', employeeNumber: 'P001', roles: [] },
];

describe.each(['pglite', 'postgres'] as const)('the calendars on the hub server (%s)', (kind) => {
  const skip = kind === 'postgres' && !onServer;
  let fx: HubFixture;
  let adminKey: string;
  let actKey: string;
  let doorToken: string;
  let clientCounter = 0;

  const call = (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    token?: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    fx.app.inject({
      method,
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });

  /** Pushes commands through `/api/v1/push` with a key, each applied. */
  const push = async (token: string, ...commands: Record<string, unknown>[]) => {
    const r = await call('POST', '/api/v1/push', token, {
      clientId: `cal-test-${kind}-${++clientCounter}`,
      clientClock: NOW,
      mutations: commands.map((command, i) => ({ id: i + 1, command })),
    });
    expect(r.statusCode).toBe(200);
    const results = r.json<{ results: { status: string; rejection?: unknown }[] }>().results;
    expect(results, JSON.stringify(results)).toEqual(
      commands.map(() => ({
        id: expect.any(Number),
        status: 'applied',
        events: expect.any(Array),
      })),
    );
  };

  const followed = async () => {
    const projection = calendarProjection(fx.app);
    if (projection === undefined) throw new Error('the server has no calendars');
    await projection.idle();
  };

  const feedPath = (https: string) => new URL(https).pathname;

  const issue = async (scope: Record<string, unknown>, language = 'en', token = adminKey) => {
    const r = await call('POST', '/calendars/tokens', token, { scope, language });
    expect(r.statusCode).toBe(201);
    return r.json<{ id: string; https: string; webcal: string }>();
  };

  beforeAll(async () => {
    if (skip) return;
    fx = await openFixture(kind, { plugins: [calendarsPlugin({ domain: DOMAIN, baseUrl: BASE })] });
    adminKey = (await fx.key('admin')).key;
    actKey = (await fx.key('act', 'read')).key;
    doorToken = (await fx.door('A')).token;
    const registered = await fx.hub.push(ADMIN, {
      clientId: `cal-people-${kind}`,
      clientClock: NOW,
      mutations: PEOPLE.map((person, i) => ({
        id: i + 1,
        command: { type: 'RegisterPerson', now: at(7), actor: admin, person },
      })),
    });
    if ('refused' in registered || registered.results.some((r) => r.status !== 'applied'))
      throw new Error(`people not registered: ${JSON.stringify(registered)}`);
  }, 120_000);

  afterAll(async () => {
    if (!skip) await fx.close();
  });

  it.skipIf(skip)(
    'C-1: an admin key issues a room feed link; a booking pushed through sync appears in it; an unchanged feed is a 304; a revoked link is gone',
    async () => {
      const link = await issue({ kind: 'room', roomId: 'A' });
      expect(link.https).toMatch(/^https:\/\/hub\.example\/calendars\/[A-Za-z0-9_-]{43}\.ics$/);
      expect(link.webcal).toBe(link.https.replace(/^https:/, 'webcal:'));

      await push(actKey, requestBooking('A', 0, { topic: '售后周例会' }));
      await followed();
      const feed = await call('GET', feedPath(link.https));
      expect(feed.statusCode).toBe(200);
      expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
      const e = eventOf(readBack(feed.body), `booking-b-A-0@${DOMAIN}`);
      expect(e).toMatchObject({ summary: '售后周例会', start: at(10), end: at(11) });

      const etag = String(feed.headers['etag']);
      const again = await call('GET', feedPath(link.https), undefined, undefined, {
        'if-none-match': etag,
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');

      // A second booking changes the feed: the old ETag no longer matches.
      await push(actKey, requestBooking('A', 2));
      await followed();
      const changed = await call('GET', feedPath(link.https), undefined, undefined, {
        'if-none-match': etag,
      });
      expect(changed.statusCode).toBe(200);
      expect(readBack(changed.body).events.map((x) => x.uid)).toContain(`booking-b-A-2@${DOMAIN}`);

      const revoked = await call('DELETE', `/calendars/tokens/${link.id}`, adminKey);
      expect(revoked.statusCode).toBe(200);
      const gone = await call('GET', feedPath(link.https));
      expect([404, 410]).toContain(gone.statusCode);
      expect(gone.body).not.toContain('BEGIN:VCALENDAR');
    },
  );

  it.skipIf(skip)(
    'S-3: a door token cannot issue feed links (403); no token is a 401; an act key acts only for a person of the directory',
    async () => {
      const door = await call('POST', '/calendars/tokens', doorToken, {
        scope: { kind: 'room', roomId: 'A' },
        language: 'en',
      });
      expect(door.statusCode).toBe(403);
      expect(door.json()).toMatchObject({ error: { rule: 'S-3', code: 'auth.door' } });
      const door2 = await call('DELETE', '/calendars/tokens/ft_x', doorToken);
      expect(door2.statusCode).toBe(403);

      const nobody = await call('POST', '/calendars/tokens', undefined, {
        scope: { kind: 'room', roomId: 'A' },
      });
      expect(nobody.statusCode).toBe(401);
      expect(nobody.json()).toMatchObject({ error: { rule: 'S-3' } });

      // An act key without a person is not the admin.
      const asSystem = await call('POST', '/calendars/tokens', actKey, {
        scope: { kind: 'room', roomId: 'A' },
      });
      expect(asSystem.statusCode).toBe(403);
      expect(asSystem.json()).toMatchObject({ error: { rule: 'S-3', code: 'auth.scope' } });

      // For a person of the directory: their own feed, not someone else's.
      const own = await call('POST', '/calendars/tokens?personId=chen', actKey, {
        scope: { kind: 'person', personId: 'chen' },
      });
      expect(own.statusCode).toBe(201);
      const other = await call('POST', '/calendars/tokens?personId=chen', actKey, {
        scope: { kind: 'person', personId: 'wang' },
      });
      expect(other.statusCode).toBe(403);
      const stranger = await call('POST', '/calendars/tokens?personId=nobody', actKey, {
        scope: { kind: 'person', personId: 'nobody' },
      });
      expect(stranger.statusCode).toBe(403);
      expect(stranger.json()).toMatchObject({ error: { code: 'auth.unknown-person' } });
    },
  );

  it.skipIf(skip)(
    'C-4: an .ics upload keeps its own body limit: over the API’s 1 MiB is read, over its own is a bilingual 413 naming it',
    async () => {
      const filler = (bytes: number) =>
        `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nX-PAD:${'x'.repeat(bytes)}\r\nEND:VCALENDAR\r\n`;
      const ics = { 'content-type': 'text/calendar' };
      const read = await call(
        'POST',
        '/calendars/imports?roomId=A',
        adminKey,
        filler(2 * 1024 * 1024),
        ics,
      );
      expect(read.statusCode).not.toBe(413);
      const over = await call(
        'POST',
        '/calendars/imports?roomId=A',
        adminKey,
        filler(ICS_BODY_LIMIT),
        ics,
      );
      expect(over.statusCode).toBe(413);
      expect(over.json()).toMatchObject({
        error: {
          code: 'request.too-large',
          message: { en: expect.stringContaining(String(ICS_BODY_LIMIT)) as string },
        },
      });
    },
    60_000,
  );

  describe('a confidential meeting in room B', () => {
    beforeAll(async () => {
      if (skip) return;
      const start = at(14, 0, 9);
      const end = at(15, 0, 9);
      await push(
        actKey,
        {
          type: 'RequestBooking',
          now: NOW,
          actor: wang,
          bookingId: 'b-m1',
          roomId: 'B',
          topic: '保密:索赔审核',
          headcount: 3,
          start,
          end,
          confidential: true,
        },
        {
          type: 'PlanMeeting',
          now: NOW,
          actor: wang,
          meetingId: 'm1',
          kind: 'ad-hoc',
          topic: '保密:索赔审核',
          goals: '审核三笔索赔',
          agenda: [{ id: 'i1', title: '索赔单 2026-118', presenterId: 'li', timeboxMinutes: 30 }],
          chairId: 'wang',
          recorderId: 'li',
          signInOfficerId: 'li',
          participants: ['chen'],
          booking: { roomId: 'B', bookingId: 'b-m1', start, end },
          confidential: true,
        },
        { type: 'ScheduleMeeting', now: NOW, actor: wang, meetingId: 'm1' },
      );
      await followed();
    });

    it.skipIf(skip)('C-2: the room feed shows it as busy time only', async () => {
      const link = await issue({ kind: 'room', roomId: 'B' }, 'zh-CN');
      const feed = await call('GET', feedPath(link.https));
      expect(feed.statusCode).toBe(200);
      const e = eventOf(readBack(feed.body), `booking-b-m1@${DOMAIN}`);
      expect(e).toMatchObject({
        summary: '忙碌',
        klass: 'CONFIDENTIAL',
        start: at(14, 0, 9),
        end: at(15, 0, 9),
        description: undefined,
        organizer: undefined,
        attendees: [],
      });
      const events = feed.body.slice(feed.body.indexOf('BEGIN:VEVENT'));
      for (const secret of ['索赔', '2026-118', '王伟', '陈静', 'chen']) {
        expect(events).not.toContain(secret);
      }
    });

    it.skipIf(skip)(
      "C-3: the invitation downloaded and the answer uploaded through the server change the invitee's answer at the hub",
      async () => {
        const notInvited = await call('GET', '/calendars/invitations/m1.ics', adminKey);
        expect(notInvited.statusCode).toBe(404);
        const door = await call('GET', '/calendars/invitations/m1.ics?personId=chen', doorToken);
        expect(door.statusCode).toBe(403);

        const invitation = await call('GET', '/calendars/invitations/m1.ics?personId=chen', actKey);
        expect(invitation.statusCode).toBe(200);
        expect(invitation.headers['content-type']).toMatch(/method=REQUEST/);
        const root = new ICAL.Component(ICAL.parse(invitation.body) as never);
        root.updatePropertyWithValue('method', 'REPLY');
        const event = root.getFirstSubcomponent('vevent');
        if (event === null) throw new Error('no VEVENT in the invitation');
        for (const p of event.getAllProperties('attendee'))
          if (!String(p.getFirstValue()).toLowerCase().includes('chen@')) event.removeProperty(p);
          else p.setParameter('partstat', 'TENTATIVE');

        // Li may not bring chen's answer.
        const foreign = await call(
          'POST',
          '/calendars/replies?personId=li',
          actKey,
          root.toString(),
          { 'content-type': 'text/calendar' },
        );
        expect(foreign.statusCode).toBe(422);

        const answered = await call(
          'POST',
          '/calendars/replies?personId=chen',
          actKey,
          root.toString(),
          { 'content-type': 'text/calendar' },
        );
        expect(answered.statusCode).toBe(200);
        expect(answered.json()).toEqual({
          ok: true,
          answer: 'tentative',
          meetingId: 'm1',
          events: 1,
        });

        // At the hub: the answer is in the dealership's feed, as chen's, and in the invitation.
        const feed = await call('GET', '/api/v1/events?limit=1000', actKey);
        const answers = feed
          .json<{ events: { type: string; who: string; data: Record<string, unknown> }[] }>()
          .events.filter((x) => x.type === 'InvitationAnswered');
        expect(answers).toHaveLength(1);
        expect(answers[0]).toMatchObject({
          who: 'chen',
          data: { personId: 'chen', answer: 'tentative', meetingId: 'm1' },
        });
        await followed();
        const after = await call('GET', '/calendars/invitations/m1.ics?personId=chen', actKey);
        const chen = eventOf(readBack(after.body), `meeting-m1@${DOMAIN}`).attendees.find((a) =>
          a.address.includes('chen@'),
        );
        expect(chen?.partstat).toBe('TENTATIVE');
      },
    );
  });
});
