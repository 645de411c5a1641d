import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, FEED_START } from './cursor.js';

describe('S-6: a cursor is a point in the feed of one database', () => {
  it('S-6: a cursor written is read back to the same point', () => {
    const point = { tx: '753', position: 9 };
    expect(decodeCursor('ab12', encodeCursor('ab12', point))).toEqual(point);
  });

  it('S-6: no cursor is the start of the feed', () => {
    expect(decodeCursor('ab12', undefined)).toEqual(FEED_START);
    expect(decodeCursor('ab12', '')).toEqual(FEED_START);
  });

  it("S-6: another database's cursor is not read (the reader resets)", () => {
    expect(decodeCursor('ab12', 'ff00.753.9')).toBeUndefined();
  });
});
