import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import { createMeetingDecider } from '../meetings/meeting-decider.js';
import type { MeetingEvent } from '../meetings/meeting-events.js';
import { foldMeetingEvents, type MeetingState } from '../meetings/meeting-state.js';
import { at, chen, cmd, ma, plan, PLANNED, wang } from '../meetings/fixtures.test-helpers.js';
import { MINUTE } from '../time/instant.js';
import { untyped } from '../testing/untyped.js';
import { signInMeeting } from './sign-in-meeting.js';

const opensBefore = (minutes: number): PolicyLookup => {
  const params = {
    ...DEFAULT_PARAMETERS,
    meetings: { ...DEFAULT_PARAMETERS.meetings, signInOpensMinutesBeforeStart: minutes },
  };
  return () => params;
};

type Fate = 'draft' | 'scheduled' | 'started' | 'ended' | 'cancelled';
interface Planned {
  readonly roomId: string;
  readonly start: number;
  readonly minutes: number;
  readonly fate: Fate;
}

/** Meetings on Wednesday 2 December, each taken as far as its fate, through the decider. */
function meetingsWith(policy: PolicyLookup, planned: readonly Planned[]): MeetingState {
  const decider = untyped(createMeetingDecider(policy));
  let state = decider.initialState;
  const tell = (c: Record<string, unknown>) => {
    const r = decider.decide(c, state);
    if (r.ok) state = foldMeetingEvents(state, r.value as readonly MeetingEvent[]);
  };
  for (const [i, p] of planned.entries()) {
    const meetingId = `m${i}`;
    const end = p.start + p.minutes * MINUTE;
    tell(
      plan({ meetingId, booking: { roomId: p.roomId, bookingId: `b${i}`, start: p.start, end } }),
    );
    if (p.fate === 'draft') continue;
    tell(cmd('ScheduleMeeting', ma, PLANNED, { meetingId }));
    if (p.fate === 'cancelled') tell(cmd('CancelMeeting', ma, PLANNED, { meetingId }));
    if (p.fate === 'started' || p.fate === 'ended')
      tell(cmd('StartMeeting', chen, p.start, { meetingId }));
    if (p.fate === 'ended') tell(cmd('EndMeeting', chen, end, { meetingId }));
  }
  return state;
}

const signIn = (meetingId: string, now: number) => cmd('SignIn', wang, now, { meetingId });
const plannedArb = fc.array(
  fc.record({
    roomId: fc.constantFrom('A', 'A', 'B'),
    start: fc.integer({ min: 8 * 12, max: 12 * 12 }).map((f) => at(2, 0) + f * 5 * MINUTE),
    minutes: fc.constantFrom(30, 60, 90),
    fate: fc.constantFrom<Fate>('draft', 'scheduled', 'started', 'ended', 'cancelled'),
  }),
  { maxLength: 5 },
);

describe('M-5: the meeting a sign-in at the door belongs to', () => {
  test.prop([fc.constantFrom(5, 15, 30), plannedArb, fc.integer({ min: 7 * 60, max: 14 * 60 })])(
    'M-5: the meeting offered takes the sign-in; with none offered, no meeting of the room’s hour does',
    (opens, planned, minute) => {
      const policy = opensBefore(opens);
      const decider = untyped(createMeetingDecider(policy));
      const state = meetingsWith(policy, planned);
      const now = at(2, 0) + minute * MINUTE;
      const m = signInMeeting(state, 'A', now, policy);
      if (m !== undefined) {
        expect(m.booking?.roomId).toBe('A');
        expect(decider.decide(signIn(m.id, now), state).ok).toBe(true);
        return;
      }
      for (const other of state.meetings.values()) {
        const b = other.booking;
        if (b?.roomId !== 'A') continue;
        if (other.status === 'in-progress' || (other.status === 'scheduled' && now < b.end))
          expect(decider.decide(signIn(other.id, now), state).ok).toBe(false);
      }
    },
  );

  it('M-5: sign-in opens before the start, by the policy in force, and closes with the booking', () => {
    const planned: Planned[] = [{ roomId: 'A', start: at(2, 9), minutes: 60, fate: 'scheduled' }];
    const fifteen = opensBefore(15);
    const state = meetingsWith(fifteen, planned);
    expect(signInMeeting(state, 'A', at(2, 8, 44), fifteen)).toBeUndefined();
    expect(signInMeeting(state, 'A', at(2, 8, 45), fifteen)?.id).toBe('m0');
    expect(signInMeeting(state, 'A', at(2, 8, 45), opensBefore(5))).toBeUndefined();
    expect(signInMeeting(state, 'B', at(2, 9), fifteen)).toBeUndefined();
    expect(signInMeeting(state, 'A', at(2, 10), fifteen)).toBeUndefined();
  });

  it('M-5: the meeting in progress comes first, however late; a draft or a cancelled one never', () => {
    const policy = opensBefore(15);
    const state = meetingsWith(policy, [
      { roomId: 'A', start: at(2, 9), minutes: 60, fate: 'started' },
      { roomId: 'A', start: at(2, 10), minutes: 60, fate: 'scheduled' },
      { roomId: 'A', start: at(2, 11), minutes: 60, fate: 'draft' },
      { roomId: 'A', start: at(2, 12), minutes: 60, fate: 'cancelled' },
    ]);
    expect(signInMeeting(state, 'A', at(2, 9, 50), policy)?.id).toBe('m0');
    expect(signInMeeting(state, 'A', at(2, 11), policy)?.id).toBe('m0'); // still running
    const next = meetingsWith(policy, [
      { roomId: 'A', start: at(2, 10), minutes: 60, fate: 'scheduled' },
      { roomId: 'A', start: at(2, 11), minutes: 60, fate: 'draft' },
      { roomId: 'A', start: at(2, 12), minutes: 60, fate: 'cancelled' },
    ]);
    expect(signInMeeting(next, 'A', at(2, 9, 50), policy)?.id).toBe('m0');
    expect(signInMeeting(next, 'A', at(2, 10, 50), policy)?.id).toBe('m0');
    expect(signInMeeting(next, 'A', at(2, 11, 50), policy)).toBeUndefined();
  });
});
