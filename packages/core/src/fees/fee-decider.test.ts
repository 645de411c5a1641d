import { describe, expect, it } from 'vitest';
import { untyped } from '../testing/untyped.js';
import {
  admin,
  at,
  eventsOf,
  fees,
  li,
  play,
  request,
  site,
  tariffA,
  tariffed,
  wang,
} from './fixtures.test-helpers.js';
import { givenWhenThen } from '../testing/given-when-then.js';

const given = givenWhenThen(fees);
import { createFeeDecider } from './fee-decider.js';
import { foldFeeEvents, initialFeeState } from './fee-state.js';
import { feeStreamOf, isFeeEvent } from './fee-events.js';

const state = (log = tariffed) => foldFeeEvents(initialFeeState, log);
/** A copy without one field (an optional field left out, not set to `undefined`). */
const omit = <T extends object, K extends keyof T>(o: T, k: K): Omit<T, K> => {
  const copy = { ...o };
  delete copy[k];
  return copy;
};

/** Wang's 09:00–10:00 in A with the projector, checked in at 08:55, for the after-sales department. */
const used = play(tariffed, request({ equipment: ['projector'], department: '售后服务部' }), {
  type: 'CheckIn',
  now: at(8, 55),
  actor: wang,
  roomId: 'A',
  bookingId: 'b1',
});
const ask = (over: Record<string, unknown> = {}) => ({
  type: 'RequestWaiver',
  now: at(10),
  actor: wang,
  waiverId: 'w1',
  roomId: 'A',
  bookingId: 'b1',
  department: '售后服务部',
  reason: '客户培训,免费提供',
  ...over,
});
const grant = (over: Record<string, unknown> = {}) => ({
  type: 'GrantWaiver',
  now: at(11),
  actor: admin,
  waiverId: 'w1',
  ...over,
});
const refuse = (over: Record<string, unknown> = {}) => ({
  type: 'RefuseWaiver',
  now: at(11),
  actor: admin,
  waiverId: 'w1',
  reason: '不属于减免范围',
  ...over,
});

describe('R-10: tariffs', () => {
  it('R-10: the room admin sets a room’s tariff from now on; anyone else, an unknown room or a past start is refused', () => {
    expect(given(site).when(tariffA).thenAccepted()).toEqual([
      {
        type: 'TariffSet',
        roomId: 'A',
        tariff: {
          roomId: 'A',
          effectiveFrom: at(7),
          baseFenPerHour: 6000,
          energyFenPerHour: 1000,
          wearFenPerHour: { projector: 500, screen: 200 },
          cleaningFenPerBooking: 500,
        },
        by: 'admin',
        at: at(7),
      },
    ]);
    expect(
      given(site)
        .when({ ...tariffA, actor: wang })
        .thenRefused(),
    ).toMatchObject({
      rule: 'R-10',
      code: 'permission.room-admin',
    });
    expect(
      given(site)
        .when({ ...tariffA, roomId: 'Z' })
        .thenRefused().code,
    ).toBe('room.unknown');
    expect(
      given(tariffed)
        .when({ ...tariffA, now: at(8), baseFenPerHour: 1 })
        .thenRefused().code,
    ).toBe('tariff.retroactive');
    const plain = omit(tariffA, 'wearFenPerHour');
    expect(
      given(site)
        .when({ ...plain, roomId: 'C' })
        .thenAccepted()[0],
    ).toMatchObject({
      tariff: { wearFenPerHour: {} },
    });
  });

  it('R-10: the same tariff again decides to nothing; a new one at the same start replaces it before it begins', () => {
    given(tariffed)
      .when({ ...tariffA, now: at(9) })
      .thenNothingHappened();
    const next = { ...tariffA, effectiveFrom: at(20), baseFenPerHour: 7000 };
    const log = play(tariffed, next, { ...next, baseFenPerHour: 8000 });
    expect(
      state(log)
        .tariffs.get('A')
        ?.map((t) => t.baseFenPerHour),
    ).toEqual([6000, 8000]);
  });

  it('R-10: rates are whole fen, never negative, only for known kinds of equipment', () => {
    expect(
      given(site)
        .when({ ...tariffA, baseFenPerHour: 12.5 })
        .thenRefused().data,
    ).toEqual({
      path: 'command.baseFenPerHour',
    });
    expect(
      given(site)
        .when({ ...tariffA, energyFenPerHour: -1 })
        .thenRefused().code,
    ).toBe('command.malformed');
    expect(
      given(site)
        .when({ ...tariffA, wearFenPerHour: { laser: 1 } })
        .thenRefused().data,
    ).toEqual({ path: 'command.wearFenPerHour.laser' });
    expect(
      given(site)
        .when({ ...tariffA, wearFenPerHour: { projector: 0.5 } })
        .thenRefused().data,
    ).toEqual({ path: 'command.wearFenPerHour.projector' });
    expect(
      given(site)
        .when({ ...tariffA, wearFenPerHour: [] })
        .thenRefused().rule,
    ).toBe('R-10');
  });
});

