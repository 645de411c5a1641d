// A small dealership for the calendar tests: two rooms (B suitable for confidential meetings), four
// people in three departments, and a log the core's deciders write, as the hub would hold it.
import {
  BOOKING_COMMAND_TYPES,
  MEETING_COMMAND_TYPES,
  createBookingDecider,
  createMeetingDecider,
  directoryDecider,
  foldBookingEvents,
  foldMeetingEvents,
  toInstant,
  type Actor,
  type BookingEvent,
  type BookingState,
  type DirectoryState,
  type Instant,
  type MeetingEvent,
  type MeetingState,
  type Rejection,
  type Result,
  type Room,
} from '@huiyi/core';
import { untyped } from '@huiyi/core/testing';
import {
  EMPTY_CALENDAR,
  foldCalendar,
  type CalendarSourceEvent,
  type CalendarState,
} from './calendar-state.js';

export const ZONE = 'Asia/Shanghai';
export const DOMAIN = 'huiyi.example';

/** A wall time in Shanghai, December 2026 by default (7 December is a Monday). */
export const at = (day: number, hour: number, minute = 0, month = 12): Instant =>
  toInstant({ year: 2026, month, day, hour, minute }, ZONE);
export const NOW = at(7, 8);

export const admin: Actor = { id: 'admin', roles: ['room-admin'] };
export const wang: Actor = { id: 'wang', roles: ['organizer'] };
export const li: Actor = { id: 'li', roles: [] };
export const chen: Actor = { id: 'chen', roles: [] };
export const zhao: Actor = { id: 'zhao', roles: [] };

const open = [
  { weekdays: [1, 2, 3, 4, 5, 6] as (1 | 2 | 3 | 4 | 5 | 6 | 7)[], open: '08:00', close: '20:00' },
];
export const roomA: Room = {
  id: 'A',
  name: '一号会议室',
  location: '售后二楼',
  capacity: 8,
  equipment: [
    { id: 'A-proj', kind: 'projector' },
    { id: 'A-screen', kind: 'screen' },
  ],
  openingHours: open,
  confidential: false,
  needsApproval: false,
  walkUp: true,
};
export const roomB: Room = {
  id: 'B',
  name: '保密会议室',
  location: '售后三楼',
  capacity: 12,
  equipment: [{ id: 'B-vc', kind: 'video-conferencing' }],
  openingHours: open,
  confidential: true,
  needsApproval: false,
  walkUp: false,
};

export const people = [
  { id: 'wang', name: '王伟', department: '售后服务部', employeeNumber: 'S001' },
  { id: 'li', name: '李娜', department: '售后服务部', employeeNumber: 'S002' },
  { id: 'chen', name: '陈静', department: '备件部', employeeNumber: 'P001' },
  { id: 'zhao', name: '赵强', department: '财务部', employeeNumber: 'F001' },
];

// Tests write commands as loose records: the deciders' run-time checks judge them.
const bookingDecider = untyped(createBookingDecider());
const meetingDecider = untyped(createMeetingDecider());
const directory = untyped(directoryDecider);
const bookingTypes: ReadonlySet<string> = new Set(BOOKING_COMMAND_TYPES);
const meetingTypes: ReadonlySet<string> = new Set(MEETING_COMMAND_TYPES);

/** A hub in memory: every command decided by the core's deciders, every event logged with its position. */
export class TestHub {
  readonly log: CalendarSourceEvent[] = [];
  bookings: BookingState = bookingDecider.initialState;
  meetings: MeetingState = meetingDecider.initialState;
  directory: DirectoryState = directoryDecider.initialState;

