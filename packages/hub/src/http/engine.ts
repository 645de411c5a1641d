// The one file through which the HTTP layer, the auth store and the CLI reach the hub's engine.
// Everything they need of it is named here, so a change in the engine's surface is a change here.
import { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely } from 'kysely';
import { seedDemo } from '../seed-demo.js';
import { exportLog, restoreLog, RestoreError } from '../export-log.js';
import { openHub, type Hub } from '../hub.js';
import type { FeedEvent, MutationOutcome } from '../hub-types.js';
import type { HubRejection } from '../hub-rejection.js';
import type { Principal } from '../principal.js';
import type {
  Bilingual,
  FeedReply,
  MutationResult,
  PullReply,
  PullRequest,
  PushReply,
  PushRequest,
  WireEvent,
} from '@huiyi/core/sync-protocol';

export type { Principal };

// The wire's shapes are the protocol's, one description for the hub and the door.
export type {
  Bilingual,
  FeedReply,
  Mutation,
  MutationResult,
  PullReply,
  PullRequest,
  PushReply,
  PushRequest,
  RejectionJson,
  WireEvent,
} from '@huiyi/core/sync-protocol';

/** What was committed, for the live channel's pokes: the rooms it touched, and whether it touched
 * what every door reads (the people directory, the policy). */
export interface Committed {
  readonly rooms: readonly string[];
  readonly everyone: boolean;
}

/** A room as the directory knows it. */
export interface RoomSummary {
  readonly id: string;
  readonly name: string;
}

/** The engine's answer when a request cannot be served: an HTTP-shaped refusal. */
export interface EngineRefusal {
  readonly refused: {
    readonly status: 400 | 401 | 403 | 404 | 409;
    readonly code: string;
    readonly rule: string;
    readonly message: Bilingual;
  };
}

/** The engine as the HTTP layer uses it. */
export interface HubEngine {
  /** The database, for the auth tables (migrations 0200–0299). */
  readonly db: Kysely<unknown>;
  /** The engine itself, for what runs beside it in the same process (the calendars' projection, the directory). */
  readonly core: Hub;
  /** How to listen for pokes across processes: a PostgreSQL server's URL, or the embedded instance. */
  readonly listen: ListenSource;
  push(principal: Principal, request: PushRequest): Promise<PushReply | EngineRefusal>;
  pull(principal: Principal, request: PullRequest): Promise<PullReply | EngineRefusal>;
  feed(
    principal: Principal,
    request: { after?: string; limit?: number },
  ): Promise<FeedReply | EngineRefusal>;
  onCommitted(listener: (committed: Committed) => void): () => void;
  /** The rooms of the dealership, from the read model. */
  rooms(): Promise<readonly RoomSummary[]>;
  /** Writes the whole log as NDJSON lines (no newline in a line). Returns how many lines. */
  exportLog(write: (line: string) => Promise<void>): Promise<number>;
  /** Lays out the demo dealership around `now`, once (a second time adds nothing). */
  seedDemo(now: number): Promise<{ readonly seeded: boolean }>;
  close(): Promise<void>;
}

/** Where NOTIFY/LISTEN go: a server (a dedicated `pg` client) or the embedded PGlite. */
export type ListenSource =
  | { readonly kind: 'server'; readonly databaseUrl: string }
  | {
      readonly kind: 'embedded';
      readonly listen: (
        channel: string,
        cb: (payload: string) => void,
      ) => Promise<() => Promise<void>>;
    };

/**
 * Tells a refusal from a reply.
 *
 * @param r - an engine's answer
 * @returns whether it is a refusal
 * @example
 * isRefusal({ refused: { status: 403, code: 'auth.room', rule: 'S-3', message } }) // => true
 */
export function isRefusal<T extends object>(r: T | EngineRefusal): r is EngineRefusal {
  return 'refused' in r;
}

/** The engine's refusals that are about who asks (S-3): a 403, not a 400. */
const FORBIDDEN = new Set([
  'hub.missing-scope',
  'hub.may-not-read',
  'hub.foreign-client',
  'hub.other-room',
  'hub.not-for-door',
]);

/**
 * A refusal of the whole request by the engine, as the wire carries it: 403 when it is about who
 * asks (S-3), else 400.
 *
 * @param r - the engine's rejection
 * @returns the refusal
 */
export function refusedByEngine(r: HubRejection): EngineRefusal {
  return {
    refused: {
      status: FORBIDDEN.has(r.code) ? 403 : 400,
      code: r.code,
      rule: r.rule,
      message: r.message,
    },
  };
}

/** The answer to a cursor or checkpoint the hub no longer knows: pull again from scratch. */
export const SYNC_RESET: EngineRefusal = {
  refused: {
    status: 409,
    code: 'sync.reset',
    rule: 'S-6',
    message: {
      'zh-CN': '同步位置已失效（数据库已更换或恢复）：请从头重新同步',
      en: 'the cursor is not known here (another database, or a restore): pull again from the start',
    },
  },
};

const wire = (e: FeedEvent): WireEvent => ({
  id: e.id,
  stream: e.stream,
  type: e.type,
  data: e.data,
  now: e.now,
  who: e.who,
  device: e.device,
  position: e.position,
  streamVersion: e.streamVersion,
  roomId: e.roomId,
  clientId: e.clientId,
  mutationId: e.mutationId,
});

