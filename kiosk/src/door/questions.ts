import {
  MINUTE,
  checklistFor,
  closingAfter,
  expectedAttendees,
  localDateOf,
  nextEntryFrom,
  powerOffPending,
  startOfLocalDay,
  type DoorStatus,
  type Meeting,
  type PolicyParameters,
  type RoomState,
} from '@huiyi/core';
import { upkeepStateOf, type KioskState } from '../services/kiosk-state.js';

// The door's questions, answered in one place: the screens ask these and never work a rule out
// themselves. Each takes the parameters in force for the room at `now`.

/** A length on offer at the door, and where it really ends. */
export interface LengthOption {
  readonly minutes: number;
  readonly end: number;
}

/** How far a booking from `start` may run at the door: the next booking (less the buffer) and closing time. */
function capFrom(rs: RoomState, start: number, params: PolicyParameters, except?: string): number {
  const next = nextEntryFrom(rs.index, start);
  const buffer = params.rooms.bufferMinutes * MINUTE;
  const nextStart = next && next.id !== except ? next.start - buffer : Infinity;
  return Math.min(nextStart, closingAfter(rs.room, start, params.time.zone) ?? start);
}

/**
 * The walk-up lengths on offer now: each of the policy's lengths (15 / 30 / 60 min by
 * default) with the end it would really have, capped at the next booking and closing time; one
 * that would end no later than a shorter one, or run less than the minimum booking, is left out.
 *
 * @param rs - the room
 * @param now - the moment
 * @param params - the parameters in force
 * @returns the lengths, shortest first; empty when none fits
 * @example
 * walkUpOptions(freeRoom, at10h02, DEFAULT_PARAMETERS) // => [{ minutes: 15, end: 10:17 }, { minutes: 30, end: 10:32 }, { minutes: 60, end: 11:02 }]
 */
export function walkUpOptions(
  rs: RoomState,
  now: number,
  params: PolicyParameters,
): LengthOption[] {
  const p = params.rooms;
  const start = Math.floor(now / MINUTE) * MINUTE;
  const cap = capFrom(rs, start, params);
  const out: LengthOption[] = [];
  for (const minutes of p.walkUpLengthsMinutes) {
    const end = Math.min(start + minutes * MINUTE, cap);
    const previous = out.at(-1);
    if (
      end - start >= p.minLengthMinutes * MINUTE &&
      (previous === undefined || end > previous.end)
    )
      out.push({ minutes, end });
  }
  return out;
}

/**
 * The extensions on offer for the meeting in progress: each of the policy's lengths that
 * fits whole before the next booking (less the buffer) and closing time. A length the rules would
 * refuse is never offered.
 *
 * @param rs - the room
 * @param booking - the meeting in progress (`id`, `end`)
 * @param params - the parameters in force
 * @returns the extensions, shortest first
 * @example
 * extendOptions(room, { id: 'b1', end: 10:35 }, DEFAULT_PARAMETERS) // => [{ minutes: 15, end: 10:50 }] when the next starts at 11:00
 */
export function extendOptions(
  rs: RoomState,
  booking: { readonly id: string; readonly end: number },
  params: PolicyParameters,
): LengthOption[] {
  const cap = capFrom(rs, booking.end, params, booking.id);
  return params.rooms.extendLengthsMinutes
    .map((minutes) => ({ minutes, end: booking.end + minutes * MINUTE }))
    .filter((o) => o.end <= cap);
}

/**
 * The meeting of a booking, unless it is a draft or cancelled.
 *
 * @param state - the kiosk's state
 * @param bookingId - the booking
 * @returns the meeting, if one holds the booking
 */
export function meetingOf(state: KioskState, bookingId: string | undefined): Meeting | undefined {
  if (!bookingId) return undefined;
  for (const m of state.meetings.meetings.values()) {
    if (m.booking?.bookingId === bookingId && m.status !== 'cancelled' && m.status !== 'draft')
      return m;
  }
  return undefined;
}

/**
 * The meeting a sign-in at this door now belongs to (M-5): the one in progress or waiting for
 * check-in, or the next one once its sign-in has opened (15 min before the start by default).
 *
 * @param state - the kiosk's state
 * @param status - the door's status now
 * @param now - the moment
 * @param params - the parameters in force
 * @returns the meeting, or `undefined` when no sign-in is open
 */
export function signInMeeting(
  state: KioskState,
  status: DoorStatus,
  now: number,
  params: PolicyParameters,
): Meeting | undefined {
  const current = meetingOf(state, status.current?.id);
  if (current) return current;
  const next = status.next;
  const opens = params.meetings.signInOpensMinutesBeforeStart * MINUTE;
  return next && now >= next.start - opens ? meetingOf(state, next.id) : undefined;
}

/**
 * Whether the person is one the meeting expects (its invitees, delegates in place of those who
 * delegated).
 *
 * @param meeting - the meeting
 * @param personId - who
 * @returns true for an invitee
 */
export const isInvitee = (meeting: Meeting, personId: string): boolean =>
  expectedAttendees(meeting).includes(personId);

/**
 * The checklist lines of a booking: the room's items of the kinds it needs.
 *
 * @param state - the kiosk's state
 * @param roomId - the room
 * @param bookingId - the booking
 * @returns the lines; empty for a booking that needs no equipment
 */
export function checklistLines(state: KioskState, roomId: string, bookingId: string) {
  return checklistFor(upkeepStateOf(state), roomId, bookingId) ?? [];
}

/**
 * Whether the equipment checklist of a booking is due (R-7: the organizer checks the equipment
 * before the meeting): the booking needs equipment, nobody checked it, and it has not started
 * yet, or was checked in less than `graceMinutes` ago (the checklist comes with check-in). Once
 * the meeting runs, it is no longer offered.
 *
 * @param state - the kiosk's state
 * @param roomId - the room
 * @param bookingId - the booking
 * @param now - the moment
 * @returns true when the door should offer it
 */
export function checklistDue(
  state: KioskState,
  roomId: string,
  bookingId: string,
  now: number,
): boolean {
  const b = state.bookings.rooms.get(roomId)?.bookings.get(bookingId);
  if (!b || (b.status !== 'confirmed' && b.status !== 'checked-in')) return false;
  const done = state.upkeep.get(roomId)?.checklists.has(bookingId) ?? false;
  if (done || checklistLines(state, roomId, bookingId).length === 0) return false;
  return b.status === 'confirmed' && now < b.end;
}

/**
 * The booking whose power-off check is due: today's latest meeting in this room that was
 * used and is over, with the power not yet confirmed off.
 *
 * @param state - the kiosk's state
 * @param roomId - the room
 * @param now - the moment
 * @param zone - the site's zone
 * @returns the booking's id, or `undefined`
 */
export function powerOffDue(
  state: KioskState,
  roomId: string,
  now: number,
  zone: string,
): string | undefined {
  const today = startOfLocalDay(localDateOf(now, zone), zone);
  return powerOffPending(upkeepStateOf(state), now, roomId)
    .filter((p) => p.endedAt >= today)
    .at(-1)?.bookingId;
}
