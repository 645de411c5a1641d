import {
  withSyncLog,
  type EnrolmentRecord,
  type IdbEventLog,
  type IdbEventStore,
  type MutationRecord,
  type SyncMetaRecord,
} from '@huiyi/store-idb';
import type { KioskEvent } from '../services/kiosk-events.js';
import type { KioskService } from '../services/kiosk-service.js';
import { doorTarget, unseenRefusals } from './door-target.js';
import { HubClient, type Fetch } from './hub-client.js';
import { SyncEngine, type LiveChannel, type Timers } from './sync-engine.js';
import type { SyncStatus } from './sync-status.js';

// The enrol script's calls to the hub: in the build it takes them from this script, which a door
// always loads before it (docs/decisions/kiosk-bundle.md), rather than a copy of its own.
export { HubFailure, enrol, hubBase } from './hub-client.js';

/** How a door's sync is opened. */
export interface DoorSyncOptions {
  /** The door's clock. */
  readonly now: () => number;
  readonly fetch?: Fetch;
  readonly live?: (url: string) => LiveChannel | undefined;
  readonly timers?: Timers;
  readonly random?: () => number;
}

/**
 * The door and its hub (S-5): the enrolment kept in the door's log, the sync engine while the
 * door holds a token, what the badge says, and the commands the hub refused. A door never
 * enrolled is standalone: its own log is the truth (one room, its schedule from a file).
 */
export class DoorSync {
  readonly #service: KioskService;
  readonly #log: IdbEventStore<KioskEvent>;
  readonly #o: DoorSyncOptions;
  readonly #listeners = new Set<(status: SyncStatus) => void>();
  #meta: SyncMetaRecord;
  #engine: SyncEngine | undefined;
  #status: SyncStatus;

  private constructor(
    service: KioskService,
    log: IdbEventStore<KioskEvent>,
    meta: SyncMetaRecord,
    options: DoorSyncOptions,
  ) {
    this.#service = service;
    this.#log = log;
    this.#meta = meta;
    this.#o = options;
    this.#status = { kind: 'standalone', waiting: 0 };
  }

  /**
   * Opens the door's sync over its service and log (the service opened `synced` when the log has
   * ever been enrolled); the log is given its sync log if it has none yet.
   *
   * @param service - the door's service
   * @param log - its log
   * @param meta - the log's sync record (`log.syncMeta()`)
   * @param options - clock, fetch, live channel, timers
   * @returns the sync, not yet started
   */
  static open(
    service: KioskService,
    log: IdbEventLog<KioskEvent>,
    meta: SyncMetaRecord,
    options: DoorSyncOptions,
  ): DoorSync {
    return new DoorSync(service, withSyncLog(log), meta, options);
  }

  /** Whether the door has a hub (it is not standalone). */
  get synced(): boolean {
    return this.#meta.hub !== undefined;
  }

  /** The enrolment in force, if any. */
  get enrolment(): EnrolmentRecord | undefined {
    return this.#meta.enrolment;
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

  #set(status: SyncStatus): void {
    this.#status = status;
    for (const l of this.#listeners) l(status);
  }

  /** Starts syncing when the door holds a token; otherwise says what it is. */
  async start(): Promise<void> {
    const e = this.#meta.enrolment;
    if (!this.synced) return this.#set({ kind: 'standalone', waiting: 0 });
    if (!e || this.#meta.revoked) {
      const [queued, refused] = await Promise.all([
        this.#log.sync.mutations('pending'),
        unseenRefusals(this.#log),
      ]);
      const waiting = queued.length;
      return this.#set({ kind: e ? 'revoked' : 'unenrolled', waiting, refused });
    }
    // A door with its token syncs at once: the engine's first step reads the queue and the
    // refusals itself (a door back after days asks the hub one round trip sooner).
    const hub = new HubClient(e.hub, e.token, this.#o.fetch);
    this.#engine = new SyncEngine({
      hub,
      target: doorTarget(this.#service, this.#log),
      clientId: e.deviceId,
      now: this.#o.now,
      ...(this.#o.live ? { live: this.#o.live } : {}),
      ...(this.#o.timers ? { timers: this.#o.timers } : {}),
      ...(this.#o.random ? { random: this.#o.random } : {}),
      onRevoked: () => {
        this.#meta = { ...this.#meta, revoked: true };
        void this.#log.sync.disconnect('revoked').catch(() => undefined);
      },
    });
    this.#engine.subscribe((s) => this.#set(s));
    this.#service.onQueued(() => void this.#engine?.request());
    if (typeof addEventListener === 'function')
      addEventListener('online', () => void this.#engine?.request());
    this.#engine.start();
  }

  /**
   * Syncs now (after a command, when the network is back); resolves when that sync has run.
   *
   * @returns when done
   */
  syncNow(): Promise<void> {
    return this.#engine?.request() ?? Promise.resolve();
  }

  /** Stops syncing (the page closes, a test ends). */
  stop(): void {
    this.#engine?.stop();
  }

  /**
   * Keeps an enrolment the hub gave (the `enrol` script's `enrol` calls it): in the log, in one
   * write; the sync stops, and the caller opens the door again (a standalone door's own log gives
   * way to the hub's).
   *
   * @param enrolment - the hub's answer, with its address
   * @returns when kept
   */
  async keep(enrolment: EnrolmentRecord): Promise<void> {
    await this.#log.sync.enrol(enrolment);
    this.stop();
    this.#meta = await this.#log.sync.meta();
  }

  /** Takes the door off its hub here: the token is forgotten, the log and its queue stay. */
  async unenrol(): Promise<void> {
    this.stop();
    await this.#log.sync.disconnect('unenrolled');
    this.#meta = await this.#log.sync.meta();
    await this.start();
  }

  /** @returns the commands the hub refused, newest first */
  async refused(): Promise<readonly MutationRecord[]> {
    return [...(await this.#log.sync.mutations('refused'))].reverse();
  }

  /**
   * Notes that the staff have seen the refusals so far (the badge stops counting them).
   *
   * @returns when kept
   */
  async seen(): Promise<void> {
    const refused = await this.#log.sync.mutations('refused');
    const last = refused.at(-1);
    if (last) await this.#log.sync.seen(last.id);
    const s = this.#status;
    if (s.kind !== 'standalone') this.#set({ ...s, refused: 0 });
  }
}

/** The store's sync log, which the door's own script holds none of: the app attaches it from here. */
export { withSyncLog };
