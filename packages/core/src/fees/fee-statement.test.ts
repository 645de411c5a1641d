import { describe, expect, it } from 'vitest';
import { toInstant } from '../time/zone.js';
import { feeStatement } from './fee-statement.js';
import { foldFeeEvents, initialFeeState } from './fee-state.js';
import { admin, at, li, play, request, tariffA, tariffed, wang } from './fixtures.test-helpers.js';
import { statementPeriodOf } from './statement-period.js';

/**
 * November: Wang's after-sales meeting in A (used 08:55–10:00, 117.50 yuan, 50 waived), Li's parts
 * meeting in A not attended (a no-show, 30 yuan), Li's meeting in C (no tariff, not charged), the
 * projector lamp bought for 350 yuan. December: Wang's meeting in A, in the next statement.
 */
const december = toInstant({ year: 2026, month: 12, day: 1, hour: 9, minute: 0 }, 'Asia/Shanghai');
const log = play(
  tariffed,
  { ...tariffA, roomId: 'B', now: at(7), effectiveFrom: at(7) },
  request({ equipment: ['projector'], department: '售后服务部' }),
  request({ bookingId: 'b2', actor: li, start: at(11), end: at(12), department: '配件部' }),
  request({
    bookingId: 'b3',
    actor: li,
    roomId: 'C',
    start: at(13),
    end: at(14),
    department: '配件部',
  }),
  { type: 'CheckIn', now: at(8, 55), actor: wang, roomId: 'A', bookingId: 'b1' },
  { type: 'CheckIn', now: at(13), actor: li, roomId: 'C', bookingId: 'b3' },
  { type: 'ReleaseNoShows', now: at(11, 15), actor: admin },
  {
    type: 'RequestWaiver',
    now: at(10),
    actor: wang,
    waiverId: 'w1',
    roomId: 'A',
    bookingId: 'b1',
    department: '售后服务部',
    reason: '客户培训',
  },
  { type: 'GrantWaiver', now: at(11), actor: admin, waiverId: 'w1', amountFen: 5000 },
  {
    type: 'RecordExpense',
    now: at(16),
    actor: admin,
    expenseId: 'e1',
    amountFen: 35000,
    category: 'repair',
    note: '更换投影仪灯泡',
    roomId: 'A',
  },
  request({
    bookingId: 'b4',
    now: december - 60 * 60_000,
    start: december,
    end: december + 60 * 60_000,
  }),
  { type: 'CheckIn', now: december, actor: wang, roomId: 'A', bookingId: 'b4' },
);
const state = foldFeeEvents(initialFeeState, log);
const november = statementPeriodOf(at(9), 'month', 'Asia/Shanghai');

describe('R-12: the public statement', () => {
  it('R-12: income per room and per department, the waivers, the expenses and the balance', () => {
    const s = feeStatement(state, november, december + 2 * 60 * 60_000);
    expect(s.charges.map((c) => [c.bookingId, c.totalFen, c.noShow])).toEqual([
      ['b1', 11750, false],
      ['b2', 3000, true],
    ]);
    expect(s.rooms).toEqual([
      {
        roomId: 'A',
        roomName: '一号会议室',
        bookings: 2,
        chargesFen: 14750,
        waiversFen: 5000,
        incomeFen: 9750,
      },
      {
        roomId: 'B',
        roomName: '大会议室',
        bookings: 0,
        chargesFen: 0,
        waiversFen: 0,
        incomeFen: 0,
      },
      { roomId: 'C', roomName: '洽谈室', bookings: 0, chargesFen: 0, waiversFen: 0, incomeFen: 0 },
    ]);
    expect(s.departments).toEqual([
      {
        department: '售后服务部',
        bookings: 1,
        chargesFen: 11750,
        waiversFen: 5000,
        incomeFen: 6750,
      },
      { department: '配件部', bookings: 1, chargesFen: 3000, waiversFen: 0, incomeFen: 3000 },
    ]);
    expect(s.waivers).toEqual([
      {
        waiverId: 'w1',
        bookingId: 'b1',
        roomId: 'A',
        department: '售后服务部',
        reason: '客户培训',
        chargeFen: 11750,
        amountFen: 5000,
      },
    ]);
    expect(s.expenses.map((e) => e.expenseId)).toEqual(['e1']);
    expect(s.totals).toEqual({
      bookings: 2,
      chargesFen: 14750,
      waiversFen: 5000,
      incomeFen: 9750,
      expensesFen: 35000,
      balanceFen: -25250,
    });
  });

  it('R-12: a charge not yet final waits for a later statement; the next month has its own', () => {
    expect(feeStatement(state, november, at(9, 59)).totals.chargesFen).toBe(0);
    expect(feeStatement(state, november, at(10)).charges.map((c) => c.bookingId)).toEqual(['b1']);
    const dec = feeStatement(
      state,
      statementPeriodOf(december, 'month', 'Asia/Shanghai'),
      december + 2 * 60 * 60_000,
    );
    expect(dec.charges.map((c) => c.bookingId)).toEqual(['b4']);
    expect(dec.totals).toMatchObject({
      waiversFen: 0,
      expensesFen: 0,
      incomeFen: 6000 + 1000 + 500,
    });
  });
});
