import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DEMO_PEOPLE, demoCommands } from '../demo/demo-site.js';
import { isContradiction, MEETING_EVENT_TYPES, type MeetingAnomaly } from '../meetings/index.js';
import { isSignedIn } from '../meetings/sign-in.js';
import { occupied } from '../rooms/booking.js';
import { BOOKING_EVENT_TYPES } from '../rooms/booking-events.js';
import { UPKEEP_OWN_EVENT_TYPES } from '../upkeep/upkeep-events.js';
import { untyped } from '../testing/untyped.js';
import { MINUTE } from '../time/instant.js';
import { overlaps } from '../time/interval.js';
import { toInstant } from '../time/zone.js';
import { createMeetingDecider } from '../meetings/meeting-decider.js';
import { createBookingDecider } from '../rooms/booking-decider.js';
import { createUpkeepDecider } from '../upkeep/upkeep-decider.js';
import { commandContext } from './contexts.js';
import { createDoorDecider } from './door-decider.js';
import { upkeepStateOf, type DoorDeciderState } from './door-state.js';

// K-3: whatever a door's log holds (two tabs or two doors deciding against one state, a late sync,
// an older or a broken writer), every context the door folds (rooms, upkeep, meetings, directory)
// folds it without throwing, and the door's decider over the folded state keeps its laws.

type Event = { readonly type: string } & Record<string, unknown>;
const typed = createDoorDecider();
/** The door's decider, fed loose commands (its run-time checks read them) and any events. */
const door = {
  initialState: typed.initialState,
  decide: untyped(typed).decide,
  evolve: (s: DoorDeciderState, e: unknown) => typed.evolve(s, e as Event),
  fold: (s: DoorDeciderState, events: readonly unknown[]) => typed.fold(s, events as Event[]),
};
const rooms = untyped(createBookingDecider());
const upkeep = untyped(createUpkeepDecider());
const meetings = untyped(createMeetingDecider());
/**
 * What reaches a door's log of the commands it does not take (K-2): the hub's decision, by the
 * full deciders, over the same state (a cancellation, a cleaning, a meeting moved).
 */
function office(c: unknown, s: DoorDeciderState) {
  switch (commandContext(c)) {
    case 'rooms':
      return rooms.decide(c, s.rooms);
    case 'upkeep':
      return upkeep.decide(c, upkeepStateOf(s));
    case 'meetings':
      return meetings.decide(c, s.meetings);
    default:
      return door.decide(c, s);
  }
}
/** A command decided at the door, or at the hub when the door does not take it. */
function decided(c: unknown, s: DoorDeciderState) {
  const r = door.decide(c, s);
  return !r.ok && r.rejection.code === 'door.not-taken' ? office(c, s) : r;
}
const ZONE = 'Asia/Shanghai';
const NOW = toInstant({ year: 2026, month: 12, day: 7, hour: 10, minute: 2 }, ZONE);

/** The demo dealership's log, as the door builds it on its first start. */
const SITE: readonly Event[] = (() => {
  let state = door.initialState;
  const log: Event[] = [];
  for (const c of demoCommands(NOW, ZONE)) {
    const r = door.decide(c, state);
    if (!r.ok) throw new Error(`${String(c['type'])}: ${r.rejection.message.en}`);
    log.push(...(r.value as unknown as Event[]));
    state = door.fold(state, r.value);
  }
  return log;
})();

const actor = (id: string) => ({
  id,
  roles: [...(DEMO_PEOPLE.find((p) => p.id === id)?.roles ?? [])],
});
const admin = actor('p-zhou');
const personArb = fc.constantFrom('p-liu', 'p-chen', 'p-yang', 'p-huang', 'p-zhao', 'p-li');
const roomArb = fc.constantFrom('A', 'B', 'C', 'D');
const meetingArb = fc.constantFrom('m-weekly', 'm-secret', 'm-new', 'm-ghost');
/** The meeting in progress most of the time, so that sign-ins are taken. */
const signInMeetingArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant('m-weekly') },
  { weight: 1, arbitrary: fc.constantFrom('m-secret', 'm-new', 'm-ghost') },
);
const bookingArb = fc.constantFrom('demo-weekly', 'demo-complaints', 'demo-later', 'w1', 'w2');
const walkUpIdArb = fc.constantFrom('w1', 'w2', 'w3');
const nowArb = fc.integer({ min: -30, max: 180 }).map((m) => NOW + m * MINUTE);
const equipmentArb = fc.constantFrom('A-proj', 'A-mic', 'B-vc', 'D-board');

