// The read models an integrator needs, over the engine's queries (tables it keeps in step with its
// events in the same transaction): a room's bookings on a day, which rooms are free at a moment.
import { DEFAULT_ZONE, addDays, startOfLocalDay } from '@huiyi/core';
import { Type } from 'typebox';
import { isAuthRefusal } from '../../auth/auth-store.js';
import { refusal } from '../../auth/refusal.js';
import {
  bookingsOfRoom,
  meetingWithAttendance,
  openActionsOf,
  roomsFreeAt,
} from '../../read-models.js';
import { BEARER, authenticate, mayReadRoom } from '../access.js';
import type { App, RouteContext } from '../context.js';
import { refusedByEngine } from '../engine.js';
import { sendRefusal } from '../errors.js';
import { errorReplies } from '../schemas.js';

const BookingSchema = Type.Object({
  bookingId: Type.String(),
  roomId: Type.String(),
  organizerId: Type.String(),
  topic: Type.String({ description: 'Empty for a door when the booking is confidential (S-4)' }),
  headcount: Type.Integer(),
  start: Type.Number({ description: 'epoch ms' }),
  end: Type.Number({ description: 'epoch ms' }),
  status: Type.String(),
  confidential: Type.Boolean(),
  walkUp: Type.Boolean(),
});

const RoomFreeSchema = Type.Object({
  roomId: Type.String(),
  name: Type.String(),
  location: Type.String(),
  capacity: Type.Integer(),
  free: Type.Boolean({ description: 'No booking holds the room at `at`' }),
  freeUntil: Type.Union([Type.Number(), Type.Null()], {
    description: 'When the room is next taken after `at` (epoch ms); `null` when nothing is booked',
  }),
});

const MeetingSchema = Type.Object({
  meetingId: Type.String(),
  roomId: Type.Union([Type.String(), Type.Null()]),
  topic: Type.String({ description: 'Empty for a door when the meeting is confidential (S-4)' }),
  status: Type.String(),
  start: Type.Union([Type.Number(), Type.Null()]),
  end: Type.Union([Type.Number(), Type.Null()]),
  confidential: Type.Boolean(),
  chairId: Type.String(),
  participants: Type.Array(Type.String()),
  attendance: Type.Unknown({
    description:
      'Per person on time, late, left early, absent …, with the rates (M-6); `null` without a booking',
  }),
});

const ActionSchema = Type.Object({
  actionId: Type.String(),
  meetingId: Type.String(),
  ownerId: Type.String(),
  text: Type.String(),
  status: Type.String({ description: 'open, in progress, returned or blocked' }),
  due: Type.Number({ description: 'epoch ms' }),
  urgency: Type.String(),
});

/** Whether `YYYY-MM-DD` names a day of the calendar. */
function dayOf(text: string): { year: number; month: number; day: number } | undefined {
  const [year = 0, month = 0, day = 0] = text.split('-').map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
    ? { year, month, day }
    : undefined;
}

/**
 * The read models' routes.
 *
 * @param app - the server
 * @param ctx - the engine and auth store
 */
