// A hub for the door's sync tests, far simpler than the real one: the door's own deciders over an
// in-memory log stand for the hub's rules, one counter a client, every refusal kept. It speaks the
// wire protocol's shapes, and a "network" in front of it can lose a request or its reply.
import type { EventStore, Rejection, StoredEvent } from '@huiyi/core';
import { createMemoryEventStore } from '@huiyi/core/testing';
import type { KioskEvent } from '../src/services/kiosk-events.js';
import { KioskService } from '../src/services/kiosk-service.js';
import { HubFailure } from '../src/sync/hub-client.js';
import type {
  Mutation,
  MutationResult,
  PullReply,
  PushReply,
  WireEvent,
} from '../src/sync/protocol.js';
import type { HubCalls } from '../src/sync/sync-engine.js';

/** The model hub: its rules' state, its log, its counters and refusals. */
export class ModelHub {
  readonly log: EventStore<KioskEvent>;
  readonly service: KioskService;
  readonly #last = new Map<string, number>();
  readonly #outcomes = new Map<string, MutationResult>();
  readonly #refusals: { clientId: string; id: number; rejection: Rejection }[] = [];
  /** How many times a command was applied, by client and counter (S-2: at most once). */
  readonly applied = new Map<string, number>();

  private constructor(log: EventStore<KioskEvent>, service: KioskService) {
    this.log = log;
    this.service = service;
  }

  /** A hub with nothing in it. */
  static async open(): Promise<ModelHub> {
    const log = createMemoryEventStore<KioskEvent>();
    let n = 0;
    const service = await KioskService.open(log, {
      device: 'hub',
      random: () => (n = (n * 9301 + 49297) % 233280) / 233280,
    });
    return new ModelHub(log, service);
  }

  /** A dealer system's command, decided at once (it has no queue). */
  async act(command: Record<string, unknown>): Promise<boolean> {
    const r = await this.service.dispatch(command);
    return r.ok;
  }

  async push(clientId: string, mutations: readonly Mutation[]): Promise<PushReply> {
    const results: MutationResult[] = [];
    for (const m of mutations) {
      const last = this.#last.get(clientId) ?? 0;
      const key = `${clientId}#${m.id}`;
      if (m.id <= last) {
        results.push({ ...this.#outcomes.get(key)!, status: 'duplicate' });
        continue;
      }
      if (m.id > last + 1) {
        results.push({ id: m.id, status: 'waiting' });
        continue;
      }
      const before = await this.log.lastPosition();
      const r = await this.service.dispatch(m.command);
      this.#last.set(clientId, m.id);
      let result: MutationResult;
      if (r.ok) {
        this.applied.set(key, (this.applied.get(key) ?? 0) + 1);
        const events = (await this.log.readAfter(before)).map(wire);
        result = { id: m.id, status: 'applied', events };
      } else {
        this.#refusals.push({ clientId, id: m.id, rejection: r.rejection });
        result = { id: m.id, status: 'refused', rejection: r.rejection };
      }
      this.#outcomes.set(key, result);
      results.push(result);
    }
    return {
      lastMutationId: this.#last.get(clientId) ?? 0,
      hubTime: 0,
      clock: { skewMs: 0, status: 'ok' },
      results,
    };
  }

  async pull(cursor: string | undefined, limit: number): Promise<PullReply> {
    const after = cursor === undefined ? 0 : Number(cursor);
    const events = (await this.log.readAfter(after, limit)).map(wire);
    const end = events.at(-1)?.position ?? after;
    return {
      cursor: String(end),
      events,
      hasMore: end < (await this.log.lastPosition()),
      lastMutationIds: Object.fromEntries(this.#last),
      refusals: [...this.#refusals],
      hubTime: 0,
    };
  }
}

/** An event of the model hub's log as the wire carries it (no rooms, versions or clients kept). */
const wire = (e: StoredEvent): WireEvent => ({
  ...e,
  streamVersion: 0,
  roomId: null,
  clientId: null,
  mutationId: null,
});

/** What the network does to the next call. */
export type Weather = 'fine' | 'down' | 'reply-lost';

/**
 * A door's connection to a model hub: each call goes through, is lost before the hub (down), or
 * reaches the hub and its reply is lost.
 */
export function modelNetwork(hub: ModelHub, clientId: string) {
  let weather: Weather = 'fine';
  const through = async <T>(work: () => Promise<T>): Promise<T> => {
    if (weather === 'down') throw new HubFailure('unreachable');
    const reply = await work();
    if (weather === 'reply-lost') throw new HubFailure('unreachable');
    return reply;
  };
  const calls: HubCalls = {
    push: (id, _clock, mutations) => {
      if (id !== clientId) throw new Error('another client');
      return through(() => hub.push(id, mutations));
    },
    pull: (cursor, limit) => through(() => hub.pull(cursor, limit ?? 500)),
    liveUrl: () => 'about:blank',
  };
  return {
    calls,
    set weather(w: Weather) {
      weather = w;
    },
  };
}
