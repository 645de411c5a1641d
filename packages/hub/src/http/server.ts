// The hub's HTTP server: every route with a schema for its body, params, query and replies, bodies
// limited in size, every error in both languages, and the OpenAPI document generated from it all.
import Fastify from 'fastify';
import swagger from '@fastify/swagger';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ServerResponse } from 'node:http';
import { Type } from 'typebox';
import { AuthStore } from '../auth/auth-store.js';
import type { App, RouteContext } from './context.js';
import type { HubEngine } from './engine.js';
import { installErrorHandlers } from './errors.js';
import { PokeBus } from './live/poke-bus.js';
import { enrolRoute } from './routes/enrol.js';
import { feedRoute } from './routes/feed.js';
import { liveRoute } from './routes/live.js';
import { meRoute } from './routes/me.js';
import { pullRoute } from './routes/pull.js';
import { pushRoute } from './routes/push.js';
import { readModelRoutes } from './routes/read-models.js';
import { HUB_VERSION } from './version.js';

/** The largest body the hub takes by default: 1 MiB (a push of 500 mutations fits). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Options of {@link buildServer}. */
export interface ServerOptions {
  /** The largest request body in bytes (default {@link DEFAULT_BODY_LIMIT}); larger is a 413. */
  readonly bodyLimit?: number;
  /** Fastify's logger (default off). */
  readonly logger?: boolean;
  /** The hub's clock (default `Date.now`): `hubTime` in replies, enrolment's expiry. */
  readonly clock?: () => number;
  /** Commits within this many ms share one poke (default 5). */
  readonly coalesceMs?: number;
  /** The live channel's heartbeat (default 25 s). */
  readonly heartbeatMs?: number;
  /** More routes to register, e.g. the calendar feeds, or the door pages. */
  readonly plugins?: readonly ((app: App, ctx: RouteContext) => void | Promise<void>)[];
}

/**
 * Builds the hub's HTTP server over an engine. Listen on 127.0.0.1 (`app.listen({ host, port })`);
 * closing the server stops its live channel but leaves the engine open.
 *
 * @param hub - the engine
 * @param options - limits, clock, extra routes
 * @returns the Fastify server, ready
 */
export async function buildServer(hub: HubEngine, options: ServerOptions = {}): Promise<App> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app: App = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    // ids and codes are case-sensitive; `/api/v1/push/` is the same route as `/api/v1/push`.
    routerOptions: { ignoreTrailingSlash: true },
  })
    .setValidatorCompiler(TypeBoxValidatorCompiler)
    .withTypeProvider<TypeBoxTypeProvider>();
  installErrorHandlers(app, bodyLimit);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Huiyi hub API',
        version: HUB_VERSION,
        description:
          "The dealership's sync hub: doors and dealer systems push commands, pull what is new, read the dealership's feed and read models. Every error is `{ error: { code, rule, message: { zh-CN, en } } }`.",
      },
      servers: [{ url: 'http://127.0.0.1:4173' }],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description:
              "A door's device token (`hyd_…`, from enrolment) or a dealer system's API key (`hyk_…`)",
          },
        },
      },
      tags: [
        { name: 'doors', description: 'Enrolment of door kiosks' },
        { name: 'auth', description: 'Tokens and keys' },
        { name: 'sync', description: 'Push, pull and the live channel' },
        { name: 'feed', description: "The dealership's feed for integrators" },
        { name: 'read models', description: 'Queries an integrator needs' },
        { name: 'meta', description: 'The API itself' },
      ],
    },
  });

  const bus = new PokeBus(hub.db, hub.listen, {
    ...(options.coalesceMs !== undefined ? { coalesceMs: options.coalesceMs } : {}),
    log: (message, err) => app.log.warn({ err }, message),
  });
  await bus.start();
  const stopPoking = hub.onCommitted((c) => bus.send(c));
  const streams = new Set<ServerResponse>();
  const ctx: RouteContext = {
    hub,
    auth: new AuthStore(hub.db),
    bus,
    clock: options.clock ?? Date.now,
    heartbeatMs: options.heartbeatMs ?? 25_000,
    streams,
  };
  app.addHook('preClose', async () => {
    stopPoking();
    for (const s of streams) s.end();
    await bus.close();
  });

  enrolRoute(app, ctx);
  meRoute(app, ctx);
  pushRoute(app, ctx);
  pullRoute(app, ctx);
  feedRoute(app, ctx);
  liveRoute(app, ctx);
  readModelRoutes(app, ctx);
  for (const plugin of options.plugins ?? []) await plugin(app, ctx);

  app.get(
    '/api/v1/openapi.json',
    {
      schema: {
        tags: ['meta'],
        summary: 'This OpenAPI document',
        response: {
          200: Type.Object(
            { openapi: Type.String(), info: Type.Object({}, { additionalProperties: true }) },
            { additionalProperties: true },
          ),
        },
      },
    },
    async (_request, reply) =>
      // Sent as it is: the document is built from the schemas and need not pass through them.
      reply
        .type('application/json')
        .serializer(JSON.stringify)
        .send(app.swagger() as unknown as { openapi: string; info: object }),
  );

  await app.ready();
  return app;
}