type Command = Record<string, unknown>;

const walkUpArb: fc.Arbitrary<Command> = fc
  .record({ now: nowArb, who: personArb, roomId: roomArb, bookingId: walkUpIdArb })
  .map(({ who, ...c }) => ({ type: 'WalkUp', minutes: 30, ...c, actor: actor(who) }));

const bookingCommandArb: fc.Arbitrary<Command> = fc
  .record({
    type: fc.constantFrom('EndEarly', 'CheckIn', 'CancelBooking'),
    now: nowArb,
    who: personArb,
    roomId: roomArb,
    bookingId: bookingArb,
  })
  .map(({ who, ...c }) => ({ ...c, actor: c.type === 'CancelBooking' ? admin : actor(who) }));

/** Sign-in and sign-out: oneself, or the sign-in officer for someone. */
const signInArb: fc.Arbitrary<Command> = fc
  .record({
    type: fc.constantFrom('SignIn', 'SignOut'),
    now: nowArb,
    who: personArb,
    officer: fc.boolean(),
    meetingId: signInMeetingArb,
  })
  .map(({ who, officer, ...c }) => ({
    ...c,
    actor: actor(officer ? 'p-zhang' : who),
    personId: who,
  }));

const meetingCommandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ now: nowArb, meetingId: meetingArb }).map((c) => ({
    type: 'CancelMeeting',
    ...c,
    actor: actor('p-wang'),
  })),
  fc.record({ now: nowArb, who: personArb }).map(({ now, who }) => ({
    type: 'SignConfidentialityAgreement',
    now,
    actor: actor(who),
    personId: who,
    version: 1,
    signatureRef: `sig-${who}`,
    meetingId: 'm-secret',
  })),
  fc.record({ now: nowArb, meetingId: meetingArb }).map(({ now, meetingId }) => ({
    type: 'PlanMeeting',
    now,
    actor: actor('p-wang'),
    meetingId,
    kind: 'ad-hoc',
    topic: '临时碰头会',
    participants: ['p-liu', 'p-chen'],
  })),
  fc.record({ now: nowArb, meetingId: meetingArb }).map((c) => ({
    type: 'ScheduleMeeting',
    ...c,
    actor: actor('p-wang'),
  })),
);

const upkeepCommandArb: fc.Arbitrary<Command> = fc
  .record({
    now: nowArb,
    who: personArb,
    bookingId: bookingArb,
    equipmentId: equipmentArb,
    kind: fc.constantFrom(
      'CompleteChecklist',
      'ConfirmPowerOff',
      'ReportEquipmentFault',
      'RecordCleaning',
      'ReportCleaningProblem',
      'ResolveCleaningProblem',
    ),
  })
  .map(({ now, who, bookingId, equipmentId, kind }) => {
    const base = { type: kind, now, actor: actor(who), roomId: equipmentId.slice(0, 1) };
    switch (kind) {
      case 'CompleteChecklist':
        return { ...base, bookingId, answers: [{ equipmentId, result: 'ok' }] };
      case 'ConfirmPowerOff':
        return { ...base, bookingId };
      case 'ReportEquipmentFault':
        return { ...base, equipmentId, note: '没有画面' };
      case 'ReportCleaningProblem':
        return { ...base, problemId: 'pr1', note: '桌面未擦' };
      case 'ResolveCleaningProblem':
        return { ...base, problemId: 'pr1' };
      default:
        return base;
    }
  });

const registerArb: fc.Arbitrary<Command> = fc
  .record({ now: nowArb, department: fc.constantFrom('配件部', '维修车间') })
  .map((c) => ({
    type: 'RegisterPerson',
    now: c.now,
    actor: admin,
    person: { ...DEMO_PEOPLE.find((p) => p.id === 'p-liu')!, department: c.department },
  }));

