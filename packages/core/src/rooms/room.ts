import {
  bool,
  id,
  int,
  listOf,
  object,
  oneOf,
  optional,
  text,
  type Check,
  type CheckResult,
} from '../input/index.js';
import type { Instant } from '../time/instant.js';
import type { Interval } from '../time/interval.js';
import { parseLocalTime, type LocalTime, type Weekday } from '../time/local-date.js';
import { localDateOf, toInstant, type TimeZone } from '../time/zone.js';
import { weekdayOf } from '../time/local-date.js';

/** The kinds of equipment a room may have. */
export const EQUIPMENT_KINDS = [
  'projector',
  'audio',
  'microphone',
  'screen',
  'video-conferencing',
  'whiteboard',
] as const;

/** A kind of equipment. */
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];

/** One piece of equipment in a room. */
export interface EquipmentItem {
  readonly id: string;
  readonly kind: EquipmentKind;
  readonly label?: string;
}

/** When a room is open: on these weekdays, from `open` to `close` (`HH:MM`, wall clock). */
export interface OpeningSpan {
  readonly weekdays: readonly Weekday[];
  readonly open: string;
  readonly close: string;
}

/** A meeting room. */
export interface Room {
  readonly id: string;
  readonly name: string;
  /** Where it is, if said. */
  readonly location?: string;
  readonly capacity: number;
  readonly equipment: readonly EquipmentItem[];
  readonly openingHours: readonly OpeningSpan[];
  /** Suitable for confidential meetings. */
  readonly confidential: boolean;
  /** Bookings wait for the room admin's approval. */
  readonly needsApproval: boolean;
  /** Walk-up bookings at the door are allowed. */
  readonly walkUp: boolean;
}

const time: Check<string> = (v, path) => {
  const r = parseLocalTime(v);
  return r.ok
    ? { ok: true, value: v as string }
    : { ok: false, path, expected: { 'zh-CN': 'HH:MM 格式的时间', en: 'a time as HH:MM' } };
};

const spanCheck = object({
  weekdays: listOf(oneOf([1, 2, 3, 4, 5, 6, 7] as const), { min: 1, max: 7, unique: true }),
  open: time,
  close: time,
});

const roomShape = object({
  id: id(),
  name: text(100),
  location: optional(text(200)),
  capacity: int(1, 1000),
  equipment: optional(
    listOf(object({ id: id(), kind: oneOf(EQUIPMENT_KINDS), label: optional(text(100)) }), {
      max: 100,
    }),
  ),
  openingHours: listOf(spanCheck, { min: 1, max: 14 }),
  confidential: optional(bool()),
  needsApproval: optional(bool()),
  walkUp: optional(bool()),
});

const minutesOf = (t: string): number => {
  const r = parseLocalTime(t);
  return r.ok ? r.value.hour * 60 + r.value.minute : NaN;
};

/**
 * Checks a room from outside: arbitrary JSON gives a typed room or says what is wrong.
 *
 * @param value - anything
 * @param path - where it sits, for the message (default `room`)
 * @returns the room (with defaults: no equipment, no flags), or where and what was expected
 * @example
 * checkRoom({ id: 'A', name: '一号会议室', capacity: 8, openingHours: [{ weekdays: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' }] }).ok // => true
 */
export function checkRoom(value: unknown, path = 'room'): CheckResult<Room> {
  const r = roomShape(value, path);
  if (!r.ok) return r;
  const v = r.value;
  const equipment = v.equipment ?? [];
  const ids = new Set(equipment.map((e) => e.id));
  if (ids.size !== equipment.length) {
    return {
      ok: false,
      path: `${path}.equipment`,
      expected: { 'zh-CN': '设备编号互不相同', en: 'distinct equipment ids' },
    };
  }
  const badSpan = v.openingHours.findIndex((s) => minutesOf(s.open) >= minutesOf(s.close));
  if (badSpan >= 0) {
    return {
      ok: false,
      path: `${path}.openingHours[${badSpan}]`,
      expected: { 'zh-CN': '关门时间晚于开门时间', en: 'a closing time after the opening time' },
    };
  }
  return {
    ok: true,
    value: {
      id: v.id,
      name: v.name,
      ...(v.location === undefined ? {} : { location: v.location }),
      capacity: v.capacity,
      equipment: equipment.map((e) =>
        e.label === undefined
          ? { id: e.id, kind: e.kind }
          : { id: e.id, kind: e.kind, label: e.label },
      ),
      openingHours: v.openingHours,
      confidential: v.confidential ?? false,
      needsApproval: v.needsApproval ?? false,
      walkUp: v.walkUp ?? false,
    },
  };
}

const atTime = (
  date: { year: number; month: number; day: number },
  t: LocalTime,
  zone: TimeZone,
): Instant =>
  toInstant(
    { year: date.year, month: date.month, day: date.day, hour: t.hour, minute: t.minute },
    zone,
  );

/**
 * The opening span of the room on the local date of an instant, as instants.
 *
 * @param room - the room
 * @param t - any instant of that day
 * @param zone - the site's zone
 * @returns the spans open that day, in order
 * @example
 * openSpansOn(room, t, 'Asia/Shanghai') // => [{ start: 08:00, end: 20:00 }] on a weekday
 */
export function openSpansOn(room: Room, t: Instant, zone: TimeZone): Interval[] {
  const date = localDateOf(t, zone);
  const wd = weekdayOf(date);
  const out: Interval[] = [];
  for (const s of room.openingHours) {
    if (!s.weekdays.includes(wd)) continue;
    const open = parseLocalTime(s.open);
    const close = parseLocalTime(s.close);
    if (!open.ok || !close.ok) continue;
    out.push({ start: atTime(date, open.value, zone), end: atTime(date, close.value, zone) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Whether an interval lies inside one opening span of the room.
 *
 * @param room - the room
 * @param request - the interval
 * @param zone - the site's zone
 * @returns true when the room is open for all of it
 * @example
 * withinOpeningHours(room, { start: 09:00, end: 10:00 }, 'Asia/Shanghai') // => true on an open weekday
 */
export function withinOpeningHours(room: Room, request: Interval, zone: TimeZone): boolean {
  return openSpansOn(room, request.start, zone).some(
    (s) => s.start <= request.start && request.end <= s.end,
  );
}

/**
 * When the room closes after an instant on that day, if it is open then.
 *
 * @param room - the room
 * @param t - the instant
 * @param zone - the site's zone
 * @returns the end of the opening span holding `t`, or `undefined` when closed
 * @example
 * closingAfter(room, today10h, 'Asia/Shanghai') // => today 20:00
 */
export function closingAfter(room: Room, t: Instant, zone: TimeZone): Instant | undefined {
  return openSpansOn(room, t, zone).find((s) => s.start <= t && t < s.end)?.end;
}
