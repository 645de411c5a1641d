import { sql, type Kysely } from 'kysely';
import { hubRejections, type HubRejection } from './hub-rejection.js';
import type { Principal } from './principal.js';

/** A booking as the read models give it; `topic` is empty for a door when confidential (S-4). */
export interface BookingView {
  readonly bookingId: string;
  readonly roomId: string;
  readonly organizerId: string;
  readonly topic: string;
  readonly headcount: number;
  readonly start: number;
  readonly end: number;
  readonly status: string;
  readonly confidential: boolean;
  readonly walkUp: boolean;
}

/** A room and whether it is free at the moment asked. */
export interface RoomView {
  readonly roomId: string;
  readonly name: string;
  readonly location: string;
  readonly capacity: number;
  readonly free: boolean;
  /** When the room is next taken after the moment (epoch ms), `null` when nothing is booked. */
  readonly freeUntil: number | null;
}

type Refused = { readonly ok: false; readonly rejection: HubRejection };

const mayRead = (p: Principal, roomId?: string): HubRejection | undefined => {
  if (p.kind === 'system' && !p.scopes.includes('read')) {
    return hubRejections.missingScope('read', 'read models');
  }
  if (p.kind === 'door' && roomId !== undefined && roomId !== p.roomId) {
    return hubRejections.mayNotRead(`room ${roomId}`);
  }
  return undefined;
};

/**
 * A room's bookings that overlap `[from, to)` (a day: today's bookings of a room), by start,
 * cancelled and declined ones left out. A door reads only its own room, without confidential
 * topics (S-3, S-4).
 *
 * @param db - the hub's database
 * @param principal - who asks
 * @param roomId - the room
 * @param from - the window's start (epoch ms), e.g. the start of today in the site's zone
 * @param to - its end
 * @returns the bookings, or the refusal
 * @example
 * await bookingsOfRoom(hub.db, door('A'), 'A', startOfToday, startOfTomorrow) // => { ok: true, bookings: [...] }
 */
export async function bookingsOfRoom(
  db: Kysely<unknown>,
  principal: Principal,
  roomId: string,
  from: number,
  to: number,
): Promise<{ readonly ok: true; readonly bookings: readonly BookingView[] } | Refused> {
  const denied = mayRead(principal, roomId);
  if (denied) return { ok: false, rejection: denied };
  const rows = await sql<Record<string, unknown>>`
    select booking_id, room_id, organizer_id, topic, headcount, start_at::float8 as start_at,
           end_at::float8 as end_at, status, confidential, walk_up
      from rm_bookings
     where room_id = ${roomId} and start_at < ${to} and end_at > ${from}
       and status not in ('cancelled', 'declined')
     order by start_at, booking_id`.execute(db);
  const door = principal.kind === 'door';
  return {
    ok: true,
    bookings: rows.rows.map((r) => ({
      bookingId: r['booking_id'] as string,
      roomId: r['room_id'] as string,
      organizerId: r['organizer_id'] as string,
      topic: door && r['confidential'] === true ? '' : (r['topic'] as string),
      headcount: Number(r['headcount']),
      start: Number(r['start_at']),
      end: Number(r['end_at']),
      status: r['status'] as string,
      confidential: r['confidential'] === true,
      walkUp: r['walk_up'] === true,
    })),
  };
}

/**
 * Every room with whether it is free at `at` and until when (R-2, R-5: which rooms are free now).
 * A door reads the list too (it offers other rooms).
 *
 * @param db - the hub's database
 * @param principal - who asks
 * @param at - the moment (epoch ms)
 * @returns the rooms by id, or the refusal
 * @example
 * await roomsFreeAt(hub.db, { kind: 'admin' }, Date.now()) // => { ok: true, rooms: [{ roomId: 'A', free: true, … }] }
 */
export async function roomsFreeAt(
  db: Kysely<unknown>,
  principal: Principal,
  at: number,
): Promise<{ readonly ok: true; readonly rooms: readonly RoomView[] } | Refused> {
  const denied = mayRead(principal);
  if (denied) return { ok: false, rejection: denied };
  const rows = await sql<Record<string, unknown>>`
    select r.room_id, r.name, r.location, r.capacity,
           not exists (select 1 from rm_bookings b
                        where b.room_id = r.room_id and b.occ_start <= ${at} and b.occ_end > ${at}) as free,
           (select min(b.occ_start)::float8 from rm_bookings b
             where b.room_id = r.room_id and b.occ_start > ${at}) as next_start
      from rm_rooms r
     order by r.room_id`.execute(db);
  return {
    ok: true,
    rooms: rows.rows.map((r) => ({
      roomId: r['room_id'] as string,
      name: r['name'] as string,
      location: r['location'] as string,
      capacity: Number(r['capacity']),
      free: r['free'] === true,
      freeUntil: r['next_start'] === null ? null : Number(r['next_start']),
    })),
  };
}

