import {
  hasRole,
  reject,
  startOfLocalDay,
  localDateOf,
  type Actor,
  type AnswerInvitation,
  type BookingState,
  type Rejection,
  type Result,
  type TimeZone,
} from '@huiyi/core';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { MeetingEntry } from './calendar-entry.js';
import {
  feedHead,
  issueFeedToken,
  meetingState,
  revokeFeedToken,
  scopeKey,
  scopeOfKey,
  serveFeed,
} from './calendar-store.js';
import { feedWindow, type FeedScope } from './feed.js';
import { MAX_FILE_CHARS } from './ics-reader.js';
import { importCalendar } from './import.js';
import { invitationFile, unknownMeeting } from './invitation.js';
import { LANGUAGES, type Language } from './labels.js';
import { readReply } from './reply.js';
import {
  ActorQuery,
  AnswerReply,
  FeedParams,
  ImportQuery,
  ImportReply,
  InvitationParams,
  InvitationQuery,
  OkReply,
  TokenBody,
  TokenParams,
  TokenReply,
  calendarErrors,
  icsContent,
} from './calendar-schemas.js';

/** What the calendar routes need from the server that registers them. */
export interface CalendarRoutesOptions {
  /** The hub's database (migrated, calendars' tables included). */
  readonly db: Kysely<unknown>;
  /** The site's zone: every time is written in it. */
  readonly zone: TimeZone;
  /** The site's calendar domain: the right-hand side of UIDs and addresses. */
  readonly domain: string;
  /** The hub's public base URL, `https://…`, for the links a token comes with; or how to read it from the request (behind a proxy, or on a port chosen at start). */
  readonly baseUrl: string | ((request: FastifyRequest) => string);
  /** The hub's clock (default `Date.now`). */
  readonly clock?: () => number;
  /** Who is asking (the HTTP layer's authentication); undefined: nobody (401). Feeds need none: their token is the secret. */
  readonly authenticate: (
    request: FastifyRequest,
  ) => Actor | undefined | Promise<Actor | undefined>;
  /** Has the hub decide a command of a person, as any other (S-1): its events, or why not. */
  readonly submit: (
    actor: Actor,
    command: Record<string, unknown>,
  ) => Promise<Result<readonly unknown[]>>;
  /**
   * Has the hub decide commands of a person together and commit them all or none (an
   * all-or-nothing import, C-4): a refusal of any leaves nothing in the log; it says which.
   */
  readonly submitAll: (
    actor: Actor,
    commands: readonly Record<string, unknown>[],
  ) => Promise<
    | { readonly ok: true }
    | { readonly ok: false; readonly index: number; readonly rejection: Rejection }
  >;
  /** The hub's rooms state now, for imports (the hub decides each request again on submit). */
  readonly bookings: () => BookingState | Promise<BookingState>;
}

const ICS = 'text/calendar; charset=utf-8';

/** A refusal in the hub's shape, `{ error: { code, rule, message, data? } }`. */
const refusal = (reply: FastifyReply, status: number, r: Rejection) =>
  reply.code(status).send({
    error: {
      code: r.code,
      rule: r.rule,
      message: r.message,
      ...(Object.keys(r.data).length > 0 ? { data: r.data } : {}),
    },
  });

const TAGS = ['calendars'];
const BEARER = [{ bearer: [] }];

const notAuthenticated = reject('S-3', 'auth.required', {
  'zh-CN': '请先登录',
  en: 'sign in first',
});
const unknownFeed = reject('C-1', 'feed.unknown', {
  'zh-CN': '没有这个日历订阅地址，或它已被撤销',
  en: 'no such calendar address, or it was revoked',
});

/**
 * The strong ETag of a feed: its version, the day its window is on, its language. The same for
 * every token of the same feed and language, as the content is.
 */
const etagOf = (version: number, day: string, language: Language): string =>
  `"cal-${version}-${day}-${language}"`;

