import type { Actor } from '../people/actor.js';
import type { PolicyParameters } from '../policy/parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import type { PolicyScope } from '../policy/resolve.js';
import { ok, type Result } from '../rejection/index.js';
import { HOUR, type Instant } from '../time/instant.js';
import type { MeetingPlan } from './meeting.js';
import type { MeetingEvent } from './meeting-events.js';

/** What deciding a meeting command gives: events, or a rejection. */
export type Decision = Result<MeetingEvent[]>;

/**
 * A decision with these events (none: the command changes nothing).
 *
 * @param events - the events
 * @returns the successful decision
 * @example
 * done() // => { ok: true, value: [] }
 */
export const done = (events: MeetingEvent[] = []): Decision => ok(events);

/**
 * Where a meeting's rules are looked up (P-3): its room, once booked, and its kind.
 *
 * @param m - the plan
 * @returns the policy scope
 * @example
 * scopeOf({ kind: 'weekly-review', booking: { roomId: 'A', … }, … }) // => { kind: 'weekly-review', roomId: 'A' }
 */
export function scopeOf(m: MeetingPlan): PolicyScope {
  return m.booking === undefined ? { kind: m.kind } : { kind: m.kind, roomId: m.booking.roomId };
}

/**
 * The parameters in force for a meeting at an instant (P-1, P-3).
 *
 * @param policy - the policy lookup
 * @param now - the command's time
 * @param m - the meeting
 * @returns the parameters
 * @example
 * paramsFor(() => DEFAULT_PARAMETERS, 0, meeting).meetings.lateGraceMinutes // => 0
 */
export function paramsFor(policy: PolicyLookup, now: Instant, m: MeetingPlan): PolicyParameters {
  return policy(now, scopeOf(m));
}

/**
 * The answer deadline of a meeting starting at `start` (M-3): `start − answerDeadlineHoursBeforeStart`;
 * when that is already past at `now` (a meeting scheduled at short notice), answers are taken until
 * the start.
 *
 * @param start - the meeting's start
 * @param now - when it is scheduled or rescheduled
 * @param params - the parameters in force
 * @returns the deadline
 * @example
 * answerDeadline(DAY * 3, 0, DEFAULT_PARAMETERS) // => DAY * 2
 */
export function answerDeadline(start: Instant, now: Instant, params: PolicyParameters): Instant {
  const deadline = start - params.meetings.answerDeadlineHoursBeforeStart * HOUR;
  return deadline < now ? start : deadline;
}

/**
 * Whether the actor is the meeting's organizer or chair.
 *
 * @param a - the actor
 * @param m - the meeting
 * @returns true for either
 * @example
 * isOrganizerOrChair({ id: 'li', roles: [] }, { organizerId: 'li', … }) // => true
 */
export function isOrganizerOrChair(a: Actor, m: MeetingPlan & { organizerId: string }): boolean {
  return a.id === m.organizerId || a.id === m.chairId;
}
