import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  attendanceCaseArb,
  attendanceGracesArb,
  attendanceWindowArb,
} from '../testing/meeting-arbitraries.js';
import { MINUTE } from '../time/instant.js';
import { ATTENDED_STATUSES, absentees, attendance, type AttendanceStatus } from './attendance.js';
import type { SignInEntry } from './sign-in.js';

const NO_GRACE = { lateGraceMinutes: 0, leaveEarlyGraceMinutes: 0 };
const W = { start: 60 * MINUTE, end: 120 * MINUTE, expected: ['a', 'b', 'c', 'd', 'e', 'f'] };
const e = (personId: string, kind: 'in' | 'out', minute: number): SignInEntry => ({
  personId,
  kind,
  at: minute * MINUTE,
  by: personId,
});

describe('M-6: attendance, by example', () => {
  it('M-6: on time, late, left early, both, excused and unexcused', () => {
    const log = [
      e('a', 'in', 55),
      e('b', 'in', 61),
      e('c', 'in', 60),
      e('c', 'out', 110),
      e('d', 'in', 70),
      e('d', 'out', 100),
      e('x', 'in', 60),
    ];
    const r = attendance(W, log, ['e'], NO_GRACE);
    expect(r.rows).toEqual([
      { personId: 'a', status: 'on-time', arrivedAt: 55 * MINUTE },
      { personId: 'b', status: 'late', arrivedAt: 61 * MINUTE, lateBy: MINUTE },
      {
        personId: 'c',
        status: 'left-early',
        arrivedAt: 60 * MINUTE,
        leftAt: 110 * MINUTE,
        leftEarlyBy: 10 * MINUTE,
      },
      {
        personId: 'd',
        status: 'late-and-left-early',
        arrivedAt: 70 * MINUTE,
        leftAt: 100 * MINUTE,
        lateBy: 10 * MINUTE,
        leftEarlyBy: 20 * MINUTE,
      },
      { personId: 'e', status: 'excused' },
      { personId: 'f', status: 'unexcused' },
    ]);
    expect(r).toMatchObject({
      expected: 6,
      attended: 4,
      onTime: 1,
      late: 1,
      leftEarly: 1,
      lateAndLeftEarly: 1,
      excused: 1,
      unexcused: 1,
      attendanceRate: 4 / 6,
      punctualityRate: 1 / 4,
    });
    expect(absentees(r).map((p) => p.personId)).toEqual(['e', 'f']);
  });

  it('M-6: the graces: arriving by start + grace is on time, leaving from end − grace is not early', () => {
    const log = [e('a', 'in', 65), e('a', 'out', 110)];
    const one = { ...W, expected: ['a'] };
    expect(attendance(one, log, [], NO_GRACE).rows[0]?.status).toBe('late-and-left-early');
    expect(
      attendance(one, log, [], { lateGraceMinutes: 5, leaveEarlyGraceMinutes: 10 }).rows[0]?.status,
    ).toBe('on-time');
    expect(
      attendance(one, log, [], { lateGraceMinutes: 4, leaveEarlyGraceMinutes: 9 }).rows[0]?.status,
    ).toBe('late-and-left-early');
  });

  it('M-6: first arrival, last departure; coming back and staying is not leaving early', () => {
    const log = [e('a', 'out', 100), e('a', 'in', 58), e('a', 'in', 105), e('a', 'out', 90)];
    expect(attendance({ ...W, expected: ['a'] }, log, [], NO_GRACE).rows[0]).toEqual({
      personId: 'a',
      status: 'on-time',
      arrivedAt: 58 * MINUTE,
    });
    const left = [...log, e('a', 'out', 115)];
    expect(attendance({ ...W, expected: ['a'] }, left, [], NO_GRACE).rows[0]).toMatchObject({
      status: 'left-early',
      leftAt: 115 * MINUTE,
    });
  });

  it('M-6: an excused person who comes anyway is judged by arrival; nobody expected gives no rates', () => {
    expect(
      attendance({ ...W, expected: ['a'] }, [e('a', 'in', 60)], ['a'], NO_GRACE).rows[0]?.status,
    ).toBe('on-time');
    expect(attendance({ ...W, expected: [] }, [e('a', 'in', 60)], [], NO_GRACE)).toMatchObject({
      expected: 0,
      attendanceRate: null,
      punctualityRate: null,
    });
    expect(attendance({ ...W, expected: ['a', 'a'] }, [], [], NO_GRACE)).toMatchObject({
      expected: 1,
      attendanceRate: 0,
      punctualityRate: null,
    });
  });
});

