import {
  createDoorDecider,
  envelope,
  eventIdFactory,
  fail,
  isStoreError,
  ok,
  reject,
  type DoorDecider,
  type EventStore,
  type NewEvent,
  type PolicyLookup,
  type Rejection,
  type Result,
  type StoredEvent,
} from '@huiyi/core';
import type { IdbEventStore, MutationRecord } from '@huiyi/store-idb';
import type { DoorRules } from '../sync/rebase.js';
import { kioskStreamOf, type KioskEvent } from './kiosk-events.js';
import { doorStateOf, emptyKioskState, foldKioskEvents, type KioskState } from './kiosk-state.js';
import {
  SNAPSHOTS,
  SnapshotKeeper,
  foldLog,
  type Folded,
  loadSnapshot,
  readScreenCopy,
  type ScreenCopy,
} from './kiosk-snapshots.js';
import { saveSettings, type KioskSettings, type SettingsStore } from './settings.js';
import type { DoorLock } from './door-lock.js';

/** Where a kiosk runs: its device id, its policy, its source of randomness for event ids. */
export interface KioskServiceOptions {
  /** This tablet's id (or its reading from the settings store), written into every event. */
  readonly device: string | PromiseLike<string>;
  readonly policy?: PolicyLookup;
  readonly random?: () => number;
  /**
   * The door syncs with a hub (S-5): each command is queued for the hub with the events of the
   * door's own decision, in one write, and the hub's decisions replace them when they come in.
   * The log must then be the IndexedDB store (it keeps the queue). It may be given as a promise
   * (read from the log itself): commands wait for it.
   */
  readonly synced?: boolean | PromiseLike<boolean>;
  /**
   * Settles once the log has its sync log, when that is attached after the log is opened (the
   * kiosk: by the sync client); a synced door's writes wait for it.
   */
  readonly syncLog?: PromiseLike<unknown>;
  /** Where the settings are kept (without one, {@link KioskService.keepSettings} keeps nothing). */
  readonly settings?: SettingsStore;
  /**
   * The door's one-writer lock (the kiosk: Web Locks). Without it this service is the writer.
   * While another tab of the door holds it, this one only follows the log and refuses taps.
   */
  readonly lock?: DoorLock;
}

/** Whether the log tells of other tabs' appends (the IndexedDB store does). */
interface AnnouncingLog {
  onExternalAppend(listener: (notice: { readonly retired?: boolean }) => void): () => void;
}
const announces = (log: unknown): log is AnnouncingLog =>
  typeof (log as Partial<AnnouncingLog>).onExternalAppend === 'function';

/** How the door's screen opens the kiosk ({@link KioskService.openForScreen}). */
export interface ScreenOpenOptions extends KioskServiceOptions {
  /**
   * The whole state is read once this settles (default: at once). The kiosk passes "the first
   * screen is drawn", so reading a year's state never holds up today's screen.
   */
  readonly restAfter?: Promise<unknown>;
  /**
   * Where a copy of the screen's snapshot is kept (the kiosk: `localStorage`). When it holds one,
   * the service opens on it at once, before the log is open, and the screen's snapshot in the log
   * replaces it as soon as the log is; the service keeps the copy after each save of that snapshot.
   */
  readonly copy?: ScreenCopy;
}

/** A decision the screen can show: the events written, or why nothing was. */
export type Outcome = Result<readonly KioskEvent[]>;

/**
 * The door as a pulled page's reconciliation sees it (the sync client's `applyPage`, S-5): its log
 * with the sync log, its state, and its rules; the commands it decides again are decided, and
 * their events enveloped, as a tap's are.
 */
export interface PageDoor extends DoorRules<KioskState, KioskEvent> {
  readonly log: IdbEventStore<KioskEvent>;
  /** The state the screen shows: the hub's events and the pending commands' on top. */
  readonly state: KioskState;
  /**
   * @param pending - the commands still waiting for the hub
   * @returns the state of the hub's events alone (read from the log once after a restart)
   */
  confirmed(pending: readonly MutationRecord[]): Promise<KioskState>;
  /** Envelopes for a command's events, as a dispatch writes them. */
  envelopes(events: readonly KioskEvent[], command: unknown): NewEvent<KioskEvent>[];
}

