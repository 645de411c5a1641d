import { ACTION_STATUSES } from '../actions/action.js';
import type { RollUpCounts, RollUpGroup } from './action-rollup.js';
import type { CsvCell } from '../csv/csv.js';
import { DISCIPLINE_FIELDS } from './discipline.js';
import { formatRate, formatWall, inHours, inMinutes, yesNo } from './format.js';
import { label, valueLabel, type ReportLabel } from './labels.js';
import type { PeriodReport } from './period-report.js';
import {
  renderContext,
  titles,
  type RenderContext,
  type RenderOptions,
  type ReportTable,
} from './table.js';

/** The tables of a period report, each one CSV file. */
export type PeriodTableName =
  | 'overview'
  | 'meetings'
  | 'outcomes'
  | 'problems'
  | 'improvements'
  | 'discipline'
  | 'actions-by-owner'
  | 'actions-by-meeting'
  | 'actions'
  | 'rooms'
  | 'no-shows';

function meetingRows(r: PeriodReport, c: RenderContext): CsvCell[][] {
  const t = r.totals;
  const rows: CsvCell[][] = r.meetings.map((m) => [
    m.topic,
    valueLabel(m.kind, c.lang),
    formatWall(m.start, c.zone),
    m.roomId,
    c.who(m.chairId),
    yesNo(m.startedOnTime, c.lang),
    inMinutes(m.startedLateBy),
    inMinutes(m.agenda.overrun),
    m.attendance?.expected,
    m.attendance?.attended,
    formatRate(m.attendance?.attendanceRate ?? null),
    formatRate(m.attendance?.punctualityRate ?? null),
    m.decisions,
    m.actions.total,
    m.actions.doneOnTime,
    formatRate(m.actions.onTimeShare),
    valueLabel(m.minutes, c.lang),
  ]);
  rows.push([
    label('total', c.lang),
    '',
    '',
    '',
    '',
    t.startedOnTime,
    '',
    inMinutes(t.overrun),
    t.expected,
    t.attended,
    formatRate(t.attendanceRate),
    formatRate(t.punctualityRate),
    t.decisions,
    t.actions.total,
    t.actions.doneOnTime,
    formatRate(t.actions.onTimeShare),
    `${t.minutesOnTime}/${t.meetings}`,
  ]);
  return rows;
}

function groupTable<N extends string>(
  name: N,
  title: ReportLabel,
  first: ReportLabel,
  groups: readonly RollUpGroup[],
  totals: RollUpCounts,
  c: RenderContext,
  show: (id: string) => string,
): ReportTable<N> {
  const counts = (g: RollUpCounts): CsvCell[] => [
    g.total,
    ...ACTION_STATUSES.map((s) => g.byStatus[s]),
    g.overdue,
  ];
  return {
    name,
    title: label(title, c.lang),
    header: [
      label(first, c.lang),
      label('total', c.lang),
      ...ACTION_STATUSES.map((s) => valueLabel(s, c.lang)),
      label('overdue', c.lang),
    ],
    rows: [
      ...groups.map((g) => [show(g.id), ...counts(g)]),
      [label('total', c.lang), ...counts(totals)],
    ],
  };
}

/**
 * The tables of a period report (E-2, F-8), in the language asked: the same tables render to
 * Markdown sections and to CSV files, so both say the same. Totals rows come last.
 *
 * @param r - the report
 * @param options - the language and the names of people
 * @returns the tables, in reading order
 * @example
 * periodReportTables(report, { lang: 'en' }).map((t) => t.name) // => ['overview', 'meetings', 'outcomes', …]
 */
