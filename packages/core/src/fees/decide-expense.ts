import type { PolicyParameters } from '../policy/parameters.js';
import { fail, ok, type Result } from '../rejection/index.js';
import { bookingRejections as rooms } from '../rooms/booking-rejections.js';
import { isAdmin } from '../rooms/decide-helpers.js';
import type { Expense } from './expense.js';
import type { RecordExpense } from './fee-commands.js';
import type { FeeEvent } from './fee-events.js';
import { feeRejections as why } from './fee-rejections.js';
import type { FeeState } from './fee-state.js';

/**
 * The room admin records an expense for the public statement: spent now or earlier, for a
 * room or the rooms in general.
 *
 * @param c - the command
 * @param state - the fees state
 * @param params - the parameters in force (the zone, for the message)
 * @returns the expense, none when it is already recorded, or why not
 * @example
 * recordExpense({ type: 'RecordExpense', expenseId: 'e1', amountFen: 35000, category: 'repair', note: '更换投影灯泡', … }, state, DEFAULT_PARAMETERS) // => { ok: true, value: [{ type: 'ExpenseRecorded', … }] }
 */
export function recordExpense(
  c: RecordExpense,
  state: FeeState,
  params: PolicyParameters,
): Result<FeeEvent[]> {
  if (!isAdmin(c.actor))
    return fail(rooms.adminOnly('R-12', { 'zh-CN': '记录支出', en: 'record expenses' }));
  const existing = state.expenses.get(c.expenseId);
  if (existing)
    return existing.amountFen === c.amountFen &&
      existing.category === c.category &&
      existing.note === c.note &&
      existing.roomId === c.roomId
      ? ok([])
      : fail(why.duplicateExpenseId(c.expenseId));
  if (c.roomId !== undefined && !state.rooms.rooms.has(c.roomId))
    return fail(rooms.unknownRoom(c.roomId));
  const spentAt = c.spentAt ?? c.now;
  if (spentAt > c.now) return fail(why.expenseInFuture(spentAt, params.time.zone));
  const expense: Expense = {
    expenseId: c.expenseId,
    amountFen: c.amountFen,
    category: c.category,
    note: c.note,
    spentAt,
    ...(c.roomId === undefined ? {} : { roomId: c.roomId }),
    recordedBy: c.actor.id,
    recordedAt: c.now,
  };
  return ok([{ type: 'ExpenseRecorded', expense }]);
}