const outcome = (o: MutationOutcome): MutationResult => {
  switch (o.status) {
    case 'applied':
      return { id: o.id, status: 'applied', events: o.events.map(wire) };
    case 'refused':
      return { id: o.id, status: 'refused', rejection: o.rejection };
    case 'duplicate':
      return o.prior?.outcome === 'refused'
        ? { id: o.id, status: 'duplicate', rejection: o.prior.rejection }
        : { id: o.id, status: 'duplicate' };
    case 'waiting':
      return { id: o.id, status: 'waiting' };
    default:
      return o satisfies never;
  }
};

/**
 * Wraps the hub's engine for the HTTP layer: its replies in the wire's shapes.
 *
 * @param hub - the engine, open
 * @param listen - where this process LISTENs for pokes
 * @param clock - the hub's clock, for `hubTime` in pull replies
 * @param onClose - what else to close with it (an embedded PGlite)
 * @returns the engine as the HTTP layer uses it
 */
export function adaptEngine(
  hub: Hub,
  listen: ListenSource,
  clock: () => number = Date.now,
  onClose: () => Promise<void> = async () => undefined,
): HubEngine {
  return {
    db: hub.db,
    core: hub,
    listen,
    async push(principal, request) {
      const r = await hub.push(principal, request);
      if (!r.ok) return refusedByEngine(r.rejection);
      return {
        lastMutationId: r.lastMutationId,
        hubTime: r.clock.hubNow,
        clock: { skewMs: r.clock.skewMs, status: r.clock.verdict },
        results: r.results.map(outcome),
      };
    },
    async pull(principal, request) {
      const r = await hub.pull(principal, request);
      if (!r.ok) return refusedByEngine(r.rejection);
      if (r.reset) return SYNC_RESET;
      return {
        cursor: r.cursor,
        events: r.events.map(wire),
        hasMore: r.more,
        lastMutationIds: r.client ? { [r.client.clientId]: r.client.lastMutationId } : {},
        refusals: r.client
          ? r.client.refused.map((x) => ({
              clientId: r.client?.clientId ?? '',
              id: x.mutationId,
              rejection: x.rejection,
            }))
          : [],
        hubTime: clock(),
      };
    },
    async feed(principal, request) {
      const r = await hub.feed(principal, request);
      if (!r.ok) return refusedByEngine(r.rejection);
      if (r.reset) return SYNC_RESET;
      return { events: r.events.map(wire), checkpoint: r.cursor, hasMore: r.more };
    },
    onCommitted(listener) {
      return hub.onCommitted((c) =>
        listener({ rooms: c.roomId === null ? [] : [c.roomId], everyone: c.roomId === null }),
      );
    },
    async rooms() {
      const r = await sql<RoomSummary>`
        select room_id as id, name from rm_rooms order by room_id`.execute(hub.db);
      return r.rows;
    },
    exportLog: (write) => exportLog(hub.db, write),
    async seedDemo(now) {
      // Once: a second seed's mutations are duplicates of the first's.
      return { seeded: (await seedDemo(hub, now)).applied > 0 };
    },
    async close() {
      await hub.close();
      await onClose();
    },
  };
}

/** Where the hub's data is: a PostgreSQL server, or PGlite's folder (in memory when neither). */
export interface RuntimeOptions {
  readonly databaseUrl?: string | undefined;
  readonly dataDir?: string | undefined;
  /** The hub's clock (default `Date.now`). */
  readonly clock?: (() => number) | undefined;
}

/**
 * Opens the hub's engine for a process: on the server at `databaseUrl`, or on PGlite in `dataDir`
 * (the process holds the PGlite, so it can LISTEN on it too).
 *
 * @param options - where the data is, the clock
 * @returns the engine as the HTTP layer uses it
 */
export async function openRuntime(options: RuntimeOptions = {}): Promise<HubEngine> {
  const clock = options.clock ?? Date.now;
  if (options.databaseUrl) {
    const hub = await openHub({ databaseUrl: options.databaseUrl, clock });
    return adaptEngine(hub, { kind: 'server', databaseUrl: options.databaseUrl }, clock);
  }
  const pglite = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const hub = await openHub({ pglite, clock });
  return adaptEngine(hub, embedded(pglite), clock, () => pglite.close());
}

/**
 * LISTEN on an embedded PGlite.
 *
 * @param pglite - the instance
 * @returns the listen source
 */
export function embedded(pglite: PGlite): ListenSource {
  return {
    kind: 'embedded',
    listen: async (channel, cb) => {
      const un = await pglite.listen(channel, cb);
      return () => un();
    },
  };
}

/**
 * Restores an exported log into an empty database (the engine refuses any other), with no hub
 * open on it.
 *
 * @param options - where the data is
 * @param lines - the export's lines
 * @returns how many events were restored, or why not (409)
 */
export async function restoreInto(
  options: RuntimeOptions,
  lines: AsyncIterable<string>,
): Promise<{ readonly events: number } | EngineRefusal> {
  try {
    if (options.databaseUrl)
      return { events: await restoreLog({ databaseUrl: options.databaseUrl }, lines) };
    const pglite = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
    try {
      return { events: await restoreLog({ pglite }, lines) };
    } finally {
      await pglite.close();
    }
  } catch (e) {
    if (!(e instanceof RestoreError)) throw e;
    const empty = /not empty/.test(e.message);
    return {
      refused: {
        status: 409,
        code: empty ? 'restore.not-empty' : 'restore.malformed',
        rule: 'S-2',
        message: empty
          ? {
              'zh-CN': '数据库不是空的：日志只能恢复到空数据库',
              en: 'the database is not empty: a log is restored into an empty database only',
            }
          : {
              'zh-CN': `日志无法恢复：${e.message}`,
              en: `the log cannot be restored: ${e.message}`,
            },
      },
    };
  }
}
