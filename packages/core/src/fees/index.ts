/**
 * Fees: tariff versions per room, a booking's itemised charge in whole fen (base,
 * energy, wear per kind, cleaning) rounded up to the billing step and paid by the organizer's
 * department, waivers granted in full or in part or refused by the room admin, recorded expenses,
 * and the public statement per period with its CSV.
 *
 * Rounding: the span is rounded up to whole billing steps (at least one), and each item is
 * `⌈rate × minutes / 60⌉` in integers, so no item, and not the total, ever falls as a meeting grows
 * longer. A no-show pays its first step at the base rate alone: it switched nothing on, wore
 * nothing and left nothing to clean. Tariffs never take effect in the past and a waiver needs a
 * final charge, so a waiver never exceeds the charge it was granted on.
 *
 * @packageDocumentation
 */
export { MAX_FEN, formatYuan, prorate } from './money.js';
export type { Fen } from './money.js';
export { tariffAt, withTariff } from './tariff.js';
export type { Tariff } from './tariff.js';
export { NO_DEPARTMENT, billingSteps, chargeOf, isChargeFinal } from './charge.js';
export type { Charge, WearCharge, DepartmentLookup } from './charge.js';
export { bookingCharge, chargesIn, departmentFor } from './charges.js';
export type { ChargeOptions } from './charges.js';
export { WAIVER_STATUSES } from './waiver.js';
export type { Waiver, WaiverStatus } from './waiver.js';
export { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_NAMES } from './expense.js';
export type { Expense, ExpenseCategory } from './expense.js';
export { FEE_COMMAND_SHAPES, FEE_COMMAND_TYPES } from './fee-commands.js';
export type {
  FeeCommand,
  FeeCommandOf,
  SetTariff,
  RequestWaiver,
  GrantWaiver,
  RefuseWaiver,
  RecordExpense,
} from './fee-commands.js';
export { FEE_EVENT_TYPES, isFeeEvent, feeStreamOf } from './fee-events.js';
export type * from './fee-events.js';
export { feeRejections } from './fee-rejections.js';
export type { FeeRejection, FeeRejectionCode } from './fee-rejections.js';
export { initialFeeState, foldFeeEvents, evolveFees } from './fee-state.js';
export type { FeeState } from './fee-state.js';
export { createFeeDecider, parseFeeCommand } from './fee-decider.js';
export type { FeeDecider } from './fee-decider.js';
export { statementPeriodOf } from './statement-period.js';
export type { StatementPeriod } from './statement-period.js';
export { feeStatement } from './fee-statement.js';
export type {
  FeeStatement,
  StatementTotals,
  RoomStatementRow,
  DepartmentStatementRow,
  WaiverStatementRow,
} from './fee-statement.js';
export { statementCsv } from './statement-csv.js';
