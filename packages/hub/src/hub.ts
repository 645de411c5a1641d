import { randomUUID } from 'node:crypto';
import { eventIdFactory } from '@huiyi/core';
import { sql, type Kysely } from 'kysely';
import { boundCommand, DEFAULT_CLOCK_POLICY, readClock, type ClockPolicy } from './clock-skew.js';
import { decodeCursor, encodeCursor, FEED_START, type FeedPoint } from './cursor.js';
import { migrateToLatest } from './db/migrate.js';
import { openDatabase, type DatabaseOptions } from './db/open-database.js';
import type { HubCommand, HubEvent } from './hub-decider.js';
import { hubRejections, type HubRejection } from './hub-rejection.js';
import type { HubRules } from './hub-rules.js';
import type {
  Committed,
  FeedEvent,
  FeedPage,
  MutationOutcome,
  PullReply,
  PullRequest,
  PushReply,
  PushRequest,
} from './hub-types.js';
import { principalKey, type Principal } from './principal.js';
import { dealershipHubRules } from './dealership-rules.js';

/** How to open a hub: where its data is, the rules, and (for tests) its clock. */
export interface HubOptions<C extends HubCommand, E extends HubEvent, S> extends DatabaseOptions {
  /** The dealership's rules (default: the dealership decider of `@huiyi/core`, every context). */
  readonly rules?: HubRules<C, E, S> | undefined;
  /** The hub's clock (default `Date.now`). */
  readonly clock?: (() => number) | undefined;
  /** Tolerance and refusal bound for device clocks (default 2 min / 24 h). */
  readonly clockPolicy?: ClockPolicy | undefined;
  /**
   * Commit calls in flight at once on a server (default: an eighth of the pool, at least one; fewer
   * calls carry bigger batches, and a batch costs the database less a plan); PGlite has one.
   */
  readonly maxBatchesInFlight?: number | undefined;
  /** Randomness for event ids (default `Math.random`). */
  readonly random?: (() => number) | undefined;
}

/** The hub's engine: push, pull, the feed, commit hooks. The HTTP layer wraps it. */
export interface Hub {
  /** Which database it runs on. */
  readonly engine: 'postgres' | 'pglite';
  /** The database's id: in every cursor; new after a restore. */
  readonly hubId: string;
  /** The Kysely instance, for the read models and the HTTP layer's own tables. */
  readonly db: Kysely<unknown>;
  /** Decides a client's mutations in order, each exactly once (S-1, S-2, S-3). Bad input is refused, never thrown. */
  push(principal: Principal, request: PushRequest): Promise<PushReply>;
  /**
   * Decides every command first, each against the state the ones before it leave, and commits
   * them in one transaction, or none: a refusal of any leaves nothing in the log, not even the
   * refusal (an all-or-nothing calendar import, C-4). Each command is a mutation of a new client.
   */
  pushAll(principal: Principal, commands: readonly unknown[]): Promise<PushAllReply>;
  /** What is new for the principal since its cursor, with its counter and refusals (S-2, S-3, S-4). */
  pull(principal: Principal, request: PullRequest): Promise<PullReply>;
  /** The whole dealership's events after a checkpoint, gap-free (S-6). Admin or a `read` key. */
  feed(
    principal: Principal,
    request: { readonly after?: string | undefined; readonly limit?: number | undefined },
  ): Promise<FeedPage | { readonly ok: false; readonly rejection: HubRejection }>;
  /** Calls `listener` after every commit that appended events (outside the transaction). Returns the unsubscribe. */
  onCommitted(listener: (c: Committed) => void): () => void;
  /** The hub's folded state (a cache; the database is the truth). */
  state(): unknown;
  /** Closes the database (PGlite given by the caller is left open). */
  close(): Promise<void>;
}

/** What {@link Hub.pushAll} did: every command's events, or the first refusal (nothing committed). */
export type PushAllReply =
  | { readonly ok: true; readonly events: readonly (readonly FeedEvent[])[] }
  | { readonly ok: false; readonly index: number; readonly rejection: HubRejection };

const MAX_STALE_RETRIES = 8;
const MAX_MUTATIONS = 1000;
/** Plans committed together at most. */
const MAX_BATCH = 64;
/** Plans waiting, with none in flight, from which they go as two batches. */
const MIN_SPLIT = 8;
const CLIENT_ID = /^[A-Za-z0-9._:-]{1,100}$/;

interface ApplyPlan {
  readonly client: string;
  readonly principal: string;
  readonly mutation: number;
  readonly room: string | null;
  readonly expected: number;
  /** Applying a mutation that waited in `hub_pending`: its row goes. */
  readonly from_pending: boolean;
  readonly outcome: 'applied' | 'refused';
  readonly rejection: HubRejection | null;
  readonly now: number | null;
  readonly command: unknown;
  readonly events: readonly {
    id: string;
    stream: string;
    stream_version: number;
    door_visible: boolean;
    type: string;
    data: unknown;
    now: number;
    who: string;
    device: string;
  }[];
  readonly rooms: readonly unknown[];
  readonly bookings: readonly unknown[];
  readonly meetings?: readonly unknown[];
  readonly actions?: readonly unknown[];
}