/** What a page's reconciliation wrote: the states it leaves, the events it wrote. */
export interface PageTaken {
  readonly state: KioskState;
  readonly confirmed: KioskState;
  readonly written: readonly StoredEvent[];
  /** How many events the saved states are now behind (`Infinity`: the log changed under them). */
  readonly folded: number;
}

/** How long a pulled page's news waits for the next page before the screen is told anyway. */
export const PAGE_TELL_MS = 250;

/**
 * The kiosk's one way to change anything (K-3): a tap becomes a command, the command is decided
 * against the current state, the events are appended to the log in one transaction, and only then
 * is the state moved on and the screen told. Commands are taken one at a time, in order, so two
 * quick taps never decide against the same state.
 */
export class KioskService {
  /** The log, once open. */
  readonly #log: Promise<EventStore<KioskEvent>>;
  readonly #device: Promise<string>;
  readonly #settings: SettingsStore | undefined;
  /** Whether this tab is the door's writer (K-3: one door, one writer). */
  #writer = true;
  /** Settles once the lock has first answered (at once without one). */
  #roleKnown: Promise<void> = Promise.resolve();
  readonly #nextId: (now: number) => string;
  readonly #door: DoorDecider;
  readonly #listeners = new Set<(state: KioskState) => void>();
  #state: KioskState;
  #queue: Promise<unknown> = Promise.resolve();
  /** The position of the last event in the state, and the latest `now` among its events. */
  #position = 0;
  #latest = 0;
  /** Settles once the state is whole (not only the screen's); `undefined`: not read yet. */
  #complete: Promise<void> | undefined;
  #whole = false;
  /** Saves the snapshots (for a service opened by openForScreen). */
  #keeper: SnapshotKeeper | undefined;
  #synced = false;
  readonly #syncedKnown: Promise<void>;
  readonly #syncLog: Promise<unknown>;
  /** The state of the hub's events alone, without the commands still pending (synced doors). */
  #confirmed: KioskState | undefined;
  readonly #queued = new Set<() => void>();
  /** A page's news for the listeners, held back while another page follows it. */
  #telling: ReturnType<typeof setTimeout> | undefined;

  private constructor(
    log: Promise<EventStore<KioskEvent>>,
    state: KioskState,
    options: KioskServiceOptions,
  ) {
    this.#log = log;
    this.#state = state;
    this.#device = Promise.resolve(options.device);
    this.#device.catch(() => undefined);
    this.#settings = options.settings;
    if (options.lock) {
      this.#writer = false;
      let known = (): void => undefined;
      this.#roleKnown = new Promise<void>((resolve) => (known = resolve));
      options.lock.claim((held) => {
        this.#writer = held;
        known();
        this.#notify();
      });
    }
    // Another tab's appends (a viewer follows the writer): folded in, in turn with our own.
    void log.then(
      (opened) => {
        if (announces(opened))
          opened.onExternalAppend((notice) => void this.#follow(notice.retired === true));
      },
      () => undefined,
    );
    this.#syncedKnown = Promise.resolve(options.synced).then(
      (synced) => void (this.#synced = synced === true),
      () => undefined,
    );
    this.#syncLog = Promise.resolve(options.syncLog).catch(() => undefined);
    this.#nextId = eventIdFactory(
      options.random ?? (() => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32),
    );
    // The door's decider: it books one meeting at a time and leaves series (and recurrence) out.
    this.#door = createDoorDecider(options.policy === undefined ? {} : { policy: options.policy });
  }

  /**
   * Opens the kiosk on a store: reads the whole log and folds it.
   *
   * @param store - the event log
   * @param options - device, policy, randomness
   * @returns the service, with the state as the log leaves it
   */
  static async open(
    store: EventStore<KioskEvent>,
    options: KioskServiceOptions,
  ): Promise<KioskService> {
    const folded = await foldLog(store, { state: emptyKioskState, position: 0, now: 0 });
    const service = new KioskService(Promise.resolve(store), folded.state, options);
    service.#position = folded.position;
    service.#latest = folded.now;
    service.#whole = true;
    service.#complete = Promise.resolve();
    return service;
  }

