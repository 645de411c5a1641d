import type { Instant } from '../time/instant.js';
import type { Charge } from './charge.js';
import { chargesIn, type ChargeOptions } from './charges.js';
import type { Expense } from './expense.js';
import type { FeeState } from './fee-state.js';
import type { Fen } from './money.js';
import type { StatementPeriod } from './statement-period.js';

/** Money in and waived for one room or one department in a period. */
export interface StatementTotals {
  /** Bookings charged. */
  readonly bookings: number;
  readonly chargesFen: Fen;
  readonly waiversFen: Fen;
  /** Charges less waivers. */
  readonly incomeFen: Fen;
}

/** One room's line of the statement. */
export interface RoomStatementRow extends StatementTotals {
  readonly roomId: string;
  readonly roomName: string;
}

/** One department's line of the statement. */
export interface DepartmentStatementRow extends StatementTotals {
  readonly department: string;
}

/** A waiver granted on a charge of the period. */
export interface WaiverStatementRow {
  readonly waiverId: string;
  readonly bookingId: string;
  readonly roomId: string;
  readonly department: string;
  readonly reason: string;
  readonly chargeFen: Fen;
  readonly amountFen: Fen;
}

/**
 * The public fee statement of a period: what was charged and waived per room and per
 * department, the expenses recorded, and the balance. Money is conserved: charges − waivers =
 * income, the rooms' lines and the departments' lines each add up to the totals, and balance =
 * income − expenses.
 */
export interface FeeStatement {
  readonly period: StatementPeriod;
  /** Charges are those final by this moment. */
  readonly asOf: Instant;
  readonly charges: readonly Charge[];
  /** Every room, charged or not, in the site's order. */
  readonly rooms: readonly RoomStatementRow[];
  /** Every department charged, by name. */
  readonly departments: readonly DepartmentStatementRow[];
  readonly waivers: readonly WaiverStatementRow[];
  /** Expenses spent within the period, oldest first. */
  readonly expenses: readonly Expense[];
  readonly totals: StatementTotals & { readonly expensesFen: Fen; readonly balanceFen: Fen };
}

interface Tally {
  bookings: number;
  chargesFen: Fen;
  waiversFen: Fen;
}

const emptyTally = (): Tally => ({ bookings: 0, chargesFen: 0, waiversFen: 0 });
const totalsOf = (t: Tally): StatementTotals => ({ ...t, incomeFen: t.chargesFen - t.waiversFen });

function add(map: Map<string, Tally>, key: string, charge: Fen, waived: Fen): void {
  const t = map.get(key) ?? emptyTally();
  map.set(key, {
    bookings: t.bookings + 1,
    chargesFen: t.chargesFen + charge,
    waiversFen: t.waiversFen + waived,
  });
}

/**
 * The public statement of a period: the final charges starting in it, less the
 * waivers granted on them (R-11, each at most its charge), per room and per department; the
 * expenses spent in it; the balance.
 *
 * @param state - the fees state
 * @param period - the period, from {@link statementPeriodOf}
 * @param now - the moment it is drawn up: charges not final by then wait for a later statement
 * @param options - the policy and the department lookup
 * @returns the statement
 * @example
 * feeStatement(state, statementPeriodOf(now, 'month', 'Asia/Shanghai'), now).totals // => { bookings: 3, chargesFen: 33000, waiversFen: 5000, incomeFen: 28000, expensesFen: 35000, balanceFen: -7000 }
 */
export function feeStatement(
  state: FeeState,
  period: StatementPeriod,
  now: Instant,
  options: ChargeOptions = {},
): FeeStatement {
  const charges = chargesIn(state, period, now, options);
  const granted = new Map(
    [...state.waivers.values()]
      .filter((w) => w.status === 'granted')
      .map((w) => [w.bookingId, w] as const),
  );
  const byRoom = new Map<string, Tally>();
  const byDepartment = new Map<string, Tally>();
  const waivers: WaiverStatementRow[] = [];
  const total = emptyTally();
  for (const c of charges) {
    const w = granted.get(c.bookingId);
    const waived = Math.min(w?.amountFen ?? 0, c.totalFen);
    add(byRoom, c.roomId, c.totalFen, waived);
    add(byDepartment, c.department, c.totalFen, waived);
    total.bookings += 1;
    total.chargesFen += c.totalFen;
    total.waiversFen += waived;
    if (w && waived > 0) {
      const { waiverId, bookingId, roomId, reason } = w;
      const line = { waiverId, bookingId, roomId, reason, department: c.department };
      waivers.push({ ...line, chargeFen: c.totalFen, amountFen: waived });
    }
  }
  const expenses = [...state.expenses.values()]
    .filter((e) => period.start <= e.spentAt && e.spentAt < period.end)
    .sort((a, b) => a.spentAt - b.spentAt);
  const expensesFen = expenses.reduce((sum, e) => sum + e.amountFen, 0);
  const income = totalsOf(total);
  return {
    period,
    asOf: now,
    charges,
    rooms: [...state.rooms.rooms.values()].map((rs) => ({
      roomId: rs.room.id,
      roomName: rs.room.name,
      ...totalsOf(byRoom.get(rs.room.id) ?? emptyTally()),
    })),
    departments: [...byDepartment]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([department, t]) => ({ department, ...totalsOf(t) })),
    waivers,
    expenses,
    totals: { ...income, expensesFen, balanceFen: income.incomeFen - expensesFen },
  };
}
