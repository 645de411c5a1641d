import type { ActionState } from '../actions/action-state.js';
import type { OutcomeKind, Urgency } from '../meetings/outcome.js';
import type { MeetingState } from '../meetings/meeting-state.js';
import { latestVersion, publishedVersions } from '../minutes/minutes.js';
import type { MinutesState } from '../minutes/minutes-state.js';
import type { Message, RuleId } from '../rejection/rejection.js';
import { MINUTE, type Instant } from '../time/instant.js';
import type { ActionRollUp } from './action-rollup.js';
import type { MeetingReport } from './meeting-report.js';
import type { NoShowReport } from './no-shows.js';

/** One outcome of a meeting of the period (E-2): a decision, an action or information. */
export interface SummaryOutcome {
  readonly meetingId: string;
  readonly topic: string;
  readonly itemId: string;
  readonly kind: OutcomeKind;
  readonly text: string;
  readonly ownerId?: string;
  readonly due?: Instant;
  readonly urgency?: Urgency;
}

/** A problem the period showed (E-2), naming the rule it concerns. */
export interface Finding {
  readonly rule: RuleId;
  readonly code: string;
  readonly message: Message;
  readonly meetingId?: string;
  readonly actionId?: string;
}

/** A suggestion an owner made in a completion report (F-5), for leadership to weigh. */
export interface Improvement {
  readonly actionId: string;
  readonly meetingId: string;
  readonly by: string;
  readonly text: string;
  readonly at: Instant;
}

/** The meeting summary report's narrative parts (E-2): outcomes, problems, improvements. */
export interface MeetingSummary {
  readonly outcomes: readonly SummaryOutcome[];
  readonly problems: readonly Finding[];
  readonly improvements: readonly Improvement[];
}

const minutes = (ms: number): number => Math.round(ms / MINUTE);

function outcomesOf(
  report: MeetingReport,
  meetings: MeetingState,
  minutesState: MinutesState,
): SummaryOutcome[] {
  const base = { meetingId: report.meetingId, topic: report.topic };
  const mins = minutesState.minutes.get(report.meetingId);
  const published = mins === undefined ? [] : publishedVersions(mins);
  const version = published[published.length - 1] ?? (mins && latestVersion(mins));
  if (version !== undefined)
    return version.content.items.map((i) => ({
      ...base,
      itemId: i.id,
      kind: i.kind,
      text: i.text,
      ...(i.work?.ownerId === undefined ? {} : { ownerId: i.work.ownerId }),
      ...(i.work?.due === undefined ? {} : { due: i.work.due }),
      ...(i.work === undefined ? {} : { urgency: i.work.urgency }),
    }));
  const m = meetings.meetings.get(report.meetingId);
  return [...(m?.outcomes.values() ?? [])].map((o) => ({
    ...base,
    itemId: o.id,
    kind: o.kind,
    text: o.text,
    ...(o.work === undefined
      ? {}
      : { ownerId: o.work.ownerId, due: o.work.due, urgency: o.work.urgency }),
  }));
}

function meetingFindings(r: MeetingReport): Finding[] {
  const out: Finding[] = [];
  const at = { meetingId: r.meetingId };
  if (r.startedOnTime === false)
    out.push({
      rule: 'E-1',
      code: 'meeting.started-late',
      message: {
        'zh-CN': `「${r.topic}」晚开始 ${minutes(r.startedLateBy)} 分钟`,
        en: `"${r.topic}" started ${minutes(r.startedLateBy)} min late`,
      },
      ...at,
    });
  if (r.agenda.overrun > 0)
    out.push({
      rule: 'M-7',
      code: 'agenda.overrun',
      message: {
        'zh-CN': `「${r.topic}」议程超时 ${minutes(r.agenda.overrun)} 分钟（${r.agenda.overrunItems} 项）`,
        en: `"${r.topic}" ran ${minutes(r.agenda.overrun)} min over its agenda (${r.agenda.overrunItems} items)`,
      },
      ...at,
    });
  const unexcused = r.attendance?.unexcused ?? 0;
  if (unexcused > 0)
    out.push({
      rule: 'M-6',
      code: 'attendance.unexcused',
      message: {
        'zh-CN': `「${r.topic}」有 ${unexcused} 人无故缺席`,
        en: `"${r.topic}" had ${unexcused} unexcused absences`,
      },
      ...at,
    });
  if (r.minutes === 'late' || r.minutes === 'overdue')
    out.push({
      rule: 'N-5',
      code: `minutes.${r.minutes}`,
      message: {
        'zh-CN': `「${r.topic}」的纪要${r.minutes === 'late' ? '发布晚于期限' : '逾期未发布'}`,
        en: `the minutes of "${r.topic}" ${r.minutes === 'late' ? 'came late' : 'are overdue'}`,
      },
      ...at,
    });
  return out;
}

