import fc from 'fast-check';
import { createActionDecider, parseActionCommand } from '../actions/action-decider.js';
import type { ActionState } from '../actions/action-state.js';
import { openActionsCommand } from '../actions/from-minutes.js';
import { attendance } from '../meetings/attendance.js';
import { attendeesOf, type MeetingPlan } from '../meetings/meeting.js';
import type { MeetingEvent } from '../meetings/meeting-events.js';
import {
  foldMeetingEvents,
  initialMeetingState,
  type MeetingState,
} from '../meetings/meeting-state.js';
import { meetingFacts } from '../minutes/meeting-facts.js';
import type { MinutesEvent } from '../minutes/minutes-events.js';
import {
  foldMinutesEvents,
  initialMinutesState,
  type MinutesState,
} from '../minutes/minutes-state.js';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { Actor } from '../people/actor.js';
import type { Booking } from '../rooms/booking.js';
import type { BookingEvent } from '../rooms/booking-events.js';
import {
  foldBookingEvents,
  initialBookingState,
  type BookingState,
} from '../rooms/booking-state.js';
import type { Room } from '../rooms/room.js';
import { DAY, HOUR, MINUTE, type Instant } from '../time/instant.js';
import { toInstant } from '../time/zone.js';
import { actionCommandArb } from './action-arbitraries.js';
import { MEETING_CAST, signInLogArb } from './meeting-arbitraries.js';

/** Two rooms open Monday to Saturday, 08:00–20:00. */
export const REPORT_ROOMS: readonly Room[] = Object.freeze(
  ['A', 'B'].map((id): Room => ({
    id,
    name: id === 'A' ? '一号会议室' : '大会议室',
    location: '售后二楼',
    capacity: 20,
    equipment: [],
    openingHours: [{ weekdays: [1, 2, 3, 4, 5, 6], open: '08:00', close: '20:00' }],
    confidential: id === 'B',
    needsApproval: false,
    walkUp: true,
  })),
);

/** What the reports read: the four states, for a month of the site's life. */
export interface ReportSourcesSample {
  readonly meetings: MeetingState;
  readonly minutes: MinutesState;
  readonly actions: ActionState;
  readonly bookings: BookingState;
}

const ZONE = 'Asia/Shanghai';
/** An instant of December 2026 on the wall in Shanghai. */
const dec = (day: number, hour: number, minute = 0): Instant =>
  toInstant({ year: 2026, month: 12, day, hour, minute }, ZONE);

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const OTHERS = MEETING_CAST.filter((p) => p !== 'chen' && p !== 'liu');

interface MeetingScript {
  readonly id: string;
  readonly start: Instant;
  readonly roomId: string;
  readonly fate: 'held' | 'cancelled' | 'scheduled';
  readonly participants: string[];
  readonly excused: string[];
  readonly startDelay: number;
  readonly runs: [number, number];
  readonly work: { ownerId: string; dueDays: number; urgency: 'normal' | 'urgent' }[];
  readonly signIns: { personId: string; kind: 'in' | 'out'; at: Instant; by: string }[];
  readonly minutes: 'none' | 'drafted' | 'published';
  readonly publishAfterHours: number;
}

