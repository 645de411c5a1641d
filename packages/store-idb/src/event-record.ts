import type { NewEvent, StoredEvent } from '@huiyi/core';

/**
 * The record an event is written as in the `events` store: exactly the fields of the stored event,
 * with no stray property of the caller's object; IndexedDB gives it its position.
 *
 * @param e - the event to write
 * @returns its record
 */
export const recordOf = (e: NewEvent): Omit<StoredEvent, 'position'> => ({
  id: e.id,
  stream: e.stream,
  type: e.type,
  data: e.data,
  now: e.now,
  who: e.who,
  device: e.device,
});
