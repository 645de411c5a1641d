/**
 * The event log's contract: the envelope every event is stored in, sortable event
 * ids, the `EventStore` interface that the in-memory and IndexedDB stores implement, and the typed
 * errors of storage faults.
 *
 * @packageDocumentation
 */
export { envelope } from './stored-event.js';
export type { DomainEvent, EventMeta, NewEvent, StoredEvent } from './stored-event.js';
export { eventId, eventIdFactory, eventIdTime, isEventId } from './event-id.js';
export type { RandomSource } from './event-id.js';
export type { EventStore, AppendOptions, AppendResult, ProjectionSnapshot } from './event-store.js';
export { StoreError, STORE_ERROR_KINDS, isStoreError } from './store-error.js';
export type { StoreErrorKind } from './store-error.js';
export { checkNewEvent, checkStoredEvent, validateBatch, MAX_STREAM } from './check-new-event.js';
