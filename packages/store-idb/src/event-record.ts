import type { DomainEvent, NewEvent, StoredEvent } from '@huiyi/core';

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

/** Per event added: its position, or `dup` for an id already in the log. */
export type Outcome = number | 'dup';

/**
 * Adds events to the log inside a transaction. An id already in the log (the unique `by-id`
 * index) is a no-op, not a failure: handled on its request, so the transaction goes on.
 *
 * @param log - the transaction's `events` store
 * @param events - the events, in order
 * @returns once the last request has completed (the transaction still active, to write what
 *   depends on the positions), each event's position or `dup`; rejects with the first other
 *   failure (the caller aborts the transaction)
 */
export function addAll(log: IDBObjectStore, events: readonly NewEvent[]): Promise<Outcome[]> {
  const out: Outcome[] = new Array(events.length);
  if (events.length === 0) return Promise.resolve(out);
  return new Promise((resolve, reject) => {
    let left = events.length;
    const done = (i: number, o: Outcome): void => {
      out[i] = o;
      if (--left === 0) resolve(out);
    };
    events.forEach((e, i) => {
      let request: IDBRequest<IDBValidKey>;
      try {
        request = log.add(recordOf(e));
      } catch (error) {
        reject(error);
        return;
      }
      request.onsuccess = () => done(i, request.result as number);
      request.onerror = (event) => {
        if (request.error?.name !== 'ConstraintError') return reject(request.error);
        event.preventDefault();
        event.stopPropagation();
        done(i, 'dup');
      };
    });
  });
}

/**
 * The events as written: each with its position, the duplicates left out.
 *
 * @param events - the events added
 * @param outcome - what {@link addAll} gave for them
 * @returns the stored events, in order
 */
export const written = <E extends DomainEvent>(
  events: readonly NewEvent<E>[],
  outcome: readonly Outcome[],
): StoredEvent<E>[] =>
  events.flatMap((e, i) => {
    const position = outcome[i];
    return typeof position === 'number' ? [{ ...recordOf(e), position } as StoredEvent<E>] : [];
  });
