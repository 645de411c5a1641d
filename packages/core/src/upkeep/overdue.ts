import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import type { RoomState } from '../rooms/booking-state.js';
import type { EquipmentKind } from '../rooms/room.js';
import type { Instant } from '../time/instant.js';
import { addDays } from '../time/local-date.js';
import { localDateOf, startOfLocalDay, type TimeZone } from '../time/zone.js';
import { roomUpkeep, type UpkeepState } from './upkeep-state.js';

/**
 * When something done at `last`, due again every `intervalDays` days, becomes overdue: the start of
 * the local day after its due day. Intervals count calendar days on the site's wall clock, not
 * 24-hour spans: a room cleaned on Monday afternoon (daily) may be cleaned any time on Tuesday and is
 * overdue from Wednesday 00:00; an item inspected on a Monday (weekly) is due the next Monday.
 *
 * @param last - when it was last done
 * @param intervalDays - the interval in days (at least 1)
 * @param zone - the site's zone
 * @returns the first instant it is overdue
 * @example
 * overdueFrom(mondayAt15h, 1, 'Asia/Shanghai') // => Wednesday 00:00 in Shanghai
 */
export function overdueFrom(last: Instant, intervalDays: number, zone: TimeZone): Instant {
  return startOfLocalDay(addDays(localDateOf(last, zone), intervalDays + 1), zone);
}

/** A piece of equipment whose inspection is overdue. */
export interface OverdueInspection {
  readonly roomId: string;
  readonly equipmentId: string;
  readonly kind: EquipmentKind;
  /** The last inspection, if there ever was one. */
  readonly lastInspectedAt?: Instant;
  /** Overdue since then; absent when it was never inspected. */
  readonly overdueSince?: Instant;
  /** It is faulty now (an open fault). */
  readonly faulty: boolean;
}

/** A room whose cleaning is overdue. */
export interface OverdueCleaning {
  readonly roomId: string;
  /** The last cleaning, if there ever was one. */
  readonly lastCleanedAt?: Instant;
  /** Overdue since then; absent when it was never cleaned. */
  readonly overdueSince?: Instant;
}

/** The latest of some records (kiosks may sync out of order, so not simply the last). */
const latest = (records: readonly { readonly at: Instant }[]): Instant | undefined =>
  records.length === 0 ? undefined : Math.max(...records.map((r) => r.at));

const roomsOf = (state: UpkeepState, roomId: string | undefined): RoomState[] =>
  roomId === undefined
    ? [...state.rooms.rooms.values()]
    : [state.rooms.rooms.get(roomId)].filter((rs) => rs !== undefined);

/**
 * Every piece of equipment whose inspection is overdue at `now`: never inspected, or last
 * inspected longer ago than the room's interval (the policy in force at `now` for that room, P-1,
 * P-3) allows.
 *
 * @param state - the upkeep state
 * @param now - the moment asked about
 * @param policy - the parameters in force (default: the policy's defaults)
 * @param roomId - one room, or every room when absent
 * @returns the overdue items, room by room in the room's order
 * @example
 * overdueInspections(state, now) // => [{ roomId: 'A', equipmentId: 'A-proj', kind: 'projector', lastInspectedAt, overdueSince, faulty: false }]
 */
export function overdueInspections(
  state: UpkeepState,
  now: Instant,
  policy: PolicyLookup = () => DEFAULT_PARAMETERS,
  roomId?: string,
): OverdueInspection[] {
  const out: OverdueInspection[] = [];
  for (const rs of roomsOf(state, roomId)) {
    const params = policy(now, { roomId: rs.room.id });
    const days = params.rooms.equipmentInspectionIntervalDays;
    const u = roomUpkeep(state, rs.room.id);
    for (const item of rs.room.equipment) {
      const base = { roomId: rs.room.id, equipmentId: item.id, kind: item.kind };
      const faulty = u.faults.has(item.id);
      const last = latest(u.inspections.get(item.id) ?? []);
      if (last === undefined) {
        out.push({ ...base, faulty });
        continue;
      }
      const since = overdueFrom(last, days, params.time.zone);
      if (since <= now) out.push({ ...base, lastInspectedAt: last, overdueSince: since, faulty });
    }
  }
  return out;
}

/**
 * Every room whose cleaning is overdue at `now`: never cleaned, or last cleaned longer ago
 * than the room's interval (default daily) allows.
 *
 * @param state - the upkeep state
 * @param now - the moment asked about
 * @param policy - the parameters in force (default: the policy's defaults)
 * @param roomId - one room, or every room when absent
 * @returns the overdue rooms
 * @example
 * overdueCleanings(state, wednesday) // => [{ roomId: 'A', lastCleanedAt: monday15h, overdueSince: wednesday0h }]
 */
export function overdueCleanings(
  state: UpkeepState,
  now: Instant,
  policy: PolicyLookup = () => DEFAULT_PARAMETERS,
  roomId?: string,
): OverdueCleaning[] {
  const out: OverdueCleaning[] = [];
  for (const rs of roomsOf(state, roomId)) {
    const params = policy(now, { roomId: rs.room.id });
    const last = latest(roomUpkeep(state, rs.room.id).cleanings);
    if (last === undefined) {
      out.push({ roomId: rs.room.id });
      continue;
    }
    const since = overdueFrom(last, params.rooms.cleaningIntervalDays, params.time.zone);
    if (since <= now) out.push({ roomId: rs.room.id, lastCleanedAt: last, overdueSince: since });
  }
  return out;
}
