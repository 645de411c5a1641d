export { MINUTE, HOUR, DAY, isInstant, assertInstant } from './instant.js';
export type { Instant, Duration } from './instant.js';
export {
  interval,
  checkInterval,
  emptyIntervalRejection,
  duration,
  contains,
  covers,
  overlaps,
  intersection,
  span,
  subtract,
  widen,
  compareIntervals,
  union,
  gaps,
} from './interval.js';
export type { Interval } from './interval.js';
export {
  isLeapYear,
  daysInMonth,
  toEpochDay,
  fromEpochDay,
  weekdayOf,
  weekdayOfEpochDay,
  addDays,
  compareLocalDates,
  isLocalDate,
  isLocalTime,
  formatLocalDate,
  formatLocalTime,
  parseLocalDate,
  parseLocalTime,
} from './local-date.js';
export type { LocalDate, LocalTime, LocalDateTime, Weekday, EpochDay } from './local-date.js';
export {
  DEFAULT_ZONE,
  offsetAt,
  isTimeZone,
  toWall,
  localDateOf,
  resolveWall,
  toInstant,
  startOfLocalDay,
} from './zone.js';
export type { TimeZone, Disambiguation, WallResolution } from './zone.js';
export {
  createWorkingCalendar,
  isWorkingDay,
  workingDaysBetween,
  addWorkingDays,
  nextWorkingMoment,
  workingDeadline,
} from './working-calendar.js';
export type { WorkingCalendar, WorkingCalendarData } from './working-calendar.js';
export {
  MAX_INTERVAL,
  MAX_COUNT,
  hasOccurrences,
  occurrenceIndex,
  occurrencesBetween,
  nextOccurrence,
  iterateOccurrences,
  occurrences,
} from './recurrence.js';
export { checkRecurrenceRule, checkSeries } from './check-series.js';
export type {
  Nth,
  RuleEnd,
  WeeklyRule,
  MonthlyByDayRule,
  MonthlyByWeekdayRule,
  RecurrenceRule,
  MovedOccurrence,
  Series,
  Occurrence,
} from './recurrence.js';
export { formatRRule, parseRRule, formatSeries, parseSeries } from './rrule.js';
export type { RRuleContext } from './rrule.js';
