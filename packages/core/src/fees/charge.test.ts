import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { Booking } from '../rooms/booking.js';
import { at, MINUTE } from './fixtures.test-helpers.js';
import { billingSteps, chargeOf, isChargeFinal, NO_DEPARTMENT } from './charge.js';
import { departmentFor } from './charges.js';
import { formatYuan, prorate } from './money.js';
import { tariffAt, withTariff, type Tariff } from './tariff.js';

const tariff: Tariff = {
  roomId: 'A',
  effectiveFrom: at(7),
  baseFenPerHour: 6000,
  energyFenPerHour: 1000,
  wearFenPerHour: { projector: 500, screen: 200 },
  cleaningFenPerBooking: 500,
};
const booking: Booking = {
  id: 'b1',
  roomId: 'A',
  organizerId: 'wang',
  department: '售后服务部',
  topic: '周例会',
  headcount: 6,
  start: at(9),
  end: at(10),
  equipment: ['projector'],
  confidential: false,
  walkUp: false,
  status: 'checked-in',
  requestedAt: at(8),
  checkedInAt: at(8, 55),
};
const step = DEFAULT_PARAMETERS.rooms.billingStepMinutes;
/** A copy without one field (an optional field left out, not set to `undefined`). */
const omit = <T extends object, K extends keyof T>(o: T, k: K): Omit<T, K> => {
  const copy = { ...o };
  delete copy[k];
  return copy;
};

describe('R-10: a booking’s charge', () => {
  it('R-10: used, it is charged from check-in to its end, rounded up to the billing step, item by item', () => {
    // 08:55–10:00 is 65 minutes: three 30-minute steps, 90 minutes at every hourly rate.
    expect(chargeOf(booking, tariff, step, '售后服务部')).toEqual({
      bookingId: 'b1',
      roomId: 'A',
      organizerId: 'wang',
      department: '售后服务部',
      noShow: false,
      from: at(8, 55),
      to: at(10),
      stepMinutes: 30,
      steps: 3,
      billedMinutes: 90,
      tariffFrom: at(7),
      baseFen: 9000,
      energyFen: 1500,
      wearFen: [{ kind: 'projector', fen: 750 }],
      cleaningFen: 500,
      totalFen: 11750,
    });
  });

  it('R-10: ended early, it runs to the moment it ended; extended, to its new end', () => {
    const early = chargeOf({ ...booking, status: 'ended', freedAt: at(9, 20) }, tariff, step, 'x');
    expect(early).toMatchObject({ to: at(9, 20), steps: 1, baseFen: 3000, totalFen: 4250 });
    const extended = chargeOf({ ...booking, end: at(10, 30) }, tariff, step, 'x');
    expect(extended).toMatchObject({ to: at(10, 30), steps: 4, baseFen: 12000 });
  });

  it('R-10: a no-show is charged its first billing step of the room alone', () => {
    const noShow: Booking = { ...booking, status: 'released', freedAt: at(9, 10) };
    expect(chargeOf(omit(noShow, 'checkedInAt'), tariff, step, 'x')).toMatchObject({
      noShow: true,
      from: at(9),
      to: at(9, 30),
      steps: 1,
      baseFen: 3000,
      energyFen: 0,
      wearFen: [],
      cleaningFen: 0,
      totalFen: 3000,
    });
  });

  it('R-10: pending, confirmed, cancelled and declined bookings are charged nothing; nor is a room without a tariff', () => {
    for (const status of ['pending', 'confirmed', 'cancelled', 'declined'] as const)
      expect(chargeOf({ ...booking, status }, tariff, step, 'x')).toBeUndefined();
    expect(chargeOf(booking, undefined, step, 'x')).toBeUndefined();
  });

  it('R-10: each item is rounded up to a whole fen on its own; the step is the policy’s', () => {
    expect(prorate(1000, 30)).toBe(500);
    expect(prorate(1001, 30)).toBe(501);
    expect(prorate(1, 1)).toBe(1);
    expect(prorate(0, 90)).toBe(0);
    const odd = { ...tariff, baseFenPerHour: 1001, energyFenPerHour: 7, wearFenPerHour: {} };
    expect(chargeOf(booking, odd, 15, 'x')).toMatchObject({
      steps: 5,
      billedMinutes: 75,
      baseFen: 1252, // 1001 × 75 / 60 = 1251.25
      energyFen: 9, // 7 × 75 / 60 = 8.75
      wearFen: [{ kind: 'projector', fen: 0 }],
    });
    expect(billingSteps(0, 30)).toBe(1);
    expect(billingSteps(30 * MINUTE, 30)).toBe(1);
    expect(billingSteps(30 * MINUTE + 1, 30)).toBe(2);
  });

  it('R-10: the charge goes to the booking’s department, else the organizer’s, else none', () => {
    const lookup = (id: string) => (id === 'wang' ? '售后服务部' : undefined);
    const without = omit(booking, 'department');
    expect(departmentFor(booking)).toBe('售后服务部');
    expect(departmentFor({ ...without, department: '配件部' } as Booking, lookup)).toBe('配件部');
    expect(departmentFor(without, lookup)).toBe('售后服务部');
    expect(departmentFor({ ...without, organizerId: 'li' }, lookup)).toBe(NO_DEPARTMENT);
  });

  it('R-10: a charge is final once the meeting is over', () => {
    expect(isChargeFinal(booking, at(9, 59))).toBe(false);
    expect(isChargeFinal(booking, at(10))).toBe(true);
    expect(isChargeFinal({ ...booking, status: 'ended', freedAt: at(9) }, at(9))).toBe(true);
    expect(isChargeFinal({ ...booking, status: 'ended', freedAt: at(9) }, at(8, 59))).toBe(false);
    expect(isChargeFinal({ ...booking, status: 'released', freedAt: at(9, 10) }, at(9, 10))).toBe(
      true,
    );
    expect(isChargeFinal({ ...booking, status: 'released' }, at(9))).toBe(true);
    expect(isChargeFinal({ ...booking, status: 'confirmed' }, at(11))).toBe(false);
  });
});

describe('R-10: tariff versions', () => {
  it('R-10: the version in force when the charge starts applies; one at the same start replaces', () => {
    const later = { ...tariff, effectiveFrom: at(9), baseFenPerHour: 8000 };
    const versions = withTariff(withTariff([], later), tariff);
    expect(versions.map((v) => v.effectiveFrom)).toEqual([at(7), at(9)]);
    expect(tariffAt(versions, at(6))).toBeUndefined();
    expect(tariffAt(versions, at(8, 55))?.baseFenPerHour).toBe(6000);
    expect(tariffAt(versions, at(9))?.baseFenPerHour).toBe(8000);
    const replaced = withTariff(versions, { ...later, baseFenPerHour: 9000 });
    expect(replaced.map((v) => v.baseFenPerHour)).toEqual([6000, 9000]);
  });
});

describe('R-10: money', () => {
  it('R-10: fen are written as yuan with two decimals, by integer division', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(123456)).toBe('1234.56');
    expect(formatYuan(-7000)).toBe('-70.00');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatYuan(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(() => formatYuan(1.5)).toThrow(RangeError);
  });
});