describe('R-11: waivers', () => {
  it('R-11: the paying department asks with a reason; the request holds the final charge', () => {
    expect(given(used).when(ask()).thenAccepted()).toEqual([
      {
        type: 'WaiverRequested',
        waiverId: 'w1',
        roomId: 'A',
        bookingId: 'b1',
        department: '售后服务部',
        reason: '客户培训,免费提供',
        chargeFen: 11750,
        by: 'wang',
        at: at(10),
      },
    ]);
  });

  it('R-11: not before the charge is final, not for nothing, only by the department that pays', () => {
    expect(
      given(used)
        .when(ask({ now: at(9, 30) }))
        .thenRefused(),
    ).toMatchObject({
      rule: 'R-11',
      code: 'waiver.charge-not-final',
    });
    expect(
      given(used)
        .when(ask({ department: '配件部' }))
        .thenRefused(),
    ).toMatchObject({
      code: 'waiver.wrong-department',
      data: { department: '售后服务部' },
    });
    const free = play(site, request({ roomId: 'C' }), {
      type: 'CheckIn',
      now: at(9),
      actor: wang,
      roomId: 'C',
      bookingId: 'b1',
    });
    expect(
      given(free)
        .when(ask({ roomId: 'C' }))
        .thenRefused().code,
    ).toBe('waiver.nothing-to-waive');
    expect(
      given(used)
        .when(ask({ roomId: 'Z' }))
        .thenRefused().code,
    ).toBe('room.unknown');
    expect(
      given(used)
        .when(ask({ bookingId: 'b9' }))
        .thenRefused().code,
    ).toBe('booking.unknown');
  });

  it('R-11: the department of a booking that names none is the organizer’s, from the directory', () => {
    const log = play(tariffed, request(), {
      type: 'CheckIn',
      now: at(8, 55),
      actor: wang,
      roomId: 'A',
      bookingId: 'b1',
    });
    const d = untyped(
      createFeeDecider(undefined, (id) => (id === 'wang' ? '售后服务部' : undefined)),
    );
    expect(eventsOf(d.decide(ask(), state(log)))[0]).toMatchObject({
      chargeFen: 9000 + 1500 + 500,
    });
    expect(given(log).when(ask()).thenRefused().code).toBe('waiver.wrong-department');
  });

  it('R-11: the room admin grants all of it, or part of it, never more than the charge', () => {
    const asked = play(used, ask());
    expect(given(asked).when(grant()).thenAccepted()).toEqual([
      {
        type: 'WaiverGranted',
        waiverId: 'w1',
        roomId: 'A',
        bookingId: 'b1',
        amountFen: 11750,
        full: true,
        by: 'admin',
        at: at(11),
      },
    ]);
    expect(
      given(asked)
        .when(grant({ amountFen: 5000 }))
        .thenAccepted()[0],
    ).toMatchObject({
      amountFen: 5000,
      full: false,
    });
    expect(
      given(asked)
        .when(grant({ amountFen: 11751 }))
        .thenRefused(),
    ).toMatchObject({
      rule: 'R-11',
      code: 'waiver.exceeds-charge',
      data: { amountFen: 11751, chargeFen: 11750 },
    });
    expect(
      given(asked)
        .when(grant({ amountFen: 0 }))
        .thenRefused().code,
    ).toBe('command.malformed');
    expect(
      given(asked)
        .when(grant({ actor: wang }))
        .thenRefused().code,
    ).toBe('permission.room-admin');
    expect(
      given(asked)
        .when(grant({ waiverId: 'w9' }))
        .thenRefused().code,
    ).toBe('waiver.unknown');
  });

  it('R-11: or refuses it with a reason; a refused request may be asked again, a live one not', () => {
    const asked = play(used, ask());
    expect(
      given(asked)
        .when(ask({ waiverId: 'w2' }))
        .thenRefused(),
    ).toMatchObject({
      code: 'waiver.already-requested',
      data: { waiverId: 'w1' },
    });
    expect(given(asked).when(refuse()).thenAccepted()).toEqual([
      {
        type: 'WaiverRefused',
        waiverId: 'w1',
        roomId: 'A',
        bookingId: 'b1',
        reason: '不属于减免范围',
        by: 'admin',
        at: at(11),
      },
    ]);
    const refused = play(asked, refuse());
    expect(state(refused).waivers.get('w1')).toMatchObject({
      status: 'refused',
      refusal: '不属于减免范围',
      decidedBy: 'admin',
    });
    expect(given(refused).when(grant()).thenRefused().code).toBe('waiver.decided');
    expect(
      given(asked)
        .when(refuse({ actor: li }))
        .thenRefused().code,
    ).toBe('permission.room-admin');
    expect(
      given(asked)
        .when(refuse({ waiverId: 'w9' }))
        .thenRefused().code,
    ).toBe('waiver.unknown');
    expect(
      given(refused)
        .when(ask({ waiverId: 'w2', now: at(12) }))
        .thenAccepted(),
    ).toHaveLength(1);
  });

  it('R-11: a repeated command decides to nothing; a reused id or a second answer is refused', () => {
    const asked = play(used, ask());
    given(asked).when(ask()).thenNothingHappened();
    expect(
      given(asked)
        .when(ask({ reason: '别的理由' }))
        .thenRefused().code,
    ).toBe('waiver.duplicate-id');
    const granted = play(asked, grant({ amountFen: 5000 }));
    given(granted)
      .when(grant({ amountFen: 5000 }))
      .thenNothingHappened();
    expect(given(granted).when(grant()).thenRefused().code).toBe('waiver.decided');
    expect(given(granted).when(refuse()).thenRefused().code).toBe('waiver.decided');
    const refused = play(asked, refuse());
    given(refused).when(refuse()).thenNothingHappened();
    expect(state(granted).waivers.get('w1')).toMatchObject({ status: 'granted', amountFen: 5000 });
  });
});

