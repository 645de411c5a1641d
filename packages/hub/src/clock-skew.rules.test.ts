// S-1: each command is decided with its own `now`, against the hub's clock: a device whose clock is
// far from the hub's is told, and its commands bounded or refused.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { boundCommand, DEFAULT_CLOCK_POLICY, readClock, type ClockPolicy } from './clock-skew.js';

const MIN = 60_000;
const HUB = 1_800_000_000_000;
const policy: ClockPolicy = DEFAULT_CLOCK_POLICY;
const { toleranceMs, refuseBeyondMs } = policy;

describe('S-1: how far off a clock may be', () => {
  it('S-1: a clock exactly the tolerance ahead or behind is still ok', () => {
    expect(readClock(HUB + toleranceMs, HUB, policy).verdict).toBe('ok');
    expect(readClock(HUB - toleranceMs, HUB, policy).verdict).toBe('ok');
    expect(readClock(HUB + toleranceMs + 1, HUB, policy).verdict).toBe('bounded');
  });

  it('S-1: a clock exactly the refusal bound off is bounded, a millisecond more is refused', () => {
    expect(readClock(HUB - refuseBeyondMs, HUB, policy).verdict).toBe('bounded');
    expect(readClock(HUB + refuseBeyondMs, HUB, policy).verdict).toBe('bounded');
    expect(readClock(HUB - refuseBeyondMs - 1, HUB, policy).verdict).toBe('refused');
  });

  test.prop([fc.integer({ min: -3 * refuseBeyondMs, max: 3 * refuseBeyondMs })])(
    'S-1: the verdict depends on how far off the clock is, not on which way',
    (skew) => {
      const ahead = readClock(HUB + Math.abs(skew), HUB, policy);
      const behind = readClock(HUB - Math.abs(skew), HUB, policy);
      expect(ahead.verdict).toBe(behind.verdict);
      expect(ahead.skewMs + behind.skewMs).toBe(0);
    },
  );

  it('S-1: the refusal tells the device how far off it is and the bound, in minutes', () => {
    const clock = readClock(HUB + 30 * 60 * MIN, HUB, policy);
    const r = boundCommand({ type: 'CheckIn', now: HUB }, clock, policy);
    expect(r).toMatchObject({
      ok: false,
      rejection: { rule: 'S-1', data: { skewMs: 30 * 60 * MIN, limitMs: refuseBeyondMs } },
    });
    if (r.ok) return;
    expect(r.rejection.message.en).toContain('1800 min');
    expect(r.rejection.message['zh-CN']).toContain('1800');
  });
});

describe('S-1: a command is never later than the hub', () => {
  test.prop([
    fc.integer({ min: -refuseBeyondMs, max: refuseBeyondMs }),
    fc.integer({ min: -6 * 60 * MIN, max: 6 * 60 * MIN }),
  ])(
    "S-1: whatever the skew, a command's `now` as decided is at most the hub's clock plus the tolerance",
    (skew, offset) => {
      const clock = readClock(HUB + skew, HUB, policy);
      const r = boundCommand({ type: 'WalkUp', now: HUB + skew + offset }, clock, policy);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const { now } = r.command as { now: number };
      expect(now).toBeLessThanOrEqual(HUB + toleranceMs);
      if (clock.verdict === 'bounded') expect(now).toBeLessThanOrEqual(HUB);
    },
  );

  it("S-1: a bounded device's tap after its push clock is taken at the hub's clock, not later", () => {
    const clock = readClock(HUB + 10 * MIN, HUB, policy);
    const r = boundCommand({ type: 'WalkUp', now: HUB + 10 * MIN + MIN }, clock, policy);
    expect(r).toEqual({ ok: true, command: { type: 'WalkUp', now: HUB } });
  });

  it("S-1: a clock within tolerance is trusted up to the hub's clock plus the tolerance", () => {
    const clock = readClock(HUB, HUB, policy);
    const r = boundCommand({ type: 'WalkUp', now: HUB + 5 * MIN }, clock, policy);
    expect(r).toEqual({ ok: true, command: { type: 'WalkUp', now: HUB + toleranceMs } });
  });

  it('S-1: a bounded `now` is a whole millisecond', () => {
    const clock = { hubNow: HUB, skewMs: 10 * MIN + 0.4, verdict: 'bounded' as const };
    const r = boundCommand({ type: 'CheckIn', now: HUB - MIN }, clock, policy);
    expect(r).toEqual({ ok: true, command: { type: 'CheckIn', now: HUB - 11 * MIN } });
  });
});

describe('S-1, S-2: what is not a command with a time passes on to the parser, untouched', () => {
  const bounded = readClock(HUB + 10 * MIN, HUB, policy);

  it.each([
    ['null', null],
    ['a text', 'WalkUp'],
    ['a number', 42],
    ['a list', [{ type: 'WalkUp', now: HUB }]],
  ])('S-2: %s is passed on as sent, for the parser to refuse as malformed', (_, command) => {
    expect(boundCommand(command, bounded, policy)).toEqual({ ok: true, command });
  });

  it.each([
    ['missing', {}],
    ['a text', { now: '2026-12-07T10:00' }],
    ['not a number', { now: Number.NaN }],
    ['infinite', { now: Number.POSITIVE_INFINITY }],
  ])(
    'S-2: a command whose `now` is %s is passed on as sent (the parser refuses it)',
    (_, extra) => {
      const command = { type: 'WalkUp', ...extra };
      const r = boundCommand(command, bounded, policy);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.command).toBe(command);
    },
  );

  it('S-1: a refused clock refuses even what is not a command (the device is told first)', () => {
    const refused = readClock(HUB + 2 * refuseBeyondMs, HUB, policy);
    expect(boundCommand(null, refused, policy)).toMatchObject({
      ok: false,
      rejection: { rule: 'S-1', code: 'hub.clock-skew' },
    });
  });
});
