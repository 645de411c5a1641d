import { isWorkingDay, toWall, type WorkingCalendar } from '@huiyi/core';

/**
 * The core's default working calendar (T-3: Monday to Friday, 09:00–18:00) in the site's zone,
 * written out rather than read through `createWorkingCalendar`, whose checks of outside data cost
 * the kiosk 0.9 KB; `night.test.ts` holds it equal to the core's.
 *
 * @param zone - the site's zone (the policy's)
 * @returns the calendar
 */
export const defaultCalendar = (zone: string): WorkingCalendar => ({
  zone,
  weekend: new Set([6, 7]),
  holidays: [],
  workdays: [],
  hours: { start: 9 * 60, end: 18 * 60 },
});

/**
 * Whether someone is at work at `t` by the working calendar (T-3): a working day (holidays and
 * make-up days included), inside its working hours.
 *
 * @param cal - the working calendar
 * @param t - the instant
 * @returns true in working hours
 * @example
 * atWork(defaultCalendar('Asia/Shanghai'), Date.parse('2026-03-10T10:02:00+08:00')) // => true
 */
export function atWork(cal: WorkingCalendar, t: number): boolean {
  const w = toWall(t, cal.zone);
  const minute = w.hour * 60 + w.minute;
  return isWorkingDay(cal, w) && minute >= cal.hours.start && minute < cal.hours.end;
}
