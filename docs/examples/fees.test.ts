// The money guide: a room's tariff, a booking charged from check-in to its end rounded up to
// the billing step, a no-show's first step, a waiver granted in part, an expense, and the
// month's public statement with its CSV.
import { expect, it } from 'vitest';
import { at } from './weekly-review.js';

// #region fees-state
import {
  FEE_COMMAND_TYPES,
  bookingCharge,
  createBookingDecider,
  createFeeDecider,
  feeStatement,
  foldFeeEvents,
  formatYuan,
  parseBookingCommand,
  parseFeeCommand,
  statementCsv,
  statementPeriodOf,
  type FeeState,
} from '@huiyi/core';

const rooms = createBookingDecider();
const fees = createFeeDecider(); // (parametersIn(policy), departmentOf) in production
let state: FeeState = fees.initialState; // folds the rooms' streams and its own

/** Booking commands go to the rooms decider, fee commands to the fees decider; one log. */
function tell(command: { type: string } & Record<string, unknown>) {
  const fee = parseFeeCommand(command);
  const booking = parseBookingCommand(command);
  const result = (FEE_COMMAND_TYPES as readonly string[]).includes(command.type)
    ? fee.ok
      ? fees.decide(fee.value, state)
      : fee
    : booking.ok
      ? rooms.decide(booking.value, state.rooms)
      : booking;
  if (!result.ok) throw new Error(result.rejection.message.en);
  state = foldFeeEvents(state, result.value);
  return result.value;
}
// #endregion fees-state

const admin = { id: 'admin', roles: ['room-admin'] };
const ma = { id: 'ma', roles: [] };
const wang = { id: 'wang', roles: [] };

// #region tariff
tell({
  type: 'RegisterRoom',
  now: at(1, 8),
  actor: admin,
  room: {
    id: 'A',
    name: '一号会议室',
    capacity: 8,
    equipment: [{ id: 'A-proj', kind: 'projector' }],
    openingHours: [{ weekdays: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' }],
  },
});
tell({
  type: 'SetTariff', // room admin only; from now or later, never in the past
  now: at(1, 8),
  actor: admin,
  roomId: 'A',
  effectiveFrom: at(1, 8),
  baseFenPerHour: 6000, // 60.00 yuan an hour: every amount is whole fen
  energyFenPerHour: 1000,
  wearFenPerHour: { projector: 500 }, // per kind of equipment the booking uses
  cleaningFenPerBooking: 500,
});
// #endregion tariff

it('R-10: charged from check-in to the end, rounded up to the billing step', () => {
  // #region charge
  tell({
    type: 'RequestBooking',
    now: at(1, 9),
    actor: ma,
    bookingId: 'b1',
    roomId: 'A',
    topic: '售后周例会',
    headcount: 6,
    start: at(2, 9),
    end: at(2, 10),
    equipment: ['projector'],
    department: '售后服务部', // who pays; else the organizer's department (departmentOf)
  });
  tell({ type: 'CheckIn', now: at(2, 9, 4), actor: ma, roomId: 'A', bookingId: 'b1' });

  const b1 = state.rooms.rooms.get('A')?.bookings.get('b1');
  // Used 09:04–10:00: 56 minutes, two 30-minute steps, each rate charged for 60 minutes.
  expect(b1 && bookingCharge(state, b1)).toMatchObject({
    department: '售后服务部',
    noShow: false,
    steps: 2,
    billedMinutes: 60,
    baseFen: 6000,
    energyFen: 1000,
    wearFen: [{ kind: 'projector', fen: 500 }],
    cleaningFen: 500,
    totalFen: 8000,
  });
  expect(formatYuan(8000)).toBe('80.00');
  // #endregion charge
});

it('R-10: a no-show pays its first step, at the base rate alone', () => {
  // #region no-show
  tell({
    type: 'RequestBooking',
    now: at(1, 9),
    actor: wang,
    bookingId: 'b2',
    roomId: 'A',
    topic: '配件供应商洽谈',
    headcount: 3,
    start: at(3, 14),
    end: at(3, 15),
    department: '配件部',
  });
  tell({ type: 'ReleaseNoShows', now: at(3, 16), actor: admin }); // nobody checked in
  const b2 = state.rooms.rooms.get('A')?.bookings.get('b2');
  expect(b2 && bookingCharge(state, b2)).toMatchObject({
    noShow: true,
    steps: 1,
    baseFen: 3000, // 30 minutes at 60.00 an hour
    energyFen: 0,
    wearFen: [],
    cleaningFen: 0,
    totalFen: 3000,
  });
  // #endregion no-show
});

it('R-11: a waiver is asked for with a reason; the room admin grants all, part or none', () => {
  // #region waiver
  tell({
    type: 'RequestWaiver', // the charge must be final, the department the one that pays
    now: at(4, 9),
    actor: wang,
    waiverId: 'w1',
    roomId: 'A',
    bookingId: 'b2',
    department: '配件部',
    reason: '供应商临时取消',
  });
  expect(
    tell({ type: 'GrantWaiver', now: at(4, 11), actor: admin, waiverId: 'w1', amountFen: 2000 }),
  ).toMatchObject([{ type: 'WaiverGranted', amountFen: 2000, full: false }]); // no amount: all
  // RefuseWaiver { waiverId, reason } refuses; more than the charge is refused.
  // #endregion waiver
});

it('R-12: the public statement of the month, and its CSV', () => {
  // #region statement
  tell({
    type: 'RecordExpense', // room admin only
    now: at(5, 10),
    actor: admin,
    expenseId: 'e1',
    amountFen: 4500,
    category: 'supplies',
    note: '白板笔, 纸巾',
    roomId: 'A',
  });
  const asOf = at(31, 18); // charges not final by then wait for a later statement
  const december = statementPeriodOf(asOf, 'month', 'Asia/Shanghai'); // rooms.statementPeriod
  const statement = feeStatement(state, december, asOf);
  expect(statement.totals).toEqual({
    bookings: 2,
    chargesFen: 11000,
    waiversFen: 2000,
    incomeFen: 9000, // charges − waivers
    expensesFen: 4500,
    balanceFen: 4500, // income − expenses
  });
  expect(statementCsv(statement, 'en').split('\r\n')).toEqual([
    '\uFEFFPeriod,Section,Name,Bookings,Charges (CNY),Waivers (CNY),Income (CNY),Expenses (CNY),Balance (CNY),Note',
    '2026-12,Room,一号会议室,2,110.00,20.00,90.00,,,A',
    '2026-12,Department,售后服务部,1,80.00,0.00,80.00,,,',
    '2026-12,Department,配件部,1,30.00,20.00,10.00,,,',
    '2026-12,Waiver,配件部,1,30.00,20.00,,,,b2: 供应商临时取消',
    '2026-12,Expense,Supplies,,,,,45.00,,"白板笔, 纸巾"',
    '2026-12,Total,,2,110.00,20.00,90.00,45.00,45.00,',
    '',
  ]);
  // #endregion statement
});
