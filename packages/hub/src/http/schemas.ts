// The wire's shapes, as TypeBox schemas: Fastify checks bodies, params and queries against them,
// serializes replies by them, and the OpenAPI document is generated from them.
import { Type, type Static } from 'typebox';

/** A message in both languages. */
export const BilingualSchema = Type.Object(
  { 'zh-CN': Type.String(), en: Type.String() },
  { description: 'A message in Simplified Chinese and English' },
);

/** Every error reply: `{ error: { code, rule, message } }`. */
export const ErrorReply = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'A stable code, `area.what` (`auth.revoked`)' }),
      rule: Type.String({ description: 'The rule it answers to (`S-3`), or `HTTP`' }),
      message: BilingualSchema,
    }),
  },
  { description: 'Why the request was refused' },
);

/** A core rejection: the rule a command breaks, a code, its data and a message. */
export const RejectionSchema = Type.Object(
  {
    kind: Type.Literal('rejection'),
    rule: Type.String(),
    code: Type.String(),
    data: Type.Record(Type.String(), Type.Unknown()),
    message: BilingualSchema,
  },
  { description: 'Why the rules refused a command (a value, not an HTTP error)' },
);

/** The event envelope: the core's stored event with the hub's global position. */
export const EnvelopeSchema = Type.Object(
  {
    id: Type.String(),
    stream: Type.String({ description: '`room:A`, `meeting:m-17` …' }),
    type: Type.String(),
    data: Type.Unknown({
      description: 'The event itself (for a door, confidential details removed)',
    }),
    now: Type.Number({ description: 'The `now` of the command (epoch ms)' }),
    who: Type.String(),
    device: Type.String(),
    position: Type.Number({ description: "The hub's global position" }),
    streamVersion: Type.Integer({ description: "The event's version within its stream" }),
    roomId: Type.Union([Type.String(), Type.Null()], {
      description:
        'The room it was serialized through; `null` for site-wide events (directory, policy)',
    }),
    clientId: Type.Union([Type.String(), Type.Null()], {
      description: 'The client whose mutation produced it',
    }),
    mutationId: Type.Union([Type.Integer(), Type.Null()], {
      description: "That client's mutation id",
    }),
  },
  { description: 'An event as the hub stores it' },
);

/** An id as the wire carries it: printable, bounded. */
const Id = (description: string) => Type.String({ minLength: 1, maxLength: 200, description });

/** What `POST /enrol` takes. */
export const EnrolBody = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'The one-time code, `ABCD-EFGH`',
    }),
    deviceName: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
/** What `POST /enrol` answers. */
export const EnrolReply = Type.Object({
  deviceId: Type.String(),
  deviceToken: Type.String({ description: 'Shown once: the hub keeps only its hash' }),
  room: Type.Object({ id: Type.String(), name: Type.String() }),
  hubTime: Type.Number(),
});

/** What `POST /push` takes. */
export const PushBody = Type.Object(
  {
    clientId: Id('The client (one per device or system, kept for good)'),
    clientClock: Type.Number({
      description: "The client's clock when it sent the push (epoch ms)",
    }),
    mutations: Type.Array(
      Type.Object(
        {
          id: Type.Integer({ minimum: 1, description: "The client's counter, +1 each" }),
          command: Type.Object(
            { type: Type.String({ minLength: 1, maxLength: 100 }) },
            {
              additionalProperties: true,
              description: 'A core command as JSON, with its own `now` and `actor`',
            },
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
/** What `POST /push` answers. */
export const PushReplySchema = Type.Object({
  lastMutationId: Type.Integer(),
  hubTime: Type.Number(),
  clock: Type.Object({
    skewMs: Type.Number(),
    status: Type.Union([Type.Literal('ok'), Type.Literal('bounded'), Type.Literal('refused')]),
  }),
  results: Type.Array(
    Type.Object({
      id: Type.Integer(),
      status: Type.Union([
        Type.Literal('applied'),
        Type.Literal('refused'),
        Type.Literal('duplicate'),
        Type.Literal('waiting'),
      ]),
      events: Type.Optional(Type.Array(EnvelopeSchema)),
      rejection: Type.Optional(RejectionSchema),
    }),
  ),
});

/** What `GET /pull` takes. */
export const PullQuery = Type.Object({
  cursor: Type.Optional(
    Type.String({ maxLength: 500, description: 'Opaque; none = from the start' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 500 })),
  clientId: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description:
        "The client whose counter (`lastMutationIds`) and refusals to read: the door's own",
    }),
  ),
  sinceMutationId: Type.Optional(
    Type.Integer({ minimum: 0, description: 'Refusals after this mutation id (default 0)' }),
  ),
});
/** What `GET /pull` answers. */
export const PullReplySchema = Type.Object({
  cursor: Type.String(),
  events: Type.Array(EnvelopeSchema),
  hasMore: Type.Boolean(),
  lastMutationIds: Type.Record(Type.String(), Type.Integer()),
  refusals: Type.Array(
    Type.Object({ clientId: Type.String(), id: Type.Integer(), rejection: RejectionSchema }),
  ),
  hubTime: Type.Number(),
});

/** What `GET /events` takes. */
export const FeedQuery = Type.Object({
  after: Type.Optional(
    Type.String({ maxLength: 500, description: 'A checkpoint; none = from the start' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 500 })),
});
/** What `GET /events` answers. */
export const FeedReplySchema = Type.Object({
  events: Type.Array(EnvelopeSchema),
  checkpoint: Type.String(),
  hasMore: Type.Boolean(),
});

/** What `GET /me` answers. */
export const MeReply = Type.Union([
  Type.Object({
    kind: Type.Literal('door'),
    deviceId: Type.String(),
    room: Type.Object({ id: Type.String(), name: Type.String() }),
  }),
  Type.Object({
    kind: Type.Literal('system'),
    keyId: Type.String(),
    scopes: Type.Array(Type.String()),
  }),
]);

/** The type of a schema's values. */
export type { Static };

/**
 * The error replies a route may give, each `{ error: { code, rule, message } }`.
 *
 * @param statuses - the statuses
 * @returns the `response` entries for them
 * @example
 * errorReplies(400, 401) // => { 400: ErrorReply, 401: ErrorReply }
 */
export function errorReplies<S extends number>(...statuses: S[]): Record<S, typeof ErrorReply> {
  const out = {} as Record<S, typeof ErrorReply>;
  for (const s of statuses) out[s] = ErrorReply;
  return out;
}
