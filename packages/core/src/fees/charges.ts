import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import type { Booking } from '../rooms/booking.js';
import type { Instant } from '../time/instant.js';
import type { Interval } from '../time/interval.js';
import {
  chargeOf,
  isChargeFinal,
  NO_DEPARTMENT,
  type Charge,
  type DepartmentLookup,
} from './charge.js';
import type { FeeState } from './fee-state.js';
import { tariffAt } from './tariff.js';

/** What charging needs besides the state: the policy (billing step) and where departments are found. */
export interface ChargeOptions {
  /** The parameters in force (default: the policy's defaults). */
  readonly policy?: PolicyLookup;
  /** The organizer's department when the booking names none (default: nobody knows). */
  readonly departmentOf?: DepartmentLookup;
}

/**
 * Who pays for a booking: the department it names, else the organizer's.
 *
 * @param b - the booking
 * @param departmentOf - where an organizer's department is found
 * @returns the department, or {@link NO_DEPARTMENT}
 * @example
 * departmentFor({ ...booking, department: '售后服务部' }) // => '售后服务部'
 */
export function departmentFor(b: Booking, departmentOf?: DepartmentLookup): string {
  return b.department ?? departmentOf?.(b.organizerId) ?? NO_DEPARTMENT;
}

/**
 * A booking's charge from the state: by its room's tariff and the billing step in force
 * when the charge starts (check-in, or a no-show's start).
 *
 * @param state - the fees state
 * @param b - the booking
 * @param options - the policy and the department lookup
 * @returns the charge, or `undefined` when there is nothing to charge
 * @example
 * bookingCharge(state, booking)?.totalFen // => 11000
 */
export function bookingCharge(
  state: FeeState,
  b: Booking,
  options: ChargeOptions = {},
): Charge | undefined {
  const at = b.checkedInAt ?? b.start;
  const tariff = tariffAt(state.tariffs.get(b.roomId) ?? [], at);
  if (tariff === undefined) return undefined;
  const policy = options.policy ?? (() => DEFAULT_PARAMETERS);
  const step = policy(at, { roomId: b.roomId }).rooms.billingStepMinutes;
  return chargeOf(b, tariff, step, departmentFor(b, options.departmentOf));
}

/**
 * The final charges that start within a window: every booking of every room that is over
 * by `now` and was charged something, soonest first.
 *
 * @param state - the fees state
 * @param window - the half-open window their charges start in
 * @param now - the moment asked about: only charges final by then
 * @param options - the policy and the department lookup
 * @returns the charges
 * @example
 * chargesIn(state, { start: monthStart, end: nextMonthStart }, now).length // => 3
 */
export function chargesIn(
  state: FeeState,
  window: Interval,
  now: Instant,
  options: ChargeOptions = {},
): Charge[] {
  const out: Charge[] = [];
  for (const rs of state.rooms.rooms.values()) {
    for (const b of rs.bookings.values()) {
      if (!isChargeFinal(b, now)) continue;
      const c = bookingCharge(state, b, options);
      if (c && window.start <= c.from && c.from < window.end) out.push(c);
    }
  }
  return out.sort((a, b) => a.from - b.from || (a.bookingId < b.bookingId ? -1 : 1));
}