/**
 * The commands of every context a door takes, sign-ins and walk-ups the most; a cancellation or a
 * cleaning among them the door refuses (K-2), and the log takes the hub's decision instead.
 */
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: signInArb },
  { weight: 2, arbitrary: walkUpArb },
  { weight: 2, arbitrary: bookingCommandArb },
  { weight: 1, arbitrary: meetingCommandArb },
  { weight: 2, arbitrary: upkeepCommandArb },
  { weight: 1, arbitrary: registerArb },
);

/** Events of the door's contexts with any subset of their fields, some of the wrong type. */
const fieldArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('m-weekly', 'm-secret', 'm-ghost', 'A', 'D', 'p-liu') },
  { weight: 2, arbitrary: fc.integer({ min: NOW - 60 * MINUTE, max: NOW + 180 * MINUTE }) },
  { weight: 1, arbitrary: fc.anything() },
);
const oddEventArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom(
        ...MEETING_EVENT_TYPES,
        ...BOOKING_EVENT_TYPES,
        ...UPKEEP_OWN_EVENT_TYPES,
        'PersonRegistered',
      ),
      meetingId: fieldArb,
      roomId: fieldArb,
      personId: fieldArb,
      bookingId: fieldArb,
      itemId: fieldArb,
      at: fieldArb,
      by: fieldArb,
      plan: fc.anything(),
      booking: fc.anything(),
      invitees: fc.anything(),
      items: fc.anything(),
      notice: fc.anything(),
      outcome: fc.anything(),
      answers: fc.anything(),
      faults: fc.anything(),
      person: fc.anything(),
    },
    { requiredKeys: ['type'] },
  ),
  // Whatever else a store might hand back.
  fc.anything(),
  fc.record({ type: fc.string() }),
);

/**
 * A step of a log: one door (or the hub, for what a door does not take) deciding against the
 * state, or two (a second tab, a stale tablet, a sync) deciding each against the same state, both
 * written; then, maybe, an odd event.
 */
type Step =
  | { readonly kind: 'one'; readonly c: unknown }
  | { readonly kind: 'two'; readonly a: unknown; readonly b: unknown };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  commandArb.map((c) => ({ kind: 'one' as const, c })),
  fc.tuple(commandArb, commandArb).map(([a, b]) => ({ kind: 'two' as const, a, b })),
  // Twins: the same command from two tabs, moments apart (another walk-up's id, the officer).
  fc
    .tuple(commandArb, fc.integer({ min: 0, max: 5 }), walkUpIdArb, fc.boolean())
    .map(([a, dt, id, officer]) => ({
      kind: 'two' as const,
      a,
      b: {
        ...a,
        now: (a['now'] as number) + dt * MINUTE,
        ...(a['type'] === 'WalkUp' ? { bookingId: id } : {}),
        ...(officer && a['type'] === 'SignIn' ? { actor: actor('p-zhang') } : {}),
      },
    })),
);

function logOf(steps: readonly Step[], odd: readonly unknown[]): Event[] {
  let log: Event[] = [...SITE];
  let state = door.fold(door.initialState, log);
  steps.forEach((step, i) => {
    const results =
      step.kind === 'one'
        ? [decided(step.c, state)]
        : [decided(step.a, state), decided(step.b, state)];
    for (const r of results) if (r.ok) log = [...log, ...(r.value as unknown as Event[])];
    const o = odd[i];
    if (o !== undefined) log = [...log, o as Event];
    state = door.fold(door.initialState, log);
  });
  return log;
}

/** The state as plain data (Maps and Sets as lists), rooms by their bookings and conflicts. */
function plain(state: DoorDeciderState): string {
  const data = (v: unknown): unknown =>
    v instanceof Map
      ? [...v].map(([k, x]) => [k, data(x)])
      : v instanceof Set
        ? [...v]
        : Array.isArray(v)
          ? v.map(data)
          : v;
  return JSON.stringify({
    rooms: [...state.rooms.rooms].map(([id, r]) => [
      id,
      data(r.bookings),
      data(r.faulty),
      r.conflicts ?? [],
    ]),
    upkeep: [...state.upkeep].map(([id, u]) => [
      id,
      Object.entries(u).map(([k, v]) => [k, data(v)]),
    ]),
    meetings: [...state.meetings.meetings].map(([id, m]) => [
      id,
      Object.entries(m).map(([k, v]) => [k, data(v)]),
    ]),
    agreements: data(state.meetings.agreements),
    anomalies: state.meetings.anomalies ?? [],
    people: data(state.directory.people),
  });
}

