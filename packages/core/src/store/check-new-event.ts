import { id, instant, int, object, type Check, type CheckResult } from '../input/check.js';
import type { DomainEvent, NewEvent, StoredEvent } from './stored-event.js';
import { StoreError } from './store-error.js';

/** The longest stream name accepted, in characters. */
export const MAX_STREAM = 200;

const stream: Check<string> = (v, path) =>
  typeof v === 'string' && /^[^\s]+$/u.test(v) && v.length <= MAX_STREAM
    ? { ok: true, value: v }
    : {
        ok: false,
        path,
        expected: {
          'zh-CN': `有效的流名称（1 到 ${MAX_STREAM} 个字符，不含空格）`,
          en: `a stream name (1 to ${MAX_STREAM} characters, no spaces)`,
        },
      };

const data: Check<DomainEvent> = (v, path) =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  typeof (v as { type?: unknown }).type === 'string'
    ? { ok: true, value: v as DomainEvent }
    : {
        ok: false,
        path,
        expected: { 'zh-CN': '带 type 字段的事件对象', en: 'an event object with a type' },
      };

const envelopeFields = {
  id: id(),
  stream,
  type: id(),
  data,
  now: instant(),
  who: id(),
  device: id(),
};
const newEventShape = object(envelopeFields);
const storedEventShape = object({ position: int(1, Number.MAX_SAFE_INTEGER), ...envelopeFields });

function sameType<T extends { type: string; data: DomainEvent }>(
  r: CheckResult<T>,
  path: string,
): CheckResult<T> {
  if (r.ok && r.value.data.type !== r.value.type) {
    return {
      ok: false,
      path: `${path}.data.type`,
      expected: { 'zh-CN': '与事件类型一致', en: "the same as the envelope's type" },
    };
  }
  return r;
}

/**
 * Checks an event to append, from anywhere: the envelope's fields, and `data` an object whose
 * `type` is the envelope's.
 *
 * @param value - anything
 * @param path - where it is, for the message (default `event`)
 * @returns the event (a fresh envelope; `data` itself is not copied) or where it is wrong
 * @example
 * checkNewEvent({ id: 'e1', stream: 'room:A', type: 'X', data: { type: 'X' }, now: 0, who: 'p', device: 'd' }).ok // => true
 */
export function checkNewEvent(value: unknown, path = 'event'): CheckResult<NewEvent> {
  return sameType(newEventShape(value, path), path);
}

/**
 * Checks a record read back from storage: an event with its position.
 *
 * @param value - the record as read
 * @param path - where it is, for the message (default `record`)
 * @returns the stored event or where it does not parse
 * @example
 * checkStoredEvent({ position: 0 }).ok // => false
 */
export function checkStoredEvent(value: unknown, path = 'record'): CheckResult<StoredEvent> {
  return sameType(storedEventShape(value, path), path);
}

/**
 * Checks a whole batch before anything of it is written (append is all or none).
 *
 * @param events - the batch
 * @returns the events, each checked
 * @throws StoreError of kind `invalid-event`, naming the first bad event's index and field
 * @example
 * validateBatch([]) // => []
 */
export function validateBatch(events: readonly unknown[]): NewEvent[] {
  if (!Array.isArray(events)) {
    throw new StoreError('invalid-event', { path: 'events', expected: 'a list of events' });
  }
  const out: NewEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const r = checkNewEvent(events[i], `events[${i}]`);
    if (!r.ok)
      throw new StoreError('invalid-event', { index: i, path: r.path, expected: r.expected.en });
    out.push(r.value);
  }
  return out;
}