  /** Decides a command; appends its events. */
  run(command: Record<string, unknown>): Result<readonly { type: string }[]> {
    const type = String(command['type']);
    const now = command['now'] as Instant;
    if (bookingTypes.has(type)) {
      const r = bookingDecider.decide(command, this.bookings);
      if (r.ok)
        this.append(
          r.value,
          now,
          (es) => (this.bookings = foldBookingEvents(this.bookings, es as BookingEvent[])),
        );
      return r;
    }
    if (meetingTypes.has(type)) {
      const r = meetingDecider.decide(command, this.meetings);
      if (r.ok)
        this.append(
          r.value,
          now,
          (es) => (this.meetings = foldMeetingEvents(this.meetings, es as MeetingEvent[])),
        );
      return r;
    }
    const r = directory.decide(command, this.directory);
    if (r.ok)
      this.append(r.value, now, (es) => {
        for (const e of es) this.directory = directory.evolve(this.directory, e as never);
      });
    return r;
  }

  /** Decides commands in order, each on the ones before; a refusal of one appends none of them. */
  runAll(
    commands: readonly Record<string, unknown>[],
  ): { ok: true } | { ok: false; index: number; rejection: Rejection } {
    const saved = {
      bookings: this.bookings,
      meetings: this.meetings,
      directory: this.directory,
      length: this.log.length,
    };
    for (const [index, command] of commands.entries()) {
      const r = this.run(command);
      if (!r.ok) {
        this.bookings = saved.bookings;
        this.meetings = saved.meetings;
        this.directory = saved.directory;
        this.log.length = saved.length;
        return { ok: false, index, rejection: r.rejection };
      }
    }
    return { ok: true };
  }

  /** Decides a command that must be accepted. */
  must(command: Record<string, unknown>): readonly { type: string }[] {
    const r = this.run(command);
    if (!r.ok)
      throw new Error(
        `${String(command['type'])} refused: ${r.rejection.code} ${r.rejection.message.en}`,
      );
    return r.value;
  }

  /** Appends events decided elsewhere (an import, a reply). */
  append(
    events: readonly { type: string }[],
    now: Instant,
    fold?: (es: readonly { type: string }[]) => void,
  ): void {
    for (const e of events)
      this.log.push({ type: e.type, data: e, now, position: this.log.length + 1 });
    fold?.(events);
  }

  /** Appends rooms events decided elsewhere (an import) and folds them. */
  appendBookings(events: readonly BookingEvent[], now: Instant): void {
    this.append(
      events,
      now,
      (es) => (this.bookings = foldBookingEvents(this.bookings, es as BookingEvent[])),
    );
  }

  /** The calendar's state folded from the whole log. */
  calendar(): CalendarState {
    return foldCalendar(EMPTY_CALENDAR, this.log);
  }
}

/** A hub with the two rooms and the four people. */
export function site(): TestHub {
  const hub = new TestHub();
  for (const room of [roomA, roomB])
    hub.must({ type: 'RegisterRoom', now: NOW - 86_400_000, actor: admin, room });
  for (const person of people)
    hub.must({
      type: 'RegisterPerson',
      now: NOW - 86_400_000,
      actor: admin,
      person: { ...person, roles: [] },
    });
  return hub;
}

export const request = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'RequestBooking',
  now: NOW,
  actor: wang,
  bookingId: 'b1',
  roomId: 'A',
  topic: '售后周例会',
  headcount: 6,
  start: at(8, 9),
  end: at(8, 10),
  equipment: ['projector'],
  ...over,
});

/** A confidential meeting m1 in room B, booked as b-m1, organized by wang with li and chen invited (zhao is not). */
export function confidentialMeeting(hub: TestHub): void {
  hub.must(
    request({
      bookingId: 'b-m1',
      roomId: 'B',
      topic: '保密:索赔审核',
      confidential: true,
      equipment: [],
      start: at(9, 14),
      end: at(9, 15),
    }),
  );
  hub.must({
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
    booking: { roomId: 'B', bookingId: 'b-m1', start: at(9, 14), end: at(9, 15) },
    confidential: true,
  });
  hub.must({ type: 'ScheduleMeeting', now: NOW, actor: wang, meetingId: 'm1' });
}