function overlappingPairs(state: DoorDeciderState): string[] {
  const out: string[] = [];
  for (const rs of state.rooms.rooms.values()) {
    const held = [...rs.bookings.values()].flatMap((b) => {
      const i = occupied(b);
      return i ? [{ id: b.id, i }] : [];
    });
    for (let a = 0; a < held.length; a++)
      for (let b = a + 1; b < held.length; b++)
        if (overlaps(held[a]!.i, held[b]!.i)) out.push([held[a]!.id, held[b]!.id].sort().join('|'));
  }
  return out.sort();
}

const anomalyCount = (s: DoorDeciderState) => s.meetings.anomalies?.length ?? 0;

describe('K-3: every context a door folds is total over its log, and its decider keeps its laws', () => {
  test.prop(
    [
      fc.array(stepArb, { maxLength: 20 }),
      fc.array(fc.option(oddEventArb, { nil: undefined }), { maxLength: 20 }),
      fc.array(commandArb, { minLength: 1, maxLength: 4 }),
    ],
    { numRuns: 150 },
  )(
    'K-3, R-2, M-5, R-7: any log folds without throwing, at once as event by event; what the decider then accepts adds no overlap, no double sign-in, no second checklist, no anomaly',
    (steps, odd, next) => {
      const log = logOf(steps, odd);
      const state = door.fold(door.initialState, log);
      const oneByOne = log.reduce((s, e) => door.evolve(s, e), door.initialState);
      expect(plain(oneByOne)).toEqual(plain(state));
      // Every person the door shows has a name; every meeting a status and a sign-in list.
      for (const p of state.directory.people.values()) expect(typeof p.name).toBe('string');
      for (const m of state.meetings.meetings.values()) expect(Array.isArray(m.signIns)).toBe(true);

      let s = state;
      for (const c of next) {
        const decided = door.decide(c, s);
        if (!decided.ok) continue;
        const events = decided.value as unknown as Event[];
        const after = door.fold(s, events);
        // nothing new over any booking, conflicting ones included.
        const before = overlappingPairs(s);
        expect(overlappingPairs(after).filter((p) => !before.includes(p))).toEqual([]);
        for (const e of events) {
          const m =
            typeof e['meetingId'] === 'string'
              ? s.meetings.meetings.get(e['meetingId'])
              : undefined;
          // M-5: no one signed in twice, no sign-in at a meeting that takes none.
          if (e.type === 'SignedIn') {
            expect(m).toBeDefined();
            expect(isSignedIn(m!.signIns, e['personId'] as string)).toBe(false);
            expect(['scheduled', 'in-progress']).toContain(m!.status);
          }
          // one checklist and one power-off confirmation per booking.
          const u = s.upkeep.get(e['roomId'] as string);
          if (e.type === 'ChecklistCompleted')
            expect(u?.checklists.has(e['bookingId'] as string) ?? false).toBe(false);
          if (e.type === 'PowerOffConfirmed')
            expect(u?.powerOffs.has(e['bookingId'] as string) ?? false).toBe(false);
        }
        // What the decider accepts against the folded state always fits it: no anomaly.
        expect(anomalyCount(after)).toBe(anomalyCount(s));
        s = after;
      }
    },
  );
});

/** Decides a command against a state, or fails the test with the refusal. */
function accepted(command: Record<string, unknown>, state: DoorDeciderState): Event[] {
  const r = door.decide(command, state);
  if (!r.ok) throw new Error(r.rejection.message.en);
  return r.value as unknown as Event[];
}

const site = door.fold(door.initialState, SITE);
const signIn = (who: string, at = NOW, by = who) => ({
  type: 'SignIn',
  now: at,
  actor: actor(by),
  meetingId: 'm-weekly',
  personId: who,
});

