import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { instant, LATEST_INSTANT } from './check.js';

describe('T-4: the instants a command may carry', () => {
  it('T-4: 1970 up to 3000; the year 0, negative or fractional instants are refused with a reason', () => {
    const check = instant();
    expect(check(Date.UTC(2026, 10, 27), 'now').ok).toBe(true);
    expect(check(0, 'now').ok).toBe(true);
    for (const bad of [-1, -62135971543001, LATEST_INSTANT, 1.5, NaN, '2026-11-27', null]) {
      const r = check(bad, 'command.now');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.path).toBe('command.now');
        expect(r.expected.en).toContain('1970 to 2999');
        expect(r.expected['zh-CN']).toContain('1970');
      }
    }
  });

  test.prop([fc.anything()])('T-4: anything else is refused, never thrown', (v) => {
    const r = instant()(v, 'x');
    expect(r.ok).toBe(typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < LATEST_INSTANT);
  });
});
