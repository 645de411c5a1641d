import {
  DAY,
  type EventStore,
  type Instant,
  type RoomState,
  type RoomUpkeep,
  type StoredEvent,
} from '@huiyi/core';
import type { KioskEvent } from './kiosk-events.js';
import { foldKioskEvents, type KioskState } from './kiosk-state.js';

/**
 * The kiosk's saved states (K-3: a restart does not replay the whole log). Two snapshots of the
 * {@link KioskState}, kept in the store's `projections`:
 * - `kiosk-screen`: what the door can still show, the bookings and meetings ending no earlier than
 *   {@link SCREEN_KEEP} before the latest event, with every room, person and signed agreement. Its
 *   size is bounded by what lies ahead, so today's screen opens as fast after a year as after a day.
 * - `kiosk-state`: the whole state, what the deciders need; read after the screen is up.
 *
 * Bump {@link SNAPSHOT_VERSION} whenever a fold of the core or of the kiosk changes, or the
 * encoding here: a snapshot of another version is dropped and the state folded again from the log.
 */
export const SNAPSHOT_VERSION = 5;

/** The names of the two snapshots in the store. */
export const SNAPSHOTS = { screen: 'kiosk-screen', full: 'kiosk-state' } as const;

/** How far behind the latest event a booking or meeting stays on the screen's snapshot. */
export const SCREEN_KEEP = 2 * DAY;

/** A state as saved, with the latest `now` of the events folded into it. */
export interface KioskSnapshot {
  readonly state: KioskState;
  /** The latest `now` among the events folded (0: none). */
  readonly now: Instant;
}

function pruneRoom(room: RoomState, horizon: Instant): RoomState {
  const bookings = new Map([...room.bookings].filter(([, b]) => b.end >= horizon));
  if (bookings.size === room.bookings.size) return room;
  const { starts, ends, ids, overlaps } = room.index;
  const keep = (_: unknown, i: number): boolean => (ends[i] as number) >= horizon;
  const overlapping = overlaps?.filter((e) => bookings.has(e.id));
  const conflicts = room.conflicts?.filter((c) => bookings.has(c.bookingId));
  return {
    room: room.room,
    faulty: room.faulty,
    noShowRuns: room.noShowRuns,
    bookings,
    index: {
      starts: starts.filter(keep),
      ends: ends.filter(keep),
      ids: ids.filter(keep),
      ...(overlapping?.length ? { overlaps: overlapping } : {}),
    },
    ...(conflicts?.length ? { conflicts } : {}),
  };
}

/** A room's upkeep cut to the bookings the screen keeps: their checklists, power-offs and warnings. */
function pruneUpkeep(u: RoomUpkeep, kept: ReadonlyMap<string, unknown>): RoomUpkeep {
  return {
    ...u,
    checklists: new Map([...u.checklists].filter(([id]) => kept.has(id))),
    powerOffs: new Map([...u.powerOffs].filter(([id]) => kept.has(id))),
    warned: new Set([...u.warned].filter((key) => kept.has(key.slice(0, key.indexOf('|'))))),
  };
}

/**
 * The state cut to what the door can still show: bookings and meetings that ended more than
 * {@link SCREEN_KEEP} before `now` are left out, and so is the upkeep of those bookings; rooms,
 * their faults, people and agreements are all kept.
 *
 * @param state - the state
 * @param now - the latest `now` of the log
 * @returns the cut state
 */
export function screenOf(state: KioskState, now: Instant): KioskState {
  const horizon = now - SCREEN_KEEP;
  const rooms = new Map<string, RoomState>();
  for (const [id, room] of state.bookings.rooms) rooms.set(id, pruneRoom(room, horizon));
  const upkeep = new Map<string, RoomUpkeep>();
  for (const [id, u] of state.upkeep)
    upkeep.set(id, pruneUpkeep(u, rooms.get(id)?.bookings ?? new Map()));
  const meetings = new Map(
    [...state.meetings.meetings].filter(([, m]) => !m.booking || m.booking.end >= horizon),
  );
  return {
    bookings: { rooms },
    upkeep,
    meetings: { ...state.meetings, meetings },
    directory: state.directory,
  };
}

/**
 * A snapshot as saved: JSON text, as the store's contract asks (a string is JSON), each Map of the
 * state written as `{"$map": [[key, value], …]}` and each Set as `{"$set": [value, …]}`. The state
 * holds no other kind of object: its records are plain, their fields strings, numbers, booleans,
 * arrays and these.
 */
export type Saved = string;

/** For `JSON.stringify`: a Map or Set as a tagged list. */
const tagged = (_key: string, value: unknown): unknown =>
  value instanceof Map ? { $map: [...value] } : value instanceof Set ? { $set: [...value] } : value;

/** For `JSON.parse`: a tagged list back to its Map or Set. */
const untagged = (_key: string, value: unknown): unknown => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const { $map, $set } = value as { $map?: unknown; $set?: unknown };
  if (Array.isArray($map)) return new Map($map as [unknown, unknown][]);
  if (Array.isArray($set)) return new Set($set);
  return value;
};