interface ApplyResult {
  readonly status: 'applied' | 'refused' | 'duplicate' | 'waiting' | 'stale' | 'foreign' | 'retry';
  readonly last: number;
  readonly version?: number | null;
  readonly positions?: number[] | null;
  readonly prior?: {
    outcome: 'applied' | 'refused';
    rejection: HubRejection | null;
    event_count: number;
  } | null;
  readonly next?: unknown;
}

/** Errors of a broken connection: the apply is retried (it is idempotent by the counter). */
const isConnectionError = (e: unknown): boolean => {
  const err = e as { code?: unknown; message?: unknown };
  const code = typeof err.code === 'string' ? err.code : '';
  const msg = typeof err.message === 'string' ? err.message : '';
  return (
    code === '40P01' ||
    code === '40001' ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03' ||
    code === '08006' ||
    code === '08003' ||
    code === 'ECONNRESET' ||
    code === 'ECONNREFUSED' ||
    /Connection terminated|terminating connection|Client has encountered a connection error|not queryable/i.test(
      msg,
    )
  );
};

/** The columns of a page's row, in the order of its JSON array. */
const PAGE_COLUMNS = [
  'position',
  'tx_text',
  'id',
  'stream',
  'stream_version',
  'room_id',
  'type',
  'data',
  'now',
  'who',
  'device',
  'client_id',
  'mutation_id',
] as const;

/** A page's row, read from its JSON array. */
const rowOf = (json: string): Record<string, unknown> => {
  const values = JSON.parse(json) as unknown[];
  const row: Record<string, unknown> = {};
  PAGE_COLUMNS.forEach((c, i) => (row[c] = values[i]));
  return row;
};

const toFeedEvent = (r: Record<string, unknown>): FeedEvent => ({
  position: Number(r['position']),
  id: r['id'] as string,
  stream: r['stream'] as string,
  streamVersion: Number(r['stream_version']),
  roomId: r['room_id'] === '' ? null : (r['room_id'] as string),
  type: r['type'] as string,
  data: r['data'],
  now: Number(r['now']),
  who: r['who'] as string,
  device: r['device'] as string,
  clientId: (r['client_id'] as string | null) ?? null,
  mutationId: r['mutation_id'] === null ? null : Number(r['mutation_id']),
});

/** An event the hub has just committed, as the feed gives it. */
const committedEvent = (
  e: ApplyPlan['events'][number],
  position: number,
  roomId: string | null,
  clientId: string,
  mutationId: number,
): FeedEvent => ({
  position,
  id: e.id,
  stream: e.stream,
  streamVersion: e.stream_version,
  roomId,
  type: e.type,
  data: e.data,
  now: e.now,
  who: e.who,
  device: e.device,
  clientId,
  mutationId,
});

/**
 * Opens the hub on its database (PGlite in `dataDir` or in memory by default; a server with
 * `databaseUrl`), runs the migrations, and folds the log into its cache.
 *
 * @param options - where the data is, the rules, the clock
 * @returns the hub
 * @example
 * const hub = await openHub({ dataDir: './hub-data' });
 * await hub.push({ kind: 'admin' }, { clientId: 'cli', clientClock: Date.now(), mutations: [{ id: 1, command }] });
 */
export async function openHub<
  C extends HubCommand = HubCommand,
  E extends HubEvent = HubEvent,
  S = unknown,
