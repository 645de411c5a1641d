import {
  commandBase as base,
  id,
  instant,
  int,
  object,
  oneOf,
  optional,
  text,
  type Check,
  type Checked,
} from '../input/index.js';
import { EQUIPMENT_KINDS, type EquipmentKind } from '../rooms/room.js';
import { EXPENSE_CATEGORIES } from './expense.js';
import { MAX_FEN, type Fen } from './money.js';

/** The highest rate a tariff may name: one million yuan an hour. */
const MAX_RATE = 100_000_000;
const rate = int(0, MAX_RATE);

const wearRates: Check<Partial<Record<EquipmentKind, Fen>>> = (v, path) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return { ok: false, path, expected: { 'zh-CN': '一个对象', en: 'an object' } };
  const out: Partial<Record<EquipmentKind, Fen>> = {};
  for (const [k, x] of Object.entries(v)) {
    if (!(EQUIPMENT_KINDS as readonly string[]).includes(k))
      return {
        ok: false,
        path: `${path}.${k}`,
        expected: { 'zh-CN': '一种设备类型', en: 'a kind of equipment' },
      };
    const r = rate(x, `${path}.${k}`);
    if (!r.ok) return r;
    out[k as EquipmentKind] = r.value;
  }
  return { ok: true, value: out };
};

/** The shape of every fee command, checked field by field; the types below follow from it. */
export const FEE_COMMAND_SHAPES = {
  SetTariff: object({
    type: oneOf(['SetTariff']),
    ...base,
    roomId: id(),
    effectiveFrom: instant(),
    baseFenPerHour: rate,
    energyFenPerHour: rate,
    wearFenPerHour: optional(wearRates),
    cleaningFenPerBooking: rate,
  }),
  RequestWaiver: object({
    type: oneOf(['RequestWaiver']),
    ...base,
    waiverId: id(),
    roomId: id(),
    bookingId: id(),
    department: text(100),
    reason: text(),
  }),
  GrantWaiver: object({
    type: oneOf(['GrantWaiver']),
    ...base,
    waiverId: id(),
    /** Absent: the whole charge. */
    amountFen: optional(int(1, MAX_FEN)),
  }),
  RefuseWaiver: object({
    type: oneOf(['RefuseWaiver']),
    ...base,
    waiverId: id(),
    reason: text(),
  }),
  RecordExpense: object({
    type: oneOf(['RecordExpense']),
    ...base,
    expenseId: id(),
    amountFen: int(1, MAX_FEN),
    category: oneOf(EXPENSE_CATEGORIES),
    note: text(),
    /** Absent: spent now. */
    spentAt: optional(instant()),
    roomId: optional(id()),
  }),
} as const;

/** The command a shape of {@link FEE_COMMAND_SHAPES} checks. */
export type FeeCommandOf<K extends keyof typeof FEE_COMMAND_SHAPES> = Checked<
  (typeof FEE_COMMAND_SHAPES)[K]
>;

/** Set a room's tariff from a moment on, never in the past: room admin only. */
export type SetTariff = FeeCommandOf<'SetTariff'>;
/** Ask, for the department that pays, to waive a booking's final charge, with a reason. */
export type RequestWaiver = FeeCommandOf<'RequestWaiver'>;
/** Grant a waiver in full, or in part up to its charge: room admin only. */
export type GrantWaiver = FeeCommandOf<'GrantWaiver'>;
/** Refuse a waiver, with a reason: room admin only. */
export type RefuseWaiver = FeeCommandOf<'RefuseWaiver'>;
/** Record an expense for the public statement: room admin only. */
export type RecordExpense = FeeCommandOf<'RecordExpense'>;

/** Every command of the fees context. */
export type FeeCommand = SetTariff | RequestWaiver | GrantWaiver | RefuseWaiver | RecordExpense;

/** The command types, for checking input. */
export const FEE_COMMAND_TYPES = Object.keys(FEE_COMMAND_SHAPES) as FeeCommand['type'][];
