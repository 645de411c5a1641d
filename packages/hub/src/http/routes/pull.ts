import type { Static } from 'typebox';
import { isAuthRefusal } from '../../auth/auth-store.js';
import { BEARER, authenticate } from '../access.js';
import type { App, RouteContext } from '../context.js';
import { isRefusal } from '../engine.js';
import { sendRefusal } from '../errors.js';
import { PullQuery, PullReplySchema, errorReplies } from '../schemas.js';

/**
 * `GET /api/v1/pull`: what is new for the principal since its cursor, a page at a time, with the
 * counters of its commands the hub has applied and its refusals. A door reads its room, the people
 * directory and the policy (S-3), confidential meetings stripped (S-4).
 *
 * @param app - the server
 * @param ctx - the engine and auth store
 */
export function pullRoute(app: App, ctx: RouteContext): void {
  app.get(
    '/api/v1/pull',
    {
      schema: {
        tags: ['sync'],
        summary: 'Pull what is new',
        description:
          'No cursor = from the start of what the principal may see. A cursor the hub no longer knows answers 409 `sync.reset`: pull again from scratch.',
        security: BEARER,
        querystring: PullQuery,
        response: { 200: PullReplySchema, ...errorReplies(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const p = await authenticate(ctx.auth, request);
      if (isAuthRefusal(p)) return sendRefusal(reply, p);
      const { cursor, limit, clientId, sinceMutationId } = request.query;
      const r = await ctx.hub.pull(p, {
        ...(cursor !== undefined ? { cursor } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(clientId !== undefined ? { clientId } : {}),
        ...(sinceMutationId !== undefined ? { sinceMutationId } : {}),
      });
      if (isRefusal(r)) return sendRefusal(reply, r.refused);
      // The engine's types are the wire's, read-only.
      return r as unknown as Static<typeof PullReplySchema>;
    },
  );
}
