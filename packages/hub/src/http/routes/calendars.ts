// The calendars on the hub's server (C-1 – C-4): the calendar routes registered with the hub's
// tokens and keys mapped to the person they act for, and the calendars' projection following the
// hub beside it, stopped when the server closes.
import { randomUUID } from 'node:crypto';
import type { Actor, DealershipState, Rejection, Result, TimeZone } from '@huiyi/core';
import type { FastifyRequest } from 'fastify';
import { isAuthRefusal } from '../../auth/auth-store.js';
import { AUTH, refusal, type Refusal } from '../../auth/refusal.js';
import { followHub, type CalendarFollower } from '../../calendar/calendar-projector.js';
import { calendarRoutes } from '../../calendar/calendar-routes.js';
import { principalKey, type Principal } from '../../principal.js';
import { authenticate } from '../access.js';
import type { App, RouteContext } from '../context.js';
import { isRefusal } from '../engine.js';
import { errorHandler, sendRefusal } from '../errors.js';
import { MAX_FILE_CHARS } from '../../calendar/ics-reader.js';

/** The site's calendar settings. */
export interface CalendarSettings {
  /** The site's zone (default `Asia/Shanghai`). */
  readonly zone?: TimeZone;
  /** The right-hand side of UIDs and addresses (default `huiyi.local`). */
  readonly domain?: string;
  /** The hub's public base URL for feed links (default: the scheme and host the request came to). */
  readonly baseUrl?: string;
  /** Where a failed catch-up of the projection is told (default: the server's log). */
  readonly onError?: (e: unknown) => void;
}

/** The site's calendar settings from the environment: `HUB_ZONE`, `HUB_CALENDAR_DOMAIN`, `HUB_PUBLIC_URL`. */
export function calendarSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): CalendarSettings {
  return {
    ...(env['HUB_ZONE'] ? { zone: env['HUB_ZONE'] } : {}),
    ...(env['HUB_CALENDAR_DOMAIN'] ? { domain: env['HUB_CALENDAR_DOMAIN'] } : {}),
    ...(env['HUB_PUBLIC_URL'] ? { baseUrl: env['HUB_PUBLIC_URL'] } : {}),
  };
}

/** The largest `.ics` upload in bytes: four bytes a character of the largest file read. */
export const ICS_BODY_LIMIT = MAX_FILE_CHARS * 4;

/** The default site domain of calendar UIDs and addresses. */
export const DEFAULT_CALENDAR_DOMAIN = 'huiyi.local';

/** The default zone of the calendars. */
export const DEFAULT_CALENDAR_ZONE = 'Asia/Shanghai';

const unknownPerson = (personId: string): Refusal =>
  refusal(
    403,
    'auth.unknown-person',
    'S-3',
    `人员名录中没有 ${personId}`,
    `the directory knows no person ${personId}`,
  );

/**
 * Who a request acts as, from its token (S-3):
 *
 * - with `personId` (query): the person named, with the roles the hub's directory gives them, for
 *   a key with `act` or `admin` scope (or the admin CLI);
 * - without: the key's own actor with the room admin's role, for a key with `admin` scope (or the
 *   admin CLI), which may issue and revoke any feed and import;
 * - a door's token: 403 (a door reads its own room through sync, never the calendars).
 *
 * @param ctx - the engine and auth store
 * @param request - the request
 * @returns the actor, or the refusal to send
 */
export async function calendarActor(
  ctx: RouteContext,
  request: FastifyRequest,
): Promise<{ actor: Actor; principal: Principal } | Refusal> {
  const p = await authenticate(ctx.auth, request);
  if (isAuthRefusal(p)) return p;
  if (p.kind === 'door') return AUTH.doorNotAllowed();
  const may = (scope: 'act' | 'admin') =>
    p.kind === 'admin' || p.scopes.includes(scope) || p.scopes.includes('admin');
  const personId = (request.query as Record<string, unknown> | undefined)?.['personId'];
  if (typeof personId === 'string' && personId !== '') {
    if (!may('act')) return AUTH.scope('act');
    const state = ctx.hub.core.state() as DealershipState;
    const person = state.directory.people.get(personId);
    if (person === undefined) return unknownPerson(personId);
    return { actor: { id: person.id, roles: person.roles }, principal: p };
  }
  if (!may('admin')) return AUTH.scope('admin');
  return { actor: { id: principalKey(p), roles: ['room-admin'] }, principal: p };
}

