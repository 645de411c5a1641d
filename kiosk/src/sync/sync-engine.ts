import type { MutationAnswer, MutationRecord } from '@huiyi/store-idb';
import { HubFailure } from './hub-client.js';
import type { Mutation, PullReply, PushReply } from './protocol.js';
import type { SyncStatus } from './sync-status.js';

/** The hub as the engine calls it ({@link HubClient}, or a test's). */
export interface HubCalls {
  push(clientId: string, clientClock: number, mutations: readonly Mutation[]): Promise<PushReply>;
  pull(
    cursor: string | undefined,
    limit?: number,
    clientId?: string,
    since?: number,
  ): Promise<PullReply>;
  liveUrl(): string;
}

/** The door as the engine syncs it: its queue, its log, its cursor (the kiosk's service). */
export interface SyncTarget {
  /** @returns the commands waiting for the hub, in counter order */
  pending(): Promise<readonly MutationRecord[]>;
  /** Keeps what the hub answered a push, before the pull that brings its events. */
  answer(answers: readonly MutationAnswer[]): Promise<void>;
  /** Takes one page of a pull: the hub's events in, settled commands out, pending ones rebased. */
  applyPage(page: PullReply, clientId: string, at: number): Promise<void>;
  /** @returns where the last pull stopped, and when a pull last reached the end */
  cursor(): Promise<{ readonly cursor?: string; readonly syncedAt?: number }>;
  /** Forgets the cursor: the next pull starts from the beginning. */
  resetCursor(): Promise<void>;
  /** @returns how many refused commands the staff have not looked at */
  refusedUnseen(): Promise<number>;
}

/** A live channel: the hub's `poke`s (an `EventSource`, or a test's). */
export interface LiveChannel {
  addEventListener(type: 'poke' | 'open', listener: () => void): void;
  close(): void;
}

/** Timers (the page's, or a test's). */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** How the engine runs. */
export interface SyncEngineOptions {
  readonly hub: HubCalls;
  readonly target: SyncTarget;
  /** The door's id at the hub: its client id. */
  readonly clientId: string;
  /** The door's clock. */
  readonly now: () => number;
  /** Jitter for the backoff (default `Math.random`). */
  readonly random?: () => number;
  /** Opens the live channel (default: an `EventSource` where the browser has one). */
  readonly live?: (url: string) => LiveChannel | undefined;
  readonly timers?: Timers;
  /** Events a page (default {@link PAGE_SIZE}). */
  readonly pageSize?: number;
  /** Told when the hub no longer knows the door's token. */
  readonly onRevoked?: () => void;
}

/** Events a pull asks for at once: the most the hub gives (fewer round trips on a catch-up). */
export const PAGE_SIZE = 1_000;

/** The first wait after a failure; it doubles each time, up to {@link BACKOFF_MAX_MS}. */
export const BACKOFF_FIRST_MS = 1_000;
/** The longest wait between two tries while the hub is unreachable. */
export const BACKOFF_MAX_MS = 60_000;
/** A sync this often even without a poke, in case one was missed. */
export const HEARTBEAT_MS = 5 * 60_000;

/**
 * How long to wait before the `failures`-th try again: doubling from {@link BACKOFF_FIRST_MS} up
 * to {@link BACKOFF_MAX_MS}, each between half and all of it (jitter: a hub back after an outage
 * is not met by every door at once).
 *
 * @param failures - failures in a row (1: the first)
 * @param random - a number in [0, 1)
 * @returns the wait in ms
 * @example
 * backoff(1, () => 0) // => 500
 */
export function backoff(failures: number, random: () => number): number {
  const full = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(full * (0.5 + random() / 2));
}

const pageTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const eventSource = (url: string): LiveChannel | undefined =>
  typeof EventSource === 'function' ? new EventSource(url) : undefined;

/**
 * The door's sync with its hub (S-2, S-5): pushes the pending commands in counter order, then
 * pulls what is new for its room, page by page; on start, after every command, on the hub's live
 * signal, and, while the hub cannot be reached, on a backoff timer with jitter. One sync at a
 * time; a request during one runs one more after it.
 */
export class SyncEngine {
  readonly #o: SyncEngineOptions;
  readonly #timers: Timers;
  readonly #random: () => number;
  readonly #listeners = new Set<(status: SyncStatus) => void>();
  #status: SyncStatus;
  #running: Promise<void> | undefined;
  #again = false;
  /** The live channel's openings during syncs so far, and their count when the last page was asked for. */
  #asked = 0;
  #askedAtPull = 0;
  /** Whether this sync must run again: asked during it, a tap it did not push, or it failed. */
  #fresh = false;
  #failures = 0;
  #offlineSince: number | undefined;
  #timer: unknown;
  #live: LiveChannel | undefined;
  #stopped = false;
  #clock: { status: 'bounded' | 'refused'; skewMs: number } | undefined;