const meetingScriptArb = (i: number): fc.Arbitrary<MeetingScript> =>
  fc
    .record({
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 8, max: 18 }),
      roomId: pick(['A', 'B']),
      fate: fc.constantFrom<MeetingScript['fate']>(
        'held',
        'held',
        'held',
        'cancelled',
        'scheduled',
      ),
      participants: fc.subarray(OTHERS, { minLength: 1 }),
      excused: fc.subarray(OTHERS),
      startDelay: fc.integer({ min: -5, max: 20 }),
      runs: fc.tuple(fc.integer({ min: 5, max: 40 }), fc.integer({ min: 5, max: 30 })),
      work: fc.array(
        fc.record({
          ownerId: pick(OTHERS),
          dueDays: fc.integer({ min: 1, max: 14 }),
          urgency: pick(['normal', 'urgent'] as const),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      minutes: pick(['none', 'drafted', 'published', 'published'] as const),
      publishAfterHours: fc.integer({ min: 1, max: 72 }),
    })
    .chain((r) => {
      const start = dec(r.day, r.hour);
      return signInLogArb({ start, end: start + HOUR }).map((log) => ({
        ...r,
        id: `m${i}`,
        start,
        signIns: log.map((e) => ({ ...e, by: e.by === 'self' ? e.personId : e.by })),
      }));
    });

function meetingEvents(s: MeetingScript): MeetingEvent[] {
  const end = s.start + HOUR;
  const plan: MeetingPlan = {
    kind: 'weekly-review',
    topic: `售后例会 ${s.id}`,
    agenda: [
      { id: 'i1', title: '回顾', presenterId: 'chen', timeboxMinutes: 20 },
      { id: 'i2', title: '投诉', presenterId: 'liu', timeboxMinutes: 20 },
    ],
    chairId: 'chen',
    recorderId: 'liu',
    participants: s.participants,
    informed: [],
    booking: { roomId: s.roomId, bookingId: `b-${s.id}`, start: s.start, end },
    confidential: false,
  };
  const by = { by: 'chen' };
  const events: MeetingEvent[] = [
    { type: 'MeetingPlanned', meetingId: s.id, plan, ...by, at: s.start - 3 * DAY },
    {
      type: 'MeetingScheduled',
      meetingId: s.id,
      invitees: attendeesOf(plan),
      answerDeadline: s.start - DAY,
      ...by,
      at: s.start - 3 * DAY,
    },
    ...s.excused
      .filter((p) => s.participants.includes(p))
      .map((personId): MeetingEvent => ({
        type: 'ExcuseAccepted',
        meetingId: s.id,
        personId,
        ...by,
        at: s.start - 2 * DAY,
      })),
  ];
  if (s.fate === 'cancelled')
    return [...events, { type: 'MeetingCancelled', meetingId: s.id, ...by, at: s.start - DAY }];
  if (s.fate === 'scheduled') return events;
  const started = s.start + s.startDelay * MINUTE;
  const i1End = started + s.runs[0] * MINUTE;
  const i2End = i1End + s.runs[1] * MINUTE;
  return [
    ...events,
    { type: 'MeetingStarted', meetingId: s.id, ...by, at: started },
    ...s.signIns.map((e): MeetingEvent => ({
      type: e.kind === 'in' ? 'SignedIn' : 'SignedOut',
      meetingId: s.id,
      personId: e.personId,
      by: e.by,
      at: e.at,
    })),
    { type: 'AgendaItemStarted', meetingId: s.id, itemId: 'i1', ...by, at: started },
    {
      type: 'AgendaItemEnded',
      meetingId: s.id,
      itemId: 'i1',
      finished: true,
      overrun: (s.runs[0] - 20) * MINUTE,
      ...by,
      at: i1End,
    },
    { type: 'AgendaItemStarted', meetingId: s.id, itemId: 'i2', ...by, at: i1End },
    {
      type: 'AgendaItemEnded',
      meetingId: s.id,
      itemId: 'i2',
      finished: s.runs[1] < 25,
      overrun: (s.runs[1] - 20) * MINUTE,
      ...by,
      at: i2End,
    },
    ...s.work.map((w, k): MeetingEvent => ({
      type: 'OutcomeRecorded',
      meetingId: s.id,
      outcome: {
        id: `o${k}`,
        itemId: 'i2',
        kind: 'decision',
        text: `决议 ${k}`,
        work: { ...w, due: s.start + w.dueDays * DAY, collaborators: [] },
        recordedBy: 'liu',
        at: i1End,
      },
    })),
    {
      type: 'OutcomeRecorded',
      meetingId: s.id,
      outcome: {
        id: 'n',
        itemId: 'i1',
        kind: 'information',
        text: '通报',
        recordedBy: 'liu',
        at: i1End,
      },
    },
    { type: 'MeetingEnded', meetingId: s.id, ...by, at: Math.max(i2End, end) },
  ];
}

function minutesEvents(s: MeetingScript, meetings: MeetingState): MinutesEvent[] {
  const m = meetings.meetings.get(s.id);
  if (s.fate !== 'held' || s.minutes === 'none' || m === undefined) return [];
  const facts = meetingFacts(m);
  if (!facts.ok) return [];
  const f = facts.value;
  const at = f.endedAt + HOUR;
  const by = { meetingId: s.id, by: 'liu', at };
  const content = {
    attendance: attendance(
      { start: f.start, end: f.end, expected: f.expected },
      f.signIns,
      f.excused,
      DEFAULT_PARAMETERS.meetings,
    ),
    notes: [],
    items: f.outcomes,
  };
  const drafted: MinutesEvent = {
    type: 'MinutesDrafted',
    ...by,
    facts: f,
    due: f.endedAt + DAY,
    content,
  };
  if (s.minutes === 'drafted') return [drafted];
  const publishedAt = f.endedAt + s.publishAfterHours * HOUR;
  return [
    drafted,
    { type: 'MinutesSubmitted', ...by, version: 1 },
    { type: 'MinutesApproved', ...by, version: 1, by: 'chen' },
    {
      type: 'MinutesPublished',
      meetingId: s.id,
      version: 1,
      late: publishedAt > f.endedAt + DAY,
      by: 'chen',
      at: publishedAt,
    },
  ];
}

interface BookingScript {
  readonly id: string;
  readonly roomId: string;
  readonly start: Instant;
  readonly minutes: number;
  readonly fate: 'confirmed' | 'checked-in' | 'ended' | 'released' | 'cancelled';
  readonly organizerId: string;
  readonly confidential: boolean;
}

const bookingScriptArb = (i: number): fc.Arbitrary<BookingScript> =>
  fc
    .record({
      roomId: pick(['A', 'B']),
      day: fc.integer({ min: 1, max: 31 }),
      hour: fc.integer({ min: 8, max: 17 }),
      minutes: pick([30, 60, 120]),
      fate: pick(['confirmed', 'checked-in', 'ended', 'released', 'cancelled'] as const),
      organizerId: pick(['wang', 'li', 'zhao']),
      confidential: fc.boolean(),
    })
    .map(({ day, hour, ...r }) => ({ ...r, id: `x${i}`, start: dec(day, hour) }));

function bookingEvents(b: BookingScript): BookingEvent[] {
  const booking: Booking = {
    id: b.id,
    roomId: b.roomId,
    organizerId: b.organizerId,
    topic: `预订 ${b.id}`,
    headcount: 4,
    start: b.start,
    end: b.start + b.minutes * MINUTE,
    equipment: [],
    confidential: b.confidential,
    walkUp: false,
    status: 'confirmed',
    requestedAt: b.start - DAY,
  };
  const ref = { roomId: b.roomId, bookingId: b.id };
  const out: BookingEvent[] = [{ type: 'RoomBooked', roomId: b.roomId, booking }];
  if (b.fate === 'checked-in' || b.fate === 'ended')
    out.push({ type: 'BookingCheckedIn', ...ref, at: b.start + 2 * MINUTE });
  if (b.fate === 'ended')
    out.push({ type: 'BookingEndedEarly', ...ref, at: b.start + 20 * MINUTE, by: b.organizerId });
  if (b.fate === 'released')
    out.push({ type: 'BookingReleased', ...ref, at: b.start + 10 * MINUTE });
  if (b.fate === 'cancelled')
    out.push({
      type: 'BookingCancelled',
      ...ref,
      by: b.organizerId,
      late: false,
      at: b.start - DAY,
    });
  return out;
}

const ACTORS: readonly Actor[] = [
  { id: 'chen', roles: [] },
  { id: 'leader', roles: ['leadership'] },
  ...OTHERS.map((id) => ({ id, roles: [] })),
];

/**
 * The states reports read (E-1, E-2, F-8), for December 2026 in Asia/Shanghai: up to six weekly
 * reviews held, cancelled or only scheduled, with sign-ins, agenda overruns and decisions; their
 * minutes drafted or published, on time or late; the actions opened from published minutes taken
 * through random follow-up commands; and rooms A and B with the meetings' bookings and others,
 * used, ended early, released as no-shows or cancelled.
 */
export function reportSourcesArb(): fc.Arbitrary<ReportSourcesSample> {
  const scripts = fc
    .integer({ min: 1, max: 6 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => meetingScriptArb(i))));
  const extra = fc
    .integer({ min: 0, max: 8 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => bookingScriptArb(i))));
  return fc.tuple(scripts, extra).chain(([ms, bs]) => {
    const meetings = foldMeetingEvents(initialMeetingState, ms.flatMap(meetingEvents));
    const minutes = foldMinutesEvents(
      initialMinutesState,
      ms.flatMap((s) => minutesEvents(s, meetings)),
    );
    const decider = createActionDecider();
    let actions = decider.initialState;
    for (const m of minutes.minutes.values()) {
      const published = m.versions[0]?.publishedAt;
      if (published === undefined) continue;
      const c = openActionsCommand(m, { id: 'chen', roles: [] }, published);
      const r = c.ok ? decider.decide(c.value, actions) : undefined;
      if (r?.ok) actions = r.value.reduce(decider.evolve, actions);
    }
    const wanted: BookingScript[] = [
      ...ms.map((s) => ({
        id: `b-${s.id}`,
        roomId: s.roomId,
        start: s.start,
        minutes: 60,
        fate:
          s.fate === 'cancelled'
            ? ('cancelled' as const)
            : s.fate === 'held'
              ? ('checked-in' as const)
              : ('released' as const),
        organizerId: 'chen',
        confidential: false,
      })),
      ...bs,
    ];
    // A room holds one booking at a time: those that would overlap an earlier one are left out.
    const kept: BookingScript[] = [];
    for (const b of wanted) {
      const end = b.start + b.minutes * MINUTE;
      const clash = kept.some(
        (k) => k.roomId === b.roomId && k.start < end && b.start < k.start + k.minutes * MINUTE,
      );
      if (!clash) kept.push(b);
    }
    const bookingLog: BookingEvent[] = [
      ...REPORT_ROOMS.map((room): BookingEvent => ({
        type: 'RoomRegistered',
        roomId: room.id,
        room,
      })),
      ...kept.flatMap(bookingEvents),
    ];
    const bookings = foldBookingEvents(initialBookingState, bookingLog);
    const ids = [...actions.actions.keys()];
    const owners = Object.fromEntries(
      [...actions.actions.values()].map((a) => [a.id, { id: a.ownerId, roles: [] } as Actor]),
    );
    const follow =
      ids.length === 0
        ? fc.constant([] as Record<string, unknown>[])
        : fc.array(
            actionCommandArb({
              actionIds: ids,
              actors: ACTORS,
              now: fc.integer({ min: 0, max: 40 * 24 }).map((h) => dec(1, 0) + h * HOUR),
              owners,
              deciders: [ACTORS[0] as Actor, ACTORS[1] as Actor],
              people: OTHERS,
            }),
            { minLength: 5, maxLength: 30 },
          );
    return follow.map((commands) => {
      let state = actions;
      for (const c of commands) {
        const parsed = parseActionCommand(c);
        const r = parsed.ok ? decider.decide(parsed.value, state) : parsed;
        if (r.ok) state = r.value.reduce(decider.evolve, state);
      }
      return { meetings, minutes, actions: state, bookings };
    });
  });
}
