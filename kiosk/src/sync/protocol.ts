// Reading the hub's replies: the wire is not trusted, so each is checked field by field before the
// door uses it. The shapes themselves are the protocol's, in `@huiyi/core/sync-protocol` (types
// only: nothing of it lands in the bundle), the same the hub writes.
import type { Rejection } from '@huiyi/core';
import type {
  EnrolReply,
  ErrorBody,
  MutationResult,
  PullReply,
  PushReply,
  WireEvent,
} from '@huiyi/core/sync-protocol';

export type {
  EnrolReply,
  ErrorBody,
  Mutation,
  MutationResult,
  PullReply,
  PushReply,
  WireEvent,
} from '@huiyi/core/sync-protocol';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);

/**
 * Whether a value is an event as the hub sends it (checked field by field: the wire is not
 * trusted).
 *
 * @param v - anything
 * @returns whether it is
 */
export function isWireEvent(v: unknown): v is WireEvent {
  return (
    isObject(v) &&
    typeof v['id'] === 'string' &&
    typeof v['stream'] === 'string' &&
    typeof v['type'] === 'string' &&
    isObject(v['data']) &&
    v['data']['type'] === v['type'] &&
    isInt(v['now']) &&
    typeof v['who'] === 'string' &&
    typeof v['device'] === 'string' &&
    isInt(v['position']) &&
    isInt(v['streamVersion']) &&
    (v['roomId'] === null || typeof v['roomId'] === 'string') &&
    (v['clientId'] === null || typeof v['clientId'] === 'string') &&
    (v['mutationId'] === null || isInt(v['mutationId']))
  );
}

/**
 * Whether a value is a core rejection as JSON.
 *
 * @param v - anything
 * @returns whether it is
 */
export function isRejection(v: unknown): v is Rejection {
  return (
    isObject(v) &&
    v['kind'] === 'rejection' &&
    typeof v['rule'] === 'string' &&
    typeof v['code'] === 'string' &&
    isObject(v['data']) &&
    isObject(v['message']) &&
    typeof v['message']['zh-CN'] === 'string' &&
    typeof v['message']['en'] === 'string'
  );
}

/**
 * Reads an enrolment reply.
 *
 * @param v - the parsed body
 * @returns the reply, or `undefined` when it is not one
 */
export function readEnrolReply(v: unknown): EnrolReply | undefined {
  if (!isObject(v) || !isObject(v['room'])) return undefined;
  const { deviceId, deviceToken, hubTime } = v;
  const { id, name } = v['room'];
  if (
    typeof deviceId !== 'string' ||
    typeof deviceToken !== 'string' ||
    typeof id !== 'string' ||
    typeof name !== 'string' ||
    typeof hubTime !== 'number'
  )
    return undefined;
  return { deviceId, deviceToken, room: { id, name }, hubTime };
}

/**
 * Reads a push reply.
 *
 * @param v - the parsed body
 * @returns the reply, or `undefined` when it is not one
 */
export function readPushReply(v: unknown): PushReply | undefined {
  if (!isObject(v) || !isObject(v['clock']) || !Array.isArray(v['results'])) return undefined;
  const { lastMutationId, hubTime } = v;
  const { skewMs, status } = v['clock'];
  if (!isInt(lastMutationId) || typeof hubTime !== 'number' || typeof skewMs !== 'number')
    return undefined;
  if (status !== 'ok' && status !== 'bounded' && status !== 'refused') return undefined;
  const results: MutationResult[] = [];
  for (const r of v['results'] as unknown[]) {
    if (!isObject(r) || !isInt(r['id'])) return undefined;
    const s = r['status'];
    if (s !== 'applied' && s !== 'refused' && s !== 'duplicate' && s !== 'waiting')
      return undefined;
    const events = r['events'];
    if (events !== undefined && !(Array.isArray(events) && events.every(isWireEvent)))
      return undefined;
    const rejection = r['rejection'];
    if (rejection !== undefined && !isRejection(rejection)) return undefined;
    results.push({
      id: r['id'],
      status: s,
      ...(events ? { events } : {}),
      ...(rejection ? { rejection } : {}),
    });
  }
  return { lastMutationId, hubTime, clock: { skewMs, status }, results };
}

/**
 * Reads a pull reply.
 *
 * @param v - the parsed body
 * @returns the reply, or `undefined` when it is not one
 */
export function readPullReply(v: unknown): PullReply | undefined {
  if (!isObject(v)) return undefined;
  const { cursor, events, hasMore, lastMutationIds, refusals, hubTime } = v;
  if (
    typeof cursor !== 'string' ||
    !Array.isArray(events) ||
    !events.every(isWireEvent) ||
    typeof hasMore !== 'boolean' ||
    !isObject(lastMutationIds) ||
    !Object.values(lastMutationIds).every(isInt) ||
    !Array.isArray(refusals) ||
    typeof hubTime !== 'number'
  )
    return undefined;
  const ok = refusals.every(
    (r: unknown) =>
      isObject(r) &&
      typeof r['clientId'] === 'string' &&
      isInt(r['id']) &&
      isRejection(r['rejection']),
  );
  if (!ok) return undefined;
  return {
    cursor,
    events,
    hasMore,
    lastMutationIds: lastMutationIds as Record<string, number>,
    refusals: refusals as PullReply['refusals'],
    hubTime,
  };
}

/**
 * Reads the hub's error reply.
 *
 * @param v - the parsed body
 * @returns its `error`, or `undefined`
 */
export function readHubError(v: unknown): ErrorBody | undefined {
  if (!isObject(v) || !isObject(v['error'])) return undefined;
  const { code, rule, message } = v['error'];
  if (typeof code !== 'string' || typeof rule !== 'string' || !isObject(message)) return undefined;
  const zh = message['zh-CN'];
  const en = message['en'];
  if (typeof zh !== 'string' || typeof en !== 'string') return undefined;
  return { code, rule, message: { 'zh-CN': zh, en } };
}
