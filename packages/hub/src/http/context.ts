import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AuthStore } from '../auth/auth-store.js';
import type { HubEngine } from './engine.js';
import type { PokeBus } from './live/poke-bus.js';

/** The Fastify instance with TypeBox types. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What every route reaches: the engine, the auth store, the live bus and the clock. */
export interface RouteContext {
  readonly hub: HubEngine;
  readonly auth: AuthStore;
  readonly bus: PokeBus;
  readonly clock: () => number;
  /** How often the live channel sends a heartbeat comment (ms). */
  readonly heartbeatMs: number;
  /** The live channel's open streams, ended when the server closes. */
  readonly streams: Set<ServerResponse>;
}