  /**
   * Opens the kiosk for the door's screen (K-3: a restart with a year in the log shows today's
   * screen at once). With a copy of the screen's snapshot in `options.copy`, the service opens on
   * it at once, without waiting for the log; the log, once open, gives the screen's state that
   * replaces it. That state is the screen's snapshot (the bookings and meetings of the last two
   * days and ahead, every room, person and agreement) and the events after it. The whole state,
   * what the deciders need, is read after `restAfter`, from its own snapshot and the events after
   * it; every command waits for it, so each is still decided against everything, never against a
   * copy. Without a usable snapshot (a new tablet, a new version of the code) the whole log is
   * folded, as by {@link open}. The service saves both snapshots, and the copy, after its writes.
   *
   * @param store - the event log, or its opening
   * @param options - device, policy, randomness, when to read the rest, the screen's copy
   * @returns the service, with the copy's state or the screen's state as the log leaves it
   */
  static async openForScreen(
    store: EventStore<KioskEvent> | PromiseLike<EventStore<KioskEvent>>,
    options: ScreenOpenOptions,
  ): Promise<KioskService> {
    const log = Promise.resolve(store);
    const copied = options.copy ? readScreenCopy(options.copy) : undefined;
    const service = new KioskService(log, copied?.state ?? emptyKioskState, options);
    service.#keeper = new SnapshotKeeper(
      log,
      () => ({
        state: service.#state,
        position: service.#position,
        now: service.#latest,
        whole: service.#whole,
      }),
      options.copy,
    );
    // Once the screen's state is read from the log: the copy kept (written again when it is
    // missing or behind the log), then the whole state, after `restAfter`.
    const rest = async (): Promise<void> => {
      const same = service.#position === copied?.position && service.#latest === copied.now;
      if (options.copy && service.#position > 0 && !same) {
        service.#keeper?.copyIsAt(-1);
        service.#keeper?.folded(0);
      }
      if (service.#whole) return;
      await options.restAfter;
      await service.#readWhole();
    };
    if (copied) {
      service.#position = copied.position;
      service.#latest = copied.now;
      service.#keeper.copyIsAt(copied.position);
      // The log's screen replaces the copy after the copy's first frame, not in its way.
      service.#complete = Promise.all([log, options.restAfter])
        .then(([opened]) => service.#readScreen(opened))
        .then(rest);
    } else {
      await service.#readScreen(await log);
      service.#complete = rest();
    }
    service.#complete.catch(() => undefined);
    return service;
  }

  /**
   * Writes the screen's copy now, if the state moved since it was last written (the kiosk calls
   * it when the page is hidden or closed). Without a copy (`options.copy`) it does nothing.
   */
  keepCopy(): void {
    this.#keeper?.copyNow();
  }

  /**
   * Reads the screen's state from the log: its snapshot and the events after it, or, without a
   * usable snapshot, the whole log (the state is then whole).
   */
  async #readScreen(store: EventStore<KioskEvent>): Promise<void> {
    const { snapshot, last } = await loadSnapshot(store, SNAPSHOTS.screen);
    const whole = !snapshot || last === 0;
    const from = snapshot ?? { state: emptyKioskState, position: 0, now: 0 };
    // A snapshot of the last event needs nothing more read.
    const folded =
      from.position < last || whole ? await foldLog(store, from) : { ...from, count: 0 };
    this.#whole = whole;
    this.#take(folded, folded.now);
    if (!whole) {
      if (folded.count > 0) this.#keeper?.folded(0);
    } else if (folded.count > 0) this.#keeper?.folded(Infinity);
    else this.#keeper?.missing();
  }

