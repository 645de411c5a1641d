import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { instantArb, localDateTimeArb } from '../testing/arbitraries.js';
import { HOUR, MINUTE } from './instant.js';
import {
  DEFAULT_ZONE,
  isTimeZone,
  localDateOf,
  offsetAt,
  resolveWall,
  startOfLocalDay,
  toInstant,
  toWall,
} from './zone.js';

const NY = 'America/New_York';
const strip = ({
  year,
  month,
  day,
  hour,
  minute,
}: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}) => ({
  year,
  month,
  day,
  hour,
  minute,
});

describe('T-1: wall clock and instants', () => {
  it('T-1: the default zone is Asia/Shanghai, UTC+8 with no DST', () => {
    expect(DEFAULT_ZONE).toBe(DEFAULT_ZONE);
    expect(toInstant({ year: 2026, month: 11, day: 27, hour: 9, minute: 0 }, DEFAULT_ZONE)).toBe(
      Date.UTC(2026, 10, 27, 1),
    );
    expect(localDateOf(Date.UTC(2026, 10, 26, 16), DEFAULT_ZONE)).toEqual({
      year: 2026,
      month: 11,
      day: 27,
    });
    expect(localDateOf(Date.UTC(2026, 10, 26, 15, 59), DEFAULT_ZONE)).toEqual({
      year: 2026,
      month: 11,
      day: 26,
    });
    expect(startOfLocalDay({ year: 2026, month: 11, day: 27 }, DEFAULT_ZONE)).toBe(
      Date.UTC(2026, 10, 26, 16),
    );
  });

  it('T-1: a skipped wall time moves forward by the gap (compatible), or as asked', () => {
    const wall = { year: 2026, month: 3, day: 8, hour: 2, minute: 30 };
    expect(resolveWall(wall, NY).kind).toBe('gap');
    expect(strip(toWall(toInstant(wall, NY), NY))).toEqual({ ...wall, hour: 3 });
    expect(toInstant(wall, NY)).toBe(Date.UTC(2026, 2, 8, 7, 30));
    expect(toInstant(wall, NY, 'earlier')).toBe(Date.UTC(2026, 2, 8, 6, 30));
    expect(toInstant(wall, NY, 'later')).toBe(Date.UTC(2026, 2, 8, 7, 30));
  });

  it('T-1: a repeated wall time takes the earlier instant (compatible), or as asked', () => {
    const wall = { year: 2026, month: 11, day: 1, hour: 1, minute: 30 };
    const r = resolveWall(wall, NY);
    expect(r).toEqual({
      kind: 'overlap',
      earlier: Date.UTC(2026, 10, 1, 5, 30),
      later: Date.UTC(2026, 10, 1, 6, 30),
    });
    expect(toInstant(wall, NY)).toBe(Date.UTC(2026, 10, 1, 5, 30));
    expect(toInstant(wall, NY, 'later')).toBe(Date.UTC(2026, 10, 1, 6, 30));
  });

  it('T-1: offsets come from the zone data, transitions to the second', () => {
    expect(offsetAt('Asia/Shanghai', Date.UTC(2026, 0, 1))).toBe(8 * HOUR);
    expect(offsetAt(NY, Date.UTC(2026, 2, 8, 6, 59, 59))).toBe(-5 * HOUR);
    expect(offsetAt(NY, Date.UTC(2026, 2, 8, 7))).toBe(-4 * HOUR);
    expect(offsetAt('Asia/Kolkata', 0)).toBe(5.5 * HOUR);
    expect(() => offsetAt('Mars/Olympus', 0)).toThrow(RangeError);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(() =>
      toInstant({ year: 2026, month: 2, day: 30, hour: 0, minute: 0 }, 'Asia/Shanghai'),
    ).toThrow(RangeError);
  });
});

describe('T-1: round trips', () => {
  for (const zone of ['Asia/Shanghai', NY, 'Europe/Berlin', 'Australia/Lord_Howe']) {
    test.prop([instantArb({ step: 1000 })])(
      `T-1: instant → wall → instant is exact when the wall time is unique (${zone})`,
      (t) => {
        const wall = toWall(t, zone);
        const r = resolveWall(wall, zone);
        if (r.kind === 'exact') expect(r.instant).toBe(t);
        else {
          expect(r.kind).toBe('overlap');
          if (r.kind === 'overlap') expect([r.earlier, r.later]).toContain(t);
        }
      },
    );

    test.prop([localDateTimeArb()])(
      `T-1: wall → instant → wall is exact unless the wall time is skipped (${zone})`,
      (wall) => {
        const r = resolveWall(wall, zone);
        const back = strip(toWall(toInstant(wall, zone), zone));
        if (r.kind === 'gap') {
          // moved forward by exactly the gap's length
          expect(toInstant(wall, zone) - toInstant(wall, zone, 'earlier')).toBe(
            r.later - r.earlier,
          );
          expect(back).not.toEqual(wall);
        } else expect(back).toEqual(wall);
      },
    );
  }

  test.prop([localDateTimeArb()])(
    'T-1: Asia/Shanghai has no gaps or overlaps since 1991',
    (wall) => {
      fc.pre(wall.year >= 1992);
      expect(resolveWall(wall, 'Asia/Shanghai').kind).toBe('exact');
      expect(toInstant(wall, 'Asia/Shanghai') % MINUTE).toBe(0);
    },
  );

  test.prop([instantArb(), fc.integer({ min: 1, max: 10_000 })])(
    'T-1: toWall is monotone in the instant (Shanghai)',
    (t, d) => {
      const a = toWall(t, 'Asia/Shanghai');
      const b = toWall(t + d * MINUTE, 'Asia/Shanghai');
      const key = (w: typeof a) =>
        [w.year, w.month, w.day, w.hour, w.minute].map((n) => String(n).padStart(4, '0')).join();
      expect(key(a) < key(b)).toBe(true);
    },
  );
});