>(options: HubOptions<C, E, S> = {}): Promise<Hub> {
  const rules = (options.rules ?? dealershipHubRules()) as unknown as HubRules<C, E, S>;
  const database = await openDatabase(options);
  try {
    await migrateToLatest(database.db);
    const engine = new HubEngine<C, E, S>(database.db, database.engine, rules, options);
    await engine.load();
    const close = async (): Promise<void> => {
      await engine.idle();
      await database.close();
    };
    return {
      engine: database.engine,
      get hubId() {
        return engine.hubId;
      },
      db: database.db,
      push: (p, r) => engine.push(p, r),
      pushAll: (p, c) => engine.pushAll(p, c),
      pull: (p, r) => engine.pull(p, r),
      feed: (p, r) => engine.feed(p, r),
      onCommitted: (l) => engine.onCommitted(l),
      state: () => engine.currentState,
      close,
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}

class HubEngine<C extends HubCommand, E extends HubEvent, S> {
  hubId = '';
  currentState: S;
  private readonly versions = new Map<string, number>();
  private readonly streamVersions = new Map<string, number>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly listeners = new Set<(c: Committed) => void>();
  private readonly clock: () => number;
  private readonly clockPolicy: ClockPolicy;
  private readonly newId: (now: number) => string;
  private inFlight = new Set<Promise<unknown>>();
  private readonly maxBatchesInFlight: number;

  constructor(
    private readonly db: Kysely<unknown>,
    private readonly engine: 'postgres' | 'pglite',
    private readonly rules: HubRules<C, E, S>,
    options: HubOptions<C, E, S>,
  ) {
    this.currentState = rules.decider.initialState;
    this.clock = options.clock ?? Date.now;
    this.clockPolicy = options.clockPolicy ?? DEFAULT_CLOCK_POLICY;
    this.newId = eventIdFactory(options.random ?? Math.random);
    // PGlite has one connection; a server pool takes several calls at once.
    this.maxBatchesInFlight =
      engine === 'pglite'
        ? 1
        : (options.maxBatchesInFlight ?? Math.max(1, Math.floor((options.poolSize ?? 20) / 8)));
  }

  /** Reads the hub's id and folds the whole log into the cache, page by page. */
  async load(): Promise<void> {
    const meta = await sql<{
      value: string;
    }>`select value from hub_meta where key = 'hub_id'`.execute(this.db);
    this.hubId = meta.rows[0]?.value ?? '';
    let after = 0;
    for (;;) {
      const page = await sql<{
        position: string;
        room_id: string;
        room_version: number;
        stream: string;
        stream_version: number;
        data: E;
      }>`
        select position::text as position, room_id, room_version, stream, stream_version, data
          from hub_events
         where position > ${after} order by position limit 20000`.execute(this.db);
      if (page.rows.length === 0) break;
      this.currentState = this.rules.decider.fold(
        this.currentState,
        page.rows.map((r) => r.data),
      );
      for (const r of page.rows) this.saw(r);
      after = Number(page.rows[page.rows.length - 1]?.position);
    }
  }

  /** Notes the room and stream versions of an event read from the log. */
  private saw(r: {
    room_id: string;
    room_version: number;
    stream: string;
    stream_version: number;
  }): void {
    if (r.room_version > (this.versions.get(r.room_id) ?? 0))
      this.versions.set(r.room_id, r.room_version);
    if (r.stream_version > (this.streamVersions.get(r.stream) ?? 0)) {
      this.streamVersions.set(r.stream, r.stream_version);
    }
  }

  /** Waits for every push in flight (before closing). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  onCommitted(listener: (c: Committed) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  push(principal: Principal, request: PushRequest): Promise<PushReply> {
    const p = this.pushNow(principal, request);
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p)).catch(() => undefined);
    return p;
  }

  private async pushNow(principal: Principal, request: PushRequest): Promise<PushReply> {
    const bad = checkPush(request);
    if (bad) return { ok: false, rejection: hubRejections.malformed(bad) };
    const clock = readClock(request.clientClock, this.clock(), this.clockPolicy);
    const owner = principalKey(principal);
    const results: MutationOutcome[] = [];
    let last = 0;
    for (const m of request.mutations) {
      const bounded = boundCommand(m.command, clock, this.clockPolicy);
      const run = await this.applyChain(principal, owner, request.clientId, m.id, bounded);
      if (run === 'foreign') {
        return { ok: false, rejection: hubRejections.foreignClient(request.clientId) };
      }
      for (const o of run.outcomes) results.push(o);
      last = run.last;
    }
    // Stryker disable next-line ConditionalExpression: read again after mutations, the counter is the one the last of them left (S-2: the highest id applied or refused)
    if (request.mutations.length === 0) last = await this.lastMutationId(request.clientId, owner);
    return { ok: true, clientId: request.clientId, lastMutationId: last, clock, results };
  }

  /** Applies one mutation, then every waiting successor it releases. */
  private async applyChain(
    principal: Principal,
    owner: string,
    clientId: string,
    id: number,
    bounded: ReturnType<typeof boundCommand>,
  ): Promise<'foreign' | { outcomes: MutationOutcome[]; last: number }> {
    const outcomes: MutationOutcome[] = [];
    let next:
      { id: number; bounded: ReturnType<typeof boundCommand>; fromPending: boolean } | undefined = {
      id,
      bounded,
      fromPending: false,
    };
    let last = 0;
    while (next) {
      const r = await this.applyOne(
        principal,
        owner,
        clientId,
        next.id,
        next.bounded,
        next.fromPending,
      );
      if (r === 'foreign') return 'foreign';
      outcomes.push(r.outcome);
      last = r.last;
      next =
        r.next !== undefined && r.next !== null
          ? { id: next.id + 1, bounded: { ok: true, command: r.next }, fromPending: true }
          : undefined;
    }
    return { outcomes, last };
  }

  private async applyOne(
    principal: Principal,
    owner: string,
    clientId: string,
    id: number,
    bounded: ReturnType<typeof boundCommand>,
    fromPending: boolean,
  ): Promise<'foreign' | { outcome: MutationOutcome; last: number; next: unknown }> {
    const base = { client: clientId, principal: owner, mutation: id, from_pending: fromPending };
    const refuse = (rejection: HubRejection, command: unknown): ApplyPlan => ({
      ...base,
      room: null,
      expected: 0,
      outcome: 'refused',
      rejection,
      now: null,
      command,
      events: [],
      rooms: [],
      bookings: [],
    });
    if (!bounded.ok) {
      return this.finish(
        await this.apply(refuse(bounded.rejection, null)),
        id,
        [],
        bounded.rejection,
      );
    }
    const raw = bounded.command;
    // PostgreSQL's jsonb holds no NUL character: such text is refused before it is decided.
    if (JSON.stringify(raw ?? null).includes('\\u0000')) {
      const nul = hubRejections.malformed('text with a NUL character');
      return this.finish(await this.apply(refuse(nul, null)), id, [], nul);
    }
    const parsed = this.rules.decider.parse(raw);
    if (!parsed.ok) {
      return this.finish(await this.apply(refuse(parsed.rejection, raw)), id, [], parsed.rejection);
    }
    const command = parsed.value;
    const room = this.rules.decider.roomOf(command, this.currentState);
    const denied = this.authorize(principal, command, room);
    if (denied) return this.finish(await this.apply(refuse(denied, raw)), id, [], denied);
    const key = room ?? '';
    return this.inRoom(key, async () => {
      for (let attempt = 0; attempt < MAX_STALE_RETRIES; attempt++) {
        const expected = this.versions.get(key) ?? 0;
        const before = this.currentState;
        const decided = this.rules.decider.decide(
          this.asDirectorySays(principal, command, before),
          before,
        );
        const events = decided.ok ? decided.value : [];
        const after = events.length > 0 ? this.rules.decider.fold(before, events) : before;
        const rows =
          events.length > 0 ? this.rules.readModelRows(events, after) : { rooms: [], bookings: [] };
        const next = new Map<string, number>();
        const enveloped = this.envelope(events, command, principal, key, next);
        let result: ApplyResult;
        try {
          result = await this.apply({
            ...base,
            room: key,
            expected,
            outcome: decided.ok ? 'applied' : 'refused',
            rejection: decided.ok ? null : decided.rejection,
            now: command.now,
            command: raw,
            events: enveloped,
            rooms: rows.rooms,
            bookings: rows.bookings,
            ...(rows.meetings && rows.meetings.length > 0 ? { meetings: rows.meetings } : {}),
            ...(rows.actions && rows.actions.length > 0 ? { actions: rows.actions } : {}),
          });
        } catch (e) {
          // A stream written under two rooms moved under this one: read its version and retry.
          if ((e as { code?: unknown }).code !== '23505') throw e;
          await this.reloadStreams([...next.keys()]);
          continue;
        }
        if (result.status === 'stale') {
          await this.catchUp(key);
          continue;
        }
        if (result.status === 'applied' && events.length > 0) {
          // The room's queue kept every other command of this room out; other rooms may have moved.
          this.currentState =
            this.currentState === before
              ? after
              : this.rules.decider.fold(this.currentState, events);
          for (const [stream, v] of next) this.streamVersions.set(stream, v);
          if (typeof result.version === 'number') this.versions.set(key, result.version);
          const positions = result.positions ?? [];
          const committed: Committed = {
            roomId: room ?? null,
            clientId,
            mutationId: id,
            positions,
          };
          this.committed(committed);
          const fed = enveloped.map((e, i) =>
            committedEvent(e, positions[i] ?? 0, room ?? null, clientId, id),
          );
          return this.finish(result, id, fed);
        }
        return this.finish(result, id, [], decided.ok ? undefined : decided.rejection);
      }
      throw new Error(`hub: room ${key} kept changing under ${MAX_STALE_RETRIES} attempts; retry`);
    });
  }

  /** The log rows of a command's events: ids, streams and their next versions (noted in `next`). */
  private envelope(
    events: readonly E[],
    command: C,
    principal: Principal,
    key: string,
    next: Map<string, number>,
  ): ApplyPlan['events'] {
    const device =
      principal.kind === 'door'
        ? principal.deviceId
        : principal.kind === 'system'
          ? principal.keyId
          : 'admin';
    return events.map((e) => {
      const stream = this.rules.decider.streamOf(e);
      const v = (next.get(stream) ?? this.streamVersions.get(stream) ?? 0) + 1;
      next.set(stream, v);
      return {
        id: this.newId(command.now),
        stream,
        stream_version: v,
        door_visible: key !== '' || this.rules.doorSees(e),
        type: e.type,
        data: e as unknown,
        now: command.now,
        who: command.actor.id,
        device,
      };
    });
  }

  /** Tells every listener of a commit (outside the transaction); a listener's fault is its own. */
  private committed(c: Committed): void {
    for (const l of this.listeners) {
      try {
        l(c);
      } catch {
        // a listener's fault is its own
      }
    }
  }

  async pushAll(principal: Principal, raws: readonly unknown[]): Promise<PushAllReply> {
    if (!Array.isArray(raws) || raws.length === 0 || raws.length > MAX_MUTATIONS) {
      return { ok: false, index: 0, rejection: hubRejections.malformed('commands') };
    }
    const clientId = `all-${randomUUID()}`;
    const owner = principalKey(principal);
    const parsed: { command: C; raw: unknown; key: string; room: string | undefined }[] = [];
    for (const [index, raw] of raws.entries()) {
      if (JSON.stringify(raw ?? null).includes('\\u0000')) {
        return {
          ok: false,
          index,
          rejection: hubRejections.malformed('text with a NUL character'),
        };
      }
      const p = this.rules.decider.parse(raw);
      if (!p.ok) return { ok: false, index, rejection: p.rejection };
      const room = this.rules.decider.roomOf(p.value, this.currentState);
      const denied = this.authorize(principal, p.value, room);
      if (denied) return { ok: false, index, rejection: denied };
      parsed.push({ command: p.value, raw, key: room ?? '', room });
    }
    // Every room the commands touch, taken in one order (no two such pushes wait on each other).
    const keys = [...new Set(parsed.map((x) => x.key))].sort();
    const inAll = <T>(ks: readonly string[], task: () => Promise<T>): Promise<T> => {
      const [first, ...rest] = ks;
      return first === undefined ? task() : this.inRoom(first, () => inAll(rest, task));
    };
    return inAll(keys, async () => {
      for (let attempt = 0; attempt < MAX_STALE_RETRIES; attempt++) {
        let state = this.currentState;
        const versions = new Map(keys.map((k) => [k, this.versions.get(k) ?? 0]));
        const next = new Map<string, number>();
        const plans: ApplyPlan[] = [];
        const all: (readonly E[])[] = [];
        for (const [index, x] of parsed.entries()) {
          const decided = this.rules.decider.decide(
            this.asDirectorySays(principal, x.command, state),
            state,
          );
          if (!decided.ok) return { ok: false, index, rejection: decided.rejection };
          const events = decided.value;
          if (events.length > 0) state = this.rules.decider.fold(state, events);
          const rows =
            events.length > 0
              ? this.rules.readModelRows(events, state)
              : { rooms: [], bookings: [] };
          const expected = versions.get(x.key) ?? 0;
          if (events.length > 0) versions.set(x.key, expected + 1);
          all.push(events);
          plans.push({
            client: clientId,
            principal: owner,
            mutation: index + 1,
            from_pending: false,
            room: x.key,
            expected,
            outcome: 'applied',
            rejection: null,
            now: x.command.now,
            command: x.raw,
            events: this.envelope(events, x.command, principal, x.key, next),
            rooms: rows.rooms,
            bookings: rows.bookings,
            ...(rows.meetings && rows.meetings.length > 0 ? { meetings: rows.meetings } : {}),
            ...(rows.actions && rows.actions.length > 0 ? { actions: rows.actions } : {}),
          });
        }
        let results: ApplyResult[];
        try {
          const json = JSON.stringify(plans);
          const r = await this.withRetry(() =>
            sql<{ r: ApplyResult[] }>`select hub_apply_all(${json}::jsonb) as r`.execute(this.db),
          );
          results = r.rows[0]?.r ?? [];
        } catch (e) {
          const code = (e as { code?: unknown }).code;
          // Nothing of it committed: a room moved under the cache (caught up), or a stream
          // written under another room (read again); then all of it is decided again.
          if (code === 'HB001') {
            for (const k of keys) await this.catchUp(k);
            continue;
          }
          if (code === '23505') {
            await this.reloadStreams([...next.keys()]);
            continue;
          }
          throw e;
        }
        // The rooms' queues kept their other commands out; other rooms may have moved meanwhile.
        this.currentState = this.rules.decider.fold(this.currentState, all.flat());
        for (const [stream, v] of next) this.streamVersions.set(stream, v);
        const events: FeedEvent[][] = [];
        plans.forEach((plan, i) => {
          const res = results[i];
          if (typeof res?.version === 'number' && plan.room !== null) {
            this.versions.set(plan.room, Math.max(res.version, this.versions.get(plan.room) ?? 0));
          }
          const positions = res?.positions ?? [];
          const x = parsed[i];
          if (plan.events.length > 0) {
            this.committed({ roomId: x?.room ?? null, clientId, mutationId: i + 1, positions });
          }
          events.push(
            plan.events.map((e, k) =>
              committedEvent(e, positions[k] ?? 0, x?.room ?? null, clientId, i + 1),
            ),
          );
        });
        return { ok: true, events };
      }
      throw new Error(
        `hub: rooms ${keys.join(', ')} kept changing under ${MAX_STALE_RETRIES} attempts; retry`,
      );
    });
  }

  private finish(
    r: ApplyResult,
    id: number,
    events: readonly FeedEvent[],
    rejection?: HubRejection,
  ): 'foreign' | { outcome: MutationOutcome; last: number; next: unknown } {
    const next = r.next;
    switch (r.status) {
      // Stryker disable next-line StringLiteral: without its case, 'foreign' reaches the default branch, which returns the status: 'foreign'
      case 'foreign':
        return 'foreign';
      case 'applied':
        return { outcome: { id, status: 'applied', events }, last: r.last, next };
      case 'refused':
        return {
          outcome: { id, status: 'refused', rejection: rejection ?? unknownRejection },
          last: r.last,
          next,
        };
      case 'waiting':
        return { outcome: { id, status: 'waiting' }, last: r.last, next: undefined };
      case 'duplicate': {
        const p = r.prior;
        const prior = !p
          ? null
          : p.outcome === 'applied'
            ? { outcome: 'applied' as const, eventCount: p.event_count }
            : { outcome: 'refused' as const, rejection: p.rejection ?? unknownRejection };
        return { outcome: { id, status: 'duplicate', prior }, last: r.last, next: undefined };
      }
      // Stryker disable StringLiteral,ConditionalExpression: unreachable, a room's loop (applyOne) handles 'stale' and apply() handles 'retry' before a result gets here
      case 'stale':
      case 'retry':
        throw new Error(`hub: ${r.status} outside a room`);
      // Stryker restore StringLiteral,ConditionalExpression
      // Stryker disable next-line ConditionalExpression: unreachable, the compiler checks that every status has its case
      default:
        return r.status satisfies never;
    }
  }

  /**
   * S-3: the actor a command is decided as. The hub's administrator (the CLI) and a key with the
   * `admin` scope name the actor as they will; a door or an `act` key acts as the person it names
   * with the roles the hub's directory gives that person — none when the directory does not know
   * them (the kiosk's own id for a walk-up) — never with the roles the command claims.
   */
  private asDirectorySays(principal: Principal, command: C, state: S): C {
    if (principal.kind === 'admin') return command;
    if (principal.kind === 'system' && principal.scopes.includes('admin')) return command;
    const roles = this.rules.directoryRoles(command.actor.id, state) ?? [];
    return { ...command, actor: { ...command.actor, roles } };
  }

  /** S-3: who may issue this command (a door: first what it may issue, whatever room it names). */
  private authorize(
    principal: Principal,
    command: C,
    room: string | undefined,
  ): HubRejection | undefined {
    const type = command.type;
    switch (principal.kind) {
      case 'admin':
        return undefined;
      case 'door':
        if (!this.rules.doorCommands.has(type)) return hubRejections.notForDoor(type);
        if (room !== principal.roomId) return hubRejections.otherRoom(room, principal.roomId);
        return undefined;
      case 'system': {
        const scope = this.rules.adminCommands.has(type) ? 'admin' : 'act';
        return principal.scopes.includes(scope)
          ? undefined
          : hubRejections.missingScope(scope, type);
      }
      default:
        return principal satisfies never;
    }
  }

  /** Runs `task` after every earlier task of the same room in this process. */
  private inRoom<T>(room: string, task: () => Promise<T>): Promise<T> {
    const before = this.queues.get(room) ?? Promise.resolve();
    const run = before.then(task, task);
    const tail = run.catch(() => undefined);
    this.queues.set(room, tail);
    void tail.then(() => {
      if (this.queues.get(room) === tail) this.queues.delete(room);
    });
    return run;
  }

  /** Folds the room's events this process has not seen (another process wrote them). */
  private async catchUp(room: string): Promise<void> {
    const from = this.versions.get(room) ?? 0;
    const rows = await this.withRetry(() =>
      sql<{
        room_id: string;
        room_version: number;
        stream: string;
        stream_version: number;
        data: E;
      }>`
        select room_id, room_version, stream, stream_version, data from hub_events
         where room_id = ${room} and room_version > ${from}
         order by room_version, position`.execute(this.db),
    );
    if (rows.rows.length === 0) return;
    this.currentState = this.rules.decider.fold(
      this.currentState,
      rows.rows.map((r) => r.data),
    );
    for (const r of rows.rows) this.saw(r);
  }

  /** Reads streams' versions from the log (a stream written under another room). */
  private async reloadStreams(streams: readonly string[]): Promise<void> {
    const rows = await sql<{ stream: string; v: number }>`
      select stream, max(stream_version) as v from hub_events
       where stream in (${sql.join(streams)}) group by stream`.execute(this.db);
    for (const r of rows.rows) this.streamVersions.set(r.stream, Number(r.v));
  }

  /** Brings one room's cache up to the database (before redacting for a door). */
  private async refreshRoom(room: string): Promise<void> {
    const v = await sql<{
      version: number;
    }>`select version from hub_rooms where room_id = ${room}`.execute(this.db);
    const version = v.rows[0]?.version ?? 0;
    if (version > (this.versions.get(room) ?? 0)) {
      await this.inRoom(room, () => this.catchUp(room));
    }
  }

  /**
   * Commits one command's plan. Plans go together in one `hub_apply_many` call: one transaction,
   * one commit for all of them (group commit in the hub). A plan waits for the end of the event
   * loop's turn, so every plan decided in that turn (the replies of one batch release as many
   * clients' next commands at once) joins it, and while `maxBatchesInFlight` calls are in flight
   * the plans that come meanwhile wait for the next. Sent at once, each plan went alone whenever a
   * call was free: on 50 busy clients most batches held one plan, and the database and the hub
   * spent about 40 % more time on each command. Gathered into one batch, the hub and the database
   * took turns; two halves keep both at work (see `pump`).
   */
  private async apply(plan: ApplyPlan): Promise<ApplyResult> {
    const r = await new Promise<ApplyResult>((resolve, reject) => {
      this.waiting.push({ plan, resolve, reject });
      this.schedulePump();
    });
    // Another push created the client's row at the same moment: run again, it is there now.
    return r.status === 'retry' ? this.apply(plan) : r;
  }

  private readonly waiting: {
    plan: ApplyPlan;
    resolve: (r: ApplyResult) => void;
    reject: (e: unknown) => void;
  }[] = [];
  private batchesInFlight = 0;
  private pumpScheduled = false;

  /** Sends what waits once the event loop's turn is over (at most once a turn). */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.batchesInFlight < this.maxBatchesInFlight && this.waiting.length > 0) {
      // With nothing in flight, many plans go as two halves: the database works on one while the
      // hub decides what the other's replies release (one batch kept the two taking turns).
      const halve = this.batchesInFlight === 0 && this.waiting.length >= MIN_SPLIT;
      const batch = this.waiting.splice(
        0,
        halve ? Math.min(MAX_BATCH, Math.ceil(this.waiting.length / 2)) : MAX_BATCH,
      );
      this.batchesInFlight++;
      void this.commitBatch(batch).finally(() => {
        this.batchesInFlight--;
        this.schedulePump();
      });
    }
  }

  private async commitBatch(batch: typeof this.waiting): Promise<void> {
    try {
      const results = await this.applyMany(batch.map((b) => b.plan));
      batch.forEach((b, i) => {
        const r = results[i];
        if (r) b.resolve(r);
        else b.reject(new Error('hub: hub_apply_many returned too few results'));
      });
    } catch (e) {
      if (batch.length === 1) {
        batch[0]?.reject(e);
        return;
      }
      // One plan failed the whole transaction (nothing of it committed): each on its own.
      for (const b of batch) {
        try {
          const [r] = await this.applyMany([b.plan]);
          if (r) b.resolve(r);
          else b.reject(new Error('hub: hub_apply_many returned nothing'));
        } catch (err) {
          b.reject(err);
        }
      }
    }
  }

  private async applyMany(plans: readonly ApplyPlan[]): Promise<ApplyResult[]> {
    // Rooms locked in one order by every process: fewer deadlocks between batches. A client has
    // one plan in flight at a time, so the order within a batch changes no client's sequence.
    const order = plans
      .map((p, i) => ({ p, i }))
      .sort((a, b) =>
        (a.p.room ?? '') < (b.p.room ?? '') ? -1 : (a.p.room ?? '') > (b.p.room ?? '') ? 1 : 0,
      );
    const json = JSON.stringify(order.map((x) => x.p));
    const r = await this.withRetry(() =>
      sql<{ r: ApplyResult[] }>`select hub_apply_many(${json}::jsonb) as r`.execute(this.db),
    );
    const sorted = r.rows[0]?.r ?? [];
    const results: ApplyResult[] = [];
    order.forEach((x, k) => {
      const res = sorted[k];
      if (res) results[x.i] = res;
    });
    return results;
  }

  /** Retries a statement a few times when the connection broke under it (S-2 keeps it exactly once). */
  private async withRetry<T>(f: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await f();
      } catch (e) {
        if (attempt >= 4 || !isConnectionError(e)) throw e;
        await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
      }
    }
  }

  private async lastMutationId(clientId: string, owner: string): Promise<number> {
    const r = await sql<{ last_mutation_id: number; principal: string }>`
      select last_mutation_id, principal from hub_clients where client_id = ${clientId}`.execute(
      this.db,
    );
    const row = r.rows[0];
    return row && row.principal === owner ? row.last_mutation_id : 0;
  }

  async pull(principal: Principal, request: PullRequest): Promise<PullReply> {
    if (principal.kind === 'system' && !principal.scopes.includes('read')) {
      return { ok: false, rejection: hubRejections.missingScope('read', 'pull') };
    }
    const bad = checkRead(request.cursor, request.limit);
    if (bad) return { ok: false, rejection: hubRejections.malformed(bad) };
    if (request.clientId !== undefined && !CLIENT_ID.test(request.clientId)) {
      return { ok: false, rejection: hubRejections.malformed('clientId') };
    }
    const since = request.sinceMutationId ?? 0;
    if (!Number.isSafeInteger(since) || since < 0) {
      return { ok: false, rejection: hubRejections.malformed('sinceMutationId') };
    }
    // Stryker disable next-line ConditionalExpression: only a door has a room: any other principal's roomId is undefined (a door reading every room is killed, but the directive takes both)
    const room = principal.kind === 'door' ? principal.roomId : undefined;
    if (room !== undefined) await this.refreshRoom(room);
    const page = await this.readPage(request.cursor, request.limit ?? 500, room);
    const events =
      principal.kind === 'door'
        ? page.events.map((e) => ({
            ...e,
            data: this.rules.redactForDoor(e.data as E, this.currentState),
          }))
        : page.events;
    if (request.clientId === undefined) return { ...page, events };
    const owner = principalKey(principal);
    const c = await sql<{ last_mutation_id: number; principal: string }>`
      select last_mutation_id, principal from hub_clients where client_id = ${request.clientId}`.execute(
      this.db,
    );
    const row = c.rows[0];
    if (row && row.principal !== owner) {
      return { ok: false, rejection: hubRejections.foreignClient(request.clientId) };
    }
    // Stryker disable next-line ConditionalExpression: a client without a row has no refusal recorded (a push records its client's row first; pushAll records no refusal), so the query would find none
    const refused = row
      ? (
          await sql<{ mutation_id: number; rejection: HubRejection }>`
            select mutation_id, rejection from hub_mutations
             where client_id = ${request.clientId} and outcome = 'refused' and mutation_id > ${since}
             order by mutation_id limit 100`.execute(this.db)
        ).rows.map((r) => ({ mutationId: r.mutation_id, rejection: r.rejection }))
      : [];
    return {
      ...page,
      events,
      client: { clientId: request.clientId, lastMutationId: row?.last_mutation_id ?? 0, refused },
    };
  }

  async feed(
    principal: Principal,
    request: { readonly after?: string | undefined; readonly limit?: number | undefined },
  ): Promise<FeedPage | { readonly ok: false; readonly rejection: HubRejection }> {
    if (principal.kind === 'door')
      return { ok: false, rejection: hubRejections.mayNotRead('feed') };
    if (principal.kind === 'system' && !principal.scopes.includes('read')) {
      return { ok: false, rejection: hubRejections.missingScope('read', 'feed') };
    }
    const bad = checkRead(request.after, request.limit);
    if (bad) return { ok: false, rejection: hubRejections.malformed(bad) };
    return this.readPage(request.after, request.limit ?? 500, undefined);
  }

  /**
   * One page of the feed after a cursor: rows of transactions that have all ended (below the
   * snapshot's xmin), in (tx, position) order (S-6). A door's page is its room's and the site's.
   */
  private async readPage(
    cursor: string | undefined,
    limit: number,
    room: string | undefined,
  ): Promise<FeedPage> {
    let point = decodeCursor(this.hubId, cursor);
    let reset = point === undefined;
    if (point && point.position !== 0 && !(await this.knows(point))) {
      point = undefined;
      reset = true;
    }
    const from: FeedPoint = point ?? FEED_START;
    const roomFilter =
      room === undefined ? sql`` : sql`and (room_id = ${room} or (room_id = '' and door_visible))`;
    // On PGlite each row comes as one JSON text: its driver (the wire protocol, in JavaScript)
    // then parses one field a row rather than thirteen, most of a page's cost. A server's driver
    // reads thirteen plain fields faster than the server builds the JSON (a door's catch-up on
    // PostgreSQL: 26-32 ms plain, 41-45 ms as JSON), so there the columns come as they are.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: which form a page's rows come in changes what a page costs, not its rows (the mutation run is on PGlite alone; the suites read the same pages on both engines)
    const json = this.engine === 'pglite';
    // Stryker disable next-line ConditionalExpression: which form a page's rows come in changes what a page costs, not its rows (the mutation run is on PGlite alone; the suites read the same pages on both engines)
    const columns = json
      ? sql`json_build_array(position::text, tx::text, id, stream, stream_version, room_id, type,
              data, now::text, who, device, client_id, mutation_id)::text as r`
      : // Stryker disable next-line StringLiteral: the server's column list, read by the suites on PostgreSQL; the mutation run is on PGlite alone
        sql`position::text as position, tx::text as tx_text, id, stream, stream_version, room_id,
              type, data, now::text as now, who, device, client_id, mutation_id`;
    const read = await this.withRetry(() =>
      sql<Record<string, unknown>>`
        select ${columns}
          from hub_events
         where (tx, position) > (${from.tx}::xid8, ${from.position}::bigint)
           and tx < pg_snapshot_xmin(pg_current_snapshot())
           ${roomFilter}
         order by hub_events.tx, hub_events.position
         limit ${limit + 1}`.execute(this.db),
    );
    // Stryker disable next-line ConditionalExpression: which form a page's rows come in changes what a page costs, not its rows (the mutation run is on PGlite alone; the suites read the same pages on both engines)
    const rows = { rows: json ? read.rows.map((row) => rowOf(row['r'] as string)) : read.rows };
    const more = rows.rows.length > limit;
    const taken = more ? rows.rows.slice(0, limit) : rows.rows;
    const lastRow = taken[taken.length - 1];
    const end: FeedPoint = lastRow
      ? { tx: lastRow['tx_text'] as string, position: Number(lastRow['position']) }
      : from;
    return {
      ok: true,
      reset,
      events: taken.map(toFeedEvent),
      cursor: encodeCursor(this.hubId, end),
      more,
    };
  }

  private async knows(point: FeedPoint): Promise<boolean> {
    const r = await sql<{ n: number }>`
      select count(*)::int as n from hub_events
       where tx = ${point.tx}::xid8 and position = ${point.position}`.execute(this.db);
    // Stryker disable next-line OptionalChaining: count(*) always returns one row
    return (r.rows[0]?.n ?? 0) > 0;
  }
}

