import type { MeetingParameters } from '../policy/parameters.js';
import { MINUTE, type Duration, type Instant } from '../time/instant.js';
import type { SignInEntry } from './sign-in.js';

/**
 * A person's attendance (M-6), computed, never typed: `on-time` (arrived by start + grace and did
 * not leave early), `late`, `left-early` (left before end − grace), `late-and-left-early`,
 * `excused` (absent, their declining with a reason accepted by the chair before the start) or
 * `unexcused` (absent otherwise).
 */
export type AttendanceStatus =
  'on-time' | 'late' | 'left-early' | 'late-and-left-early' | 'excused' | 'unexcused';

/** Every status, best first. */
export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = Object.freeze([
  'on-time',
  'late',
  'left-early',
  'late-and-left-early',
  'excused',
  'unexcused',
]);

/** The statuses of someone who came (signed in at least once). */
export const ATTENDED_STATUSES: readonly AttendanceStatus[] = Object.freeze([
  'on-time',
  'late',
  'left-early',
  'late-and-left-early',
]);

/** What attendance is judged against: the scheduled start and end, and who was expected. */
export interface AttendanceWindow {
  readonly start: Instant;
  readonly end: Instant;
  readonly expected: readonly string[];
}

/** The graces of M-6 (a policy's `meetings` group has them). */
export type AttendanceGraces = Pick<
  MeetingParameters,
  'lateGraceMinutes' | 'leaveEarlyGraceMinutes'
>;

/** One person's attendance: a row of an {@link AttendanceReport}. */
export interface AttendanceRow {
  readonly personId: string;
  readonly status: AttendanceStatus;
  /** The first arrival. */
  readonly arrivedAt?: Instant;
  /** The last departure, when their last entry is a departure; absent when they stayed. */
  readonly leftAt?: Instant;
  /** How long after the start they arrived, when late (M-6). */
  readonly lateBy?: Duration;
  /** How long before the end they left, when they left early (M-6). */
  readonly leftEarlyBy?: Duration;
}

/**
 * The attendance counts (M-6): of those expected, who came (on time, late, left early, or both)
 * and who did not (excused or not). A meeting's report, a person's discipline record and a
 * period's totals all carry them.
 */
export interface AttendanceCounts {
  readonly expected: number;
  /** Came: on time, late, left early, or both. */
  readonly attended: number;
  readonly onTime: number;
  readonly late: number;
  readonly leftEarly: number;
  readonly lateAndLeftEarly: number;
  readonly excused: number;
  readonly unexcused: number;
}

/** A meeting's attendance: each expected person, the counts and the two rates (M-6, E-1). */
export interface AttendanceReport extends AttendanceCounts {
  /** One line per expected person, in the order expected. */
  readonly rows: readonly AttendanceRow[];
  /** `attended / expected`; `null` when nobody was expected (there is nothing to rate). */
  readonly attendanceRate: number | null;
  /**
   * `onTime / attended`: the share of those who came who were neither late nor left early;
   * `null` when nobody came.
   */
  readonly punctualityRate: number | null;
}

function personAttendance(
  personId: string,
  entries: readonly SignInEntry[],
  excused: boolean,
  w: AttendanceWindow,
  g: AttendanceGraces,
): AttendanceRow {
  const sorted = [...entries].sort((a, b) => a.at - b.at);
  const arrival = sorted.find((e) => e.kind === 'in');
  if (arrival === undefined) return { personId, status: excused ? 'excused' : 'unexcused' };
  const last = sorted[sorted.length - 1] as SignInEntry;
  const leftAt = last.kind === 'out' ? last.at : undefined;
  const lateBy = arrival.at - w.start;
  const late = arrival.at > w.start + g.lateGraceMinutes * MINUTE;
  const leftEarly = leftAt !== undefined && leftAt < w.end - g.leaveEarlyGraceMinutes * MINUTE;
  const status: AttendanceStatus = late
    ? leftEarly
      ? 'late-and-left-early'
      : 'late'
    : leftEarly
      ? 'left-early'
      : 'on-time';
  return {
    personId,
    status,
    arrivedAt: arrival.at,
    ...(leftAt === undefined ? {} : { leftAt }),
    ...(late ? { lateBy } : {}),
    ...(leftEarly ? { leftEarlyBy: w.end - (leftAt as Instant) } : {}),
  };
}

