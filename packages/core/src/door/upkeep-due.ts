import type { PolicyLookup } from '../policy/policy-at.js';
import type { Instant } from '../time/instant.js';
import { localDateOf, startOfLocalDay } from '../time/zone.js';
import { checklistWindow } from '../upkeep/decide-checklist.js';
import { checklistFor, powerOffPending } from '../upkeep/upkeep-queries.js';
import { roomUpkeep, type UpkeepState } from '../upkeep/upkeep-state.js';

/**
 * Whether the door asks for a booking's equipment checklist now: the booking needs equipment
 * the room has, its checklist is not done, it is confirmed or checked in, and it is within the
 * checklist's window (from when check-in opens, R-4, to when check-in closes, or while the meeting
 * is in progress once checked in). When it is due, the organizer's checklist (every line of
 * `checklistFor` without a fault answered) is accepted by the upkeep decider.
 *
 * @param upkeep - the upkeep state (the rooms state inside it)
 * @param roomId - the door's room
 * @param bookingId - the booking
 * @param now - the moment
 * @param policy - the parameters in force (`parametersIn(policyState)`)
 * @returns true when the checklist is due
 * @example
 * checklistDue(upkeep, 'A', 'b1', at(9), parametersIn(policy)) // => true (just checked in, needs the projector)
 */
export function checklistDue(
  upkeep: UpkeepState,
  roomId: string,
  bookingId: string,
  now: Instant,
  policy: PolicyLookup,
): boolean {
  const b = upkeep.rooms.rooms.get(roomId)?.bookings.get(bookingId);
  if (b === undefined || (b.status !== 'confirmed' && b.status !== 'checked-in')) return false;
  if (roomUpkeep(upkeep, roomId).checklists.has(bookingId)) return false;
  if ((checklistFor(upkeep, roomId, bookingId) ?? []).length === 0) return false;
  const { opens, closes } = checklistWindow(b, policy(now, { roomId }));
  return now >= opens && now < closes;
}

/**
 * The booking whose power-off check the door asks for now: the latest meeting of the room,
 * of today (in the site's zone), that was used (checked in), is over, and whose organizer has not
 * confirmed everything is off. The upkeep decider accepts its `ConfirmPowerOff`.
 *
 * @param upkeep - the upkeep state (the rooms state inside it)
 * @param roomId - the door's room
 * @param now - the moment
 * @param policy - the parameters in force (`parametersIn(policyState)`), for the zone
 * @returns the booking's id, or `undefined`
 * @example
 * powerOffDue(upkeep, 'A', at(10, 5), parametersIn(policy)) // => 'b1' (ended at 10:00)
 */
export function powerOffDue(
  upkeep: UpkeepState,
  roomId: string,
  now: Instant,
  policy: PolicyLookup,
): string | undefined {
  const zone = policy(now, { roomId }).time.zone;
  const today = startOfLocalDay(localDateOf(now, zone), zone);
  return powerOffPending(upkeep, now, roomId)
    .filter((p) => p.endedAt >= today)
    .at(-1)?.bookingId;
}
