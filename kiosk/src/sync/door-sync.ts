import { fail, ok, reject, type Result } from '@huiyi/core';
import type {
  EnrolmentRecord,
  IdbEventStore,
  MutationRecord,
  SyncMetaRecord,
} from '@huiyi/store-idb';
import type { KioskEvent } from '../services/kiosk-events.js';
import type { KioskService } from '../services/kiosk-service.js';
import { doorTarget, unseenRefusals } from './door-target.js';
import { HubClient, HubFailure, enrol, hubBase, type Fetch } from './hub-client.js';
import { SyncEngine, type LiveChannel, type Timers } from './sync-engine.js';
import type { SyncStatus } from './sync-status.js';

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
   * ever been enrolled).
   *
   * @param service - the door's service
   * @param log - its log
   * @param meta - the log's sync record (`log.sync.meta()`)
   * @param options - clock, fetch, live channel, timers
   * @returns the sync, not yet started
   */
  static open(
    service: KioskService,
    log: IdbEventStore<KioskEvent>,
    meta: SyncMetaRecord,
    options: DoorSyncOptions,
  ): DoorSync {
    return new DoorSync(service, log, meta, options);
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
   * Enrols the door with a hub: the hub's address and a one-time code from its admin. The door
   * learns its room from the hub and keeps its token in its log; the caller then opens the door
   * again (a standalone door's own log gives way to the hub's).
   *
   * @param address - the hub's address as typed
   * @param code - the one-time code
   * @param deviceName - what the hub's admin sees the tablet as
   * @returns the enrolment, or why there is none (in both languages)
   */
  async enrol(address: string, code: string, deviceName: string): Promise<Result<EnrolmentRecord>> {
    const base = hubBase(address);
    if (base === undefined)
      return fail(
        reject('K-4', 'sync.address', {
          'zh-CN': '中心地址无效，请输入如 192.168.1.20:4173 的地址',
          en: 'That is not a hub address: type one such as 192.168.1.20:4173',
        }),
      );
    if (!/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/.test(code.trim()))
      return fail(
        reject('K-4', 'sync.code', {
          'zh-CN': '连接码应为 8 位字母或数字，如 ABCD-EFGH',
          en: 'The code has 8 letters or digits, such as ABCD-EFGH',
        }),
      );
    try {
      const reply = await enrol(base, code, deviceName, this.#o.fetch);
      const enrolment: EnrolmentRecord = {
        hub: base,
        deviceId: reply.deviceId,
        token: reply.deviceToken,
        room: reply.room,
        at: this.#o.now(),
      };
      await this.#log.sync.enrol(enrolment);
      this.stop();
      this.#meta = await this.#log.sync.meta();
      return ok(enrolment);
    } catch (error) {
      return fail(enrolRejection(error));
    }
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

/**
 * Why an enrolment failed, as the settings show it.
 *
 * @param error - what the call threw
 * @returns the rejection
 */
export function enrolRejection(error: unknown): ReturnType<typeof reject> {
  if (error instanceof HubFailure) {
    if (error.kind === 'unreachable')
      return reject('K-4', 'sync.unreachable', {
        'zh-CN': '无法连接到中心，请检查地址和网络',
        en: 'The hub cannot be reached: check the address and the network',
      });
    if (error.body)
      return reject('K-4', error.body.code, error.body.message, { rule: error.body.rule });
  }
  return reject('K-4', 'sync.enrol-failed', {
    'zh-CN': '连接失败，请重试或向管理员索取新的连接码',
    en: 'Enrolment failed: try again, or ask the admin for a new code',
  });
}

/**
 * A one-time enrolment code from the demo hub that served this door (`/door/<room>/enrol.json`,
 * only in the demo on 127.0.0.1), if it is one. Only a door being enrolled asks, so it is here, in
 * the sync client, which such a door loads at once.
 *
 * @returns the code, or `undefined`
 */
export async function demoCode(): Promise<string | undefined> {
  try {
    const r = await fetch(`${location.pathname.replace(/\/$/, '')}/enrol.json`, {
      cache: 'no-store',
    });
    if (!r.ok) return undefined;
    const body = (await r.json()) as { code?: unknown };
    return typeof body.code === 'string' ? body.code : undefined;
  } catch {
    return undefined;
  }
}
