import { toWall, type Instant, type TimeZone } from '@huiyi/core';
import type { ICalDateTimeValue } from 'ical-generator';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * An instant as a zoned date-time that ical-generator writes as the wall time of `zone`, whatever
 * the machine's own zone. (Given a plain `Date` and a calendar zone, ical-generator writes the
 * machine's wall time under the TZID; given this, it asks the value itself for its wall time.)
 *
 * @param t - the instant
 * @param zone - the IANA zone to write it in
 * @returns a value for ical-generator's `start`, `end`, `recurrenceId`
 * @example
 * zoned(Date.UTC(2027, 2, 1, 1), 'Asia/Shanghai') // written as DTSTART;TZID=Asia/Shanghai:20270301T090000
 */
export function zoned(t: Instant, zone: TimeZone): ICalDateTimeValue {
  return zonedStub(t, zone);
}

function zonedStub(t: Instant, zone: TimeZone) {
  const w = toWall(t, zone);
  const date = { year: w.year, month: w.month, day: w.day };
  const dateText = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  const text = `${dateText}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  const plainDate = { ...date, toJSON: () => dateText, toString: () => dateText };
  const plain = {
    ...date,
    hour: w.hour,
    minute: w.minute,
    second: w.second,
    toJSON: () => text,
    toString: () => text,
    toPlainDate: () => plainDate,
    toZonedDateTime: (z: string) => zonedStub(t, z),
  };
  const instant = {
    epochMilliseconds: t,
    toJSON: () => new Date(t).toISOString(),
    toString: () => new Date(t).toISOString(),
    toZonedDateTimeISO: (z: string) => zonedStub(t, z),
  };
  return {
    ...plain,
    timeZoneId: zone,
    toInstant: () => instant,
    toPlainDateTime: () => plain,
    withTimeZone: (z: string) => zonedStub(t, z),
    toJSON: () => `${text}[${zone}]`,
    toString: () => `${text}[${zone}]`,
  };
}
