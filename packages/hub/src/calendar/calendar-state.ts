import {
  toPartstat,
  type ActionEvent,
  type BookingEvent,
  type Instant,
  type MeetingEvent,
  type MeetingPlan,
  type PersonRegistered,
} from '@huiyi/core';
import type {
  ActionEntry,
  BookingEntry,
  CalendarEntry,
  EntryAttendee,
  EntryStatus,
  MeetingEntry,
} from './calendar-entry.js';

/** An event as the hub's log holds it: its type, the event itself, the `now` of its command, its position. */
export interface CalendarSourceEvent {
  readonly type: string;
  readonly data: unknown;
  readonly now: Instant;
  readonly position: number;
}

/** A room's name and place, for `LOCATION`. */
export interface RoomName {
  readonly name: string;
  readonly location?: string;
}

/** A person's name and department, for `CN=` and department feeds. */
export interface PersonName {
  readonly name: string;
  readonly department: string;
}

/** What the feeds are made from: every entry by key, and the names of rooms and people. */
export interface CalendarState {
  readonly entries: ReadonlyMap<string, CalendarEntry>;
  readonly rooms: ReadonlyMap<string, RoomName>;
  readonly people: ReadonlyMap<string, PersonName>;
}

/** Nothing yet. */
export const EMPTY_CALENDAR: CalendarState = {
  entries: new Map(),
  rooms: new Map(),
  people: new Map(),
};

type Known = BookingEvent | MeetingEvent | ActionEvent | PersonRegistered;

/**
 * The entry keys an event touches: a store loads just these before folding a batch.
 *
 * @param e - an event of the log (any type)
 * @returns `booking:<id>`, `meeting:<id>` or `action:<id>`; none for events no feed shows
 * @example
 * calendarKeysOf({ type: 'BookingCheckedIn', data: { bookingId: 'b1', … }, now, position: 7 }) // => ['booking:b1']
 */
export function calendarKeysOf(e: Pick<CalendarSourceEvent, 'type' | 'data'>): string[] {
  const d = e.data as Record<string, unknown>;
  if (typeof d !== 'object' || d === null) return [];
  if (e.type === 'BookingRequested' || e.type === 'RoomBooked') {
    const b = d['booking'] as { id?: unknown } | undefined;
    return typeof b?.id === 'string' ? [`booking:${b.id}`] : [];
  }
  if (typeof d['bookingId'] === 'string' && BOOKING_TOUCH.has(e.type))
    return [`booking:${d['bookingId']}`];
  if (typeof d['meetingId'] === 'string' && MEETING_TOUCH.has(e.type))
    return [`meeting:${d['meetingId']}`];
  if (typeof d['actionId'] === 'string' && ACTION_TOUCH.has(e.type))
    return [`action:${d['actionId']}`];
  return [];
}

const BOOKING_TOUCH: ReadonlySet<string> = new Set([
  'BookingApproved',
  'BookingDeclined',
  'BookingChanged',
  'BookingCancelled',
  'BookingCheckedIn',
  'BookingReleased',
  'BookingExtended',
  'BookingEndedEarly',
]);
const MEETING_TOUCH: ReadonlySet<string> = new Set([
  'MeetingPlanned',
  'MeetingEdited',
  'MeetingScheduled',
  'MeetingRescheduled',
  'MeetingCancelled',
  'InvitationAnswered',
]);
const ACTION_TOUCH: ReadonlySet<string> = new Set([
  'ActionOpened',
  'ActionAmended',
  'CompletionReported',
  'ActionEvaluated',
  'ActionCancelled',
]);

/** What a calendar client must be told again about: time, room (or owner) and status (C-1). */
const signature = (e: CalendarEntry): string =>
  `${e.start}|${e.end}|${e.status}|${e.kind === 'booking' ? e.roomId : e.kind === 'meeting' ? (e.roomId ?? '') : e.ownerId}`;

interface Draft {
  entries: Map<string, CalendarEntry>;
  rooms: Map<string, RoomName>;
  people: Map<string, PersonName>;
}

/**
 * Folds events of the hub's log into the calendar's state (C-1). Each entry's `sequence` counts
 * the events that changed its time, room or status after it first showed, so rendering the same
 * log again gives the same numbers; `modified` and `position` are those of the last event that
 * touched it. Events no feed shows are skipped, so the whole log can be given. Pure: `state` is
 * left as it was.
 *
 * @param state - where to start
 * @param events - events in log order
 * @returns the new state
 * @example
 * foldCalendar(EMPTY_CALENDAR, storedEvents).entries.get('booking:b1')?.sequence // => 1 after one move
 */