describe('R-12: expenses', () => {
  const spend = (over: Record<string, unknown> = {}) => ({
    type: 'RecordExpense',
    now: at(12),
    actor: admin,
    expenseId: 'e1',
    amountFen: 35000,
    category: 'repair',
    note: '更换投影仪灯泡',
    roomId: 'A',
    ...over,
  });

  it('R-12: the room admin records an expense, spent now or earlier, for a room or in general', () => {
    expect(given(tariffed).when(spend()).thenAccepted()).toEqual([
      {
        type: 'ExpenseRecorded',
        expense: {
          expenseId: 'e1',
          amountFen: 35000,
          category: 'repair',
          note: '更换投影仪灯泡',
          spentAt: at(12),
          roomId: 'A',
          recordedBy: 'admin',
          recordedAt: at(12),
        },
      },
    ]);
    const general = omit(spend({ spentAt: at(9), category: 'supplies' }), 'roomId');
    expect(given(tariffed).when(general).thenAccepted()[0]).toMatchObject({
      expense: { spentAt: at(9), category: 'supplies' },
    });
  });

  it('R-12: only the room admin; not in the future; a known room; a repeat decides to nothing', () => {
    expect(
      given(tariffed)
        .when(spend({ actor: wang }))
        .thenRefused(),
    ).toMatchObject({
      rule: 'R-12',
      code: 'permission.room-admin',
    });
    expect(
      given(tariffed)
        .when(spend({ spentAt: at(13) }))
        .thenRefused().code,
    ).toBe('expense.in-future');
    expect(
      given(tariffed)
        .when(spend({ roomId: 'Z' }))
        .thenRefused().code,
    ).toBe('room.unknown');
    expect(
      given(tariffed)
        .when(spend({ category: 'food' }))
        .thenRefused().code,
    ).toBe('command.malformed');
    const log = play(tariffed, spend());
    given(log)
      .when(spend({ now: at(12, 1) }))
      .thenNothingHappened();
    expect(
      given(log)
        .when(spend({ amountFen: 1 }))
        .thenRefused().code,
    ).toBe('expense.duplicate-id');
  });
});

describe('streams', () => {
  it('R-10: a tariff goes to its room’s stream, a waiver to its own, expenses together', () => {
    const log = play(used, ask(), grant(), {
      type: 'RecordExpense',
      now: at(12),
      actor: admin,
      expenseId: 'e1',
      amountFen: 100,
      category: 'other',
      note: '纸杯',
    });
    const streams = log.filter(isFeeEvent).map(feeStreamOf);
    expect(streams).toEqual(['room:A', 'waiver:w1', 'waiver:w1', 'expenses']);
  });
});

describe('malformed commands', () => {
  it('R-10: unknown types and malformed fields are refused with the field named, never thrown', () => {
    expect(given(tariffed).when({ type: 'Nope' }).thenRefused()).toMatchObject({
      rule: 'R-10',
      code: 'command.malformed',
    });
    expect(given(tariffed).when(undefined).thenRefused().code).toBe('command.malformed');
    expect(
      given(tariffed)
        .when(ask({ reason: '' }))
        .thenRefused(),
    ).toMatchObject({
      rule: 'R-11',
      data: { path: 'command.reason' },
    });
  });
});