describe('K-3, M-5: two doors over one meeting', () => {
  it('M-5: two tabs sign 刘洋 in against one state: both written, one arrival kept, the second a repeat; the door still signs him out once', () => {
    const a = accepted(signIn('p-liu'), site);
    const b = accepted(signIn('p-liu', NOW + MINUTE, 'p-zhang'), site);
    const state = door.fold(door.initialState, [...SITE, ...a, ...b]);
    const m = state.meetings.meetings.get('m-weekly')!;
    expect(m.signIns.filter((e) => e.personId === 'p-liu')).toEqual([
      { personId: 'p-liu', kind: 'in', at: NOW, by: 'p-liu' },
    ]);
    expect(state.meetings.anomalies).toEqual([
      {
        kind: 'repeat',
        type: 'SignedIn',
        meetingId: 'm-weekly',
        personId: 'p-liu',
        at: NOW + MINUTE,
        status: 'scheduled',
      },
    ]);
    expect((state.meetings.anomalies ?? []).filter(isContradiction)).toEqual([]);
    // Another sign-in is no event; a sign-out is one.
    expect(accepted(signIn('p-liu', NOW + 2 * MINUTE), state)).toEqual([]);
    const out = accepted({ ...signIn('p-liu', NOW + 3 * MINUTE), type: 'SignOut' }, state);
    expect(out.map((e) => e.type)).toEqual(['SignedOut']);
  });

  it('M-4, M-5: a stale tab signs in at a meeting the hub cancelled: kept as a contradiction, not as an arrival; the door refuses the next sign-in', () => {
    const cancelled = office(
      { type: 'CancelMeeting', now: NOW, actor: actor('p-wang'), meetingId: 'm-secret' },
      site,
    );
    const cancel = (cancelled.ok ? cancelled.value : []) as unknown as Event[];
    expect(cancel[0]?.type).toBe('MeetingCancelled');
    // The stale tab: 赵敏 signed the agreement and signs in, against the state before the cancel.
    const signed = accepted(
      {
        type: 'SignConfidentialityAgreement',
        now: NOW,
        actor: actor('p-zhao'),
        personId: 'p-zhao',
        version: 1,
        signatureRef: 'sig-1',
        meetingId: 'm-secret',
      },
      site,
    );
    const before = door.fold(site, signed);
    const stale = accepted(
      { ...signIn('p-zhao', NOW + 85 * MINUTE), meetingId: 'm-secret' },
      before,
    );
    expect(stale.map((e) => e.type)).toEqual(['SignedIn']);
    const state = door.fold(door.initialState, [...SITE, ...signed, ...cancel, ...stale]);
    const m = state.meetings.meetings.get('m-secret')!;
    expect(m.status).toBe('cancelled');
    expect(m.signIns).toEqual([]);
    expect(state.meetings.anomalies).toEqual([
      {
        kind: 'out-of-turn',
        type: 'SignedIn',
        meetingId: 'm-secret',
        personId: 'p-zhao',
        at: NOW + 85 * MINUTE,
        status: 'cancelled',
      },
    ]);
    const again = door.decide(
      { ...signIn('p-huang', NOW + 86 * MINUTE), meetingId: 'm-secret' },
      state,
    );
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.rejection.rule).toBe('M-5');
  });

  it('M-4: events out of order (a sync, an import): a sign-in before its meeting is planned, a start after a cancel, a second plan; each kept as an anomaly, the first word standing', () => {
    const plan = SITE.find((e) => e.type === 'MeetingPlanned' && e['meetingId'] === 'm-weekly')!;
    const log: Event[] = [
      { type: 'SignedIn', meetingId: 'm-later', personId: 'p-liu', by: 'p-liu', at: NOW },
      ...SITE,
      { type: 'MeetingCancelled', meetingId: 'm-secret', by: 'p-wang', at: NOW },
      { type: 'MeetingStarted', meetingId: 'm-secret', by: 'p-wu', at: NOW + MINUTE },
      { ...plan, plan: { ...(plan['plan'] as object), topic: '另一个会' }, at: NOW },
      { type: 'MeetingEnded', meetingId: 'm-weekly', by: 'p-wang', at: NOW },
    ];
    const state = door.fold(door.initialState, log);
    expect(state.meetings.meetings.has('m-later')).toBe(false);
    expect(state.meetings.meetings.get('m-secret')!.status).toBe('cancelled');
    expect(state.meetings.meetings.get('m-weekly')!.topic).toBe('售后周例会');
    expect(state.meetings.anomalies?.map((a) => [a.kind, a.type, a.meetingId])).toEqual([
      ['unknown-meeting', 'SignedIn', 'm-later'],
      ['out-of-turn', 'MeetingStarted', 'm-secret'],
      ['planned-again', 'MeetingPlanned', 'm-weekly'],
      ['out-of-turn', 'MeetingEnded', 'm-weekly'],
    ]);
    // The door goes on deciding: 刘洋 signs in to the weekly meeting.
    expect(accepted(signIn('p-liu'), state).map((e) => e.type)).toEqual(['SignedIn']);
  });

  it('K-3: events that do not read (no meeting, a plan that is no plan, a notice without one, null) are kept as unreadable; the door opens and decides', () => {
    const odd: unknown[] = [
      null,
      42,
      { type: 'SignedIn', meetingId: 'm-weekly' },
      { type: 'MeetingPlanned', meetingId: 'm-x', plan: null, by: 'p-wang', at: NOW },
      { type: 'MeetingScheduled', meetingId: 'm-weekly', invitees: 'everyone', at: NOW },
      { type: 'NoticeIssued', meetingId: 'm-weekly' },
      { type: 'ItemsCarriedOver', meetingId: 'm-weekly', items: [null] },
      { type: 'OutcomeRecorded', meetingId: 'm-weekly' },
      { type: 'PersonRegistered', personId: 'p-liu', person: null },
      { type: 'ChecklistCompleted', roomId: 'A', bookingId: 'demo-weekly', answers: 7 },
      { type: 'FaultWarningIssued', roomId: 'A', bookingId: 'demo-weekly', faults: {} },
    ];
    const state = door.fold(door.initialState, [...SITE, ...(odd as Event[])]);
    expect(state.meetings.anomalies?.map((a: MeetingAnomaly) => [a.kind, a.type])).toEqual([
      ['unreadable', 'SignedIn'],
      ['unreadable', 'MeetingPlanned'],
      ['unreadable', 'MeetingScheduled'],
      ['unreadable', 'NoticeIssued'],
      ['unreadable', 'ItemsCarriedOver'],
      ['unreadable', 'OutcomeRecorded'],
    ]);
    expect(state.directory.people.get('p-liu')?.name).toBe('刘洋');
    expect(state.upkeep.get('A')?.checklists.size ?? 0).toBe(0);
    expect(plain(door.fold(door.initialState, SITE))).toEqual(
      plain({ ...state, meetings: { ...state.meetings, anomalies: undefined } as never }),
    );
    expect(accepted(signIn('p-liu'), state).map((e) => e.type)).toEqual(['SignedIn']);
  });

  it('R-7: two tabs complete the checklist of one booking differently: the first stands, the door refuses another', () => {
    const checklist = (result: string, at: number) => ({
      type: 'CompleteChecklist',
      now: at,
      actor: actor('p-wang'),
      roomId: 'A',
      bookingId: 'demo-weekly',
      answers: [
        { equipmentId: 'A-proj', result, ...(result === 'ok' ? {} : { note: '没有画面' }) },
        { equipmentId: 'A-screen', result: 'ok' },
        { equipmentId: 'A-mic', result: 'ok' },
      ],
    });
    const a = accepted(checklist('ok', NOW), site);
    const b = accepted(checklist('faulty', NOW + MINUTE), site);
    const state = door.fold(door.initialState, [
      ...SITE,
      ...a,
      ...b.filter((e) => e.type === 'ChecklistCompleted'),
    ]);
    const kept = state.upkeep.get('A')!.checklists.get('demo-weekly')!;
    expect(kept.at).toBe(NOW);
    expect(kept.answers[0]!.result).toBe('ok');
    expect(door.decide(checklist('faulty', NOW + 2 * MINUTE), state).ok).toBe(false);
  });
});
