import type { AttendanceCounts } from '../meetings/attendance.js';
import { isContradiction, type MeetingAnomaly } from '../meetings/meeting-anomalies.js';
import type { MeetingState } from '../meetings/meeting-state.js';
import type { Duration, Instant } from '../time/instant.js';
import { actionRollUp, type ActionRollUp } from './action-rollup.js';
import { disciplineRecord, type DisciplineRecord } from './discipline.js';
import {
  actionsByMeeting,
  meetingReport,
  type MeetingActionFigures,
  type MeetingReport,
} from './meeting-report.js';
import { noShows, type NoShowReport } from './no-shows.js';
import type { ReportPeriod } from './period.js';
import { roomUtilization, type RoomUtilization } from './room-utilization.js';
import type { ReportOptions, ReportSources } from './sources.js';
import { meetingSummary, type MeetingSummary } from './summary.js';

/** The per-meeting figures of a period added up (E-1 over E-2). */
export interface MeetingTotals extends AttendanceCounts {
  readonly meetings: number;
  readonly startedOnTime: number;
  readonly startedLate: number;
  readonly overrunItems: number;
  readonly overrun: Duration;
  readonly decisions: number;
  readonly information: number;
  readonly actions: MeetingActionFigures;
  readonly minutesOnTime: number;
  /** Published late, or overdue and not published. */
  readonly minutesLate: number;
  /** `attended / expected` over all meetings; `null` when nobody was expected. */
  readonly attendanceRate: number | null;
  /** `onTime / attended` over all meetings; `null` when nobody came. */
  readonly punctualityRate: number | null;
}

/** The meeting summary report of a period, for leadership (E-2, F-8). */
export interface PeriodReport {
  readonly period: ReportPeriod;
  readonly asOf: Instant;
  /** The meetings held in the period (started, with a booked start in it), by start. */
  readonly meetings: readonly MeetingReport[];
  /** Meetings of the period that were cancelled. */
  readonly cancelledMeetings: number;
  readonly totals: MeetingTotals;
  readonly summary: MeetingSummary;
  readonly discipline: DisciplineRecord;
  readonly actions: ActionRollUp;
  readonly rooms: RoomUtilization;
  readonly noShows: NoShowReport;
  /**
   * The records of the meetings' log that contradict it, kept by the fold and not counted (K-3):
   * those of the period's meetings, and those naming no meeting the log knows with a time in the
   * period, in log order, for the room admin to settle. Repeats, which change nothing, are not
   * listed.
   */
  readonly meetingAnomalies: readonly MeetingAnomaly[];
}

const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * Adds up the figures of meeting reports.
 *
 * @param reports - the meeting reports
 * @returns the totals
 * @example
 * meetingTotals([m1Report, m2Report]).decisions // => 3
 */
export function meetingTotals(reports: readonly MeetingReport[]): MeetingTotals {
  const sum = (f: (r: MeetingReport) => number): number => reports.reduce((n, r) => n + f(r), 0);
  const att = (f: (a: NonNullable<MeetingReport['attendance']>) => number) =>
    sum((r) => (r.attendance ? f(r.attendance) : 0));
  const act = (f: (a: MeetingActionFigures) => number) => sum((r) => f(r.actions));
  const expected = att((a) => a.expected);
  const attended = att((a) => a.attended);
  const onTime = att((a) => a.onTime);
  const doneOnTime = act((a) => a.doneOnTime);
  const judged = act((a) => a.judged);
  return {
    meetings: reports.length,
    startedOnTime: sum((r) => (r.startedOnTime === true ? 1 : 0)),
    startedLate: sum((r) => (r.startedOnTime === false ? 1 : 0)),
    overrunItems: sum((r) => r.agenda.overrunItems),
    overrun: sum((r) => r.agenda.overrun),
    expected,
    attended,
    onTime,
    late: att((a) => a.late),
    leftEarly: att((a) => a.leftEarly),
    lateAndLeftEarly: att((a) => a.lateAndLeftEarly),
    excused: att((a) => a.excused),
    unexcused: att((a) => a.unexcused),
    decisions: sum((r) => r.decisions),
    information: sum((r) => r.information),
    actions: {
      total: act((a) => a.total),
      doneOnTime,
      doneLate: act((a) => a.doneLate),
      open: act((a) => a.open),
      cancelled: act((a) => a.cancelled),
      overdue: act((a) => a.overdue),
      judged,
      onTimeShare: rate(doneOnTime, judged),
    },
    minutesOnTime: sum((r) => (r.minutes === 'on-time' ? 1 : 0)),
    minutesLate: sum((r) => (r.minutes === 'late' || r.minutes === 'overdue' ? 1 : 0)),
    attendanceRate: rate(attended, expected),
    punctualityRate: rate(onTime, attended),
  };
}