  /** Reads the whole state: its snapshot and the events after it, or the whole log. */
  async #readWhole(): Promise<void> {
    const store = await this.#log;
    const { snapshot } = await loadSnapshot(store, SNAPSHOTS.full);
    const from = snapshot ?? { state: emptyKioskState, position: 0, now: 0 };
    const folded = await foldLog(store, from);
    this.#whole = true;
    this.#take(folded);
    if (!snapshot || folded.count > 0) this.#keeper?.folded(snapshot ? folded.count : Infinity);
  }

  /**
   * Settles once the whole state is in memory (at once after {@link open}); commands wait for it.
   *
   * @returns when the state is whole; rejects (and is tried again next time) when the log fails
   */
  whenComplete(): Promise<void> {
    this.#complete ??= this.#readWhole();
    const complete = this.#complete;
    return complete.catch((error: unknown) => {
      if (this.#complete === complete) this.#complete = undefined;
      throw error;
    });
  }

  /** Takes a state folded from the log (the latest `now` never goes back), and tells the screen. */
  #take(folded: Folded, latest = Math.max(this.#latest, folded.now)): void {
    this.#state = folded.state;
    this.#position = folded.position;
    this.#latest = latest;
    this.#notify();
  }

  /** Tells the listeners (the screen) the state now. */
  #notify(): void {
    for (const listener of this.#listeners) listener(this.#state);
  }

  /** The position in the log of the last event in the state (0: the log is empty). */
  get position(): number {
    return this.#position;
  }

  /** The state as of the last confirmed write (or the last append of another tab, followed). */
  get state(): KioskState {
    return this.#state;
  }

  /**
   * Whether this tab decides and writes (K-3: one door, one writer). A second tab of the same
   * door is a viewer: it follows the writer's appends and refuses taps, until the writer closes.
   */
  get writer(): boolean {
    return this.#writer;
  }

  /**
   * Keeps the settings (room, language, PIN), in turn with the taps: resolves once they are in
   * the store, so the screen says "saved" only then.
   *
   * @param settings - the settings to keep
   * @returns the settings kept, or why nothing was (a store fault)
   */
  keepSettings(settings: KioskSettings): Promise<Result<KioskSettings>> {
    return this.#inTurn(async (): Promise<Result<KioskSettings>> => {
      try {
        if (this.#settings) await saveSettings(this.#settings, settings);
        return ok(settings);
      } catch (error) {
        return fail(storeRejection(error));
      }
    });
  }

  /** Runs `work` once everything queued before it is done (taps, pages, settings: one at a time). */
  #inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Folds in what other tabs appended since the state's position, in turn with our writes; after
   * another tab's sync retired events (the hub decided in their place), the log is read again.
   */
  #follow(refold = false): Promise<void> {
    return this.#inTurn(async () => {
      if (!this.#whole && this.#complete === undefined) return;
      await this.whenComplete();
      if (refold) {
        this.#confirmed = undefined;
        await this.#readWhole();
      } else await this.#catchUp(await this.#log);
    }).catch(() => undefined);
  }

  /** Reads and folds the events after the state's position: the state is then the log's. */
  async #catchUp(store: EventStore<KioskEvent>): Promise<void> {
    const folded = await foldLog(store, {
      state: this.#state,
      position: this.#position,
      now: this.#latest,
    });
    if (folded.count === 0) return;
    this.#keeper?.folded(folded.count);
    this.#take(folded);
  }

  /**
   * The log underneath, for export, once it is open.
   *
   * @returns the log; rejects when it could not be opened
   */
  log(): Promise<EventStore<KioskEvent>> {
    return this.#log;
  }

  /**
   * Calls back after every confirmed write.
   *
   * @param listener - told the new state
   * @returns a function that stops it
   */
  subscribe(listener: (state: KioskState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Decides one command and writes its events, with any attachments (a drawn signature), in one
   * append. Resolves once they are in the log: only then may the screen say it is done.
   *
   * @param command - the command (arbitrary JSON is fine: it is checked)
   * @param attach - events to write in the same batch when the command is accepted
   * @returns the events written, or the rejection (a store fault is a rejection too)
   */
  dispatch(command: unknown, attach: readonly KioskEvent[] = []): Promise<Outcome> {
    return this.#inTurn(() => this.#decideAndWrite([command], attach, false));
  }

  /**
   * Decides several commands in order against a working state and writes all their events in one
   * append, or nothing at all when any is refused: an import file is taken whole or not at all.
   *
   * @param commands - the commands
   * @param attach - events to write with them
   * @returns every event written, or the first rejection, with the command's position in `data.index`
   */
  dispatchAll(commands: readonly unknown[], attach: readonly KioskEvent[] = []): Promise<Outcome> {
    return this.#inTurn(() => this.#decideAndWrite(commands, attach, true));
  }

  async #decideAndWrite(
    commands: readonly unknown[],
    attach: readonly KioskEvent[],
    indexed: boolean,
  ): Promise<Outcome> {
    // Decided against the whole state, never only the screen's.
    const unread = await this.whenComplete().then(
      () => undefined,
      (error: unknown) => error ?? new Error('the log could not be read'),
    );
    if (unread !== undefined) return fail(storeRejection(unread));
    await this.#roleKnown;
    if (!this.#writer) return fail(viewerRejection());
    // Never decided against a stale state: what another tab may have written is read first.
    let device: string;
    try {
      await this.#catchUp(await this.#log);
      device = await this.#device;
    } catch (error) {
      return fail(storeRejection(error));
    }
    let working = this.#state;
    const events: KioskEvent[] = [];
    /** Each command with how many of `events` its decision made: the hub decides each again. */
    const queued: { command: unknown; decided: number }[] = [];
    for (const [index, command] of commands.entries()) {
      const decided = this.#decide(command, working);
      if (!decided.ok) {
        // A batch (an import file) says which command was refused, even a batch of one.
        return indexed
          ? fail({ ...decided.rejection, data: { ...decided.rejection.data, index } })
          : decided;
      }
      events.push(...decided.value);
      queued.push({ command, decided: decided.value.length });
      working = foldKioskEvents(working, decided.value);
    }
    if (events.length === 0) return ok([]);
    const all = [...events, ...attach];
    const batch = this.#envelopes(all, commands[0], device);
    let written;
    try {
      const log = await this.#log;
      await this.#syncedKnown;
      if (this.#synced) await this.#syncLog;
      written = this.#synced
        ? await syncLogOf(log).sync.appendCommands(batch, queued)
        : await log.append(batch);
    } catch (error) {
      return fail(storeRejection(error));
    }
    this.#moveTo(written.appended);
    this.#keeper?.folded(written.appended.length);
    this.#state = attach.length > 0 ? foldKioskEvents(working, attach) : working;
    this.#notify();
    if (this.#synced) for (const listener of this.#queued) listener();
    return ok(all);
  }

  /** Whether this door syncs with a hub. */
  get synced(): boolean {
    return this.#synced;
  }

  /**
   * Calls back after each command queued for the hub (the sync pushes it at once).
   *
   * @param listener - called with nothing
   * @returns a function that stops it
   */
  onQueued(listener: () => void): () => void {
    this.#queued.add(listener);
    return () => this.#queued.delete(listener);
  }

  /**
   * Takes one page of a pull (S-5): `take`, the sync client's reconciliation (its `applyPage`),
   * runs in turn with the taps, once the whole state is read, and only in the door's writer (a
   * second tab of the door only follows what the first writes). It reads the door and writes the
   * page; the state moves on, and the screen is told, only when something came in (`undefined`:
   * nothing did).
   *
   * @param more - whether another page follows this one
   * @param take - reads the door, writes the page, says what it wrote
   * @returns when it is written
   */
  takePage(more: boolean, take: (door: PageDoor) => Promise<PageTaken | undefined>): Promise<void> {
    return this.#inTurn(async () => {
      await this.whenComplete();
      await this.#roleKnown;
      if (!this.#writer) return;
      const device = await this.#device;
      const taken = await take({
        log: syncLogOf(await this.#log),
        state: this.#state,
        confirmed: async (pending) => this.#confirmed ?? this.#foldConfirmed(pending),
        decide: (command, state) => this.#decide(command, state),
        fold: foldKioskEvents,
        envelopes: (events, command) => this.#envelopes(events, command, device),
      });
      if (!taken) return this.#told(more);
      this.#state = taken.state;
      this.#confirmed = taken.confirmed;
      this.#moveTo(taken.written);
      this.#keeper?.folded(taken.folded);
      this.#tell(more);
    });
  }

  /**
   * Tells the listeners (the screen) that the state moved: at once after a pull's last page; after
   * a page another follows, only {@link PAGE_TELL_MS} later, unless the next page tells them first.
   * A catch-up of many pages draws its screen once, not once a page, each drawing in the way of
   * the next page's writing; a pull that stops after a page (the hub gone) still shows it.
   */
  #tell(more: boolean): void {
    clearTimeout(this.#telling);
    this.#telling = undefined;
    const tell = (): void => {
      this.#telling = undefined;
      this.#notify();
    };
    if (more) this.#telling = setTimeout(tell, PAGE_TELL_MS);
    else tell();
  }

  /** A page that brought nothing: the news held back for it is told now when it was the last. */
  #told(more: boolean): void {
    if (!more && this.#telling !== undefined) this.#tell(false);
  }

  /** Moves the state's position and latest `now` on past events just written. */
  #moveTo(written: readonly StoredEvent[]): void {
    for (const e of written) {
      if (e.position > this.#position) this.#position = e.position;
      if (e.now > this.#latest) this.#latest = e.now;
    }
  }

  /** The state of the log without the pending commands' events (read once, after a restart). */
  async #foldConfirmed(pending: readonly MutationRecord[]): Promise<KioskState> {
    const log = await this.#log;
    const skip = new Set(pending.flatMap((m) => m.positions));
    const first = Math.min(...skip);
    const { snapshot } = await loadSnapshot(log, SNAPSHOTS.full);
    const from =
      snapshot && snapshot.position < first ? snapshot : { state: emptyKioskState, position: 0 };
    const events = await log.readAfter(from.position);
    return foldKioskEvents(
      from.state,
      events.filter((e) => !skip.has(e.position)).map((e) => e.data),
    );
  }

  /** Envelopes for a command's events, as a dispatch writes them. */
  #envelopes(events: readonly KioskEvent[], command: unknown, device: string) {
    const c = command as { now?: number; actor?: { id?: string } } | undefined;
    const now = typeof c?.now === 'number' ? c.now : 0;
    const who = c?.actor?.id ?? 'unknown';
    return events.map((e) =>
      envelope(e, {
        id: this.#nextId(now),
        stream: kioskStreamOf(e),
        now,
        who,
        device,
      }),
    );
  }

  #decide(command: unknown, state: KioskState): Result<readonly KioskEvent[]> {
    const parsed = this.#door.parse(command);
    if (!parsed.ok) return parsed;
    return this.#door.decide(parsed.value, doorStateOf(state));
  }
}

/**
 * The log as a synced door needs it: the IndexedDB store, with its sync log.
 *
 * @param log - the service's log
 * @returns the same log, typed
 * @throws TypeError when the log keeps no sync log (`synced` on another store, or the sync client
 *   that attaches it did not load)
 */
function syncLogOf(log: EventStore<KioskEvent>): IdbEventStore<KioskEvent> {
  if (!(log as Partial<IdbEventStore<KioskEvent>>).sync)
    throw new TypeError('a synced door needs the IndexedDB store with its sync log');
  return log as IdbEventStore<KioskEvent>;
}

/**
 * Why a tap is refused in a second tab of the door: it only shows what the first one writes.
 *
 * @returns the rejection (K-3)
 */
export function viewerRejection(): Rejection {
  return reject('K-3', 'door.viewer', {
    'zh-CN': '本门牌已在另一个窗口中打开：此窗口只显示，不能操作',
    en: 'this door is open in another tab: this one only shows it',
  });
}

/**
 * A store fault as the screen shows it: nothing was written (or nothing could be read), and why
 * (K-3).
 *
 * @param error - what the store threw
 * @returns the rejection, with the store error's own message when it is one
 */
export function storeRejection(error: unknown): Rejection {
  if (isStoreError(error)) {
    return reject('K-3', `store.${error.kind}`, error.messages, { kind: error.kind });
  }
  return reject('K-3', 'store.failed', {
    'zh-CN': '保存失败，操作未生效，请重试',
    en: 'saving failed: nothing was changed; please try again',
  });
}
