import {
  createBookingDecider,
  createMeetingDecider,
  directoryDecider,
  envelope,
  eventIdFactory,
  fail,
  isStoreError,
  ok,
  reject,
  type EventStore,
  type PolicyLookup,
  type Rejection,
  type Result,
  type StoredEvent,
} from '@huiyi/core';
import { contextOf, kioskStreamOf, type KioskEvent } from './kiosk-events.js';
import { emptyKioskState, foldKioskEvents, type KioskState } from './kiosk-state.js';

/** Where a kiosk runs: its device id, its policy, its source of randomness for event ids. */
export interface KioskServiceOptions {
  readonly device: string;
  readonly policy?: PolicyLookup;
  readonly random?: () => number;
}

/** A decision the screen can show: the events written, or why nothing was. */
export type Outcome = Result<readonly KioskEvent[]>;

const PAGE = 5_000;

/**
 * The kiosk's one way to change anything (K-3): a tap becomes a command, the command is decided
 * against the current state, the events are appended to the log in one transaction, and only then
 * is the state moved on and the screen told. Commands are taken one at a time, in order, so two
 * quick taps never decide against the same state.
 */
export class KioskService {
  readonly #store: EventStore<KioskEvent>;
  readonly #device: string;
  readonly #nextId: (now: number) => string;
  readonly #deciders;
  readonly #listeners = new Set<(state: KioskState) => void>();
  #state: KioskState;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    store: EventStore<KioskEvent>,
    state: KioskState,
    options: KioskServiceOptions,
  ) {
    this.#store = store;
    this.#state = state;
    this.#device = options.device;
    this.#nextId = eventIdFactory(
      options.random ?? (() => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32),
    );
    this.#deciders = {
      bookings: createBookingDecider(options.policy),
      meetings: createMeetingDecider(options.policy),
      directory: directoryDecider,
    };
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
    let state = emptyKioskState;
    let position = 0;
    for (;;) {
      const page = await store.readAfter(position, PAGE);
      if (page.length === 0) break;
      state = foldKioskEvents(
        page.map((e) => e.data),
        state,
      );
      position = (page[page.length - 1] as StoredEvent<KioskEvent>).position;
      if (page.length < PAGE) break;
    }
    return new KioskService(store, state, options);
  }

  /** The state as of the last confirmed write. */
  get state(): KioskState {
    return this.#state;
  }

  /** The log underneath, for export. */
  get store(): EventStore<KioskEvent> {
    return this.#store;
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
    return this.dispatchAll([command], attach);
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
    const run = this.#queue.then(() => this.#decideAndWrite(commands, attach));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #decideAndWrite(
    commands: readonly unknown[],
    attach: readonly KioskEvent[],
  ): Promise<Outcome> {
    let working = this.#state;
    const events: KioskEvent[] = [];
    for (const [index, command] of commands.entries()) {
      const decided = this.#decide(command, working);
      if (!decided.ok) {
        return commands.length === 1
          ? decided
          : fail({ ...decided.rejection, data: { ...decided.rejection.data, index } });
      }
      events.push(...decided.value);
      working = foldKioskEvents(decided.value, working);
    }
    if (events.length === 0) return ok([]);
    const all = [...events, ...attach];
    const command = commands[0] as { now?: number; actor?: { id?: string } };
    const now = typeof command.now === 'number' ? command.now : 0;
    const who = command.actor?.id ?? 'unknown';
    const batch = all.map((e) =>
      envelope(e, {
        id: this.#nextId(now),
        stream: kioskStreamOf(e),
        now,
        who,
        device: this.#device,
      }),
    );
    try {
      await this.#store.append(batch);
    } catch (error) {
      return fail(storeRejection(error));
    }
    this.#state = attach.length > 0 ? foldKioskEvents(attach, working) : working;
    for (const listener of this.#listeners) listener(this.#state);
    return ok(all);
  }

  #decide(command: unknown, state: KioskState): Result<readonly KioskEvent[]> {
    switch (contextOf(command)) {
      case 'bookings':
        return this.#deciders.bookings.decide(command, state.bookings);
      case 'meetings':
        return this.#deciders.meetings.decide(command, state.meetings);
      case 'directory':
        return this.#deciders.directory.decide(command, state.directory);
      default:
        return fail(
          reject('K-2', 'command.unknown', {
            'zh-CN': '无法识别的操作',
            en: 'this is not an action the kiosk knows',
          }),
        );
    }
  }
}

/** A store fault as the screen shows it: nothing was written, and why (K-3). */
function storeRejection(error: unknown): Rejection {
  if (isStoreError(error)) {
    return reject('K-3', `store.${error.kind}`, error.messages, { kind: error.kind });
  }
  return reject('K-3', 'store.failed', {
    'zh-CN': '保存失败,操作未生效,请重试',
    en: 'saving failed: nothing was changed; please try again',
  });
}
