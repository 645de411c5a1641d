import { bilingual as r } from '../rejection/bilingual.js';
import { type RuleId } from '../rejection/index.js';
import type { Instant } from '../time/instant.js';
import type { Interval } from '../time/interval.js';
import { formatLocalTime } from '../time/local-date.js';
import { toWall, type TimeZone } from '../time/zone.js';

/**
 * Writes an instant as the site's wall time for a message: `11-27 09:00`.
 *
 * @param t - the instant
 * @param zone - the site's zone
 * @returns month-day hour:minute on the wall
 * @example
 * wallText(Date.UTC(2026, 10, 27, 1), 'Asia/Shanghai') // => '11-27 09:00'
 */
export function wallText(t: Instant, zone: TimeZone): string {
  const w = toWall(t, zone);
  return `${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')} ${formatLocalTime({ hour: w.hour, minute: w.minute })}`;
}

const span = (i: Interval, zone: TimeZone): string =>
  `${wallText(i.start, zone)}–${wallText(i.end, zone).slice(6)}`;

/** The rejections of the rooms and bookings context, each naming its rule, in zh-CN and en. */
export const bookingRejections = {
  unknownRoom: (roomId: string) =>
    r('R-1', 'room.unknown', `没有编号为 ${roomId} 的会议室`, `there is no room ${roomId}`, {
      roomId,
    }),
  roomExists: (roomId: string) =>
    r('R-1', 'room.exists', `会议室 ${roomId} 已存在`, `room ${roomId} already exists`, { roomId }),
  adminOnly: (rule: RuleId, what: { 'zh-CN': string; en: string }) =>
    r(
      rule,
      'permission.room-admin',
      `只有行政部门（会议室管理员）可以${what['zh-CN']}`,
      `only the room admin may ${what.en}`,
    ),
  unknownEquipment: (roomId: string, equipmentId: string) =>
    r(
      'R-7',
      'equipment.unknown',
      `会议室 ${roomId} 没有设备 ${equipmentId}`,
      `room ${roomId} has no equipment ${equipmentId}`,
      {
        roomId,
        equipmentId,
      },
    ),
  unknownBooking: (bookingId: string) =>
    r('R-3', 'booking.unknown', `找不到预订 ${bookingId}`, `there is no booking ${bookingId}`, {
      bookingId,
    }),
  duplicateId: (bookingId: string) =>
    r(
      'R-2',
      'booking.duplicate-id',
      `预订编号 ${bookingId} 已被另一个预订使用`,
      `booking id ${bookingId} is already used by another booking`,
      {
        bookingId,
      },
    ),
  inPast: (start: Instant, zone: TimeZone) =>
    r(
      'R-2',
      'booking.in-past',
      `开始时间 ${wallText(start, zone)} 已经过去`,
      `the start, ${wallText(start, zone)}, is in the past`,
      { start },
    ),
  beyondHorizon: (days: number) =>
    r(
      'R-2',
      'booking.beyond-horizon',
      `只能预订 ${days} 天以内的会议室`,
      `rooms can be booked at most ${days} days ahead`,
      { horizonDays: days },
    ),
  tooShort: (min: number) =>
    r(
      'R-2',
      'booking.too-short',
      `预订时长不能少于 ${min} 分钟`,
      `a booking must last at least ${min} minutes`,
      { minLengthMinutes: min },
    ),
  tooLong: (max: number) =>
    r(
      'R-2',
      'booking.too-long',
      `预订时长不能超过 ${max} 分钟`,
      `a booking may last at most ${max} minutes`,
      { maxLengthMinutes: max },
    ),
  closed: (name: string, i: Interval, zone: TimeZone) =>
    r(
      'R-2',
      'booking.closed',
      `${name} 在 ${span(i, zone)} 不开放`,
      `${name} is not open for all of ${span(i, zone)}`,
      { interval: i },
    ),
  overCapacity: (name: string, headcount: number, capacity: number) =>
    r(
      'R-2',
      'booking.over-capacity',
      `${name} 最多容纳 ${capacity} 人，本次 ${headcount} 人`,
      `${name} holds ${capacity} people; ${headcount} asked for`,
      {
        headcount,
        capacity,
      },
    ),
  equipmentMissing: (name: string, kinds: readonly string[]) =>
    r(
      'R-2',
      'booking.equipment-missing',
      `${name} 没有所需设备：${kinds.join('、')}`,
      `${name} lacks the equipment needed: ${kinds.join(', ')}`,
      {
        missing: kinds,
      },
    ),
  equipmentFaulty: (name: string, kinds: readonly string[]) =>
    r(
      'R-2',
      'booking.equipment-faulty',
      `${name} 的设备故障待修：${kinds.join('、')}`,
      `${name} has faulty equipment awaiting repair: ${kinds.join(', ')}`,
      {
        faulty: kinds,
      },
    ),
  notConfidential: (name: string) =>
    r(
      'R-8',
      'booking.room-not-confidential',
      `${name} 不适合召开保密会议`,
      `${name} is not suitable for confidential meetings`,
    ),
  busy: (name: string, clash: Interval, zone: TimeZone, suggestions: Record<string, unknown>) =>
    r(
      'R-2',
      'booking.room-busy',
      `${name} 在 ${span(clash, zone)} 已被预订`,
      `${name} is booked ${span(clash, zone)}`,
      {
        conflict: clash,
        ...suggestions,
      },
    ),
  notOrganizer: () =>
    r(
      'R-3',
      'booking.not-organizer',
      '只有预订人或行政部门可以修改或取消此预订',
      'only the organizer or the room admin may change or cancel this booking',
    ),
  notPending: (bookingId: string) =>
    r(
      'R-2',
      'booking.not-pending',
      `预订 ${bookingId} 不在待审批状态`,
      `booking ${bookingId} is not waiting for approval`,
      { bookingId },
    ),
  notActive: (bookingId: string, status: string) =>
    r(
      'R-3',
      'booking.not-active',
      `预订 ${bookingId} 已${statusZh[status] ?? status}，不能再修改`,
      `booking ${bookingId} is ${status} and can no longer change`,
      {
        bookingId,
        status,
      },
    ),
  started: (bookingId: string) =>
    r(
      'R-3',
      'booking.started',
      `预订 ${bookingId} 已经开始，请使用“延长”或“提前结束”`,
      `booking ${bookingId} has started: extend it or end it early instead`,
      {
        bookingId,
      },
    ),
  checkInTooEarly: (opens: Instant, zone: TimeZone) =>
    r(
      'R-4',
      'check-in.too-early',
      `签到从 ${wallText(opens, zone)} 开始`,
      `check-in opens at ${wallText(opens, zone)}`,
      { opens },
    ),
  checkInTooLate: (closed: Instant, zone: TimeZone) =>
    r(
      'R-4',
      'check-in.too-late',
      `签到已于 ${wallText(closed, zone)} 截止，预订已释放`,
      `check-in closed at ${wallText(closed, zone)}; the booking was released`,
      {
        closed,
      },
    ),
  checkInPending: () =>
    r(
      'R-4',
      'check-in.pending',
      '预订尚未获批，不能签到',
      'the booking is not approved yet, so it cannot be checked in',
    ),
  walkUpNotAllowed: (name: string) =>
    r(
      'R-5',
      'walk-up.not-allowed',
      `${name} 不接受现场预订`,
      `${name} does not take walk-up bookings`,
    ),
  walkUpBadLength: (lengths: readonly number[]) =>
    r(
      'R-5',
      'walk-up.bad-length',
      `现场预订可选时长：${lengths.join('/')} 分钟`,
      `walk-up lengths are ${lengths.join(' / ')} minutes`,
      { lengths },
    ),
  walkUpBusy: (name: string, until: Instant, zone: TimeZone) =>
    r(
      'R-5',
      'walk-up.room-busy',
      `${name} 正在使用中，${wallText(until, zone)} 后空闲`,
      `${name} is in use; free from ${wallText(until, zone)}`,
      {
        freeFrom: until,
      },
    ),
  walkUpTooShort: (name: string, minutes: number, min: number) =>
    r(
      'R-5',
      'walk-up.too-short',
      `${name} 只空闲 ${minutes} 分钟，不足 ${min} 分钟`,
      `${name} is free for only ${minutes} minutes, less than ${min}`,
      {
        freeMinutes: minutes,
        minLengthMinutes: min,
      },
    ),
  notInProgress: (bookingId: string) =>
    r(
      'R-5',
      'booking.not-in-progress',
      `会议 ${bookingId} 不在进行中`,
      `meeting ${bookingId} is not in progress`,
      { bookingId },
    ),
  extendBadLength: (lengths: readonly number[]) =>
    r(
      'R-5',
      'extend.bad-length',
      `可延长：${lengths.join('/')} 分钟`,
      `a meeting can be extended by ${lengths.join(' / ')} minutes`,
      { lengths },
    ),
  extendStale: (end: Instant, zone: TimeZone) =>
    r(
      'R-5',
      'extend.stale',
      `会议结束时间已变为 ${wallText(end, zone)}，请刷新后再试`,
      `the meeting now ends at ${wallText(end, zone)}; look again and retry`,
      {
        end,
      },
    ),
} as const;

const statusZh: Record<string, string> = {
  ended: '结束',
  released: '因未签到而释放',
  cancelled: '取消',
  declined: '被拒绝',
  'checked-in': '签到',
};

/**
 * Every rejection of the rooms and bookings context, each with its literal code and the data that code carries: a
 * `switch` on `code` narrows `data`.
 */
export type BookingRejection = ReturnType<
  (typeof bookingRejections)[keyof typeof bookingRejections]
>;

/** The codes of {@link BookingRejection}. */
export type BookingRejectionCode = BookingRejection['code'];
