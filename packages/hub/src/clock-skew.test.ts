import { describe, expect, it } from 'vitest';
import { boundCommand, DEFAULT_CLOCK_POLICY, readClock } from './clock-skew.js';

const MIN = 60_000;
const HUB = 1_800_000_000_000;

describe('S-1: a device clock far from the hub is told, and its commands bounded or refused', () => {
  it('S-1: a clock within two minutes of the hub is ok', () => {
    expect(readClock(HUB + 90_000, HUB, DEFAULT_CLOCK_POLICY)).toEqual({
      hubNow: HUB,
      skewMs: 90_000,
      verdict: 'ok',
    });
  });

  it('S-1: a clock ten minutes ahead is bounded, and the reading says how far', () => {
    expect(readClock(HUB + 10 * MIN, HUB, DEFAULT_CLOCK_POLICY)).toEqual({
      hubNow: HUB,
      skewMs: 10 * MIN,
      verdict: 'bounded',
    });
  });

  it('S-1: a clock two days behind is refused, naming S-1 in both languages', () => {
    const clock = readClock(HUB - 48 * 60 * MIN, HUB, DEFAULT_CLOCK_POLICY);
    expect(clock.verdict).toBe('refused');
    const r = boundCommand({ type: 'WalkUp', now: HUB }, clock, DEFAULT_CLOCK_POLICY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rejection.rule).toBe('S-1');
    expect(r.rejection.code).toBe('hub.clock-skew');
  });

  it('S-1: a bounded command is moved back by the skew, to when the person acted by the hub', () => {
    const clock = readClock(HUB + 10 * MIN, HUB, DEFAULT_CLOCK_POLICY);
    const tapped = HUB + 10 * MIN - 30_000; // 30 s before the push, by the device's clock
    expect(boundCommand({ type: 'WalkUp', now: tapped }, clock, DEFAULT_CLOCK_POLICY)).toEqual({
      ok: true,
      command: { type: 'WalkUp', now: HUB - 30_000 },
    });
  });

  it('S-1: a command within tolerance passes as it was sent', () => {
    const clock = readClock(HUB + MIN, HUB, DEFAULT_CLOCK_POLICY);
    const command = { type: 'CheckIn', now: HUB + 30_000 };
    expect(boundCommand(command, clock, DEFAULT_CLOCK_POLICY)).toEqual({ ok: true, command });
  });
});
