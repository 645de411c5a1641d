import type { Instant } from '../time/instant.js';

/** Any event of a context (`RoomBooked`, `PolicyRevisionApproved` …): a plain object with a type. */
export interface DomainEvent {
  readonly type: string;
}

/**
 * What a command's events carry besides themselves (the envelope): a sortable id, the
 * stream, the `now` of the command, who did it and on which device.
 */
export interface EventMeta {
  /** Unique and sortable by time, e.g. from {@link eventIdFactory}. */
  readonly id: string;
  /** The stream the event belongs to: `room:A`, `meeting:m-17` … */
  readonly stream: string;
  /** The `now` of the command that decided the event (epoch ms). */
  readonly now: Instant;
  /** Who issued the command: a person's id. */
  readonly who: string;
  /** The device it was issued on: a kiosk's id, `web`, an integrator's system. */
  readonly device: string;
}

/**
 * An event ready to append: its envelope, its type, and the event itself as `data`.
 * `data` must be JSON-compatible (plain objects, arrays, strings, finite numbers, booleans, null).
 */
export interface NewEvent<E extends DomainEvent = DomainEvent> extends EventMeta {
  readonly type: E['type'];
  readonly data: E;
}

/** An event as the store holds it: the envelope plus the position the store gave it. */
export interface StoredEvent<E extends DomainEvent = DomainEvent> extends NewEvent<E> {
  /** Assigned by the store on append: greater than every position before it. Starts at 1. */
  readonly position: number;
}

/**
 * Wraps a decided event in its envelope, ready to append.
 *
 * @param data - the event
 * @param meta - its id, stream, `now`, who and device
 * @returns the event to append; its `type` is the event's own
 * @example
 * envelope({ type: 'BookingCheckedIn', roomId: 'A', bookingId: 'b1', at: 0 },
 *   { id: '01JD…', stream: 'room:A', now: 0, who: 'zhao', device: 'kiosk-A' })
 * // => { id: '01JD…', stream: 'room:A', type: 'BookingCheckedIn', data: { … }, now: 0, who: 'zhao', device: 'kiosk-A' }
 */
export function envelope<E extends DomainEvent>(data: E, meta: EventMeta): NewEvent<E> {
  return {
    id: meta.id,
    stream: meta.stream,
    type: data.type,
    data,
    now: meta.now,
    who: meta.who,
    device: meta.device,
  };
}