const unknownRejection: HubRejection = hubRejections.malformed('recorded outcome');

/** What is wrong with a push, or `undefined`. */
function checkPush(r: unknown): string | undefined {
  if (typeof r !== 'object' || r === null) return 'push';
  const o = r as Record<string, unknown>;
  if (typeof o['clientId'] !== 'string' || !CLIENT_ID.test(o['clientId'])) return 'clientId';
  const clock = o['clientClock'];
  // Stryker disable next-line ConditionalExpression: the typeof is for the compiler, Number.isFinite is false for anything but a number
  if (typeof clock !== 'number' || !Number.isFinite(clock)) return 'clientClock';
  const ms = o['mutations'];
  if (!Array.isArray(ms) || ms.length > MAX_MUTATIONS) return 'mutations';
  let prev = 0;
  for (const m of ms as unknown[]) {
    if (typeof m !== 'object' || m === null) return 'mutations[]';
    const id = (m as { id?: unknown }).id;
    // Stryker disable next-line ConditionalExpression: the typeof is for the compiler, Number.isSafeInteger is false for anything but a number
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1 || id > 2 ** 31 - 1) {
      return 'mutations[].id';
    }
    if (id <= prev) return 'mutations[].id (ascending)';
    prev = id;
  }
  return undefined;
}

function checkRead(cursor: unknown, limit: unknown): string | undefined {
  if (cursor !== undefined && (typeof cursor !== 'string' || cursor.length > 200)) return 'cursor';
  if (
    limit !== undefined &&
    // Stryker disable next-line ConditionalExpression: the typeof is for the compiler, Number.isSafeInteger is false for anything but a number
    (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1 || limit > 1000)
  ) {
    return 'limit';
  }
  return undefined;
}