/**
 * Computes a meeting's attendance (M-6) from its sign-in log, the excuses the chair accepted and
 * the policy's graces. Pure: the same inputs give the same report.
 *
 * - Only expected people are judged; log lines of anyone else are ignored.
 * - A person's entries are read in time order: the **first arrival** is when they came, and they
 *   left at their **last departure** when their last entry is a departure (otherwise they stayed
 *   to the end). Leaving and coming back in between changes nothing.
 * - On time: arrived at or before `start + lateGrace`. Left early: left before `end − leaveEarlyGrace`.
 * - Absent (no arrival): `excused` when among the accepted excuses, else `unexcused`. An excused
 *   person who came anyway is judged by their arrival like everyone else.
 *
 * @param meeting - the scheduled start and end, and who was expected
 * @param signInLog - arrivals and departures (M-5), in any order
 * @param acceptedExcuses - the people whose excuse the chair accepted (M-6)
 * @param params - the graces: `lateGraceMinutes`, `leaveEarlyGraceMinutes`
 * @returns each person's status, the counts, `attendanceRate` and `punctualityRate`
 * @example
 * attendance({ start: 0, end: 3_600_000, expected: ['li', 'wang'] },
 *   [{ personId: 'li', kind: 'in', at: 60_000, by: 'li' }], [], { lateGraceMinutes: 0, leaveEarlyGraceMinutes: 0 })
 * // => { people: [{ personId: 'li', status: 'late', arrivedAt: 60000, lateBy: 60000 },
 * //      { personId: 'wang', status: 'unexcused' }], attendanceRate: 0.5, punctualityRate: 0, … }
 */
export function attendance(
  meeting: AttendanceWindow,
  signInLog: readonly SignInEntry[],
  acceptedExcuses: Iterable<string>,
  params: AttendanceGraces,
): AttendanceReport {
  const expected = [...new Set(meeting.expected)];
  const wanted = new Set(expected);
  const byPerson = new Map<string, SignInEntry[]>();
  for (const e of signInLog) {
    if (!wanted.has(e.personId)) continue;
    const list = byPerson.get(e.personId);
    if (list) list.push(e);
    else byPerson.set(e.personId, [e]);
  }
  const excused = new Set(acceptedExcuses);
  const people = expected.map((p) =>
    personAttendance(p, byPerson.get(p) ?? [], excused.has(p), meeting, params),
  );
  const count = (s: AttendanceStatus): number => people.filter((p) => p.status === s).length;
  const onTime = count('on-time');
  const attended = people.filter((p) => ATTENDED_STATUSES.includes(p.status)).length;
  return {
    rows: people,
    expected: people.length,
    attended,
    onTime,
    late: count('late'),
    leftEarly: count('left-early'),
    lateAndLeftEarly: count('late-and-left-early'),
    excused: count('excused'),
    unexcused: count('unexcused'),
    attendanceRate: people.length === 0 ? null : attended / people.length,
    punctualityRate: attended === 0 ? null : onTime / attended,
  };
}

/**
 * Who was absent, by attendance: the excused and the unexcused (N-3 sends each a notice).
 *
 * @param report - an attendance report
 * @returns the absentees, in the report's order
 * @example
 * absentees(report) // => [{ personId: 'wang', status: 'unexcused' }]
 */
export function absentees(report: AttendanceReport): AttendanceRow[] {
  return report.rows.filter((p) => p.status === 'excused' || p.status === 'unexcused');
}
