import { isAuthRefusal } from '../../auth/auth-store.js';
import type { App, RouteContext } from '../context.js';
import { sendRefusal } from '../errors.js';
import { EnrolBody, EnrolReply, errorReplies } from '../schemas.js';

/**
 * `POST /api/v1/enrol`: a door trades a one-time code for its device token (S-3).
 *
 * @param app - the server
 * @param ctx - the engine, auth store and clock
 */
export function enrolRoute(app: App, ctx: RouteContext): void {
  app.post(
    '/api/v1/enrol',
    {
      schema: {
        tags: ['doors'],
        summary: 'Enrol a door with a one-time code',
        description:
          'A code is issued by an admin for one room (`npm run hub -- enrol-code --room <id>`), works once and expires. The reply holds the device token: the hub keeps only its hash.',
        body: EnrolBody,
        response: { 200: EnrolReply, ...errorReplies(400, 401, 413) },
      },
    },
    async (request, reply) => {
      const now = ctx.clock();
      const name = request.body.deviceName ?? 'door';
      const r = await ctx.auth.enrol(request.body.code, name, now);
      if (isAuthRefusal(r)) return sendRefusal(reply, r);
      const rooms = await ctx.hub.rooms();
      const room = rooms.find((x) => x.id === r.roomId) ?? { id: r.roomId, name: r.roomId };
      return { deviceId: r.deviceId, deviceToken: r.deviceToken, room, hubTime: now };
    },
  );
}
