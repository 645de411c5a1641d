// The calendar routes' shapes as TypeBox schemas, for Fastify's checks and the OpenAPI document.
import { Type } from 'typebox';
import { BilingualSchema } from '../http/schemas.js';

/** A calendar route's error: the hub's `{ error: { code, rule, message } }`, with the rejection's data where it has any (an import's refusals, R-2's alternatives). */
export const CalendarError = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'A stable code, `area.what` (`feed.unknown`)' }),
      rule: Type.String({ description: 'The rule it answers to (`C-1`, `S-3`, `R-2`), or `HTTP`' }),
      message: BilingualSchema,
      data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { description: 'Why the request was refused' },
);

/** The error replies of a calendar route. */
export const calendarErrors = (...statuses: number[]): Record<number, typeof CalendarError> =>
  Object.fromEntries(statuses.map((s) => [s, CalendarError]));

/** An iCalendar text, as a request or reply body. */
export const IcsText = Type.String({ description: 'iCalendar text (RFC 5545)' });

/** A reply or body in `text/calendar`. */
export const icsContent = { content: { 'text/calendar': { schema: IcsText } } };

/** `?personId=`: the person a key with `act` scope acts for. */
const PersonQuery = {
  personId: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'The person of the directory a key with `act` scope acts for',
    }),
  ),
};

/** `GET /calendars/:file` params. */
export const FeedParams = Type.Object({
  file: Type.String({ maxLength: 200, description: '`<secret>.ics`' }),
});

/** `GET /calendars/invitations/:file` params. */
export const InvitationParams = Type.Object({
  file: Type.String({ maxLength: 200, description: '`<meetingId>.ics`' }),
});

/** `GET /calendars/invitations/:file` query. */
export const InvitationQuery = Type.Object({
  ...PersonQuery,
  language: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
});

/** The query of a route that acts for a person. */
export const ActorQuery = Type.Object(PersonQuery);

/** `POST /calendars/imports` query. */
export const ImportQuery = Type.Object({
  ...PersonQuery,
  roomId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  mode: Type.Optional(Type.Union([Type.Literal('book-what-fits'), Type.Literal('all-or-nothing')])),
});

/** The scope of a feed. */
export const ScopeSchema = Type.Union([
  Type.String({ description: '`room:<id>`, `person:<id>` or `department:<name>`', maxLength: 200 }),
  Type.Object({ kind: Type.Literal('room'), roomId: Type.String({ maxLength: 100 }) }),
  Type.Object({ kind: Type.Literal('person'), personId: Type.String({ maxLength: 100 }) }),
  Type.Object({ kind: Type.Literal('department'), department: Type.String({ maxLength: 100 }) }),
]);

/** `POST /calendars/tokens` body. */
export const TokenBody = Type.Object({
  scope: Type.Optional(
    Type.Unknown({ description: 'A room, a person or a department: see ScopeSchema' }),
  ),
  language: Type.Optional(
    Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], { default: 'zh-CN' }),
  ),
});

/** `POST /calendars/tokens` reply. */
export const TokenReply = Type.Object({
  ok: Type.Literal(true),
  id: Type.String({ description: 'The token’s id, to revoke it' }),
  scope: Type.String(),
  https: Type.String({ description: 'The feed’s address' }),
  webcal: Type.String({ description: 'The same, as `webcal://`' }),
});

/** `DELETE /calendars/tokens/:id` params. */
export const TokenParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

/** `{ ok: true }`. */
export const OkReply = Type.Object({ ok: Type.Literal(true) });

/** `POST /calendars/replies` reply. */
export const AnswerReply = Type.Object({
  ok: Type.Literal(true),
  answer: Type.String(),
  meetingId: Type.String(),
  events: Type.Integer(),
});

/** `POST /calendars/imports` reply. */
export const ImportReply = Type.Object({
  ok: Type.Literal(true),
  booked: Type.Array(Type.Unknown(), {
    description: 'What was booked: uid, bookingId, roomId, start, end',
  }),
  refused: Type.Array(Type.Unknown(), {
    description: 'What was not, each with its rejection and the alternatives',
  }),
  skipped: Type.Object(
    { cancelled: Type.Integer(), past: Type.Integer(), beyondHorizon: Type.Integer() },
    { description: 'Occurrences left out without a decision: cancelled, over, past the horizon' },
  ),
});
