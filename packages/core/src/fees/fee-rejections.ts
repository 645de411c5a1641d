import { bilingual as r } from '../rejection/bilingual.js';
import { wallText } from '../rooms/booking-rejections.js';
import type { Instant } from '../time/instant.js';
import type { TimeZone } from '../time/zone.js';
import { formatYuan, type Fen } from './money.js';

/**
 * The rejections of the fees context, each naming its rule, in zh-CN and en. Unknown rooms and
 * bookings and the room admin's permission use the rooms context's rejections.
 */
export const feeRejections = {
  retroactiveTariff: (effectiveFrom: Instant, zone: TimeZone) =>
    r(
      'R-10',
      'tariff.retroactive',
      `收费标准不能追溯生效（${wallText(effectiveFrom, zone)} 已经过去）`,
      `a tariff cannot take effect in the past (${wallText(effectiveFrom, zone)})`,
      { effectiveFrom },
    ),
  chargeNotFinal: (bookingId: string) =>
    r(
      'R-11',
      'waiver.charge-not-final',
      `预订 ${bookingId} 尚未结束，费用未定，暂不能申请减免`,
      `booking ${bookingId} is not over, so its charge is not final yet`,
      { bookingId },
    ),
  nothingToWaive: (bookingId: string) =>
    r(
      'R-11',
      'waiver.nothing-to-waive',
      `预订 ${bookingId} 没有产生费用`,
      `booking ${bookingId} was charged nothing`,
      { bookingId },
    ),
  wrongDepartment: (department: string) =>
    r(
      'R-11',
      'waiver.wrong-department',
      `只有付费部门（${department || '未指定'}）可以申请减免`,
      `only the department that pays (${department || 'none'}) may ask for a waiver`,
      { department },
    ),
  alreadyRequested: (bookingId: string, waiverId: string) =>
    r(
      'R-11',
      'waiver.already-requested',
      `预订 ${bookingId} 已有减免申请 ${waiverId}`,
      `booking ${bookingId} already has waiver ${waiverId}`,
      { bookingId, waiverId },
    ),
  duplicateWaiverId: (waiverId: string) =>
    r(
      'R-11',
      'waiver.duplicate-id',
      `减免编号 ${waiverId} 已被另一申请使用`,
      `waiver id ${waiverId} is already used by another request`,
      { waiverId },
    ),
  unknownWaiver: (waiverId: string) =>
    r('R-11', 'waiver.unknown', `找不到减免申请 ${waiverId}`, `there is no waiver ${waiverId}`, {
      waiverId,
    }),
  waiverDecided: (waiverId: string, status: string) =>
    r(
      'R-11',
      'waiver.decided',
      `减免申请 ${waiverId} 已${status === 'granted' ? '批准' : '驳回'}`,
      `waiver ${waiverId} is already ${status}`,
      { waiverId, status },
    ),
  exceedsCharge: (amountFen: Fen, chargeFen: Fen) =>
    r(
      'R-11',
      'waiver.exceeds-charge',
      `减免金额 ${formatYuan(amountFen)} 元超过费用 ${formatYuan(chargeFen)} 元`,
      `a waiver of ${formatYuan(amountFen)} yuan exceeds the charge of ${formatYuan(chargeFen)} yuan`,
      { amountFen, chargeFen },
    ),
  expenseInFuture: (spentAt: Instant, zone: TimeZone) =>
    r(
      'R-12',
      'expense.in-future',
      `支出时间 ${wallText(spentAt, zone)} 尚未到来`,
      `the expense's date, ${wallText(spentAt, zone)}, is in the future`,
      { spentAt },
    ),
  duplicateExpenseId: (expenseId: string) =>
    r(
      'R-12',
      'expense.duplicate-id',
      `支出编号 ${expenseId} 已被另一条支出使用`,
      `expense id ${expenseId} is already used by another expense`,
      { expenseId },
    ),
} as const;

/**
 * Every rejection of the fees context, each with its literal code and the data that code carries: a
 * `switch` on `code` narrows `data`.
 */
export type FeeRejection = ReturnType<(typeof feeRejections)[keyof typeof feeRejections]>;

/** The codes of {@link FeeRejection}. */
export type FeeRejectionCode = FeeRejection['code'];