/**
 * The calendars' HTTP routes (C-1 – C-4), a Fastify plugin the server registers:
 *
 * - `GET /calendars/:token.ics` — a feed at its secret address, with `ETag` and `Last-Modified`;
 *   `304` when unchanged, at the cost of one indexed query;
 * - `POST /calendars/tokens` `{ scope, language }` — a new secret address, as `https` and `webcal`
 *   links (a person's own feed for themselves; the room admin for anyone's);
 * - `DELETE /calendars/tokens/:id` — revokes one (its creator or the room admin);
 * - `GET /calendars/invitations/:meetingId.ics` — a meeting's invitation file, for its people;
 * - `POST /calendars/replies` (a `text/calendar` body) — an answer file, decided as the
 *   person's answer under M-3;
 * - `POST /calendars/imports?roomId=&mode=` (a `text/calendar` body) — an import, decided by
 *   R-2, what fits submitted to the hub.
 *
 * Every refusal is the hub's JSON `{ error: { code, rule, message, data? } }`, with zh-CN and en messages.
 *
 * @example
 * await app.register(calendarRoutes, { db: hub.db, zone: 'Asia/Shanghai', domain: 'huiyi.example', baseUrl: 'https://hub.example', authenticate, submit, bookings })
 */
export const calendarRoutes: FastifyPluginAsync<CalendarRoutesOptions> = async (app, options) => {
  const clock = options.clock ?? Date.now;
  const { db, zone, domain } = options;
  const bodyLimit = MAX_FILE_CHARS * 4;
  app.addContentTypeParser(
    ['text/calendar', 'application/ics'],
    { parseAs: 'string', bodyLimit },
    (_req, body, done) => done(null, body),
  );

  const who = async (request: FastifyRequest, reply: FastifyReply): Promise<Actor | undefined> => {
    const actor = await options.authenticate(request);
    if (actor === undefined) void refusal(reply, 401, notAuthenticated);
    return actor;
  };

  app.get<{ Params: { file: string } }>(
    '/calendars/:file',
    {
      schema: {
        tags: TAGS,
        summary: 'A calendar feed at its secret address',
        description:
          'The secret address is the key (no token). `ETag` and `Last-Modified`; `If-None-Match` or `If-Modified-Since` answer `304` when unchanged. A revoked or unknown address is a `404` (C-1).',
        params: FeedParams,
        response: { 200: { description: 'The feed', ...icsContent }, ...calendarErrors(404) },
      },
    },
    async (request, reply) => {
      const m = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(request.params.file);
      const head = m === null ? undefined : await feedHead(db, m[1] as string);
      if (head === undefined) return refusal(reply, 404, unknownFeed);
      const now = clock();
      const window = feedWindow({ zone, now });
      const etag = etagOf(head.version, window.day, head.language);
      // The window moves at midnight: the feed is at least as new as today.
      const modified = Math.max(head.changedAt, startOfLocalDay(localDateOf(now, zone), zone));
      const lastModified = new Date(Math.floor(modified / 1000) * 1000);
      void reply
        .header('etag', etag)
        .header('last-modified', lastModified.toUTCString())
        .header('cache-control', 'private, no-cache');
      const ifNoneMatch = request.headers['if-none-match'];
      const ifModifiedSince = request.headers['if-modified-since'];
      const notModified =
        ifNoneMatch !== undefined
          ? ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
          : ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= lastModified.getTime();
      if (notModified) return reply.code(304).send();
      const text = await serveFeed(db, head.scope, { language: head.language, zone, domain, now });
      return reply.type(ICS).send(text);
    },
  );

  app.post<{ Body: { scope?: unknown; language?: unknown } }>(
    '/calendars/tokens',
    {
      schema: {
        tags: TAGS,
        summary: 'Issue a secret feed address',
        description:
          'A key with `admin` scope: any room, person or department. A key with `act` scope and `?personId=`: that person’s own feed. A door: 403 (S-3).',
        security: BEARER,
        querystring: ActorQuery,
        body: TokenBody,
        response: { 201: TokenReply, ...calendarErrors(400, 401, 403, 413) },
      },
    },
    async (request, reply) => {
      const actor = await who(request, reply);
      if (actor === undefined) return reply;
      const body = (request.body ?? {}) as { scope?: unknown; language?: unknown };
      const scope = readScope(body.scope);
      const language = body.language ?? 'zh-CN';
      if (scope === undefined || !(LANGUAGES as readonly unknown[]).includes(language)) {
        return refusal(
          reply,
          400,
          reject('C-1', 'feed.bad-request', {
            'zh-CN': '请给出订阅范围（会议室、人员或部门）和语言（zh-CN 或 en）',
            en: 'give the scope (a room, a person or a department) and the language (zh-CN or en)',
          }),
        );
      }
      if (scope.kind === 'person' && scope.personId !== actor.id && !hasRole(actor, 'room-admin')) {
        return refusal(
          reply,
          403,
          reject('C-1', 'feed.not-yours', {
            'zh-CN': '只能订阅自己的个人日历',
            en: 'only your own person feed may be subscribed to',
          }),
        );
      }
      const issued = await issueFeedToken(db, scope, language as Language, actor.id, clock());
      const base = typeof options.baseUrl === 'string' ? options.baseUrl : options.baseUrl(request);
      const https = `${base.replace(/\/$/, '')}/calendars/${issued.token}.ics`;
      return reply.code(201).send({
        ok: true,
        id: issued.id,
        scope: scopeKey(scope),
        https,
        webcal: https.replace(/^https?:/, 'webcal:'),
      });
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/calendars/tokens/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Revoke a feed address',
        description: 'Its creator, or a key with `admin` scope. The address then answers 404.',
        security: BEARER,
        params: TokenParams,
        querystring: ActorQuery,
        response: { 200: OkReply, ...calendarErrors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = await who(request, reply);
      if (actor === undefined) return reply;
      const row = await sql<{
        created_by: string;
      }>`select created_by from cal_tokens where id = ${request.params.id}`.execute(db);
      const owner = row.rows[0]?.created_by;
      if (owner === undefined || (owner !== actor.id && !hasRole(actor, 'room-admin')))
        return refusal(reply, 404, unknownFeed);
      await revokeFeedToken(db, request.params.id, clock());
      return reply.send({ ok: true });
    },
  );

  app.get<{ Params: { file: string }; Querystring: { language?: string } }>(
    '/calendars/invitations/:file',
    {
      schema: {
        tags: TAGS,
        summary: 'A meeting’s invitation file',
        description:
          'For its organizer and invitees: a key with `act` scope and `?personId=` (C-3). Anyone else: 404, as if it did not exist (S-4).',
        security: BEARER,
        params: InvitationParams,
        querystring: InvitationQuery,
        response: {
          200: { description: 'The invitation (`METHOD:REQUEST` or `CANCEL`)', ...icsContent },
          ...calendarErrors(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const actor = await who(request, reply);
      if (actor === undefined) return reply;
      const meetingId = request.params.file.replace(/\.ics$/, '');
      const state = await meetingState(db, meetingId);
      const entry = state.entries.get(`meeting:${meetingId}`) as MeetingEntry | undefined;
      // Someone not invited learns nothing, not even that it exists (S-4).
      const invited =
        entry !== undefined &&
        (entry.organizerId === actor.id || entry.attendees.some((a) => a.personId === actor.id));
      if (!invited) return refusal(reply, 404, unknownMeeting(meetingId));
      const language: Language = request.query.language === 'en' ? 'en' : 'zh-CN';
      const file = invitationFile(state, meetingId, { language, zone, domain });
      if (!file.ok) return refusal(reply, 404, file.rejection);
      return reply
        .type(
          `text/calendar; method=${entry.status === 'cancelled' ? 'CANCEL' : 'REQUEST'}; charset=utf-8`,
        )
        .header(
          'content-disposition',
          `attachment; filename="${encodeURIComponent(meetingId)}.ics"`,
        )
        .send(file.value);
    },
  );

  app.post(
    '/calendars/replies',
    {
      bodyLimit,
      schema: {
        tags: TAGS,
        summary: 'Bring back an answer file',
        description:
          'A `METHOD:REPLY` file (`text/calendar`), decided as the person’s answer under M-3; the person is `?personId=` and must be the file’s (C-3). A declining’s reason: the file’s comment or the `x-reason` header (URI-encoded).',
        security: BEARER,
        querystring: ActorQuery,
        body: icsContent,
        response: { 200: AnswerReply, ...calendarErrors(401, 403, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const actor = await who(request, reply);
      if (actor === undefined) return reply;
      const read = readReply(request.body, domain);
      if (!read.ok) return refusal(reply, 422, read.rejection);
      const r = read.value;
      const state = await meetingState(db, r.meetingId);
      const entry = state.entries.get(`meeting:${r.meetingId}`) as MeetingEntry | undefined;
      if (entry === undefined || entry.draft)
        return refusal(reply, 422, unknownMeeting(r.meetingId));
      if (r.personId !== actor.id) {
        return refusal(
          reply,
          422,
          reject(
            'C-3',
            'reply.not-yours',
            {
              'zh-CN': `答复文件是 ${r.personId} 的答复，只能由本人提交`,
              en: `the answer file is ${r.personId}'s answer: only they may bring it`,
            },
            { personId: r.personId },
          ),
        );
      }
      const reason = r.reason ?? headerText(request.headers['x-reason']);
      const command: AnswerInvitation = {
        type: 'AnswerInvitation',
        now: clock(),
        actor,
        meetingId: r.meetingId,
        answer: r.answer,
        ...(reason === undefined ? {} : { reason }),
        ...(r.delegateTo === undefined ? {} : { delegateTo: r.delegateTo }),
      };
      const decided = await options.submit(actor, command as unknown as Record<string, unknown>);
      if (!decided.ok) return refusal(reply, 422, decided.rejection);
      return reply.send({
        ok: true,
        answer: r.answer,
        meetingId: r.meetingId,
        events: decided.value.length,
      });
    },
  );

  app.post<{ Querystring: { roomId?: string; mode?: string } }>(
    '/calendars/imports',
    {
      bodyLimit,
      schema: {
        tags: TAGS,
        summary: 'Import a calendar as booking requests',
        description:
          'An `.ics` file (`text/calendar`, at most 5,000 events): each occurrence a booking request decided by R-2; `mode=all-or-nothing` books none when one is refused (C-4). A key with `admin` scope, or `act` with `?personId=`.',
        security: BEARER,
        querystring: ImportQuery,
        body: icsContent,
        response: { 200: ImportReply, ...calendarErrors(401, 403, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const actor = await who(request, reply);
      if (actor === undefined) return reply;
      const mode = request.query.mode === 'all-or-nothing' ? 'all-or-nothing' : 'book-what-fits';
      const report = importCalendar(request.body, await options.bookings(), {
        now: clock(),
        actor,
        domain,
        zone,
        mode,
        ...(request.query.roomId === undefined ? {} : { roomId: request.query.roomId }),
      });
      if (!report.ok) return refusal(reply, 422, report.rejection);
      if (mode === 'all-or-nothing') {
        // The hub decides every request again, each against the state the ones before it
        // leave, and commits all of them or none: one the check passed but the hub refuses
        // (someone booked meanwhile) leaves nothing in the log.
        const all = await options.submitAll(actor, report.value.requests);
        if (all.ok) {
          return reply.send({
            ok: true,
            booked: report.value.booked,
            refused: report.value.refused,
            skipped: report.value.skipped,
          });
        }
        const r = all.rejection;
        return refusal(
          reply,
          422,
          reject(
            'C-4',
            'import.refused',
            {
              'zh-CN': `按“全部或全不”未导入任何预订：${r.message['zh-CN']}`,
              en: `all or nothing: none was imported: ${r.message.en}`,
            },
            {
              refused: [
                {
                  bookingId: String(report.value.requests[all.index]?.['bookingId'] ?? ''),
                  rejection: r,
                },
              ],
              skipped: report.value.skipped,
            },
          ),
        );
      }
      const submitted: { bookingId: string; roomId: string; ok: boolean; rejection?: Rejection }[] =
        [];
      for (const command of report.value.requests) {
        const r = await options.submit(actor, command);
        submitted.push({
          bookingId: String(command['bookingId']),
          roomId: String(command['roomId']),
          ok: r.ok,
          ...(r.ok ? {} : { rejection: r.rejection }),
        });
      }
      return reply.send({
        ok: true,
        booked: report.value.booked.filter(
          (b) => submitted.find((s) => s.bookingId === b.bookingId)?.ok === true,
        ),
        refused: [
          ...report.value.refused,
          ...submitted
            .filter((s) => !s.ok)
            .map((s) => ({
              uid: report.value.booked.find((b) => b.bookingId === s.bookingId)?.uid ?? '',
              rejection: s.rejection,
            })),
        ],
        skipped: report.value.skipped,
      });
    },
  );
};

/** A header's text, URI-encoded by the sender (headers are ASCII); undefined when absent or undecodable. */
function headerText(v: string | string[] | undefined): string | undefined {
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  try {
    return decodeURIComponent(v);
  } catch {
    return undefined;
  }
}

function readScope(v: unknown): FeedScope | undefined {
  if (typeof v === 'string') return scopeOfKey(v);
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  const id = (k: string) =>
    typeof o[k] === 'string' && /^\S{1,100}$/u.test(o[k]) ? o[k] : undefined;
  if (o['kind'] === 'room' && id('roomId') !== undefined)
    return { kind: 'room', roomId: id('roomId') as string };
  if (o['kind'] === 'person' && id('personId') !== undefined)
    return { kind: 'person', personId: id('personId') as string };
  if (
    o['kind'] === 'department' &&
    typeof o['department'] === 'string' &&
    o['department'].trim() !== '' &&
    o['department'].length <= 100
  )
    return { kind: 'department', department: o['department'] };
  return undefined;
}
