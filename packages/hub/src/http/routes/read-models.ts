// The read models an integrator needs, each a query over tables the engine keeps in step with its
// events in the same transaction: the rooms, a room's bookings on a day, the rooms free at a moment.
import { addDays, startOfLocalDay } from '@huiyi/core';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { isAuthRefusal } from '../../auth/auth-store.js';
import { refusal } from '../../auth/refusal.js';
import { BEARER, authenticate, mayReadDealership, mayReadRoom } from '../access.js';
import type { App, RouteContext } from '../context.js';
import { sendRefusal } from '../errors.js';
import { errorReplies } from '../schemas.js';

const RoomSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  location: Type.String(),
  capacity: Type.Integer(),
  confidential: Type.Boolean(),
  walkUp: Type.Boolean(),
});

const BookingSchema = Type.Object({
  bookingId: Type.String(),
  roomId: Type.String(),
  organizerId: Type.String(),
  topic: Type.String({
    description: "For a door, a confidential booking's topic is withheld (S-4)",
  }),
  headcount: Type.Integer(),
  start: Type.Number(),
  end: Type.Number(),
  status: Type.String(),
  confidential: Type.Boolean(),
  walkUp: Type.Boolean(),
  occupies: Type.Union([Type.Object({ start: Type.Number(), end: Type.Number() }), Type.Null()], {
    description:
      'The interval it holds the room, `null` when it holds nothing (cancelled, declined, released)',
  }),
});

interface RoomRow {
  room_id: string;
  name: string;
  location: string;
  capacity: number;
  confidential: boolean;
  walk_up: boolean;
}

interface BookingRow {
  booking_id: string;
  room_id: string;
  organizer_id: string;
  topic: string;
  headcount: number;
  start_at: string | number;
  end_at: string | number;
  status: string;
  confidential: boolean;
  walk_up: boolean;
  occ_start: string | number | null;
  occ_end: string | number | null;
}

const room = (r: RoomRow) => ({
  id: r.room_id,
  name: r.name,
  location: r.location,
  capacity: r.capacity,
  confidential: r.confidential,
  walkUp: r.walk_up,
});

/** The topic a door shows for a confidential booking (S-4). */
export const WITHHELD = '保密会议 · Confidential meeting';

/**
 * The read models' routes.
 *
 * @param app - the server
 * @param ctx - the engine and auth store
 */
export function readModelRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/v1/rooms',
    {
      schema: {
        tags: ['read models'],
        summary: "The dealership's rooms",
        description: 'Scope `read`.',
        security: BEARER,
        response: {
          200: Type.Object({ rooms: Type.Array(RoomSchema) }),
          ...errorReplies(401, 403),
        },
      },
    },
    async (request, reply) => {
      const p = await authenticate(ctx.auth, request);
      if (isAuthRefusal(p)) return sendRefusal(reply, p);
      const denied = mayReadDealership(p);
      if (denied) return sendRefusal(reply, denied);
      const r = await sql<RoomRow>`select * from rm_rooms order by room_id`.execute(ctx.hub.db);
      return { rooms: r.rows.map(room) };
    },
  );

  app.get(
    '/api/v1/rooms/:roomId/bookings',
    {
      schema: {
        tags: ['read models'],
        summary: "A room's bookings on a day",
        description:
          "Every booking that overlaps the day (in the dealership's zone, Asia/Shanghai), in order of start. A door reads its own room only (S-3), and a confidential booking without its topic (S-4); a system needs `read`.",
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
          ...errorReplies(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const p = await authenticate(ctx.auth, request);
      if (isAuthRefusal(p)) return sendRefusal(reply, p);
      const { roomId } = request.params;
      const denied = mayReadRoom(p, roomId);
      if (denied) return sendRefusal(reply, denied);
      const [year, month, day] = request.query.date.split('-').map(Number) as [
        number,
        number,
        number,
      ];
      const date = { year, month, day };
      const probe = new Date(Date.UTC(year, month - 1, day));
      if (
        probe.getUTCFullYear() !== year ||
        probe.getUTCMonth() !== month - 1 ||
        probe.getUTCDate() !== day
      ) {
        return sendRefusal(
          reply,
          refusal(
            400,
            'request.invalid',
            'HTTP',
            `没有这一天:${request.query.date}`,
            `no such day: ${request.query.date}`,
          ),
        );
      }
      const exists = await sql`select 1 from rm_rooms where room_id = ${roomId}`.execute(
        ctx.hub.db,
      );
      if (exists.rows.length === 0) {
        return sendRefusal(
          reply,
          refusal(404, 'room.unknown', 'R-1', `没有会议室 ${roomId}`, `there is no room ${roomId}`),
        );
      }
      const from = startOfLocalDay(date);
      const to = startOfLocalDay(addDays(date, 1));
      const r = await sql<BookingRow>`
        select * from rm_bookings
         where room_id = ${roomId} and start_at < ${to} and end_at > ${from}
         order by start_at, booking_id`.execute(ctx.hub.db);
      const door = p.kind === 'door';
      return {
        roomId,
        date: request.query.date,
        bookings: r.rows.map((b) => ({
          bookingId: b.booking_id,
          roomId: b.room_id,
          organizerId: b.organizer_id,
          topic: door && b.confidential ? WITHHELD : b.topic,
          headcount: b.headcount,
          start: Number(b.start_at),
          end: Number(b.end_at),
          status: b.status,
          confidential: b.confidential,
          walkUp: b.walk_up,
          occupies:
            b.occ_start === null || b.occ_end === null
              ? null
              : { start: Number(b.occ_start), end: Number(b.occ_end) },
        })),
      };
    },
  );

  app.get(
    '/api/v1/rooms/free',
    {
      schema: {
        tags: ['read models'],
        summary: 'Which rooms are free at a moment',
        description: 'Rooms that no booking holds at `at` (default: now). Scope `read`.',
        security: BEARER,
        querystring: Type.Object({
          at: Type.Optional(Type.Integer({ minimum: 0, description: 'epoch ms' })),
        }),
        response: {
          200: Type.Object({ at: Type.Number(), rooms: Type.Array(RoomSchema) }),
          ...errorReplies(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const p = await authenticate(ctx.auth, request);
      if (isAuthRefusal(p)) return sendRefusal(reply, p);
      const denied = mayReadDealership(p);
      if (denied) return sendRefusal(reply, denied);
      const at = request.query.at ?? ctx.clock();
      const r = await sql<RoomRow>`
        select * from rm_rooms r
         where not exists (
           select 1 from rm_bookings b
            where b.room_id = r.room_id and b.occ_start is not null
              and b.occ_start <= ${at} and b.occ_end > ${at})
         order by r.room_id`.execute(ctx.hub.db);
      return { at, rooms: r.rows.map(room) };
    },
  );
}
