import { isAuthRefusal } from '../../auth/auth-store.js';
import { AUTH } from '../../auth/refusal.js';
import { BEARER, authenticate } from '../access.js';
import type { App, RouteContext } from '../context.js';
import { sendRefusal } from '../errors.js';
import { MeReply, errorReplies } from '../schemas.js';

/**
 * `GET /api/v1/me`: who the token stands for (a door and its room, or a system and its scopes).
 *
 * @param app - the server
 * @param ctx - the engine and auth store
 */
export function meRoute(app: App, ctx: RouteContext): void {
  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who the token stands for',
        security: BEARER,
        response: { 200: MeReply, ...errorReplies(401) },
      },
    },
    async (request, reply) => {
      const p = await authenticate(ctx.auth, request);
      if (isAuthRefusal(p)) return sendRefusal(reply, p);
      if (p.kind === 'admin') return sendRefusal(reply, AUTH.unknown());
      if (p.kind === 'system') return { kind: p.kind, keyId: p.keyId, scopes: [...p.scopes] };
      const rooms = await ctx.hub.rooms();
      const room = rooms.find((x) => x.id === p.roomId) ?? { id: p.roomId, name: p.roomId };
      return { kind: p.kind, deviceId: p.deviceId, room };
    },
  );
}
