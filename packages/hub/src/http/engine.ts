// The one file through which the HTTP layer, the auth store and the CLI reach the hub's engine.
// Everything they need of it is named here, so a change in the engine's surface is a change here.
import type { Kysely } from 'kysely';
import type { StoredEvent } from '@huiyi/core';

/** Who acts: a door enrolled for one room, a dealer system with scopes, or the local admin. */
export type Principal =
  | { readonly kind: 'door'; readonly deviceId: string; readonly roomId: string }
  | { readonly kind: 'system'; readonly keyId: string; readonly scopes: readonly string[] }
  | { readonly kind: 'admin' };

/** A bilingual message. */
export interface Bilingual {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** A rejection as the core writes it (`{ kind, rule, code, data, message }`). */
export interface RejectionJson {
  readonly kind: 'rejection';
  readonly rule: string;
  readonly code: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly message: Bilingual;
}

/** One mutation of a push: a counter that grows by one per client, and a core command. */
export interface Mutation {
  readonly id: number;
  readonly command: Readonly<Record<string, unknown>>;
}

/** What a client pushes. */
export interface PushRequest {
  readonly clientId: string;
  readonly clientClock: number;
  readonly mutations: readonly Mutation[];
}

/** How one mutation ended. */
export interface MutationResult {
  readonly id: number;
  readonly status: 'applied' | 'refused' | 'duplicate' | 'waiting';
  readonly events?: readonly StoredEvent[];
  readonly rejection?: RejectionJson;
}

/** The hub's answer to a push. */
export interface PushReply {
  readonly lastMutationId: number;
  readonly hubTime: number;
  readonly clock: { readonly skewMs: number; readonly status: 'ok' | 'bounded' | 'refused' };
  readonly results: readonly MutationResult[];
}

/** What a client asks to pull. */
export interface PullRequest {
  readonly cursor?: string;
  readonly limit?: number;
}

/** A page of what is new for a principal. */
export interface PullReply {
  readonly cursor: string;
  readonly events: readonly StoredEvent[];
  readonly hasMore: boolean;
  readonly lastMutationIds: Readonly<Record<string, number>>;
  readonly refusals: readonly {
    readonly clientId: string;
    readonly id: number;
    readonly rejection: RejectionJson;
  }[];
  readonly hubTime: number;
}

/** A page of the dealership's whole feed. */
export interface FeedReply {
  readonly events: readonly StoredEvent[];
  readonly checkpoint: string;
  readonly hasMore: boolean;
}

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
    readonly status: 400 | 403 | 404 | 409;
    readonly code: string;
    readonly rule: string;
    readonly message: Bilingual;
  };
}

/** The engine as the HTTP layer uses it. */
export interface HubEngine {
  /** The database, for the auth tables (migrations 0200–0299). */
  readonly db: Kysely<unknown>;
  /** How to listen for pokes across processes: a PostgreSQL server's URL, or the embedded instance. */
  readonly listen: ListenSource;
  push(principal: Principal, request: PushRequest): Promise<PushReply | EngineRefusal>;
  pull(principal: Principal, request: PullRequest): Promise<PullReply | EngineRefusal>;
  feed(request: { after?: string; limit?: number }): Promise<FeedReply | EngineRefusal>;
  onCommitted(listener: (committed: Committed) => void): () => void;
  /** The rooms of the dealership, from the read model. */
  rooms(): Promise<readonly RoomSummary[]>;
  /** Writes the whole log as NDJSON lines (no newline in a line). Returns how many lines. */
  exportLog(write: (line: string) => Promise<void>): Promise<number>;
  /** Reads an NDJSON log into an empty database; refused when it is not empty. */
  restoreLog(lines: AsyncIterable<string>): Promise<{ readonly lines: number } | EngineRefusal>;
  /** Lays out the demo dealership around `now`, unless the database holds events already. */
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