/**
 * The calendars as a server plugin (`buildServer(hub, { plugins: [calendarsPlugin()] })`): the
 * routes of {@link calendarRoutes} authenticated by the hub's tokens ({@link calendarActor}), their
 * commands pushed to the hub as the key's (S-1), and the projection following the hub until the
 * server closes.
 *
 * @param settings - zone, domain, base URL
 * @returns the plugin
 */
export function calendarsPlugin(
  settings: CalendarSettings = {},
): (app: App, ctx: RouteContext) => Promise<void> {
  return async (app, ctx) => {
    const zone = settings.zone ?? DEFAULT_CALENDAR_ZONE;
    const domain = settings.domain ?? DEFAULT_CALENDAR_DOMAIN;
    const follower = followHub(ctx.hub.core, {
      zone,
      domain,
      clock: ctx.clock,
      onError: settings.onError ?? ((e) => app.log.warn({ err: e }, 'calendar projection')),
    });
    app.addHook('onClose', async () => {
      follower.stop();
      await follower.idle();
    });
    const resolved = new WeakMap<FastifyRequest, { actor: Actor; principal: Principal }>();
    // The actor object a route hands to `submit` is the one resolved for its request.
    const principals = new WeakMap<Actor, Principal>();
    await app.register(async (scope) => {
      // The `.ics` uploads take more than the API's bodies: their 413 names their own limit.
      scope.setErrorHandler(errorHandler(ICS_BODY_LIMIT));
      scope.addHook('preHandler', async (request, reply) => {
        // A feed's secret address is its own authentication.
        if (request.method === 'GET' && request.routeOptions.url === '/calendars/:file') return;
        const who = await calendarActor(ctx, request);
        if ('status' in who) return sendRefusal(reply, who);
        resolved.set(request, who);
        principals.set(who.actor, who.principal);
        return undefined;
      });
      await scope.register(calendarRoutes, {
        db: ctx.hub.db,
        zone,
        domain,
        clock: ctx.clock,
        baseUrl: settings.baseUrl ?? ((r) => `${r.protocol}://${r.host}`),
        authenticate: (r) => resolved.get(r)?.actor,
        bookings: () => (ctx.hub.core.state() as DealershipState).rooms,
        submit: async (actor, command) => {
          const principal = principals.get(actor);
          if (principal === undefined) return { ok: false, rejection: notSignedIn };
          return submitAs(ctx, principal, command);
        },
        submitAll: async (actor, commands) => {
          const principal = principals.get(actor);
          if (principal === undefined) return { ok: false, index: 0, rejection: notSignedIn };
          const r = await ctx.hub.core.pushAll(principal, commands);
          return r.ok
            ? { ok: true }
            : { ok: false, index: r.index, rejection: r.rejection as unknown as Rejection };
        },
      });
    });
    projections.set(app, follower);
  };
}

const projections = new WeakMap<object, CalendarFollower>();

/**
 * The calendars' projection running beside a server (to wait until it has followed the hub).
 *
 * @param app - a server built with {@link calendarsPlugin}
 * @returns its projection, or `undefined` when the server has no calendars
 */
export function calendarProjection(app: object): CalendarFollower | undefined {
  return projections.get(app);
}

const notSignedIn: Rejection = {
  kind: 'rejection',
  rule: 'S-3',
  code: 'auth.required',
  data: {},
  message: { 'zh-CN': '请先登录', en: 'sign in first' },
};

/**
 * Has the hub decide one command of a calendar route, pushed as the principal's, under a client id
 * of its own (one mutation, counter 1): the same path as every door's and system's command (S-1).
 */
async function submitAs(
  ctx: RouteContext,
  principal: Principal,
  command: Record<string, unknown>,
): Promise<Result<readonly unknown[]>> {
  const r = await ctx.hub.push(principal, {
    clientId: `calendar-${randomUUID()}`,
    clientClock: ctx.clock(),
    mutations: [{ id: 1, command }],
  });
  if (isRefusal(r)) {
    return {
      ok: false,
      rejection: {
        kind: 'rejection',
        rule: r.refused.rule,
        code: r.refused.code,
        data: {},
        message: r.refused.message,
      } as Rejection,
    };
  }
  const one = r.results[0];
  if (one?.status === 'applied') return { ok: true, value: one.events ?? [] };
  return {
    ok: false,
    rejection: (one?.rejection ?? notSignedIn) as unknown as Rejection,
  };
}
