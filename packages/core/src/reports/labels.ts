import type { Language } from '../policy/parameters.js';
import type { Message } from '../rejection/rejection.js';

const m = (zh: string, en: string): Message => ({ 'zh-CN': zh, en });

/** Every word a rendered report uses, in both languages (K-5). */
export const REPORT_LABELS = {
  periodTitle: m('会议总结报告', 'Meeting summary report'),
  meetingTitle: m('会议成效报告', 'Meeting effectiveness report'),
  period: m('统计区间', 'Period'),
  asOf: m('数据截至', 'As of'),
  to: m('至', 'to'),
  overview: m('概况', 'Overview'),
  metric: m('指标', 'Measure'),
  value: m('数值', 'Value'),
  meetingsSection: m('会议成效', 'Meeting effectiveness'),
  outcomesSection: m('会议成果', 'Outcomes'),
  problemsSection: m('问题与不足', 'Problems'),
  improvementsSection: m('改进建议', 'Improvements'),
  disciplineSection: m('会议纪律', 'Discipline record'),
  actionsSection: m('决议执行汇总', 'Action roll-up'),
  byOwnerSection: m('按责任人', 'By owner'),
  byMeetingSection: m('按会议', 'By meeting'),
  actionListSection: m('行动项明细', 'Every action'),
  roomsSection: m('会议室使用率', 'Room utilization'),
  noShowsSection: m('预订未签到', 'No-shows'),
  none: m('无', 'None'),
  total: m('合计', 'Total'),
  meetingsHeld: m('召开会议', 'Meetings held'),
  meetingsCancelled: m('取消会议', 'Meetings cancelled'),
  meeting: m('会议', 'Meeting'),
  topic: m('主题', 'Topic'),
  kind: m('类型', 'Kind'),
  start: m('开始时间', 'Start'),
  room: m('会议室', 'Room'),
  chair: m('主持人', 'Chair'),
  startedOnTime: m('按时开始', 'Started on time'),
  startedLate: m('晚开始', 'Started late'),
  lateByMinutes: m('晚开始（分钟）', 'Late by (min)'),
  overrunMinutes: m('议程超时（分钟）', 'Agenda overrun (min)'),
  overrunItems: m('超时议题', 'Items over'),
  expected: m('应到', 'Expected'),
  attended: m('实到', 'Attended'),
  attendanceRate: m('出勤率', 'Attendance rate'),
  punctualityRate: m('准时率', 'Punctuality rate'),
  onTime: m('准时', 'On time'),
  late: m('迟到', 'Late'),
  leftEarly: m('早退', 'Left early'),
  lateAndLeftEarly: m('迟到且早退', 'Late and left early'),
  excused: m('请假', 'Excused'),
  unexcused: m('无故缺席', 'Unexcused absence'),
  commendations: m('表彰', 'Commendations'),
  penalties: m('处罚', 'Penalties'),
  corrections: m('更正', 'Corrections'),
  decisions: m('决议', 'Decisions'),
  information: m('通报事项', 'Information'),
  actions: m('行动项', 'Actions'),
  doneOnTime: m('按期完成', 'Done on time'),
  doneLate: m('逾期完成', 'Done late'),
  open: m('未完成', 'Open'),
  overdue: m('已逾期', 'Overdue'),
  cancelled: m('已取消', 'Cancelled'),
  onTimeShare: m('按期完成率', 'Share done on time'),
  minutes: m('会议纪要', 'Minutes'),
  minutesOnTime: m('纪要按时', 'Minutes on time'),
  minutesLate: m('纪要迟交', 'Minutes late'),
  person: m('人员', 'Person'),
  owner: m('责任人', 'Owner'),
  action: m('行动项', 'Action'),
  text: m('内容', 'What'),
  urgency: m('紧急程度', 'Urgency'),
  due: m('完成期限', 'Due'),
  deadline: m('当前期限', 'Deadline'),
  status: m('状态', 'Status'),
  completedAt: m('完成报告时间', 'Completed'),
  lateByHours: m('逾期（小时）', 'Late by (h)'),
  quality: m('质量评分', 'Quality'),
  verdict: m('奖惩', 'Verdict'),
  escalatedTo: m('上报至', 'Escalated to'),
  missedReports: m('漏报进展', 'Reports missed'),
  rule: m('规则', 'Rule'),
  problem: m('问题', 'Problem'),
  suggestion: m('建议', 'Suggestion'),
  by: m('提出人', 'By'),
  openHours: m('开放时长（小时）', 'Open (h)'),
  bookedHours: m('预订时长（小时）', 'Booked (h)'),
  usedHours: m('使用时长（小时）', 'Used (h)'),
  bookedRate: m('预订率', 'Booked'),
  usedRate: m('使用率', 'Used'),
  bookings: m('预订数', 'Bookings'),
  checkedIn: m('已签到', 'Checked in'),
  noShows: m('未签到释放', 'No-shows'),
  organizer: m('组织者', 'Organizer'),
  series: m('例会系列', 'Series'),
  confidential: m('（保密）', '(confidential)'),
  yes: m('是', 'yes'),
  no: m('否', 'no'),
  dash: m('—', '—'),
} as const;

/** A word of a rendered report. */
export type ReportLabel = keyof typeof REPORT_LABELS;

/**
 * A word of a rendered report in a language.
 *
 * @param key - the word
 * @param lang - the language
 * @returns the text
 * @example
 * label('late', 'zh-CN') // => '迟到'
 */
export function label(key: ReportLabel, lang: Language): string {
  return REPORT_LABELS[key][lang];
}

/** How statuses, urgencies, verdicts and the like read, in both languages. */
export const VALUE_LABELS: Readonly<Record<string, Message>> = {
  open: m('待开始', 'open'),
  'in-progress': m('进行中', 'in progress'),
  blocked: m('受阻', 'blocked'),
  done: m('待评估', 'done'),
  accepted: m('已验收', 'accepted'),
  returned: m('整改中', 'returned for rework'),
  cancelled: m('已取消', 'cancelled'),
  normal: m('一般', 'normal'),
  urgent: m('紧急', 'urgent'),
  critical: m('特急', 'critical'),
  commendation: m('表彰', 'commendation'),
  penalty: m('处罚', 'penalty'),
  'on-time': m('按时', 'on time'),
  late: m('迟交', 'late'),
  pending: m('未到期', 'not due yet'),
  overdue: m('逾期', 'overdue'),
  none: m('无', 'none'),
  chair: m('主持人', 'chair'),
  supervisor: m('监督人', 'supervisor'),
  leadership: m('公司领导', 'leadership'),
  decision: m('决议', 'decision'),
  information: m('通报', 'information'),
  action: m('行动', 'action'),
  'weekly-review': m('周例会', 'weekly review'),
  'monthly-review': m('月度总结会', 'monthly review'),
  'ad-hoc': m('临时会议', 'ad hoc'),
};

/**
 * How a coded value (a status, an urgency, a verdict …) reads in a language; unknown codes as they are.
 *
 * @param code - the value
 * @param lang - the language
 * @returns the text
 * @example
 * valueLabel('in-progress', 'zh-CN') // => '进行中'
 */
export function valueLabel(code: string, lang: Language): string {
  return Object.hasOwn(VALUE_LABELS, code) ? (VALUE_LABELS[code] as Message)[lang] : code;
}
