// S-6: integrators read every event after a checkpoint, in order: a cursor is read back to exactly
// the point it was written for, and anything that is not one of this database's cursors resets.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';

const hubId = fc.stringMatching(/^[0-9a-f]{1,64}$/);
const point = fc.record({
  tx: fc.bigInt({ min: 0n, max: 2n ** 63n }).map(String),
  position: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
});

describe('S-6: a checkpoint is kept exactly', () => {
  test.prop([hubId, point])(
    'S-6: every point, however far into the feed, reads back as written',
    (id, p) => {
      expect(decodeCursor(id, encodeCursor(id, p))).toEqual(p);
    },
  );

  it('S-6: positions past the ninth in a transaction are kept (no event of a big batch skipped)', () => {
    expect(decodeCursor('ab12', 'ab12.753.1234')).toEqual({ tx: '753', position: 1234 });
  });
});

describe("S-6: what is not this database's cursor resets the reader", () => {
  it.each([
    ['text before the hub id', 'xab12.753.9'],
    ['text after the position', 'ab12.753.9x'],
    ['a cursor of another database ending in this one', 'ffab12.753.9'],
    ['a position with a sign', 'ab12.753.-9'],
  ])('S-6: %s is not read', (_, cursor) => {
    expect(decodeCursor('ab12', cursor)).toBeUndefined();
  });

  it('S-6: a position beyond what the hub counts exactly resets rather than land on another event', () => {
    expect(decodeCursor('ab12', 'ab12.753.9007199254740993')).toBeUndefined();
    expect(decodeCursor('ab12', 'ab12.753.9007199254740991')).toEqual({
      tx: '753',
      position: 9007199254740991,
    });
  });
});
