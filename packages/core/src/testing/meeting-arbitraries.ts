import fc from 'fast-check';
import type { AttendanceGraces, AttendanceWindow } from '../meetings/attendance.js';
import type { SignInEntry } from '../meetings/sign-in.js';
import { MINUTE, type Instant } from '../time/instant.js';
import { instantArb } from './arbitraries.js';

/** A small cast of people, so that logs and expectations meet often. */
export const MEETING_CAST: readonly string[] = Object.freeze([
  'chen',
  'liu',
  'zhou',
  'wang',
  'li',
  'zhao',
  'sun',
  'qian',
]);

/** Graces of M-6 within the policy's ranges (0–120 min), small ones often. */
export const attendanceGracesArb: fc.Arbitrary<AttendanceGraces> = fc.record({
  lateGraceMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120 })),
  leaveEarlyGraceMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120 })),
});

/** A meeting's window (15 min – 4 h, whole minutes) and who is expected, from {@link MEETING_CAST}. */
export function attendanceWindowArb(): fc.Arbitrary<AttendanceWindow> {
  return fc
    .record({
      start: instantArb({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }),
      minutes: fc.integer({ min: 15, max: 240 }),
      expected: fc.subarray([...MEETING_CAST]),
    })
    .map(({ start, minutes, expected }) => ({ start, end: start + minutes * MINUTE, expected }));
}

/**
 * Sign-in logs (M-5) around a window: arrivals and departures of the cast (and of someone never
 * expected), from an hour before the start to an hour after the end, in any order.
 *
 * @param window - the meeting's start and end
 */
export function signInLogArb(window: {
  readonly start: Instant;
  readonly end: Instant;
}): fc.Arbitrary<SignInEntry[]> {
  const span = Math.floor((window.end - window.start) / MINUTE) + 120;
  return fc.array(
    fc.record({
      personId: fc.constantFrom(...MEETING_CAST, 'outsider'),
      kind: fc.constantFrom<'in' | 'out'>('in', 'out'),
      at: fc.integer({ min: 0, max: span }).map((m) => window.start - 60 * MINUTE + m * MINUTE),
      by: fc.constantFrom('self', 'zhou'),
    }),
    { maxLength: 30 },
  );
}

/** Everything `attendance` takes: a window, a log around it, accepted excuses and graces. */
export function attendanceCaseArb(): fc.Arbitrary<{
  window: AttendanceWindow;
  log: SignInEntry[];
  excused: string[];
  graces: AttendanceGraces;
}> {
  return attendanceWindowArb().chain((window) =>
    fc.record({
      window: fc.constant(window),
      log: signInLogArb(window),
      excused: fc.subarray([...MEETING_CAST]),
      graces: attendanceGracesArb,
    }),
  );
}
