import fc from 'fast-check';
import type { Actor } from '../people/actor.js';
import type { Booking } from '../rooms/booking.js';
import { EQUIPMENT_KINDS, type EquipmentKind } from '../rooms/room.js';
import { EXPENSE_CATEGORIES } from '../fees/expense.js';
import type { Tariff } from '../fees/tariff.js';
import { MINUTE, type Instant } from '../time/instant.js';

/** Hourly rates in whole fen, up to 1,000 yuan, odd values included (they round up). */
export const rateArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }),
  fc.constantFrom(0, 1, 7, 59, 61, 1001, 6000),
);

/** Billing steps in minutes a policy might set. */
export const billingStepArb: fc.Arbitrary<number> = fc.constantFrom(1, 5, 10, 15, 30, 45, 60);

/**
 * Tariffs of a room: every rate, wear for some kinds of equipment.
 *
 * @param roomId - the room (default `A`)
 * @param effectiveFrom - when it takes effect (default the epoch)
 * @returns the tariffs
 * @example
 * fc.sample(tariffArb('A'), 1)[0].roomId // => 'A'
 */
export function tariffArb(roomId = 'A', effectiveFrom: Instant = 0): fc.Arbitrary<Tariff> {
  return fc
    .record({
      baseFenPerHour: rateArb,
      energyFenPerHour: rateArb,
      wear: fc.dictionary(fc.constantFrom(...EQUIPMENT_KINDS), rateArb, { maxKeys: 4 }),
      cleaningFenPerBooking: fc.integer({ min: 0, max: 10_000 }),
    })
    .map(({ wear, ...rates }) => ({
      roomId,
      effectiveFrom,
      ...rates,
      wearFenPerHour: wear as Partial<Record<EquipmentKind, number>>,
    }));
}

/** What a booking that is over may look like: how it ended, and when, relative to its slot. */
export interface FinalBookingShape {
  /** `used` to its end, `ended` early, or a `no-show` released. */
  readonly outcome: 'used' | 'ended' | 'no-show';
  /** Minutes before the start it was checked in (0–10). */
  readonly earlyMinutes: number;
  /** Its length as booked, in minutes. */
  readonly minutes: number;
  /** Minutes after check-in it was ended early (at least 1). */
  readonly endedAfterMinutes: number;
  readonly equipment: readonly EquipmentKind[];
  readonly department: string;
}

/** Shapes of bookings that are over: used, ended early or no-shows, with equipment and a department. */
export const finalBookingShapeArb: fc.Arbitrary<FinalBookingShape> = fc.record({
  outcome: fc.constantFrom('used' as const, 'ended' as const, 'no-show' as const),
  earlyMinutes: fc.integer({ min: 0, max: 10 }),
  minutes: fc.integer({ min: 15, max: 300 }),
  endedAfterMinutes: fc.integer({ min: 1, max: 300 }),
  equipment: fc.subarray([...EQUIPMENT_KINDS]),
  department: fc.constantFrom('售后服务部', '配件部', '客服部'),
});

/**
 * The bookings of a room laid end to end from `from`, each over, as the rooms fold holds them
 * used to their end, ended early, or released as no-shows.
 *
 * @param roomId - the room
 * @param from - the first start; each next starts 15 minutes after the previous one's end
 * @param shapes - how each went
 * @returns the bookings, ids `<roomId>-<n>`
 * @example
 * finalBookings('A', t, [{ outcome: 'no-show', … }])[0].status // => 'released'
 */
export function finalBookings(
  roomId: string,
  from: Instant,
  shapes: readonly FinalBookingShape[],
): Booking[] {
  let start = from + 15 * MINUTE;
  return shapes.map((s, n) => {
    const end = start + s.minutes * MINUTE;
    const checkedInAt = start - s.earlyMinutes * MINUTE;
    const base = {
      id: `${roomId}-${n}`,
      roomId,
      organizerId: 'wang',
      department: s.department,
      topic: '例会',
      headcount: 4,
      start,
      end,
      equipment: [...s.equipment],
      confidential: false,
      walkUp: false,
      requestedAt: from,
    };
    const b: Booking =
      s.outcome === 'no-show'
        ? { ...base, status: 'released', freedAt: start + 10 * MINUTE }
        : s.outcome === 'used'
          ? { ...base, status: 'checked-in', checkedInAt }
          : {
              ...base,
              status: 'ended',
              checkedInAt,
              freedAt: Math.min(end - MINUTE, checkedInAt + s.endedAfterMinutes * MINUTE),
            };
    start = end + 15 * MINUTE;
    return b;
  });
}

/** Where the fee commands of {@link feeCommandArb} happen, and who issues them. */
export interface FeeCommandArbOptions {
  readonly rooms: readonly { readonly roomId: string; readonly bookingIds: readonly string[] }[];
  readonly waiverIds: readonly string[];
  readonly departments: readonly string[];
  readonly actors: readonly Actor[];
  readonly now: fc.Arbitrary<Instant>;
}

/**
 * Well-formed fee commands of every type, as JSON; whether each is accepted is left
 * to the decider.
 *
 * @param o - the rooms and their bookings, waiver ids, departments, actors and instants
 * @returns the commands
 * @example
 * fc.sample(feeCommandArb(options), 1)[0].type // => 'GrantWaiver' (say)
 */
export function feeCommandArb(o: FeeCommandArbOptions): fc.Arbitrary<Record<string, unknown>> {
  const head = fc.record({ now: o.now, actor: fc.constantFrom(...o.actors) });
  const room = fc.constantFrom(...o.rooms);
  const waiverId = fc.constantFrom(...o.waiverIds);
  return fc.oneof(
    fc.tuple(head, room, tariffArb(), fc.integer({ min: -60, max: 600 })).map(([h, r, t, m]) => ({
      type: 'SetTariff',
      ...h,
      ...t,
      roomId: r.roomId,
      effectiveFrom: h.now + m * MINUTE,
    })),
    fc
      .tuple(head, room, waiverId, fc.constantFrom(...o.departments), fc.nat())
      .map(([h, r, w, department, n]) => ({
        type: 'RequestWaiver',
        ...h,
        waiverId: w,
        roomId: r.roomId,
        bookingId: r.bookingIds[n % Math.max(1, r.bookingIds.length)] ?? 'none',
        department,
        reason: '客户活动',
      })),
    fc
      .tuple(head, waiverId, fc.option(fc.integer({ min: 1, max: 50_000 }), { nil: undefined }))
      .map(([h, w, amountFen]) => ({
        type: 'GrantWaiver',
        ...h,
        waiverId: w,
        ...(amountFen === undefined ? {} : { amountFen }),
      })),
    fc
      .tuple(head, waiverId)
      .map(([h, w]) => ({ type: 'RefuseWaiver', ...h, waiverId: w, reason: '不符合条件' })),
    fc
      .tuple(
        head,
        fc.constantFrom('e1', 'e2', 'e3'),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(...EXPENSE_CATEGORIES),
        fc.integer({ min: 0, max: 30 * 24 * 60 }),
      )
      .map(([h, expenseId, amountFen, category, ago]) => ({
        type: 'RecordExpense',
        ...h,
        expenseId,
        amountFen,
        category,
        note: '维修费',
        spentAt: h.now - ago * MINUTE,
      })),
  );
}
