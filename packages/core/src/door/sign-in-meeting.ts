import { paramsFor } from '../meetings/decide-context.js';
import type { Meeting } from '../meetings/meeting.js';
import type { MeetingState } from '../meetings/meeting-state.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import { MINUTE, type Instant } from '../time/instant.js';

/**
 * The meeting a sign-in at this door at `now` belongs to (M-5): the room's meeting in progress;
 * else its scheduled meeting whose sign-in has opened (by default 15 minutes before the start) and
 * whose booking has not ended, the earliest first. `undefined` when none: the door offers no
 * sign-in. Read by the policy in force at `now` for each meeting's room and kind.
 *
 * @param meetings - the meetings state
 * @param roomId - the door's room
 * @param now - the moment
 * @param policy - the parameters in force (`parametersIn(policyState)`)
 * @returns the meeting, or `undefined`
 * @example
 * signInMeeting(meetings, 'A', at(8, 50), parametersIn(policy))?.id // => 'm1' (starting at 09:00)
 */
export function signInMeeting(
  meetings: MeetingState,
  roomId: string,
  now: Instant,
  policy: PolicyLookup,
): Meeting | undefined {
  let best: Meeting | undefined;
  for (const m of meetings.meetings.values()) {
    const booking = m.booking;
    if (booking?.roomId !== roomId) continue;
    if (m.status === 'in-progress') return m;
    if (m.status !== 'scheduled' || now >= booking.end) continue;
    const opens =
      booking.start - paramsFor(policy, now, m).meetings.signInOpensMinutesBeforeStart * MINUTE;
    if (now < opens) continue;
    if (best === undefined || booking.start < (best.booking?.start ?? Infinity)) best = m;
  }
  return best;
}
