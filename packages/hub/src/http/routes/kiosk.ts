// The built door kiosk, served by the hub from one origin with its API: the app at `/`, each
// room's door at `/door/<roomId>`, and (in the demo only) a fresh one-time enrolment code for a
// door at `/door/<roomId>/enrol.json`.
import type { FastifyReply } from 'fastify';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { Type } from 'typebox';
import type { App, RouteContext } from '../context.js';
import { sendRefusal } from '../errors.js';
import { refusal } from '../../auth/refusal.js';
import { errorReplies } from '../schemas.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

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
  const send = async (reply: FastifyReply, rel: string) => {
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return false;
    const s = await stat(file).catch(() => undefined);
    if (!s?.isFile()) return false;
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // The service worker and the page must be fresh; hashed assets may be cached for good.
    const cache = /\/assets\//.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
    await reply
      .type(type)
      .header('cache-control', cache)
      .header('content-length', s.size)
      .send(createReadStream(file));
    return true;
  };

  return (app: App, ctx: RouteContext): void => {
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