export function periodReportTables(
  r: PeriodReport,
  options: RenderOptions = {},
): ReportTable<PeriodTableName>[] {
  const c = renderContext(r.period.zone, options);
  const L = (k: ReportLabel): string => label(k, c.lang);
  const t = r.totals;
  const topicOf = new Map(r.meetings.map((m) => [m.meetingId, m.topic]));
  return [
    {
      name: 'overview',
      title: L('overview'),
      header: titles(c, ['metric', 'value']),
      rows: [
        [L('meetingsHeld'), t.meetings],
        [L('meetingsCancelled'), r.cancelledMeetings],
        [L('startedOnTime'), t.startedOnTime],
        [L('startedLate'), t.startedLate],
        [L('overrunMinutes'), inMinutes(t.overrun)],
        [L('attendanceRate'), formatRate(t.attendanceRate)],
        [L('punctualityRate'), formatRate(t.punctualityRate)],
        [L('decisions'), t.decisions],
        [L('actions'), r.actions.totals.total],
        [L('overdue'), r.actions.totals.overdue],
        [L('onTimeShare'), formatRate(t.actions.onTimeShare)],
        [L('minutesOnTime'), t.minutesOnTime],
        [L('minutesLate'), t.minutesLate],
        [L('bookedRate'), formatRate(r.rooms.totals.bookedRate)],
        [L('usedRate'), formatRate(r.rooms.totals.usedRate)],
        [L('noShows'), r.noShows.total],
      ],
    },
    {
      name: 'meetings',
      title: L('meetingsSection'),
      header: titles(c, [
        'topic',
        'kind',
        'start',
        'room',
        'chair',
        'startedOnTime',
        'lateByMinutes',
        'overrunMinutes',
        'expected',
        'attended',
        'attendanceRate',
        'punctualityRate',
        'decisions',
        'actions',
        'doneOnTime',
        'onTimeShare',
        'minutes',
      ]),
      rows: meetingRows(r, c),
    },
    {
      name: 'outcomes',
      title: L('outcomesSection'),
      header: titles(c, ['meeting', 'kind', 'text', 'owner', 'due', 'urgency']),
      rows: r.summary.outcomes.map((o) => [
        o.topic,
        valueLabel(o.kind, c.lang),
        o.text,
        c.who(o.ownerId),
        formatWall(o.due, c.zone),
        o.urgency === undefined ? '' : valueLabel(o.urgency, c.lang),
      ]),
    },
    {
      name: 'problems',
      title: L('problemsSection'),
      header: titles(c, ['rule', 'problem']),
      rows: r.summary.problems.map((p) => [p.rule, p.message[c.lang]]),
    },
    {
      name: 'improvements',
      title: L('improvementsSection'),
      header: titles(c, ['meeting', 'action', 'by', 'suggestion']),
      rows: r.summary.improvements.map((i) => [
        topicOf.get(i.meetingId) ?? i.meetingId,
        i.actionId,
        c.who(i.by),
        i.text,
      ]),
    },
    {
      name: 'discipline',
      title: L('disciplineSection'),
      header: titles(c, ['person', ...DISCIPLINE_FIELDS]),
      rows: [
        ...r.discipline.rows.map((p) => [c.who(p.personId), ...DISCIPLINE_FIELDS.map((f) => p[f])]),
        [L('total'), ...DISCIPLINE_FIELDS.map((f) => r.discipline.totals[f])],
      ],
    },
    groupTable(
      'actions-by-owner',
      'byOwnerSection',
      'owner',
      r.actions.byOwner,
      r.actions.totals,
      c,
      c.who,
    ),
    groupTable(
      'actions-by-meeting',
      'byMeetingSection',
      'meeting',
      r.actions.byMeeting,
      r.actions.totals,
      c,
      (id) => topicOf.get(id) ?? id,
    ),
    {
      name: 'actions',
      title: L('actionListSection'),
      header: titles(c, [
        'action',
        'meeting',
        'text',
        'owner',
        'urgency',
        'due',
        'deadline',
        'status',
        'overdue',
        'completedAt',
        'lateByHours',
        'quality',
        'verdict',
        'escalatedTo',
        'missedReports',
      ]),
      rows: r.actions.rows.map((a) => [
        a.actionId,
        topicOf.get(a.meetingId) ?? a.meetingId,
        a.text,
        c.who(a.ownerId),
        valueLabel(a.urgency, c.lang),
        formatWall(a.due, c.zone),
        formatWall(a.deadline, c.zone),
        valueLabel(a.status, c.lang),
        yesNo(a.overdue, c.lang),
        formatWall(a.completedAt, c.zone),
        a.lateBy === undefined ? '' : inHours(a.lateBy),
        a.quality,
        a.verdict === undefined ? '' : valueLabel(a.verdict, c.lang),
        a.escalatedTo === undefined ? '' : valueLabel(a.escalatedTo, c.lang),
        a.missedReports,
      ]),
    },
    {
      name: 'rooms',
      title: L('roomsSection'),
      header: titles(c, [
        'room',
        'openHours',
        'bookedHours',
        'usedHours',
        'bookedRate',
        'usedRate',
        'bookings',
        'checkedIn',
        'noShows',
      ]),
      rows: [...r.rooms.rows, { ...r.rooms.totals, name: L('total') }].map((x) => [
        x.name,
        inHours(x.open),
        inHours(x.booked),
        inHours(x.used),
        formatRate(x.bookedRate),
        formatRate(x.usedRate),
        x.bookings,
        x.checkedIn,
        x.noShows,
      ]),
    },
    {
      name: 'no-shows',
      title: L('noShowsSection'),
      header: titles(c, ['start', 'room', 'organizer', 'topic', 'series']),
      rows: r.noShows.rows.map((n) => [
        formatWall(n.start, c.zone),
        n.roomId,
        c.who(n.organizerId),
        n.topic ?? L('confidential'),
        n.seriesId,
      ]),
    },
  ];
}
