/**
 * Reports (E-1, E-2, F-8, R-4): how effective each meeting was; the meeting summary report of a
 * period for leadership, with the discipline record per person, the roll-up of every action, room
 * utilization and no-shows. Reports are plain data — pure folds over the states of the meetings,
 * minutes, actions and bookings deciders — and render to Markdown and to CSV (UTF-8 with BOM, CRLF,
 * RFC 4180) that a person can read or open in a spreadsheet.
 *
 * @packageDocumentation
 */
export { reportPeriod } from './period.js';
export type { ReportPeriod } from './period.js';
export type { ReportSources, ReportOptions } from './sources.js';
export {
  MINUTES_TIMELINESS,
  meetingReport,
  meetingActionFigures,
  minutesTimeliness,
  actionsByMeeting,
} from './meeting-report.js';
export type {
  MeetingReport,
  MeetingActionFigures,
  MinutesTimeliness,
  AgendaFigures,
} from './meeting-report.js';
export { DISCIPLINE_FIELDS, disciplineRecord, sumDiscipline } from './discipline.js';
export type { DisciplineCounts, DisciplineRow, DisciplineRecord } from './discipline.js';
export { actionRollUp, countRollUp } from './action-rollup.js';
export type { ActionRollUp, ActionRollUpRow, RollUpCounts, RollUpGroup } from './action-rollup.js';
export { UTILIZATION_FIELDS, openTime, usedSpan, roomUtilization } from './room-utilization.js';
export type { RoomUtilization, RoomUtilizationRow, UtilizationCounts } from './room-utilization.js';
export { noShows } from './no-shows.js';
export type { NoShowReport, NoShowRow, NoShowCount } from './no-shows.js';
export { meetingSummary } from './summary.js';
export type { MeetingSummary, SummaryOutcome, Finding, Improvement } from './summary.js';
export { meetingTotals, periodReport } from './period-report.js';
export type { MeetingTotals, PeriodReport } from './period-report.js';
export { markdownCell, markdownTable } from './markdown.js';
export { REPORT_LABELS, VALUE_LABELS, label, valueLabel } from './labels.js';
export type { ReportLabel } from './labels.js';
export { formatWall, formatRate, inMinutes, inHours, yesNo } from './format.js';
export { renderContext, titles } from './table.js';
export type { RenderOptions, RenderContext, ReportTable } from './table.js';
export { periodReportTables } from './period-tables.js';
export type { PeriodTableName } from './period-tables.js';
export { meetingReportTable } from './meeting-table.js';
export {
  periodReportMarkdown,
  periodReportCsv,
  meetingReportMarkdown,
  meetingReportCsv,
} from './render.js';
