import type { ClockReading } from './clock-skew.js';
import type { HubRejection } from './hub-rejection.js';

/** One mutation of a push: the client's counter (1, 2, 3 …) and the command as JSON. */
export interface Mutation {
  readonly id: number;
  readonly command: unknown;
}

/** What a door or a dealer system pushes: its client id, its clock, its mutations in order. */
export interface PushRequest {
  /** Stable per installed client (a door's IndexedDB, a dealer system's outbox). */
  readonly clientId: string;
  /** The client's clock when it sent the push (epoch ms): the hub compares it with its own (S-1). */
  readonly clientClock: number;
  readonly mutations: readonly Mutation[];
}

/** An event as the hub hands it out: the envelope and the event itself as `data`. */
export interface FeedEvent {
  /** The global position: unique, growing in insertion order. */
  readonly position: number;
  readonly id: string;
  readonly stream: string;
  readonly streamVersion: number;
  /** The room whose serialization it went through; `null` for site-wide events. */
  readonly roomId: string | null;
  readonly type: string;
  readonly data: unknown;
  /** The `now` of the command that decided it (epoch ms). */
  readonly now: number;
  /** The actor's id. */
  readonly who: string;
  /** The device or key it came from. */
  readonly device: string;
  /** The client and mutation that produced it, when it came from a push. */
  readonly clientId: string | null;
  readonly mutationId: number | null;
}

/** What happened to one mutation (S-2). */
export type MutationOutcome =
  /** Decided by the rules and committed: its events. */
  | { readonly id: number; readonly status: 'applied'; readonly events: readonly FeedEvent[] }
  /** Refused by the rules or the hub, recorded; the counter moved on. */
  | { readonly id: number; readonly status: 'refused'; readonly rejection: HubRejection }
  /** Already processed before (a retry): nothing done again; the first outcome. */
  | {
      readonly id: number;
      readonly status: 'duplicate';
      readonly prior:
        | { readonly outcome: 'applied'; readonly eventCount: number }
        | { readonly outcome: 'refused'; readonly rejection: HubRejection }
        | null;
    }
  /** Its predecessor has not arrived: kept, and applied right after it. */
  | { readonly id: number; readonly status: 'waiting' };

/** The hub's answer to a push. */
export type PushReply =
  | {
      readonly ok: true;
      readonly clientId: string;
      /** The highest mutation id applied or refused for this client. */
      readonly lastMutationId: number;
      readonly clock: ClockReading;
      /** One per mutation sent, in order, plus any waiting mutation the push let run. */
      readonly results: readonly MutationOutcome[];
    }
  | { readonly ok: false; readonly rejection: HubRejection };

/** A page of the feed. */
export interface FeedPage {
  readonly ok: true;
  /** `true` when the cursor given was not this hub's (another database, a restore, malformed, gone): the page starts from the beginning and the reader rebuilds. */
  readonly reset: boolean;
  readonly events: readonly FeedEvent[];
  /** Give it back to read on. */
  readonly cursor: string;
  /** More events are there now: read again at once. */
  readonly more: boolean;
}

/** What a client reads when it pulls: its page, its counter and its refusals. */
export type PullReply =
  | (FeedPage & {
      readonly client?: {
        readonly clientId: string;
        readonly lastMutationId: number;
        /** Refusals of this client's mutations after `sinceMutationId`, oldest first (S-2). */
        readonly refused: readonly {
          readonly mutationId: number;
          readonly rejection: HubRejection;
        }[];
      };
    })
  | { readonly ok: false; readonly rejection: HubRejection };

/** A pull: where the client stands. */
export interface PullRequest {
  /** The cursor of the last page, or `undefined` / `''` for the beginning. */
  readonly cursor?: string | undefined;
  /** At most this many events (1–1000, default 500). */
  readonly limit?: number | undefined;
  /** The client, to read its counter and refusals. */
  readonly clientId?: string | undefined;
  /** Refusals after this mutation id (default 0: all of them, at most 100). */
  readonly sinceMutationId?: number | undefined;
}

/** What a commit tells `onCommitted` listeners (the HTTP layer's `NOTIFY` pokes hang here). */
export interface Committed {
  /** The room serialized through, `null` for site-wide. */
  readonly roomId: string | null;
  readonly clientId: string;
  readonly mutationId: number;
  readonly positions: readonly number[];
}
