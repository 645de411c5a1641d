/**
 * `@huiyi/hub`: the dealership's sync hub. Every door and dealer system pushes its commands here;
 * the hub decides each again by the rules of `@huiyi/core` against its own state on PostgreSQL
 * (PGlite embedded by default), and every client pulls what is new for it.
 *
 * @packageDocumentation
 */
export { openHub } from './hub.js';
export type { Hub, HubOptions, PushAllReply } from './hub.js';
export type {
  Committed,
  FeedEvent,
  FeedPage,
  Mutation,
  MutationOutcome,
  PullReply,
  PullRequest,
  PushReply,
  PushRequest,
} from './hub-types.js';
export { principalKey, SCOPES } from './principal.js';
export type { Principal, Scope } from './principal.js';
export { hubRejections } from './hub-rejection.js';
export type { HubRejection, HubRuleId } from './hub-rejection.js';
export { DEFAULT_CLOCK_POLICY, readClock, boundCommand } from './clock-skew.js';
export type { ClockPolicy, ClockReading } from './clock-skew.js';
export { encodeCursor, decodeCursor, FEED_START } from './cursor.js';
export type { FeedPoint } from './cursor.js';
export type { HubCommand, HubDecider, HubEvent } from './hub-decider.js';
export type { HubRules } from './hub-rules.js';
export type { BookingRow, ReadModelRows, RoomRow } from './read-model-rows.js';
export { bookingReadModelRows, redactBookingForDoor } from './booking-rows.js';
export { openDatabase } from './db/open-database.js';
export type { DatabaseOptions, OpenDatabase } from './db/open-database.js';
export { migrateToLatest } from './db/migrate.js';
export { MIGRATIONS } from './db/migrations/index.js';

/** The package's name. */
export const HUB_PACKAGE = '@huiyi/hub';
export {
  bookingsOfRoom,
  roomsFreeAt,
  meetingWithAttendance,
  openActionsOf,
} from './read-models.js';
export type { BookingView, RoomView, MeetingView, ActionView } from './read-models.js';
export { exportLog, restoreLog, RestoreError } from './export-log.js';
export type { LogHeader } from './export-log.js';
export { seedDemo } from './seed-demo.js';
export type { SeedResult } from './seed-demo.js';
export { dealershipHubDecider, dealershipHubRules } from './dealership-rules.js';
export type { ActionRow, MeetingRow } from './read-model-rows.js';
export * from './calendar/index.js';
