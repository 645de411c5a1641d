import type { Message } from '../rejection/rejection.js';
import type { Instant } from '../time/instant.js';
import type { Fen } from './money.js';

/** What the room admin spent money on. */
export type ExpenseCategory =
  'repair' | 'maintenance' | 'cleaning' | 'energy' | 'supplies' | 'other';

/** Every expense category. */
export const EXPENSE_CATEGORIES: readonly ExpenseCategory[] = Object.freeze([
  'repair',
  'maintenance',
  'cleaning',
  'energy',
  'supplies',
  'other',
]);

/** Each category's name in both languages, for the public statement. */
export const EXPENSE_CATEGORY_NAMES: Readonly<Record<ExpenseCategory, Message>> = Object.freeze({
  repair: { 'zh-CN': '维修', en: 'Repair' },
  maintenance: { 'zh-CN': '保养', en: 'Maintenance' },
  cleaning: { 'zh-CN': '保洁', en: 'Cleaning' },
  energy: { 'zh-CN': '能耗', en: 'Energy' },
  supplies: { 'zh-CN': '耗材', en: 'Supplies' },
  other: { 'zh-CN': '其他', en: 'Other' },
});

/** An expense the room admin recorded. */
export interface Expense {
  readonly expenseId: string;
  readonly amountFen: Fen;
  readonly category: ExpenseCategory;
  readonly note: string;
  /** When the money was spent: the statement period it belongs to. */
  readonly spentAt: Instant;
  /** The room it was for, if one. */
  readonly roomId?: string;
  readonly recordedBy: string;
  readonly recordedAt: Instant;
}