  constructor(options: SyncEngineOptions) {
    this.#o = options;
    this.#timers = options.timers ?? pageTimers;
    this.#random = options.random ?? Math.random;
    this.#status = { kind: 'syncing', waiting: 0, refused: 0 };
  }

  /** What the badge shows. */
  get status(): SyncStatus {
    return this.#status;
  }

  /**
   * Calls back on every change of status.
   *
   * @param listener - told the new status
   * @returns a function that stops it
   */
  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Opens the live channel and syncs at once. */
  start(): void {
    this.#stopped = false;
    this.#live = (this.#o.live ?? eventSource)(this.#o.hub.liveUrl());
    this.#live?.addEventListener('poke', () => void this.request());
    // Each (re)connection: what was committed before it was listening is pulled too (by the sync
    // under way when its last page is asked for after the opening).
    this.#live?.addEventListener('open', () => void this.#opened());
    void this.request();
  }

  /** Closes the live channel and stops the timers (a sync under way ends by itself). */
  stop(): void {
    this.#stopped = true;
    this.#live?.close();
    this.#live = undefined;
    this.#timers.clear(this.#timer);
  }

  /**
   * Syncs as soon as possible (after a command, on a poke, when the network is back): at once,
   * or right after the sync under way.
   *
   * @returns when the sync it asked for has run
   */
  request(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      this.#fresh = true;
      return this.#running;
    }
    this.#timers.clear(this.#timer);
    this.#running = this.#loop().finally(() => (this.#running = undefined));
    return this.#running;
  }

  /** The live channel (re)opened: a sync, unless the one under way has yet to ask for its last page. */
  #opened(): Promise<void> {
    if (this.#stopped || !this.#running) return this.request();
    this.#again = true;
    this.#asked += 1;
    return this.#running;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      this.#fresh = false;
      await this.#once();
      // Asked again during this sync (a poke, a tap, the network back): once more. Only the live
      // channel's opening is let go when it came before the last page was asked for: that page,
      // read to the hub's end, has what was committed before the channel listened.
    } while (this.#again && (this.#fresh || this.#asked > this.#askedAtPull) && !this.#stopped);
  }

  #set(status: SyncStatus): void {
    this.#status = status;
    for (const l of this.#listeners) l(status);
  }

  #common(refused: number, syncedAt: number | undefined) {
    return {
      refused,
      ...(this.#clock ? { clock: this.#clock } : {}),
      ...(syncedAt !== undefined ? { syncedAt } : {}),
    };
  }

  async #once(): Promise<void> {
    const { target, hub, clientId, now } = this.#o;
    let waiting = 0;
    let refused = 0;
    let syncedAt: number | undefined;
    try {
      const [queued, unseen, at0] = await Promise.all([
        target.pending(),
        target.refusedUnseen(),
        target.cursor(),
      ]);
      waiting = queued.length;
      refused = unseen;
      syncedAt = at0.syncedAt;
      this.#set({ kind: 'syncing', waiting, ...this.#common(refused, syncedAt) });
      // A queued command is the JSON object the door decided (the log keeps it as it was sent).
      const mutations = queued.map((m) => ({
        id: m.id,
        command: m.command as Mutation['command'],
      }));
      for (const batch of pushBatches(mutations)) {
        const reply = await hub.push(clientId, now(), batch);
        this.#clock =
          reply.clock.status === 'ok'
            ? undefined
            : { status: reply.clock.status, skewMs: reply.clock.skewMs };
        await target.answer(answersOf(reply));
      }
      let reset = false;
      // The refusals of the commands still waiting come with the pages.
      const since = Math.max(0, (queued[0]?.id ?? Number.MAX_SAFE_INTEGER) - 1);
      const pull = (cursor: string | undefined): Promise<PullReply> => {
        this.#askedAtPull = this.#asked;
        const asked = hub.pull(
          cursor,
          this.#o.pageSize ?? PAGE_SIZE,
          clientId,
          queued.length > 0 ? since : undefined,
        );
        // Asked ahead: a failure is met when the page is awaited, never as an unhandled one.
        asked.catch(() => undefined);
        return asked;
      };
      // After a push the cursor is as it was: no page came in meanwhile (one sync at a time).
      let next = pull(at0.cursor);
      for (;;) {
        let page: PullReply;
        try {
          page = await next;
        } catch (error) {
          // A cursor the hub no longer knows: once, from the start (never a silent hole).
          if (error instanceof HubFailure && error.kind === 'reset' && !reset) {
            reset = true;
            await target.resetCursor();
            next = pull(undefined);
            continue;
          }
          throw error;
        }
        // The next page is asked for while this one is written (a catch-up's pages overlap the
        // hub's reading with the door's writing); the cursor it starts from is this page's, the
        // one the log keeps once this page is in.
        if (page.hasMore) next = pull(page.cursor);
        await target.applyPage(page, clientId, now());
        if (!page.hasMore) break;
      }
      this.#failures = 0;
      this.#offlineSince = undefined;
      const [left, unseenNow] = await Promise.all([target.pending(), target.refusedUnseen()]);
      refused = unseenNow;
      const pushed = new Set(queued.map((m) => m.id));
      if (left.some((m) => !pushed.has(m.id))) this.#fresh = true;
      const at = now();
      if (left.length > 0) {
        // The hub has not decided all of them yet (one waits for its turn, or its events are not
        // readable yet): again shortly.
        this.#set({ kind: 'syncing', waiting: left.length, ...this.#common(refused, at) });
        this.#schedule(BACKOFF_FIRST_MS);
      } else {
        this.#set({ kind: 'synced', at, ...this.#common(refused, at) });
        this.#schedule(HEARTBEAT_MS);
      }
    } catch (error) {
      if (error instanceof HubFailure && error.kind === 'unauthorized') {
        this.#set({ kind: 'revoked', waiting, ...this.#common(refused, syncedAt) });
        this.stop();
        this.#o.onRevoked?.();
        return;
      }
      this.#failures += 1;
      this.#offlineSince ??= now();
      // A request during a failed sync (the network is back) is tried at once, as asked.
      this.#fresh = true;
      const wait = backoff(this.#failures, this.#random);
      this.#set({
        kind: 'offline',
        since: this.#offlineSince,
        waiting,
        retryAt: now() + wait,
        ...this.#common(refused, syncedAt),
      });
      this.#schedule(wait);
      // A fault of the door's own storage is not the hub's: it still shows, in the console.
      if (!(error instanceof HubFailure)) console.error(error);
    }
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    this.#timers.clear(this.#timer);
    this.#timer = this.#timers.set(() => void this.request(), ms);
  }
}