export function foldCalendar(
  state: CalendarState,
  events: Iterable<CalendarSourceEvent>,
): CalendarState {
  const d: Draft = {
    entries: new Map(state.entries),
    rooms: new Map(state.rooms),
    people: new Map(state.people),
  };
  for (const e of events) apply(d, e);
  return d;
}

function touch<T extends CalendarEntry>(
  d: Draft,
  key: string,
  e: CalendarSourceEvent,
  change: (old: T) => T,
): void {
  const old = d.entries.get(key) as T | undefined;
  if (old === undefined) return;
  put(d, old, change(old), e);
}

function put(
  d: Draft,
  old: CalendarEntry | undefined,
  next: CalendarEntry,
  e: CalendarSourceEvent,
): void {
  const shown = old !== undefined && !(old.kind === 'meeting' && old.draft);
  const sequence =
    shown && signature(old) !== signature(next) ? old.sequence + 1 : (old?.sequence ?? 0);
  d.entries.set(next.key, {
    ...next,
    sequence,
    created: old?.created ?? e.now,
    modified: e.now,
    position: e.position,
  });
}

const statusOf = (pending: boolean): EntryStatus => (pending ? 'tentative' : 'confirmed');

function apply(d: Draft, src: CalendarSourceEvent): void {
  const e = src.data as Known;
  if (typeof e !== 'object' || e === null || e.type !== src.type) return;
  switch (e.type) {
    case 'RoomRegistered':
    case 'RoomUpdated':
      d.rooms.set(e.roomId, {
        name: e.room.name,
        ...(e.room.location === undefined ? {} : { location: e.room.location }),
      });
      return;
    case 'PersonRegistered':
      d.people.set(e.personId, { name: e.person.name, department: e.person.department });
      return;
    case 'BookingRequested':
    case 'RoomBooked': {
      const b = e.booking;
      const key = `booking:${b.id}`;
      const entry: BookingEntry = {
        kind: 'booking',
        key,
        id: b.id,
        roomId: b.roomId,
        organizerId: b.organizerId,
        ...(b.department === undefined ? {} : { department: b.department }),
        topic: b.topic,
        headcount: b.headcount,
        start: b.start,
        end: b.end,
        equipment: b.equipment,
        confidential: b.confidential,
        ...(b.seriesId === undefined ? {} : { seriesId: b.seriesId }),
        status: statusOf(b.status === 'pending'),
        sequence: 0,
        created: src.now,
        modified: src.now,
        position: src.position,
      };
      put(d, d.entries.get(key), entry, src);
      return;
    }
    case 'BookingApproved':
      touch<BookingEntry>(d, `booking:${e.bookingId}`, src, (b) => ({ ...b, status: 'confirmed' }));
      return;
    case 'BookingDeclined':
    case 'BookingCancelled':
      touch<BookingEntry>(d, `booking:${e.bookingId}`, src, (b) => ({
        ...b,
        status: 'cancelled',
        cancelledAt: e.at,
      }));
      return;
    case 'BookingChanged':
      touch<BookingEntry>(d, `booking:${e.bookingId}`, src, (b) => ({
        ...b,
        start: e.start,
        end: e.end,
        topic: e.topic,
        headcount: e.headcount,
        equipment: e.equipment,
        status: e.pending ? 'tentative' : b.status,
      }));
      return;
    case 'BookingCheckedIn':
      touch<BookingEntry>(d, `booking:${e.bookingId}`, src, (b) => b);
      return;
    case 'BookingReleased':
    case 'BookingEndedEarly':
      // The rest of the time is free: the room's feed shows what it held.
      touch<BookingEntry>(d, `booking:${e.bookingId}`, src, (b) =>
        e.at > b.start && e.at < b.end ? { ...b, end: e.at } : b,
      );
      return;
    case 'BookingExtended':
      touch<BookingEntry>(d, `booking:${e.bookingId}`, src, (b) => ({ ...b, end: e.end }));
      return;
    case 'MeetingPlanned':
      put(d, d.entries.get(`meeting:${e.meetingId}`), planned(e.meetingId, e.plan, e.by, src), src);
      return;
    case 'MeetingEdited':
      touch<MeetingEntry>(d, `meeting:${e.meetingId}`, src, (m) => ({
        ...planned(m.id, e.plan, m.organizerId, src),
        created: m.created,
      }));
      return;
    case 'MeetingScheduled':
      touch<MeetingEntry>(d, `meeting:${e.meetingId}`, src, (m) => ({
        ...m,
        draft: false,
        answerDeadline: e.answerDeadline,
        attendees: e.invitees.map((personId) => ({
          personId,
          partstat: 'NEEDS-ACTION',
          chair: personId === m.chairId,
        })),
      }));
      return;
    case 'MeetingRescheduled':
      touch<MeetingEntry>(d, `meeting:${e.meetingId}`, src, (m) => ({
        ...m,
        roomId: e.booking.roomId,
        bookingId: e.booking.bookingId,
        start: e.booking.start,
        end: e.booking.end,
        answerDeadline: e.answerDeadline,
      }));
      return;
    case 'MeetingCancelled':
      touch<MeetingEntry>(d, `meeting:${e.meetingId}`, src, (m) => ({
        ...m,
        status: 'cancelled',
        cancelledAt: e.at,
      }));
      return;
    case 'InvitationAnswered':
      touch<MeetingEntry>(d, `meeting:${e.meetingId}`, src, (m) => {
        const attendees: EntryAttendee[] = m.attendees.map((a) =>
          a.personId !== e.personId
            ? a
            : {
                personId: a.personId,
                chair: a.chair,
                partstat: toPartstat(e.answer),
                ...(a.delegatedFrom === undefined ? {} : { delegatedFrom: a.delegatedFrom }),
                ...(e.delegatedTo === undefined ? {} : { delegatedTo: e.delegatedTo }),
              },
        );
        if (e.delegatedTo !== undefined && !attendees.some((a) => a.personId === e.delegatedTo)) {
          attendees.push({
            personId: e.delegatedTo,
            chair: false,
            partstat: 'NEEDS-ACTION',
            delegatedFrom: e.personId,
          });
        }
        return { ...m, attendees };
      });
      return;
    case 'ActionOpened':
      put(
        d,
        d.entries.get(`action:${e.actionId}`),
        {
          kind: 'action',
          key: `action:${e.actionId}`,
          id: e.actionId,
          meetingId: e.meetingId,
          ownerId: e.work.ownerId,
          topic: e.work.text,
          urgency: e.work.urgency,
          start: e.work.due,
          end: e.work.due,
          due: e.work.due,
          confidential: false,
          status: 'confirmed',
          sequence: 0,
          created: src.now,
          modified: src.now,
          position: src.position,
        } satisfies ActionEntry,
        src,
      );
      return;
    case 'ActionAmended':
      touch<ActionEntry>(d, `action:${e.actionId}`, src, (a) => ({
        ...a,
        ownerId: e.work.ownerId,
        topic: e.work.text,
        urgency: e.work.urgency,
        due: e.work.due,
        ...(a.start === a.due ? { start: e.work.due, end: e.work.due } : {}),
      }));
      return;
    case 'ActionEvaluated': {
      const due = e.evaluation.rectificationDue;
      // Returned for rework: the deadline is the rectification's (F-2, F-7).
      touch<ActionEntry>(d, `action:${e.actionId}`, src, (a) =>
        due === undefined ? a : { ...a, start: due, end: due },
      );
      return;
    }
    case 'CompletionReported':
      touch<ActionEntry>(d, `action:${e.actionId}`, src, (a) => ({
        ...a,
        start: a.due,
        end: a.due,
      }));
      return;
    case 'ActionCancelled':
      touch<ActionEntry>(d, `action:${e.actionId}`, src, (a) => ({
        ...a,
        status: 'cancelled',
        cancelledAt: e.at,
      }));
      return;
    default:
      return;
  }
}

function planned(
  id: string,
  plan: MeetingPlan,
  organizerId: string,
  src: CalendarSourceEvent,
): MeetingEntry {
  const b = plan.booking;
  return {
    kind: 'meeting',
    key: `meeting:${id}`,
    id,
    organizerId,
    topic: plan.topic,
    ...(plan.goals === undefined ? {} : { goals: plan.goals }),
    agenda: plan.agenda.map((i) => i.title),
    ...(plan.chairId === undefined ? {} : { chairId: plan.chairId }),
    ...(b === undefined ? {} : { roomId: b.roomId, bookingId: b.bookingId }),
    start: b?.start ?? 0,
    end: b?.end ?? 0,
    confidential: plan.confidential,
    ...(plan.seriesId === undefined ? {} : { seriesId: plan.seriesId }),
    attendees: [],
    draft: true,
    status: 'confirmed',
    sequence: 0,
    created: src.now,
    modified: src.now,
    position: src.position,
  };
}
