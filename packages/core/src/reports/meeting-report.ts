import { isOverdue, type Action } from '../actions/action.js';
import type { ActionState } from '../actions/action-state.js';
import { agendaReport } from '../meetings/agenda-report.js';
import type { AttendanceReport } from '../meetings/attendance.js';
import type { Meeting, MeetingStatus } from '../meetings/meeting.js';
import { meetingAttendance } from '../meetings/meeting-attendance.js';
import { latestVersion, publishedVersions, type Minutes } from '../minutes/minutes.js';
import type { MinutesState } from '../minutes/minutes-state.js';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import { MINUTE, type Duration, type Instant } from '../time/instant.js';
import type { ReportOptions } from './sources.js';

/** How a meeting's actions stand (E-1): each counted once, by how it ended or stands. */
export interface MeetingActionFigures {
  /** Every action opened from the meeting's minutes. */
  readonly total: number;
  /** First completion report filed by the due date. */
  readonly doneOnTime: number;
  /** First completion report filed after the due date. */
  readonly doneLate: number;
  /** No completion report yet, not cancelled. */
  readonly open: number;
  readonly cancelled: number;
  /** Of the open ones, those past their deadline at `asOf` (F-2). */
  readonly overdue: number;
  /** Those that can be judged at `asOf`: done, or open past their due date. */
  readonly judged: number;
  /** `doneOnTime / judged`; `null` when none can be judged yet. */
  readonly onTimeShare: number | null;
}

/** Whether a meeting's minutes came on time (N-5, E-1). */
export type MinutesTimeliness = 'on-time' | 'late' | 'overdue' | 'pending' | 'none';

/** Every minutes timeliness, best first. */
export const MINUTES_TIMELINESS: readonly MinutesTimeliness[] = Object.freeze([
  'on-time',
  'late',
  'overdue',
  'pending',
  'none',
]);

/** The agenda as run (M-7, E-1). */
export interface AgendaFigures {
  readonly items: number;
  readonly finished: number;
  /** Items that ran past their timebox. */
  readonly overrunItems: number;
  /** The overruns added up: the time spent past the timeboxes. */
  readonly overrun: Duration;
}

/** How effective one meeting was (E-1). */
export interface MeetingReport {
  readonly meetingId: string;
  readonly topic: string;
  readonly kind: string;
  readonly status: MeetingStatus;
  readonly confidential: boolean;
  readonly chairId?: string;
  readonly roomId?: string;
  /** The booked start and end. */
  readonly start?: Instant;
  readonly end?: Instant;
  readonly startedAt?: Instant;
  /** Started by the booked start plus the late grace (M-6); `null` when never started. */
  readonly startedOnTime: boolean | null;
  /** How long after the booked start it started; 0 when on time or early. */
  readonly startedLateBy: Duration;
  readonly agenda: AgendaFigures;
  /** Attendance and punctuality (M-6); `null` for a meeting not held. */
  readonly attendance: AttendanceReport | null;
  /** Decisions made: the items of the minutes (else the outcomes) that are decisions or actions. */
  readonly decisions: number;
  /** Information items. */
  readonly information: number;
  readonly actions: MeetingActionFigures;
  readonly minutes: MinutesTimeliness;
  readonly minutesDue?: Instant;
  readonly minutesPublishedAt?: Instant;
}

/**
 * How a meeting's actions stand at an instant (E-1).
 *
 * @param actions - the actions opened from the meeting's minutes
 * @param asOf - the instant
 * @returns the figures
 * @example
 * meetingActionFigures([doneOnTime, overdue], asOf) // => { total: 2, doneOnTime: 1, open: 1, overdue: 1, judged: 2, onTimeShare: 0.5, … }
 */
export function meetingActionFigures(
  actions: Iterable<Action>,
  asOf: Instant,
): MeetingActionFigures {
  let total = 0;
  let doneOnTime = 0;
  let doneLate = 0;
  let open = 0;
  let cancelled = 0;
  let overdue = 0;
  let pastDue = 0;
  for (const a of actions) {
    total++;
    const first = a.completions[0];
    if (a.status === 'cancelled') cancelled++;
    else if (first === undefined) {
      open++;
      if (isOverdue(a, asOf)) overdue++;
      if (asOf > a.due) pastDue++;
    } else if (first.at <= a.due) doneOnTime++;
    else doneLate++;
  }
  const judged = doneOnTime + doneLate + pastDue;
  return {
    total,
    doneOnTime,
    doneLate,
    open,
    cancelled,
    overdue,
    judged,
    onTimeShare: judged === 0 ? null : doneOnTime / judged,
  };
}