/**
 * The saved form of a snapshot ({@link Saved}).
 *
 * @param snapshot - the state and its latest `now`
 * @returns what to save
 */
export function encodeSnapshot(snapshot: KioskSnapshot): Saved {
  return JSON.stringify(snapshot, tagged);
}

const isMap = (m: unknown): boolean => m instanceof Map;

/**
 * Reads back what {@link encodeSnapshot} saved; anything else gives `undefined` (and the state is
 * folded again from the log). It checks the containers, not every booking: a snapshot is the
 * kiosk's own cache, written by the same version of the code ({@link SNAPSHOT_VERSION}).
 *
 * @param saved - the saved form
 * @returns the snapshot, or `undefined`
 */
export function decodeSnapshot(saved: unknown): KioskSnapshot | undefined {
  if (typeof saved !== 'string') return undefined;
  try {
    const s = JSON.parse(saved, untagged) as Partial<KioskSnapshot> | null;
    const st = s?.state;
    return typeof s?.now === 'number' &&
      [
        st?.bookings?.rooms,
        st?.upkeep,
        st?.meetings?.meetings,
        st?.meetings?.agreements,
        st?.directory?.people,
      ].every(isMap) &&
      [...(st?.bookings.rooms.values() ?? [])].every((r) => isMap(r.bookings))
      ? (s as KioskSnapshot)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The log folded up to a position: the state, the position, its latest `now`, how many events. */
export interface Folded {
  readonly state: KioskState;
  readonly position: number;
  readonly now: Instant;
  readonly count: number;
}

const PAGE = 5_000;

/**
 * Folds the log after a position into a state, a page at a time.
 *
 * @param store - the log
 * @param from - the state, its position and latest `now` to go on from
 * @returns the state as the log leaves it, and how many events were folded
 */
export async function foldLog(
  store: EventStore<KioskEvent>,
  from: Omit<Folded, 'count'>,
): Promise<Folded> {
  let { state, position, now } = from;
  let count = 0;
  for (;;) {
    const page = await store.readAfter(position, PAGE);
    if (page.length === 0) break;
    state = foldKioskEvents(
      state,
      page.map((e) => e.data),
    );
    for (const e of page) if (e.now > now) now = e.now;
    position = (page[page.length - 1] as StoredEvent<KioskEvent>).position;
    count += page.length;
    if (page.length < PAGE) break;
  }
  return { state, position, now, count };
}

/**
 * A saved snapshot if it is usable (this version, decodes, not ahead of the log), with the
 * position of the log's last event (read at the same time).
 *
 * @param store - the log
 * @param name - the snapshot's name ({@link SNAPSHOTS})
 * @returns the snapshot, if usable, and the log's last position
 */
export async function loadSnapshot(
  store: EventStore<KioskEvent>,
  name: string,
): Promise<{ readonly snapshot?: Omit<Folded, 'count'>; readonly last: number }> {
  const [saved, last] = await Promise.all([
    store.loadProjection(name).catch(() => undefined),
    store.lastPosition(),
  ]);
  if (!saved || saved.version !== SNAPSHOT_VERSION || saved.position > last) return { last };
  const decoded = decodeSnapshot(saved.state);
  return decoded ? { last, snapshot: { ...decoded, position: saved.position } } : { last };
}

/** Snapshots are saved this long after a write (the writes of a busy minute share one save). */
const SAVE_DELAY_MS = 1_000;
/** The whole state's snapshot is saved again once this many events were folded since the last. */
const SAVE_FULL_EVERY = 100;

const idle = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(() => resolve(), { timeout: 10_000 });
    } else setTimeout(resolve, 0);
  });

/**
 * Where the kiosk keeps a copy of the screen's snapshot that reads synchronously (K-3: a restart
 * draws today's screen without waiting for IndexedDB to open). The kiosk uses `localStorage`
 * ({@link storageCopy}); tests keep it in memory.
 */
export interface ScreenCopy {
  /** The copy's text (`null`: none). */
  read(): string | null;
  /** Keeps a new copy; throws when it does not fit. */
  write(text: string): void;
  /** Drops the copy. */
  clear(): void;
}

/**
 * A screen copy kept in a `Storage` (the page's `localStorage`) under a key.
 *
 * @param storage - where
 * @param key - under which key (one per database)
 * @returns the copy
 */
export function storageCopy(storage: Storage, key: string): ScreenCopy {
  return {
    read: () => storage.getItem(key),
    write: (text) => storage.setItem(key, text),
    clear: () => storage.removeItem(key),
  };
}

/**
 * Reads the screen's copy: the state the door showed last, with its position and latest `now`.
 * It is a first frame only: the service replaces it with the screen's snapshot in the log (and the
 * events after it) as soon as the log is open, and no command is ever decided against it. A copy
 * that is missing, of another {@link SNAPSHOT_VERSION}, or that does not read back gives
 * `undefined` (the screen then waits for the log).
 *
 * @param copy - where the copy is
 * @returns the copied state, or `undefined`
 */