/**
 * The narrative of the meeting summary report (E-2): the outcomes of the period's meetings; the
 * problems it showed — late starts (E-1), agenda overruns (M-7), unexcused absences (M-6), late
 * minutes (N-5), overdue actions (F-2), problems escalated (F-4) or met (F-5), no-shows; and
 * the improvements owners suggested in their completion reports (F-5).
 *
 * @param reports - the reports of the meetings held in the period
 * @param sources - the meetings, minutes and actions
 * @param rollUp - the period's action roll-up
 * @param noShowReport - the period's no-shows
 * @param period - the span `[from, to)` escalations and completion reports are taken from
 * @returns outcomes, problems and improvements
 * @example
 * meetingSummary(reports, sources, rollUp, noShows, period).problems[0] // => { rule: 'M-7', code: 'agenda.overrun', message: { 'zh-CN': '「售后周例会」议程超时 5 分钟（1 项）', … }, meetingId: 'm1' }
 */
export function meetingSummary(
  reports: readonly MeetingReport[],
  sources: {
    readonly meetings: MeetingState;
    readonly minutes: MinutesState;
    readonly actions: ActionState;
  },
  rollUp: ActionRollUp,
  noShowReport: NoShowReport,
  period: { readonly from: Instant; readonly to: Instant },
): MeetingSummary {
  const inPeriod = (t: Instant): boolean => t >= period.from && t < period.to;
  const outcomes = reports.flatMap((r) => outcomesOf(r, sources.meetings, sources.minutes));
  const problems = reports.flatMap(meetingFindings);
  for (const row of rollUp.rows) {
    if (!row.overdue) continue;
    problems.push({
      rule: 'F-2',
      code: 'action.overdue',
      message: {
        'zh-CN': `行动项「${row.text}」（责任人 ${row.ownerId}）已逾期`,
        en: `action "${row.text}" (owner ${row.ownerId}) is overdue`,
      },
      meetingId: row.meetingId,
      actionId: row.actionId,
    });
  }
  const improvements: Improvement[] = [];
  for (const a of sources.actions.actions.values()) {
    const about = { meetingId: a.meetingId, actionId: a.id };
    for (const e of a.escalations) {
      if (!inPeriod(e.raisedAt)) continue;
      problems.push({
        rule: 'F-4',
        code: 'action.escalated',
        message: { 'zh-CN': `上报问题：${e.problem}`, en: `problem escalated: ${e.problem}` },
        ...about,
      });
    }
    for (const c of a.completions) {
      if (!inPeriod(c.at)) continue;
      if (c.problems !== undefined)
        problems.push({
          rule: 'F-5',
          code: 'action.problem',
          message: {
            'zh-CN': `执行中遇到：${c.problems}`,
            en: `met while doing it: ${c.problems}`,
          },
          ...about,
        });
      if (c.suggestions !== undefined)
        improvements.push({ ...about, by: c.by, text: c.suggestions, at: c.at });
    }
  }
  if (noShowReport.total > 0)
    problems.push({
      rule: 'R-4',
      code: 'room.no-shows',
      message: {
        'zh-CN': `${noShowReport.total} 个预订无人签到被释放`,
        en: `${noShowReport.total} ${noShowReport.total === 1 ? 'booking was' : 'bookings were'} released as no-shows`,
      },
    });
  return { outcomes, problems, improvements };
}
