// The built door kiosk, served by the hub from one origin with its API: the app at `/`, each
// room's door at `/door/<roomId>`, and (in the demo only) a fresh one-time enrolment code for a
// door at `/door/<roomId>/enrol.json`. The files go out through @fastify/static: the gzip the build
// wrote beside each text file (`<file>.gz`, kiosk/build/precompress.mjs) to a client that takes
// gzip, the file itself to any other, each with `Vary: Accept-Encoding`.
import fastifyStatic from '@fastify/static';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { Type } from 'typebox';
import type { App, RouteContext } from '../context.js';
import { sendRefusal } from '../errors.js';
import { refusal } from '../../auth/refusal.js';
import { errorReplies } from '../schemas.js';
import type { FastifyReply } from 'fastify';

/** How long a demo door's enrolment code lasts: 10 minutes. */
export const DEMO_CODE_TTL_MS = 10 * 60_000;

/** Options of the kiosk's routes. */
export interface KioskOptions {
  /** The built kiosk (`kiosk/dist`). */
  readonly dir: string;
  /** Whether `/door/<roomId>/enrol.json` hands out enrolment codes (the demo on 127.0.0.1 only). */
  readonly demoEnrolment: boolean;
}

/**
 * The kiosk's routes, as a plugin of {@link buildServer}.
 *
 * @param options - where the built kiosk is, whether the demo enrols doors itself
 * @returns the plugin
 */
export function kioskRoutes(options: KioskOptions) {
  const root = resolve(options.dir);
  /**
   * Sends a file of the built kiosk, or says there is none (`false`): a path that leaves the
   * folder, or names no file, is no file of the kiosk's.
   */
  const send = async (reply: FastifyReply, rel: string) => {
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return false;
    const s = await stat(file).catch(() => undefined);
    if (!s?.isFile()) return false;
    const path = relative(root, file).split(sep).join('/');
    // The service worker and the page must be fresh; hashed assets may be cached for good.
    const hashed = path.startsWith('assets/');
    reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    await reply.sendFile(path, root, { cacheControl: false });
    return true;
  };

  return async (app: App, ctx: RouteContext): Promise<void> => {
    // Only the `sendFile` it gives the reply: the routes below choose the file.
    await app.register(fastifyStatic, { root, serve: false, preCompressed: true });
    app.get(
      '/door/:roomId',
      {
        schema: {
          tags: ['doors'],
          summary: "A room's door: the kiosk app",
          params: Type.Object({ roomId: Type.String({ minLength: 1, maxLength: 200 }) }),
          response: {
            200: { description: 'The kiosk', content: { 'text/html': { schema: Type.String() } } },
            ...errorReplies(404),
          },
        },
      },
      async (request, reply) => {
        const rooms = await ctx.hub.rooms();
        if (!rooms.some((r) => r.id === request.params.roomId)) {
          return sendRefusal(
            reply,
            refusal(
              404,
              'room.unknown',
              'R-1',
              `没有会议室 ${request.params.roomId}`,
              `there is no room ${request.params.roomId}`,
            ),
          );
        }
        if (!(await send(reply, 'index.html'))) return sendRefusal(reply, notBuilt());
        return reply;
      },
    );

    if (options.demoEnrolment) {
      app.get(
        '/door/:roomId/enrol.json',
        {
          schema: {
            tags: ['doors'],
            summary: 'The demo only: a fresh one-time enrolment code for this door',
            description:
              'Served only by `npm start` (the demo, on 127.0.0.1). A real door is enrolled with a code an admin issues (`npm run hub -- enrol-code --room <id>`).',
            params: Type.Object({ roomId: Type.String({ minLength: 1, maxLength: 200 }) }),
            response: {
              200: Type.Object({
                roomId: Type.String(),
                roomName: Type.String(),
                code: Type.String(),
                expiresAt: Type.Number(),
                enrol: Type.String({ description: 'Where to send the code: `POST` it here' }),
              }),
              ...errorReplies(404),
            },
          },
        },
        async (request, reply) => {
          const room = (await ctx.hub.rooms()).find((r) => r.id === request.params.roomId);
          if (!room) {
            return sendRefusal(
              reply,
              refusal(
                404,
                'room.unknown',
                'R-1',
                `没有会议室 ${request.params.roomId}`,
                `there is no room ${request.params.roomId}`,
              ),
            );
          }
          const { code, expiresAt } = await ctx.auth.issueEnrolCode(
            room.id,
            ctx.clock(),
            DEMO_CODE_TTL_MS,
          );
          reply.header('cache-control', 'no-store');
          return { roomId: room.id, roomName: room.name, code, expiresAt, enrol: '/api/v1/enrol' };
        },
      );
    }

    // Everything else that is not the API: a file of the built kiosk, or the app itself.
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      let path: string;
      try {
        path = decodeURIComponent((request.url.split('?')[0] ?? '/').slice(1));
      } catch {
        return reply.callNotFound();
      }
      if (path.startsWith('api/')) return reply.callNotFound();
      if (path !== '' && (await send(reply, path))) return reply;
      if (path === '' || !extname(path)) {
        if (await send(reply, 'index.html')) return reply;
        return sendRefusal(reply, notBuilt());
      }
      return reply.callNotFound();
    });
  };
}

const notBuilt = () =>
  refusal(
    404,
    'kiosk.not-built',
    'HTTP',
    '门口屏尚未构建：请先运行 npm run build',
    'the kiosk is not built: run npm run build first',
  );
