import type { Static } from 'typebox';
import { isAuthRefusal } from '../../auth/auth-store.js';
import { BEARER, authenticate } from '../access.js';
import type { App, RouteContext } from '../context.js';
import { isRefusal } from '../engine.js';
import { sendRefusal } from '../errors.js';
import { PushBody, PushReplySchema, errorReplies } from '../schemas.js';

/**
 * `POST /api/v1/push`: a door or a dealer system sends its commands, each with its counter; the hub
 * decides each by the rules, exactly once, in counter order (S-1, S-2); what falls outside the
 * principal's room or scopes is refused with S-3.
 *
 * @param app - the server
 * @param ctx - the engine and auth store
 */
export function pushRoute(app: App, ctx: RouteContext): void {
  app.post(
    '/api/v1/push',
    {
      schema: {
        tags: ['sync'],
        summary: 'Push commands',
        description:
          'Mutations are applied in counter order, exactly once; a refusal by the rules is a result (`status: refused` with its rejection), not an HTTP error, and still advances the counter. A counter already applied answers `duplicate`; one past a gap `waiting`.',
        security: BEARER,
        body: PushBody,
        response: { 200: PushReplySchema, ...errorReplies(400, 401, 403, 409, 413) },
      },
    },
    async (request, reply) => {
      const p = await authenticate(ctx.auth, request);
      if (isAuthRefusal(p)) return sendRefusal(reply, p);
      const r = await ctx.hub.push(p, request.body);
      if (isRefusal(r)) return sendRefusal(reply, r.refused);
      // The engine's types are the wire's, read-only.
      return r as unknown as Static<typeof PushReplySchema>;
    },
  );
}
