/**
 * Calendars (C-1 – C-4): the hub's iCalendar feeds per room, person and department, invitations
 * and answers as files, and imports from other calendars. Written with ical-generator and read with
 * ical.js; every time in the site's zone with its `VTIMEZONE`.
 *
 * @packageDocumentation
 */
export type {
  ActionEntry,
  BookingEntry,
  CalendarEntry,
  EntryAttendee,
  EntryBase,
  EntryStatus,
  MeetingEntry,
} from './calendar-entry.js';
export { EMPTY_CALENDAR, calendarKeysOf, foldCalendar } from './calendar-state.js';
export type { CalendarSourceEvent, CalendarState, PersonName, RoomName } from './calendar-state.js';
export { FEED_LABELS, LANGUAGES } from './labels.js';
export type { FeedLabels, Language } from './labels.js';
export { keyOfUid, personAddress, personOfAddress, uidOf } from './addresses.js';
export {
  FEED_DEFAULTS,
  calendarText,
  veventText,
  yearsOf,
  entryView,
  eventData,
  feedItems,
  feedTitle,
  feedWindow,
  renderFeed,
  wallText,
} from './feed.js';
export type {
  EntryView,
  EventContext,
  FeedItem,
  FeedOptions,
  FeedScope,
  FeedWindow,
} from './feed.js';
export { vtimezone } from './vtimezone.js';
export { zoned } from './zoned-time.js';
export { MAX_FILE_CHARS, MAX_FILE_EVENTS, instantOf, readIcs } from './ics-reader.js';
export type { IcsCalendar, IcsTime } from './ics-reader.js';
export { invitationFile, unknownMeeting } from './invitation.js';
export { answerFromFile, readReply } from './reply.js';
export type { CalendarReply, ReplyOptions } from './reply.js';
export { MAX_IMPORT_OCCURRENCES, importCalendar } from './import.js';
export type { ImportOptions, ImportReport, ImportedBooking, RefusedOccurrence } from './import.js';
export {
  applyToCalendar,
  calendarCursor,
  feedHead,
  issueFeedToken,
  meetingState,
  revokeFeedToken,
  scopeKey,
  scopeOfKey,
  serveFeed,
} from './calendar-store.js';
export type { CalendarSite, FeedHead, FeedTokenRow, IssuedToken } from './calendar-store.js';
export { catchUpCalendars, followHub } from './calendar-projector.js';
export type { CalendarFollower, CalendarSource, ProjectionOptions } from './calendar-projector.js';
export { calendarRoutes } from './calendar-routes.js';
export type { CalendarRoutesOptions } from './calendar-routes.js';