/**
 * Whether minutes came on time (N-5): version 1 published by its due date, after it, or not yet
 * (past due at `asOf`, or still pending).
 *
 * @param m - the meeting's minutes, if any
 * @param asOf - the instant
 * @returns the timeliness
 * @example
 * minutesTimeliness(publishedOnTime, asOf) // => 'on-time'
 */
export function minutesTimeliness(m: Minutes | undefined, asOf: Instant): MinutesTimeliness {
  if (m === undefined) return 'none';
  const first = m.versions[0];
  if (first?.publishedAt !== undefined) return first.publishedAt <= m.due ? 'on-time' : 'late';
  return asOf > m.due ? 'overdue' : 'pending';
}

function agendaFigures(m: Meeting): AgendaFigures {
  const items = agendaReport(m);
  let overrun = 0;
  let overrunItems = 0;
  for (const i of items) {
    if (i.overrun !== undefined && i.overrun > 0) {
      overrun += i.overrun;
      overrunItems++;
    }
  }
  const finished = items.filter((i) => i.state === 'finished').length;
  return { items: items.length, finished, overrunItems, overrun };
}

function itemCounts(m: Meeting, minutes: Minutes | undefined): [number, number] {
  const published = minutes === undefined ? [] : publishedVersions(minutes);
  const version = published[published.length - 1] ?? (minutes && latestVersion(minutes));
  const kinds =
    version === undefined
      ? [...m.outcomes.values()].map((o) => o.kind)
      : version.content.items.map((i) => i.kind);
  const information = kinds.filter((k) => k === 'information').length;
  return [kinds.length - information, information];
}

/**
 * How effective a meeting was (E-1): whether it started on time, how far the agenda overran,
 * attendance and punctuality, the decisions made, the share of its actions done on time, and
 * whether its minutes came on time. A pure fold over the meeting, its minutes and its actions.
 *
 * @param m - the meeting, from the meetings decider's state
 * @param minutes - every meeting's minutes
 * @param actions - the actions opened from this meeting's minutes
 * @param options - the policy (graces) and the instant figures are taken at
 * @returns the report
 * @example
 * meetingReport(m1, minutesState, actionsOfM1, { asOf }) // => { startedOnTime: true, agenda: { overrun: 300000, … }, attendance: { attendanceRate: 0.857, … }, decisions: 1, … }
 */
export function meetingReport(
  m: Meeting,
  minutes: MinutesState,
  actions: Iterable<Action>,
  options: ReportOptions,
): MeetingReport {
  const b = m.booking;
  const scope = b === undefined ? { kind: m.kind } : { kind: m.kind, roomId: b.roomId };
  const params = (options.policy ?? (() => DEFAULT_PARAMETERS))(b?.start ?? m.plannedAt, scope);
  const held = m.startedAt !== undefined;
  const startedLateBy = b && m.startedAt !== undefined ? Math.max(0, m.startedAt - b.start) : 0;
  const grace = params.meetings.lateGraceMinutes * MINUTE;
  const mins = minutes.minutes.get(m.id);
  const [decisions, information] = itemCounts(m, mins);
  const firstPublished = mins?.versions[0]?.publishedAt;
  return {
    meetingId: m.id,
    topic: m.topic,
    kind: m.kind,
    status: m.status,
    confidential: m.confidential,
    ...(m.chairId === undefined ? {} : { chairId: m.chairId }),
    ...(b === undefined ? {} : { roomId: b.roomId, start: b.start, end: b.end }),
    ...(m.startedAt === undefined ? {} : { startedAt: m.startedAt }),
    startedOnTime: !held || b === undefined ? null : startedLateBy <= grace,
    startedLateBy,
    agenda: agendaFigures(m),
    attendance: held ? (meetingAttendance(m, params.meetings) ?? null) : null,
    decisions,
    information,
    actions: meetingActionFigures(actions, options.asOf),
    minutes: minutesTimeliness(mins, options.asOf),
    ...(mins === undefined ? {} : { minutesDue: mins.due }),
    ...(firstPublished === undefined ? {} : { minutesPublishedAt: firstPublished }),
  };
}

/**
 * The actions of each meeting, in one pass over the state.
 *
 * @param state - the actions decider's state
 * @returns meeting id → its actions, in the order opened
 * @example
 * actionsByMeeting(state).get('m1')?.length // => 1
 */
export function actionsByMeeting(state: ActionState): Map<string, Action[]> {
  const out = new Map<string, Action[]>();
  for (const a of state.actions.values()) {
    const list = out.get(a.meetingId);
    if (list) list.push(a);
    else out.set(a.meetingId, [a]);
  }
  return out;
}
