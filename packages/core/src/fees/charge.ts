import type { Booking } from '../rooms/booking.js';
import type { EquipmentKind } from '../rooms/room.js';
import { MINUTE, type Instant } from '../time/instant.js';
import { actualEnd } from '../upkeep/upkeep-queries.js';
import { prorate, type Fen } from './money.js';
import type { Tariff } from './tariff.js';

/** The wear charged for one kind of equipment. */
export interface WearCharge {
  readonly kind: EquipmentKind;
  readonly fen: Fen;
}

/** What a booking is charged, item by item. */
export interface Charge {
  readonly bookingId: string;
  readonly roomId: string;
  readonly organizerId: string;
  /** Who pays: the booking's department, else the organizer's. */
  readonly department: string;
  /** Not checked in and released: charged its first billing step of the room alone. */
  readonly noShow: boolean;
  /** The span charged before rounding: check-in to the actual end, or a no-show's first step. */
  readonly from: Instant;
  readonly to: Instant;
  readonly stepMinutes: number;
  /** Billing steps: the span rounded up, at least one. */
  readonly steps: number;
  /** `steps × stepMinutes`: the minutes each rate is charged for. */
  readonly billedMinutes: number;
  /** The tariff version applied. */
  readonly tariffFrom: Instant;
  readonly baseFen: Fen;
  readonly energyFen: Fen;
  readonly wearFen: readonly WearCharge[];
  readonly cleaningFen: Fen;
  readonly totalFen: Fen;
}

/** Where a person's department is found when a booking does not say (the directory, say). */
export type DepartmentLookup = (personId: string) => string | undefined;

/** The department of a charge whose organizer's department nobody knows. */
export const NO_DEPARTMENT = '';

/**
 * Whether a booking's charge can no longer change at `now`: it was ended early or released as a
 * no-show by then, or it was checked in and is past its end (a meeting can only be extended before
 * its end).
 *
 * @param b - the booking
 * @param now - the moment asked about
 * @returns true when its charge is final
 * @example
 * isChargeFinal({ ...booking, status: 'released', freedAt: start + 600_000 }, start + 600_000) // => true
 */
export function isChargeFinal(b: Booking, now: Instant): boolean {
  if (b.status === 'ended' || b.status === 'released')
    return b.freedAt === undefined || b.freedAt <= now;
  return b.status === 'checked-in' && b.end <= now;
}

/**
 * The billing steps of a span: its length rounded up to the step, at least one step.
 *
 * @param length - milliseconds
 * @param stepMinutes - the billing step
 * @returns whole steps, at least 1
 * @example
 * billingSteps(61 * 60_000, 30) // => 3
 */
export function billingSteps(length: number, stepMinutes: number): number {
  return Math.max(1, Math.ceil(length / (stepMinutes * MINUTE)));
}

/**
 * A booking's charge. Used (checked in): from check-in to its actual end (ended early, or
 * its end with any extension), rounded up to whole billing steps; the base, energy and each used
 * kind's wear rate charged for those minutes, each rounded up to a whole fen on its own
 * (`⌈rate × minutes / 60⌉`), plus the cleaning fee. A no-show: its first billing step at the base
 * rate alone — nothing was switched on, worn or dirtied. Pending, confirmed, cancelled and declined
 * bookings are charged nothing.
 *
 * Every item is `⌈rate × m / 60⌉` with a rate ≥ 0 and `m` = steps × step, which never decreases as
 * the meeting grows longer; so no item, and not the total, ever falls, and none is negative.
 *
 * @param b - the booking
 * @param tariff - the room's tariff in force when the charge starts
 * @param stepMinutes - the billing step in force (policy `rooms.billingStepMinutes`)
 * @param department - who pays
 * @returns the charge, or `undefined` when there is nothing to charge (or no tariff)
 * @example
 * chargeOf(bookingUsed65Minutes, { baseFenPerHour: 6000, energyFenPerHour: 1000, wearFenPerHour: {}, cleaningFenPerBooking: 500, … }, 30, '售后服务部')?.totalFen // => 11000
 */
export function chargeOf(
  b: Booking,
  tariff: Tariff | undefined,
  stepMinutes: number,
  department: string,
): Charge | undefined {
  if (tariff === undefined) return undefined;
  const noShow = b.status === 'released';
  const used = (b.status === 'checked-in' || b.status === 'ended') && b.checkedInAt !== undefined;
  if (!noShow && !used) return undefined;
  const from = noShow ? b.start : (b.checkedInAt as Instant);
  const to = noShow ? b.start + stepMinutes * MINUTE : actualEnd(b);
  const steps = noShow ? 1 : billingSteps(to - from, stepMinutes);
  const billedMinutes = steps * stepMinutes;
  const baseFen = prorate(tariff.baseFenPerHour, billedMinutes);
  const energyFen = noShow ? 0 : prorate(tariff.energyFenPerHour, billedMinutes);
  const wearFen: WearCharge[] = noShow
    ? []
    : b.equipment.map((kind) => ({
        kind,
        fen: prorate(tariff.wearFenPerHour[kind] ?? 0, billedMinutes),
      }));
  const cleaningFen = noShow ? 0 : tariff.cleaningFenPerBooking;
  const totalFen = wearFen.reduce((sum, w) => sum + w.fen, baseFen + energyFen + cleaningFen);
  return {
    bookingId: b.id,
    roomId: b.roomId,
    organizerId: b.organizerId,
    department,
    noShow,
    from,
    to,
    stepMinutes,
    steps,
    billedMinutes,
    tariffFrom: tariff.effectiveFrom,
    baseFen,
    energyFen,
    wearFen,
    cleaningFen,
    totalFen,
  };
}
