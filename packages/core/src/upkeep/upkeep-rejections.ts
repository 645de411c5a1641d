import { bilingual as r } from '../rejection/bilingual.js';
import { type Message, type RuleId } from '../rejection/index.js';
import { wallText } from '../rooms/booking-rejections.js';
import type { Instant } from '../time/instant.js';
import type { TimeZone } from '../time/zone.js';

/**
 * The rejections of the upkeep context, each naming its rule, in zh-CN and en. Unknown rooms,
 * equipment and bookings, the room admin's permission and malformed commands use the rooms
 * context's rejections (`bookingRejections`), so a kiosk shows them alike.
 */
export const upkeepRejections = {
  notOrganizer: (rule: RuleId, what: Message) =>
    r(
      rule,
      'upkeep.not-organizer',
      `只有会议组织者或行政部门可以${what['zh-CN']}`,
      `only the organizer or the room admin may ${what.en}`,
    ),
  checklistNotNow: (opens: Instant, closes: Instant, zone: TimeZone) =>
    r(
      'R-7',
      'checklist.not-at-check-in',
      `设备检查在签到时进行：${wallText(opens, zone)} 至 ${wallText(closes, zone)}`,
      `the equipment checklist is done at check-in, from ${wallText(opens, zone)} to ${wallText(closes, zone)}`,
      { opens, closes },
    ),
  checklistNotActive: (bookingId: string, status: string) =>
    r(
      'R-7',
      'checklist.booking-not-active',
      `预订 ${bookingId} 状态为 ${status}，不能做设备检查`,
      `booking ${bookingId} is ${status}; its equipment cannot be checked`,
      { bookingId, status },
    ),
  checklistIncomplete: (missing: readonly string[]) =>
    r(
      'R-7',
      'checklist.incomplete',
      `请检查会议所需的每件设备：${missing.join('、')}`,
      `check every item the meeting needs: ${missing.join(', ')}`,
      { missing },
    ),
  checklistDuplicate: (equipmentId: string) =>
    r(
      'R-7',
      'checklist.duplicate-item',
      `设备 ${equipmentId} 出现了不止一次`,
      `item ${equipmentId} is answered more than once`,
      { equipmentId },
    ),
  checklistDone: (bookingId: string) =>
    r(
      'R-7',
      'checklist.already-completed',
      `预订 ${bookingId} 的设备检查已完成；新的故障请单独报修`,
      `the checklist of booking ${bookingId} is done; report a new fault on its own`,
      { bookingId },
    ),
  noteRequired: (rule: RuleId, equipmentId: string) =>
    r(
      rule,
      'equipment.note-required',
      `请说明设备 ${equipmentId} 出了什么问题`,
      `say what is wrong with ${equipmentId}`,
      { equipmentId },
    ),
  stillFaulty: (equipmentId: string, since: Instant, zone: TimeZone) =>
    r(
      'R-7',
      'equipment.still-faulty',
      `设备 ${equipmentId} 自 ${wallText(since, zone)} 起故障待修，请先确认修复`,
      `${equipmentId} is faulty since ${wallText(since, zone)}: mark it repaired first`,
      { equipmentId, since },
    ),
  notCheckedIn: (bookingId: string, status: string) =>
    r(
      'R-7',
      'power-off.not-checked-in',
      `预订 ${bookingId} 未签到使用（${status}），无需确认断电`,
      `booking ${bookingId} was not used (${status}): there is nothing to power off`,
      { bookingId, status },
    ),
  meetingNotOver: (bookingId: string, end: Instant, zone: TimeZone) =>
    r(
      'R-7',
      'power-off.meeting-not-over',
      `会议 ${bookingId} 到 ${wallText(end, zone)} 才结束；请先提前结束会议`,
      `meeting ${bookingId} runs until ${wallText(end, zone)}: end it early first`,
      { bookingId, end },
    ),
  problemExists: (problemId: string) =>
    r(
      'R-9',
      'cleaning-problem.exists',
      `问题编号 ${problemId} 已被另一条报告使用`,
      `problem id ${problemId} is already used by another report`,
      { problemId },
    ),
  unknownProblem: (problemId: string) =>
    r(
      'R-9',
      'cleaning-problem.unknown',
      `找不到问题报告 ${problemId}`,
      `there is no problem report ${problemId}`,
      { problemId },
    ),
} as const;

/**
 * Every rejection of the upkeep context, each with its literal code and the data that code carries: a
 * `switch` on `code` narrows `data`.
 */
export type UpkeepRejection = ReturnType<(typeof upkeepRejections)[keyof typeof upkeepRejections]>;

/** The codes of {@link UpkeepRejection}. */
export type UpkeepRejectionCode = UpkeepRejection['code'];
