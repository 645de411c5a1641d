/**
 * The hub's sync protocol as the wire carries it: what a door or a dealer system pushes and pulls,
 * and what the hub answers (`POST /api/v1/push`, `GET /api/v1/pull`, `GET /api/v1/events`,
 * `POST /api/v1/enrol`). One description for both ends: the hub writes these shapes, the door
 * reads them. Types only: importing this module (`@huiyi/core/sync-protocol`) puts nothing in a
 * bundle.
 *
 * @packageDocumentation
 */

/** A message in both languages. */
export interface Bilingual {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** A rejection as the core writes it (`{ kind, rule, code, data, message }`), as JSON. */
export interface RejectionJson {
  readonly kind: 'rejection';
  readonly rule: string;
  readonly code: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly message: Bilingual;
}

/**
 * An event on the wire: the core's stored event (`data` is the event itself), the hub's global
 * position, its version in its stream, and where it came from.
 */
export interface WireEvent<D = unknown> {
  readonly id: string;
  readonly stream: string;
  readonly type: string;
  readonly data: D;
  /** The `now` of the command that decided it (epoch ms). */
  readonly now: number;
  /** The actor's id. */
  readonly who: string;
  /** The device or key it came from. */
  readonly device: string;
  /** The hub's global position: unique, growing in commit order. */
  readonly position: number;
  readonly streamVersion: number;
  /** The room it was serialized through; `null` for site-wide events (directory, policy). */
  readonly roomId: string | null;
  /** The client and mutation that produced it, when it came from a push. */
  readonly clientId: string | null;
  readonly mutationId: number | null;
}

/** One mutation of a push: a counter that grows by one per client, and a core command as JSON. */
export interface Mutation {
  readonly id: number;
  readonly command: Readonly<Record<string, unknown>>;
}

/** What a client pushes (`POST /api/v1/push`). */
export interface PushRequest {
  /** Stable per installed client (a door's IndexedDB, a dealer system's outbox). */
  readonly clientId: string;
  /** The client's clock when it sent the push (epoch ms): the hub compares it with its own. */
  readonly clientClock: number;
  readonly mutations: readonly Mutation[];
}

/**
 * How one mutation ended: `applied` (with its events), `refused` (with why; the counter moved
 * on), `duplicate` (sent before: nothing done again; a refusal's rejection comes again), `waiting`
 * (its predecessor has not arrived).
 */
export interface MutationResult {
  readonly id: number;
  readonly status: 'applied' | 'refused' | 'duplicate' | 'waiting';
  readonly events?: readonly WireEvent[];
  readonly rejection?: RejectionJson;
}

/** How far the client's clock is from the hub's, and what the hub made of it. */
export interface ClockVerdict {
  readonly skewMs: number;
  readonly status: 'ok' | 'bounded' | 'refused';
}

/** The hub's answer to a push. */
export interface PushReply {
  /** The highest mutation id applied or refused for this client. */
  readonly lastMutationId: number;
  readonly hubTime: number;
  readonly clock: ClockVerdict;
  /** One per mutation sent, in order. */
  readonly results: readonly MutationResult[];
}

/** What a client asks to pull (`GET /api/v1/pull`, as its query). */
export interface PullRequest {
  /** Where the last page stopped; none: from the start of what the principal may see. */
  readonly cursor?: string;
  readonly limit?: number;
  /** The client whose counter and refusals to read. */
  readonly clientId?: string;
  /** Refusals after this mutation id (default 0). */
  readonly sinceMutationId?: number;
}

/** A refused mutation of a client, as a pull reports it. */
export interface PulledRefusal {
  readonly clientId: string;
  readonly id: number;
  readonly rejection: RejectionJson;
}

/** A page of what is new for a principal. */
export interface PullReply {
  readonly cursor: string;
  readonly events: readonly WireEvent[];
  readonly hasMore: boolean;
  /** The asking client's counter at the hub, by client id. */
  readonly lastMutationIds: Readonly<Record<string, number>>;
  readonly refusals: readonly PulledRefusal[];
  readonly hubTime: number;
}

/** A page of the dealership's whole feed (`GET /api/v1/events`). */
export interface FeedReply {
  readonly events: readonly WireEvent[];
  readonly checkpoint: string;
  readonly hasMore: boolean;
}

/** What a door sends to enrol (`POST /api/v1/enrol`). */
export interface EnrolRequest {
  /** The one-time code, `ABCD-EFGH`. */
  readonly code: string;
  readonly deviceName?: string;
}

/** What the hub answers an enrolment: who the door is to it, and its room. */
export interface EnrolReply {
  readonly deviceId: string;
  /** Shown once: the hub keeps only its hash. */
  readonly deviceToken: string;
  readonly room: { readonly id: string; readonly name: string };
  readonly hubTime: number;
}

/** A refusal of a whole request, as its body carries it (`{ error }`), with the HTTP status. */
export interface ErrorBody {
  readonly code: string;
  /** The rule it answers to (`S-3`), or `HTTP`. */
  readonly rule: string;
  readonly message: Bilingual;
}

/** Every error reply's body. */
export interface ErrorReply {
  readonly error: ErrorBody;
}