/** The most commands one push carries (the hub takes up to 500). */
export const PUSH_MAX_MUTATIONS = 200;
/**
 * The most bytes of commands one push carries: a quarter of the hub's default body limit (1 MiB),
 * so a week of queued taps, signed agreements among them, goes in several pushes, never in one the
 * hub would refuse as too large.
 */
export const PUSH_MAX_BYTES = 256 * 1024;

/**
 * The queue cut into pushes, in counter order: each at most {@link PUSH_MAX_MUTATIONS} commands
 * and {@link PUSH_MAX_BYTES} of JSON (a single larger command goes alone).
 *
 * @param mutations - the commands waiting, in counter order
 * @returns the pushes to send, one after the other
 * @example
 * pushBatches([]) // => []
 */
export function pushBatches(mutations: readonly Mutation[]): Mutation[][] {
  const out: Mutation[][] = [];
  let batch: Mutation[] = [];
  let bytes = 0;
  for (const m of mutations) {
    const size = new TextEncoder().encode(JSON.stringify(m)).length;
    if (batch.length > 0 && (batch.length >= PUSH_MAX_MUTATIONS || bytes + size > PUSH_MAX_BYTES)) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(m);
    bytes += size;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

/**
 * What to keep of a push's answer: each command the hub applied (with its events' ids) or
 * refused (with why). A duplicate carries the first outcome; a waiting one has none yet.
 *
 * @param reply - the push's answer
 * @returns the answers to keep
 */
export function answersOf(reply: PushReply): MutationAnswer[] {
  const out: MutationAnswer[] = [];
  for (const r of reply.results) {
    if (r.status === 'waiting') continue;
    if (r.rejection !== undefined) {
      out.push({ id: r.id, answer: 'refused', rejection: r.rejection });
    } else if (r.status === 'applied' || (r.status === 'duplicate' && r.events !== undefined)) {
      out.push({
        id: r.id,
        answer: 'applied',
        ...(r.events ? { hubEvents: r.events.map((e) => e.id) } : {}),
      });
    } else if (r.status === 'refused') {
      out.push({ id: r.id, answer: 'refused' });
    }
  }
  return out;
}