const lateFlag = (s: AttendanceStatus): boolean => s === 'late' || s === 'late-and-left-early';
const leftFlag = (s: AttendanceStatus): boolean =>
  s === 'left-early' || s === 'late-and-left-early';

describe('M-6: attendance, by property', () => {
  test.prop([
    attendanceWindowArb(),
    attendanceGracesArb,
    fc.integer({ min: -60, max: 300 }),
    fc.integer({ min: 0, max: 300 }),
    fc.integer({ min: 0, max: 300 }),
    fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
  ])(
    'M-6: arriving later never improves the status; on time exactly when arrival ≤ start + grace',
    (window, graces, a, delay, stay, leaveAfter) => {
      const w = { ...window, expected: ['p'] };
      const arrive1 = w.start + a * MINUTE;
      const arrive2 = arrive1 + delay * MINUTE;
      const leave = leaveAfter === undefined ? undefined : arrive2 + (stay + leaveAfter) * MINUTE;
      const log = (arrive: number) => [
        { personId: 'p', kind: 'in' as const, at: arrive, by: 'p' },
        ...(leave === undefined
          ? []
          : [{ personId: 'p', kind: 'out' as const, at: leave, by: 'p' }]),
      ];
      const s1 = attendance(w, log(arrive1), [], graces).rows[0]!.status;
      const s2 = attendance(w, log(arrive2), [], graces).rows[0]!.status;
      if (lateFlag(s1)) expect(lateFlag(s2)).toBe(true);
      expect(leftFlag(s2)).toBe(leftFlag(s1));
      expect(lateFlag(s1)).toBe(arrive1 > w.start + graces.lateGraceMinutes * MINUTE);
      expect(lateFlag(s2)).toBe(arrive2 > w.start + graces.lateGraceMinutes * MINUTE);
    },
  );

  test.prop([attendanceCaseArb()])(
    'M-6: the rates lie in [0, 1] and agree with the per-person statuses',
    ({ window, log, excused, graces }) => {
      const r = attendance(window, log, excused, graces);
      const statuses = r.rows.map((p) => p.status);
      const attended = statuses.filter((s) => ATTENDED_STATUSES.includes(s)).length;
      const onTime = statuses.filter((s) => s === 'on-time').length;
      expect(r.rows.map((p) => p.personId)).toEqual([...new Set(window.expected)]);
      expect(r.expected).toBe(statuses.length);
      expect(r.attended).toBe(attended);
      expect(r.onTime + r.late + r.leftEarly + r.lateAndLeftEarly + r.excused + r.unexcused).toBe(
        r.expected,
      );
      expect(r.attendanceRate).toBe(r.expected === 0 ? null : attended / r.expected);
      expect(r.punctualityRate).toBe(attended === 0 ? null : onTime / attended);
      for (const rate of [r.attendanceRate, r.punctualityRate])
        if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
      for (const p of r.rows) {
        const signedIn = log.some((x) => x.personId === p.personId && x.kind === 'in');
        expect(ATTENDED_STATUSES.includes(p.status)).toBe(signedIn);
        if (!signedIn)
          expect(p.status).toBe(excused.includes(p.personId) ? 'excused' : 'unexcused');
        else
          expect(lateFlag(p.status)).toBe(
            (p.arrivedAt as number) > window.start + graces.lateGraceMinutes * MINUTE,
          );
      }
    },
  );
});
