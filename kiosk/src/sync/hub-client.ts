import {
  readEnrolReply,
  readHubError,
  readPullReply,
  readPushReply,
  type EnrolReply,
  type ErrorBody,
  type Mutation,
  type PullReply,
  type PushReply,
} from './protocol.js';

/**
 * Why a call to the hub did not succeed:
 * - `unreachable`: no answer (no network, the hub down, a timeout): try again later;
 * - `unauthorized`: the hub does not (or no longer) know this door's token (401: unknown, revoked);
 * - `forbidden`: the token is known, the call is not its to make (403);
 * - `reset`: the hub no longer knows the cursor: pull from the start (409 `sync.reset`);
 * - `refused`: any other 4xx, with the hub's reason;
 * - `malformed`: an answer that is not the protocol's (a proxy's page, a hub of another version).
 */
export type HubFailureKind =
  'unreachable' | 'unauthorized' | 'forbidden' | 'reset' | 'refused' | 'malformed';

/** A call to the hub that did not succeed, and why. */
export class HubFailure extends Error {
  readonly kind: HubFailureKind;
  readonly status: number | undefined;
  readonly body: ErrorBody | undefined;

  constructor(kind: HubFailureKind, status?: number, body?: ErrorBody) {
    super(body?.message.en ?? `hub: ${kind}${status === undefined ? '' : ` (${status})`}`);
    this.name = 'HubFailure';
    this.kind = kind;
    this.status = status;
    this.body = body;
  }
}

/** The `fetch` the client calls (the page's, or a test's). */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** How long a call may take before the hub counts as unreachable. */
export const CALL_TIMEOUT_MS = 15_000;

/**
 * The hub's address as typed: trimmed, `http://` added when no scheme is given, no trailing slash.
 *
 * @param typed - what the admin typed (`192.168.1.20:4173`, `https://hub.example/`)
 * @returns the base address, or `undefined` when it is not an address
 * @example
 * hubBase(' 10.0.0.2:4173/ ') // => 'http://10.0.0.2:4173'
 */
export function hubBase(typed: string): string | undefined {
  const t = typed.trim();
  if (t === '') return undefined;
  try {
    const url = new URL(/^https?:\/\//i.test(t) ? t : `http://${t}`);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

async function call(
  fetchFn: Fetch,
  url: string,
  init: RequestInit,
  read: (body: unknown) => unknown,
): Promise<unknown> {
  let response: Response;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), CALL_TIMEOUT_MS);
  try {
    response = await fetchFn(url, { ...init, signal: controller.signal, cache: 'no-store' });
  } catch {
    throw new HubFailure('unreachable');
  } finally {
    clearTimeout(timer);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // A gateway's HTML page while the hub restarts is as good as no answer.
    if (response.status >= 500 || response.status === 0) throw new HubFailure('unreachable');
    throw new HubFailure('malformed', response.status);
  }
  if (response.ok) {
    const value = read(body);
    if (value === undefined) throw new HubFailure('malformed', response.status);
    return value;
  }
  const error = readHubError(body);
  if (response.status >= 500) throw new HubFailure('unreachable', response.status, error);
  if (response.status === 401) throw new HubFailure('unauthorized', 401, error);
  if (response.status === 403) throw new HubFailure('forbidden', 403, error);
  if (response.status === 409 && error?.code === 'sync.reset')
    throw new HubFailure('reset', 409, error);
  throw new HubFailure('refused', response.status, error);
}

/**
 * Enrols this door with a hub: a one-time code for one room, issued by the hub's admin, for this
 * door's device token (the hub keeps only its hash).
 *
 * @param base - the hub's address ({@link hubBase})
 * @param code - the one-time code, `ABCD-EFGH`
 * @param deviceName - what the hub's admin sees this tablet as
 * @param fetchFn - the `fetch` to call
 * @returns the door's id, token and room
 * @throws HubFailure when the hub is unreachable or refuses the code
 */
export async function enrol(
  base: string,
  code: string,
  deviceName: string,
  fetchFn: Fetch = (i, r) => fetch(i, r),
): Promise<EnrolReply> {
  return (await call(
    fetchFn,
    `${base}/api/v1/enrol`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: code.trim().toUpperCase(), deviceName }),
    },
    readEnrolReply,
  )) as EnrolReply;
}

/** The door's calls to its hub, with its device token. */
export class HubClient {
  readonly base: string;
  readonly #token: string;
  readonly #fetch: Fetch;

  constructor(base: string, token: string, fetchFn: Fetch = (i, r) => fetch(i, r)) {
    this.base = base;
    this.#token = token;
    this.#fetch = fetchFn;
  }

  #auth(): Record<string, string> {
    return { authorization: `Bearer ${this.#token}` };
  }

  /**
   * Sends commands, in counter order (S-2: each applied once however often it is sent).
   *
   * @param clientId - the door's id at the hub
   * @param clientClock - the door's clock now
   * @param mutations - the commands
   * @returns the hub's answer
   */
  async push(
    clientId: string,
    clientClock: number,
    mutations: readonly Mutation[],
  ): Promise<PushReply> {
    return (await call(
      this.#fetch,
      `${this.base}/api/v1/push`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.#auth() },
        body: JSON.stringify({ clientId, clientClock, mutations }),
      },
      readPushReply,
    )) as PushReply;
  }

  /**
   * Reads what is new for the door since its cursor, one page.
   *
   * @param cursor - where the last page stopped (`undefined`: from the start)
   * @param limit - the page's size
   * @param clientId - the door's id at the hub: its counter and refusals come with the page
   * @param since - refusals of commands after this counter
   * @returns the page
   */
  async pull(
    cursor: string | undefined,
    limit = 500,
    clientId?: string,
    since?: number,
  ): Promise<PullReply> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor !== undefined) query.set('cursor', cursor);
    if (clientId !== undefined) query.set('clientId', clientId);
    if (since !== undefined) query.set('sinceMutationId', String(since));
    return (await call(
      this.#fetch,
      `${this.base}/api/v1/pull?${query}`,
      { headers: this.#auth() },
      readPullReply,
    )) as PullReply;
  }

  /**
   * The live channel's address (an `EventSource` sends no headers: the token goes in the query).
   *
   * @returns the address
   */
  liveUrl(): string {
    return `${this.base}/api/v1/live?token=${encodeURIComponent(this.#token)}`;
  }
}
