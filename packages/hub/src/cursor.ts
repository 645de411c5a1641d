/** A position in the feed: the transaction id and the position within it (S-6). */
export interface FeedPoint {
  /** `pg_current_xact_id()` of the writing transaction, as decimal text (xid8). */
  readonly tx: string;
  readonly position: number;
}

/** The start of the feed. */
export const FEED_START: FeedPoint = { tx: '0', position: 0 };

/**
 * Writes a cursor: the hub's id, then the feed point. Opaque to clients.
 *
 * @param hubId - the database's id (new after a restore)
 * @param point - where the reader stands
 * @returns the cursor text
 * @example
 * encodeCursor('ab12', { tx: '753', position: 9 }) // => 'ab12.753.9'
 */
export function encodeCursor(hubId: string, point: FeedPoint): string {
  return `${hubId}.${point.tx}.${point.position}`;
}

/**
 * Reads a cursor given back by a client: the point, or `undefined` when it is not one of this
 * database's cursors (malformed, another database, before a restore): the caller resets.
 *
 * @param hubId - this database's id
 * @param cursor - what the client sent (`undefined` or `''`: the start)
 * @returns the point, or `undefined` for a reset
 * @example
 * decodeCursor('ab12', 'ab12.753.9') // => { tx: '753', position: 9 }
 * decodeCursor('ab12', 'ff00.753.9') // => undefined
 */
export function decodeCursor(hubId: string, cursor: string | undefined): FeedPoint | undefined {
  if (cursor === undefined || cursor === '') return FEED_START;
  const m = /^([0-9a-f]{1,64})\.(\d{1,20})\.(\d{1,16})$/.exec(cursor);
  if (!m || m[1] !== hubId) return undefined;
  const position = Number(m[3]);
  if (!Number.isSafeInteger(position)) return undefined;
  return { tx: String(BigInt(m[2] as string)), position };
}