export function readModelRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/v1/rooms/:roomId/bookings',
    {
      schema: {
        tags: ['read models'],
        summary: "A room's bookings on a day",
        description:
          "The bookings that overlap the day (in the dealership's zone, Asia/Shanghai), in order of start, cancelled and declined ones left out. A door reads its own room only (S-3), a confidential booking without its topic (S-4); a system needs `read`.",
        security: BEARER,
        params: Type.Object({ roomId: Type.String({ minLength: 1, maxLength: 200 }) }),
        querystring: Type.Object({
          date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' }),
        }),
        response: {
          200: Type.Object({
            roomId: Type.String(),
            date: Type.String(),
            bookings: Type.Array(BookingSchema),
          }),
          ...errorReplies(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const p = await authenticate(ctx.auth, request);
      if (isAuthRefusal(p)) return sendRefusal(reply, p);
      const { roomId } = request.params;
      const denied = mayReadRoom(p, roomId);
      if (denied) return sendRefusal(reply, denied);
      const date = dayOf(request.query.date);
      if (!date) {
        return sendRefusal(
          reply,
          refusal(
            400,
            'request.invalid',
            'HTTP',
            `没有这一天：${request.query.date}`,
            `no such day: ${request.query.date}`,
          ),
        );
      }
      const from = startOfLocalDay(date, DEFAULT_ZONE);
      const to = startOfLocalDay(addDays(date, 1), DEFAULT_ZONE);
      const r = await bookingsOfRoom(ctx.hub.db, p, roomId, from, to);
      if (!r.ok) return sendRefusal(reply, refusedByEngine(r.rejection).refused);
      return { roomId, date: request.query.date, bookings: [...r.bookings] };
    },
  );

  app.get(
    '/api/v1/rooms/free',
    {
      schema: {
        tags: ['read models'],
        summary: 'Which rooms are free at a moment',
        description:
          'Every room, whether a booking holds it at `at` (default: now) and until when it stays free. A door may read it (it offers other rooms); a system needs `read`.',
        security: BEARER,
        querystring: Type.Object({
          at: Type.Optional(Type.Integer({ minimum: 0, description: 'epoch ms; default now' })),
        }),
        response: {
          200: Type.Object({ at: Type.Number(), rooms: Type.Array(RoomFreeSchema) }),
          ...errorReplies(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const p = await authenticate(ctx.auth, request);
      if (isAuthRefusal(p)) return sendRefusal(reply, p);
      const at = request.query.at ?? ctx.clock();
      const r = await roomsFreeAt(ctx.hub.db, p, at);
      if (!r.ok) return sendRefusal(reply, refusedByEngine(r.rejection).refused);
      return { at, rooms: [...r.rooms] };
    },
  );

  app.get(
    '/api/v1/meetings/:meetingId',
    {
      schema: {
        tags: ['read models'],
        summary: 'A meeting with its attendance',
        description:
          'The meeting, its people and its attendance computed from the sign-ins (M-6). A door reads only meetings in its own room, a confidential one without its topic (S-3, S-4); a system needs `read`.',
        security: BEARER,
        params: Type.Object({ meetingId: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: {
          200: Type.Object({ meeting: MeetingSchema }),
          ...errorReplies(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const p = await authenticate(ctx.auth, request);
      if (isAuthRefusal(p)) return sendRefusal(reply, p);
      const { meetingId } = request.params;
      const r = await meetingWithAttendance(ctx.hub.db, p, meetingId);
      if (!r.ok) return sendRefusal(reply, refusedByEngine(r.rejection).refused);
      if (!r.meeting) {
        return sendRefusal(
          reply,
          refusal(
            404,
            'meeting.unknown',
            'M-4',
            `没有会议 ${meetingId}`,
            `there is no meeting ${meetingId}`,
          ),
        );
      }
      return { meeting: { ...r.meeting, participants: [...r.meeting.participants] } };
    },
  );

  app.get(
    '/api/v1/people/:personId/actions',
    {
      schema: {
        tags: ['read models'],
        summary: "A person's open action items",
        description:
          'Open, in progress, returned or blocked, by due date (F-2). Doors read no actions (S-3); a system needs `read`.',
        security: BEARER,
        params: Type.Object({ personId: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: {
          200: Type.Object({ personId: Type.String(), actions: Type.Array(ActionSchema) }),
          ...errorReplies(401, 403),
        },
      },
    },
    async (request, reply) => {
      const p = await authenticate(ctx.auth, request);
      if (isAuthRefusal(p)) return sendRefusal(reply, p);
      const { personId } = request.params;
      const r = await openActionsOf(ctx.hub.db, p, personId);
      if (!r.ok) return sendRefusal(reply, refusedByEngine(r.rejection).refused);
      return { personId, actions: [...r.actions] };
    },
  );
}