/** A meeting as the read models give it, with its attendance (M-6). */
export interface MeetingView {
  readonly meetingId: string;
  readonly roomId: string | null;
  /** Empty for a door when the meeting is confidential (S-4). */
  readonly topic: string;
  readonly status: string;
  readonly start: number | null;
  readonly end: number | null;
  readonly confidential: boolean;
  readonly chairId: string;
  readonly participants: readonly string[];
  /** Per person on time, late, left early, absent …, with the rates; `null` without a booking. */
  readonly attendance: unknown;
}

/**
 * A meeting with its attendance (M-6, computed from the sign-ins). A door reads only meetings in
 * its own room, a confidential one without its topic (S-3, S-4).
 *
 * @param db - the hub's database
 * @param principal - who asks
 * @param meetingId - the meeting
 * @returns the meeting (`undefined` when there is none), or the refusal
 * @example
 * await meetingWithAttendance(hub.db, { kind: 'admin' }, 'm-weekly') // => { ok: true, meeting: { attendance: { attendanceRate: 0.8, … } } }
 */
export async function meetingWithAttendance(
  db: Kysely<unknown>,
  principal: Principal,
  meetingId: string,
): Promise<{ readonly ok: true; readonly meeting: MeetingView | undefined } | Refused> {
  const denied = mayRead(principal);
  if (denied) return { ok: false, rejection: denied };
  const rows = await sql<Record<string, unknown>>`
    select meeting_id, room_id, topic, status, start_at::float8 as start_at, end_at::float8 as end_at,
           confidential, chair_id, participants, attendance
      from rm_meetings where meeting_id = ${meetingId}`.execute(db);
  const r = rows.rows[0];
  if (!r) return { ok: true, meeting: undefined };
  if (principal.kind === 'door' && r['room_id'] !== principal.roomId) {
    return { ok: false, rejection: hubRejections.mayNotRead(`meeting ${meetingId}`) };
  }
  const secret = principal.kind === 'door' && r['confidential'] === true;
  return {
    ok: true,
    meeting: {
      meetingId: r['meeting_id'] as string,
      roomId: (r['room_id'] as string | null) ?? null,
      topic: secret ? '' : (r['topic'] as string),
      status: r['status'] as string,
      start: r['start_at'] === null ? null : Number(r['start_at']),
      end: r['end_at'] === null ? null : Number(r['end_at']),
      confidential: r['confidential'] === true,
      chairId: r['chair_id'] as string,
      participants: r['participants'] as string[],
      attendance: r['attendance'] ?? null,
    },
  };
}

/** An open action item of a person (F-2). */
export interface ActionView {
  readonly actionId: string;
  readonly meetingId: string;
  readonly ownerId: string;
  readonly text: string;
  readonly status: string;
  readonly due: number;
  readonly urgency: string;
}

/**
 * A person's open action items (open, in progress, returned, blocked), by due date (F-2). Doors
 * read no actions (S-3).
 *
 * @param db - the hub's database
 * @param principal - who asks (a door is refused)
 * @param personId - the owner
 * @returns the actions, or the refusal
 * @example
 * await openActionsOf(hub.db, { kind: 'admin' }, 'p-liu') // => { ok: true, actions: [{ actionId: 'm1:d1', due: …, status: 'open' }] }
 */
export async function openActionsOf(
  db: Kysely<unknown>,
  principal: Principal,
  personId: string,
): Promise<{ readonly ok: true; readonly actions: readonly ActionView[] } | Refused> {
  if (principal.kind === 'door')
    return { ok: false, rejection: hubRejections.mayNotRead('actions') };
  const denied = mayRead(principal);
  if (denied) return { ok: false, rejection: denied };
  const rows = await sql<Record<string, unknown>>`
    select action_id, meeting_id, owner_id, text, status, due::float8 as due, urgency
      from rm_actions where owner_id = ${personId} and open order by due, action_id`.execute(db);
  return {
    ok: true,
    actions: rows.rows.map((r) => ({
      actionId: r['action_id'] as string,
      meetingId: r['meeting_id'] as string,
      ownerId: r['owner_id'] as string,
      text: r['text'] as string,
      status: r['status'] as string,
      due: Number(r['due']),
      urgency: r['urgency'] as string,
    })),
  };
}
