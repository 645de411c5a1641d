/**
 * `@huiyi/store-idb`: the kiosk's memory (K-3). The event log of `@huiyi/core` in IndexedDB
 * (append a batch atomically, read a stream, read after a position), projections folded from it
 * and saved so a restart does not replay everything, an outbox for the sync to come, typed faults,
 * persistent storage, and word of other tabs' appends.
 *
 * `openIdbEventStore` opens the log with the door's sync log (`store.sync`). A bundle that must not
 * hold the sync log's code until it syncs opens the log alone with `openIdbEventLog` (its
 * `syncMeta()` still says whether it has a hub) and gives it its sync log later with `withSyncLog`.
 *
 * @packageDocumentation
 */
export { openIdbEventLog, openIdbEventStore, withSyncLog } from './idb-event-store.js';
export type {
  IdbEventLog,
  IdbEventStore,
  IdbStoreOptions,
  FaultListener,
} from './idb-event-store.js';
export { openDatabase } from './open-database.js';
export { SCHEMA_VERSION, UPGRADES, upgradeSchema } from './schema.js';
export type {
  EnrolmentRecord,
  HuiyiDB,
  HuiyiDatabase,
  MutationRecord,
  OutboxRecord,
  ProjectionRecord,
  QuarantineRecord,
  RetiredRecord,
  SyncMetaRecord,
  SettingRecord,
  UpgradeStep,
  UpgradeTransaction,
} from './schema.js';
export type { MutationAnswer, Settlement, SyncApplied, SyncLog, SyncStep } from './sync-log.js';
export { toStoreError } from './to-store-error.js';
export { openAppendChannel } from './append-channel.js';
export type { AppendChannel, AppendListener, AppendNotice } from './append-channel.js';
export { requestPersistence } from './request-persistence.js';
export type { PersistableStorage, PersistenceResult } from './request-persistence.js';
export type { Projection } from './projection.js';
export { openProjection } from './projection-view.js';
export type { ProjectionView, ProjectionViewOptions, RebuildReason } from './projection-view.js';
export {
  bookingProjection,
  decodeBookingState,
  encodeBookingState,
  isStoredBookingEvent,
} from './booking-projection.js';
export type { EncodedBookingState, EncodedRoom } from './booking-projection.js';
export { todaysBookings } from './todays-bookings.js';
export { upcomingBookingsProjection, UPCOMING_KEEP } from './upcoming-bookings-projection.js';
export type { UpcomingBookings } from './upcoming-bookings-projection.js';
