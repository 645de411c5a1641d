import { isTimeZone } from '../time/zone.js';
import { ESCALATION_LEVELS, type EscalationLevel } from './parameters.js';
import { MAX_LIST_LENGTH, MAX_TEXT_LENGTH, type FieldSpec } from './parameter-schema.js';
import { isRecord, strayKey } from './records.js';

/** A checked value, boxed so that `undefined` can mean "invalid". */
export type Checked = { readonly value: unknown } | undefined;

const isIntIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

const isText = (v: unknown): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= MAX_TEXT_LENGTH;

function checkLengths(value: unknown, max: number): Checked {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LIST_LENGTH)
    return undefined;
  const out: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (!isIntIn(v, 1, max) || (i > 0 && v <= (out[i - 1] ?? 0))) return undefined;
    out.push(v);
  }
  return { value: Object.freeze(out) };
}

function checkLadder(value: unknown): Checked {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const out: { readonly level: EscalationLevel; readonly responseWorkingDays: number }[] = [];
  let rank = -1;
  for (const step of value as unknown[]) {
    if (!isRecord(step) || strayKey(step, ['level', 'responseWorkingDays']) !== undefined) {
      return undefined;
    }
    const { level, responseWorkingDays } = step;
    const next = ESCALATION_LEVELS.indexOf(level as EscalationLevel);
    if (next <= rank || !isIntIn(responseWorkingDays, 1, 60)) return undefined;
    rank = next;
    out.push(Object.freeze({ level: level as EscalationLevel, responseWorkingDays }));
  }
  return { value: Object.freeze(out) };
}

function checkHouseRules(value: unknown): Checked {
  if (!Array.isArray(value) || value.length > MAX_LIST_LENGTH) return undefined;
  const ids = new Set<string>();
  const out: unknown[] = [];
  for (const rule of value as unknown[]) {
    if (!isRecord(rule) || strayKey(rule, ['id', 'text']) !== undefined) return undefined;
    const { id, text } = rule;
    if (!isText(id) || ids.has(id) || !isRecord(text)) return undefined;
    if (strayKey(text, ['zh-CN', 'en']) !== undefined) return undefined;
    const zh = text['zh-CN'];
    const en = text.en;
    if (!isText(zh) || !isText(en)) return undefined;
    ids.add(id);
    out.push(Object.freeze({ id, text: Object.freeze({ 'zh-CN': zh, en }) }));
  }
  return { value: Object.freeze(out) };
}

/**
 * Checks one parameter against its spec and returns a fresh, frozen copy of it.
 *
 * @param spec - what the parameter may hold
 * @param value - anything
 * @returns `{ value }` when valid, otherwise undefined
 * @example
 * checkField({ kind: 'integer', min: 0, max: 120 }, 5) // => { value: 5 }
 * checkField({ kind: 'integer', min: 0, max: 120 }, -1) // => undefined
 */
export function checkField(spec: FieldSpec, value: unknown): Checked {
  switch (spec.kind) {
    case 'integer':
      return isIntIn(value, spec.min, spec.max) ? { value: value === 0 ? 0 : value } : undefined;
    case 'zone':
      return typeof value === 'string' && value.length <= 100 && isTimeZone(value)
        ? { value }
        : undefined;
    case 'choice':
      return typeof value === 'string' && spec.values.includes(value) ? { value } : undefined;
    case 'lengths':
      return checkLengths(value, spec.max);
    case 'ladder':
      return checkLadder(value);
    case 'house-rules':
      return checkHouseRules(value);
    default: {
      const unknown: never = spec;
      return unknown;
    }
  }
}
