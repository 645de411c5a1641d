import type { Static } from 'typebox';
import { isAuthRefusal } from '../../auth/auth-store.js';
import { BEARER, authenticate, mayReadDealership } from '../access.js';
import type { App, RouteContext } from '../context.js';
import { isRefusal } from '../engine.js';
import { sendRefusal } from '../errors.js';
import { FeedQuery, FeedReplySchema, errorReplies } from '../schemas.js';

/**
 * `GET /api/v1/events`: the whole dealership's feed after a checkpoint, in commit order, never
 * skipping an event whose commit came late (S-6). Scope `read`.
 *
 * @param app - the server
 * @param ctx - the engine and auth store
 */
export function feedRoute(app: App, ctx: RouteContext): void {
  app.get(
    '/api/v1/events',
    {
      schema: {
        tags: ['feed'],
        summary: "The dealership's feed after a checkpoint",
        description:
          "Every event in commit order, gap-free under concurrent commits. Keep the reply's `checkpoint` and pass it as `after` next time. Scope `read`.",
        security: BEARER,
        querystring: FeedQuery,
        response: { 200: FeedReplySchema, ...errorReplies(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const p = await authenticate(ctx.auth, request);
      if (isAuthRefusal(p)) return sendRefusal(reply, p);
      const denied = mayReadDealership(p);
      if (denied) return sendRefusal(reply, denied);
      const { after, limit } = request.query;
      const r = await ctx.hub.feed(p, {
        ...(after !== undefined ? { after } : {}),
        ...(limit !== undefined ? { limit } : {}),
      });
      if (isRefusal(r)) return sendRefusal(reply, r.refused);
      // The engine's types are the wire's, read-only.
      return r as unknown as Static<typeof FeedReplySchema>;
    },
  );
}