export function readScreenCopy(copy: ScreenCopy): Omit<Folded, 'count'> | undefined {
  let saved: { version?: unknown; position?: unknown; state?: unknown };
  try {
    const text = copy.read();
    if (text === null) return undefined;
    saved = JSON.parse(text) as typeof saved;
  } catch {
    return undefined;
  }
  const { version, position } = saved ?? {};
  if (version !== SNAPSHOT_VERSION || !Number.isSafeInteger(position) || (position as number) < 1)
    return undefined;
  const decoded = decodeSnapshot(saved.state);
  return decoded && { ...decoded, position: position as number };
}

/**
 * Keeps a copy of a saved screen snapshot; a copy that does not fit (storage full) is dropped, so
 * an older one is never read as the latest.
 *
 * @param copy - where
 * @param position - the position of the snapshot's last event
 * @param state - the snapshot as saved ({@link encodeSnapshot})
 * @returns whether the copy was written
 */
export function writeScreenCopy(copy: ScreenCopy, position: number, state: Saved): boolean {
  try {
    copy.write(JSON.stringify({ version: SNAPSHOT_VERSION, position, state }));
    return true;
  } catch {
    try {
      copy.clear();
    } catch {
      // Nothing more to do: without a copy the screen waits for the log.
    }
    return false;
  }
}

/** What a keeper saves: the service's state now. */
export interface Current {
  readonly state: KioskState;
  readonly position: number;
  readonly now: Instant;
  /** Whether `state` is the whole state (not only the screen's). */
  readonly whole: boolean;
}

/**
 * Saves a service's snapshots a little after its writes, off the path of a tap: the screen's
 * each time (and its copy, once it is in the log), the whole state's (large: encoded when the page
 * is idle) every {@link SAVE_FULL_EVERY} events. A failed save is only a cache missed.
 */
export class SnapshotKeeper {
  readonly #store: PromiseLike<EventStore<KioskEvent>>;
  readonly #current: () => Current;
  readonly #copy: ScreenCopy | undefined;
  /** The position the copy was last written at (-1: not by this keeper). */
  #copiedAt = -1;
  #unsavedFull = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param store - the log (once open)
   * @param current - the service's state now
   * @param copy - where to keep the screen's copy, if anywhere
   */
  constructor(
    store: PromiseLike<EventStore<KioskEvent>>,
    current: () => Current,
    copy?: ScreenCopy,
  ) {
    this.#store = store;
    this.#current = current;
    this.#copy = copy;
  }

  /** Notes that the whole state has no snapshot yet: the next save writes it. */
  missing(): void {
    this.#unsavedFull = Infinity;
  }

  /**
   * Notes events folded since the last save (`Infinity`: the whole state has no snapshot).
   *
   * @param events - how many
   */
  folded(events: number): void {
    this.#unsavedFull += events;
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#save();
    }, SAVE_DELAY_MS);
  }

  /**
   * Notes that the screen's copy already holds the state at a position (the one the service
   * opened on), so closing the page does not write it again.
   *
   * @param position - the copy's position (-1: the copy is not of this log)
   */
  copyIsAt(position: number): void {
    this.#copiedAt = position;
  }

  /**
   * Writes the screen's copy of the state now, at once, if it has moved since the copy was last
   * written (the kiosk calls it when the page is hidden or closed, so a reload never starts on an
   * older copy). The state is only ever what the log holds: never ahead of it.
   */
  copyNow(): void {
    if (!this.#copy) return;
    const { state, position, now } = this.#current();
    if (position === this.#copiedAt || position === 0) return;
    this.#writeCopy(position, encodeSnapshot({ state: screenOf(state, now), now }));
  }

  /** Writes the screen's copy (a copy that did not fit is no longer this keeper's). */
  #writeCopy(position: number, screen: Saved): void {
    if (this.#copy) this.#copiedAt = writeScreenCopy(this.#copy, position, screen) ? position : -1;
  }

  async #save(): Promise<void> {
    try {
      const store = await this.#store;
      const { state, position, now } = this.#current();
      const screen = encodeSnapshot({ state: screenOf(state, now), now });
      await store.saveProjection(SNAPSHOTS.screen, SNAPSHOT_VERSION, position, screen);
      if (position !== this.#copiedAt) this.#writeCopy(position, screen);
      if (!this.#current().whole || this.#unsavedFull < SAVE_FULL_EVERY) return;
      await idle();
      const whole = this.#current();
      this.#unsavedFull = 0;
      await store.saveProjection(
        SNAPSHOTS.full,
        SNAPSHOT_VERSION,
        whole.position,
        encodeSnapshot({ state: whole.state, now: whole.now }),
      );
    } catch {
      // A snapshot is only a cache of the log: the next start folds what it lacks.
    }
  }
}
