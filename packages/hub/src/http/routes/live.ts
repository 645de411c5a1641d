import { Type } from 'typebox';
import { isAuthRefusal } from '../../auth/auth-store.js';
import { BEARER, authenticate, mayReadDealership } from '../access.js';
import type { App, RouteContext } from '../context.js';
import type { Principal } from '../engine.js';
import { sendRefusal } from '../errors.js';
import type { Poke } from '../live/poke-bus.js';
import { errorReplies } from '../schemas.js';

/**
 * Whether a poke concerns a principal: a door hears of its room and of what every door reads; a
 * system hears of everything.
 *
 * @param p - the principal
 * @param poke - the poke
 * @returns whether to tell it
 * @example
 * concerns({ kind: 'door', deviceId: 'd', roomId: 'A' }, { rooms: ['B'], everyone: false }) // => false
 */
export function concerns(p: Principal, poke: Poke): boolean {
  if (p.kind !== 'door') return true;
  return poke.everyone || poke.rooms.includes(p.roomId);
}

/**
 * `GET /api/v1/live`: Server-Sent Events that tell a client to pull now, whichever hub process on
 * the database took the commit (PostgreSQL LISTEN/NOTIFY).
 *
 * @param app - the server
 * @param ctx - the auth store, the bus and the heartbeat
 */
export function liveRoute(app: App, ctx: RouteContext): void {
  app.get(
    '/api/v1/live',
    {
      schema: {
        tags: ['sync'],
        summary: 'Live pokes: pull now',
        description:
          'A text/event-stream. On connecting, `event: hello` (pull once: pokes before it were not seen); then `event: poke` with `data: {"rooms":[…],"everyone":bool}` whenever something the principal may see was committed, on any hub process; a `: ping` comment every 25 s. The token goes in the Authorization header, or in `?token=` (EventSource sends no headers). A system needs `read`.',
        security: BEARER,
        querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: {
          200: {
            description: 'The event stream',
            content: { 'text/event-stream': { schema: Type.String() } },
          },
          ...errorReplies(401, 403),
        },
      },
    },
    async (request, reply) => {
      const p = await authenticate(ctx.auth, request, true);
      if (isAuthRefusal(p)) return sendRefusal(reply, p);
      if (p.kind === 'system') {
        const denied = mayReadDealership(p);
        if (denied) return sendRefusal(reply, denied);
      }
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const hello = p.kind === 'door' ? { roomId: p.roomId } : {};
      res.write(`retry: 3000\nevent: hello\ndata: ${JSON.stringify(hello)}\n\n`);
      const unsubscribe = ctx.bus.subscribe((poke) => {
        if (!concerns(p, poke)) return;
        const rooms = p.kind === 'door' ? [p.roomId] : poke.rooms;
        res.write(`event: poke\ndata: ${JSON.stringify({ rooms, everyone: poke.everyone })}\n\n`);
      });
      const ping = setInterval(() => res.write(': ping\n\n'), ctx.heartbeatMs);
      ctx.streams.add(res);
      const done = () => {
        clearInterval(ping);
        unsubscribe();
        ctx.streams.delete(res);
      };
      request.raw.on('close', done);
      res.on('close', done);
    },
  );
}
