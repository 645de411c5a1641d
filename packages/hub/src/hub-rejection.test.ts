import { describe, expect, it } from 'vitest';
import { hubRejections } from './hub-rejection.js';

describe("S-3: the hub's refusals name their rule", () => {
  it('S-3: a door acting for another room is refused under S-3', () => {
    const r = hubRejections.otherRoom('B', 'A');
    expect(r.rule).toBe('S-3');
    expect(r.code).toBe('hub.other-room');
    expect(r.message.en).toContain('A');
  });

  it('S-1: a clock too far off is refused under S-1', () => {
    const r = hubRejections.clockSkew(48 * 3_600_000, 24 * 3_600_000);
    expect(r.rule).toBe('S-1');
    expect(r.code).toBe('hub.clock-skew');
  });
});