/**
 * The meeting summary report of a period for leadership (E-2): how effective each meeting held in
 * it was (E-1) and the totals; its outcomes, problems and improvements; the discipline record per
 * person; the status of every action across meetings (F-8); room utilization and no-shows. Plain
 * data, a pure fold over the deciders' states; render it with `periodReportMarkdown` or
 * `periodReportCsv`. Every per-meeting, per-person, per-owner and per-room figure adds up to its
 * totals.
 *
 * @param sources - the states of the meetings, minutes, actions and bookings deciders
 * @param period - the period (see `reportPeriod`)
 * @param options - the policy and the instant figures are taken at (default: the period's end)
 * @returns the report
 * @example
 * periodReport(sources, reportPeriod(now, 'month', 'Asia/Shanghai'), { asOf: now }).totals.attendanceRate // => 0.92
 */
export function periodReport(
  sources: ReportSources,
  period: ReportPeriod,
  options: Partial<ReportOptions> = {},
): PeriodReport {
  const asOf = options.asOf ?? period.to;
  const opts: ReportOptions = options.policy ? { policy: options.policy, asOf } : { asOf };
  const byMeeting = actionsByMeeting(sources.actions);
  const inPeriod = [...sources.meetings.meetings.values()].filter(
    (m) => m.booking !== undefined && m.booking.start >= period.from && m.booking.start < period.to,
  );
  const held = inPeriod
    .filter((m) => m.startedAt !== undefined)
    .sort(
      (a, b) =>
        (a.booking?.start ?? 0) - (b.booking?.start ?? 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const meetings = held.map((m) =>
    meetingReport(m, sources.minutes, byMeeting.get(m.id) ?? [], opts),
  );
  const actions = actionRollUp(sources.actions, period, asOf);
  const absent = noShows(sources.bookings, period);
  return {
    period,
    asOf,
    meetings,
    cancelledMeetings: inPeriod.filter((m) => m.status === 'cancelled').length,
    totals: meetingTotals(meetings),
    summary: meetingSummary(meetings, sources, actions, absent, period),
    discipline: disciplineRecord(
      meetings.flatMap((r) => (r.attendance ? [r.attendance] : [])),
      sources.actions.ledger,
      period,
    ),
    actions,
    rooms: roomUtilization(sources.bookings, period),
    noShows: absent,
    meetingAnomalies: anomaliesIn(sources.meetings, new Set(inPeriod.map((m) => m.id)), period),
  };
}

/** The contradicting records of the period's meetings, and of no known meeting, in the period. */
function anomaliesIn(
  state: MeetingState,
  meetings: ReadonlySet<string>,
  period: ReportPeriod,
): MeetingAnomaly[] {
  return (state.anomalies ?? []).filter((a) => {
    if (!isContradiction(a)) return false;
    if (a.meetingId !== undefined && state.meetings.has(a.meetingId))
      return meetings.has(a.meetingId);
    return a.at !== undefined && a.at >= period.from && a.at < period.to;
  });
}
