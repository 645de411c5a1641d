import type { TimeZone } from '../time/zone.js';
import { formatRate, formatWall, inMinutes, yesNo } from './format.js';
import { label, valueLabel, type ReportLabel } from './labels.js';
import type { MeetingReport } from './meeting-report.js';
import { renderContext, titles, type RenderOptions, type ReportTable } from './table.js';

/**
 * The table of one meeting's report (E-1): a measure per line.
 *
 * @param r - the meeting's report
 * @param zone - the site's zone
 * @param options - the language and the names of people
 * @returns the table
 * @example
 * meetingReportTable(report, 'Asia/Shanghai').rows[0] // => ['主题', '售后周例会']
 */
export function meetingReportTable(
  r: MeetingReport,
  zone: TimeZone,
  options: RenderOptions = {},
): ReportTable<'meeting'> {
  const c = renderContext(zone, options);
  const L = (k: ReportLabel): string => label(k, c.lang);
  const a = r.attendance;
  return {
    name: 'meeting',
    title: L('meetingTitle'),
    header: titles(c, ['metric', 'value']),
    rows: [
      [L('topic'), r.topic],
      [L('kind'), valueLabel(r.kind, c.lang)],
      [L('start'), formatWall(r.start, zone)],
      [L('room'), r.roomId],
      [L('chair'), c.who(r.chairId)],
      [L('startedOnTime'), yesNo(r.startedOnTime, c.lang)],
      [L('lateByMinutes'), inMinutes(r.startedLateBy)],
      [L('overrunMinutes'), inMinutes(r.agenda.overrun)],
      [L('overrunItems'), `${r.agenda.overrunItems}/${r.agenda.items}`],
      [L('expected'), a?.expected],
      [L('attended'), a?.attended],
      [L('attendanceRate'), formatRate(a?.attendanceRate ?? null)],
      [L('punctualityRate'), formatRate(a?.punctualityRate ?? null)],
      [L('late'), a?.late],
      [L('leftEarly'), a?.leftEarly],
      [L('lateAndLeftEarly'), a?.lateAndLeftEarly],
      [L('excused'), a?.excused],
      [L('unexcused'), a?.unexcused],
      [L('decisions'), r.decisions],
      [L('information'), r.information],
      [L('actions'), r.actions.total],
      [L('doneOnTime'), r.actions.doneOnTime],
      [L('doneLate'), r.actions.doneLate],
      [L('open'), r.actions.open],
      [L('overdue'), r.actions.overdue],
      [L('cancelled'), r.actions.cancelled],
      [L('onTimeShare'), formatRate(r.actions.onTimeShare)],
      [L('minutes'), valueLabel(r.minutes, c.lang)],
    ],
  };
}
