import { bilingual as r } from '../rejection/bilingual.js';
import { type Message, type RuleId } from '../rejection/index.js';
import { wallText } from '../rooms/booking-rejections.js';
import type { Instant } from '../time/instant.js';
import type { TimeZone } from '../time/zone.js';
import type { MeetingStatus } from './meeting.js';

/** What M-2 needs before a meeting is scheduled. */
export type PlanField =
  'goals' | 'agenda' | 'chair' | 'recorder' | 'sign-in-officer' | 'participants' | 'booking';

const FIELD_NAMES: Readonly<Record<PlanField, Message>> = {
  goals: { 'zh-CN': '会议目标', en: 'goals' },
  agenda: { 'zh-CN': '会议议程', en: 'an agenda' },
  chair: { 'zh-CN': '主持人', en: 'a chair' },
  recorder: { 'zh-CN': '记录人', en: 'a recorder' },
  'sign-in-officer': { 'zh-CN': '签到负责人', en: 'a sign-in officer' },
  participants: { 'zh-CN': '参会人员', en: 'participants' },
  booking: { 'zh-CN': '会议室预订', en: 'a room booking' },
};

const STATUS_NAMES: Readonly<Record<MeetingStatus, Message>> = {
  draft: { 'zh-CN': '草稿', en: 'a draft' },
  scheduled: { 'zh-CN': '已安排', en: 'scheduled' },
  'in-progress': { 'zh-CN': '进行中', en: 'in progress' },
  ended: { 'zh-CN': '已结束', en: 'ended' },
  closed: { 'zh-CN': '已关闭', en: 'closed' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
};

/** The rejections of the meetings context, each naming its rule, in zh-CN and en. */
export const meetingRejections = {
  unknownMeeting: (meetingId: string) =>
    r('M-4', 'meeting.unknown', `找不到会议 ${meetingId}`, `there is no meeting ${meetingId}`, {
      meetingId,
    }),
  duplicateId: (meetingId: string) =>
    r(
      'M-2',
      'meeting.duplicate-id',
      `会议编号 ${meetingId} 已被另一个会议使用`,
      `meeting id ${meetingId} is already used by another meeting`,
      { meetingId },
    ),
  wrongState: (rule: RuleId, meetingId: string, status: MeetingStatus, what: Message) =>
    r(
      rule,
      'meeting.wrong-state',
      `会议${STATUS_NAMES[status]['zh-CN']}，不能${what['zh-CN']}`,
      `the meeting is ${STATUS_NAMES[status].en}, so it cannot ${what.en}`,
      { meetingId, status },
    ),
  organizerOrChairOnly: (what: Message) =>
    r(
      'M-4',
      'permission.organizer-or-chair',
      `只有会议组织者或主持人可以${what['zh-CN']}`,
      `only the organizer or the chair may ${what.en}`,
    ),
  chairOnly: (rule: RuleId, what: Message) =>
    r(rule, 'permission.chair', `只有主持人可以${what['zh-CN']}`, `only the chair may ${what.en}`),
  chairOrRecorderOnly: () =>
    r(
      'M-8',
      'permission.chair-or-recorder',
      '只有主持人或记录人可以记录议题成果',
      'only the chair or the recorder may record outcomes',
    ),
  missing: (field: PlanField) =>
    r(
      'M-2',
      `meeting.${field}-missing`,
      `安排会议前须确定${FIELD_NAMES[field]['zh-CN']}`,
      `a meeting needs ${FIELD_NAMES[field].en} before it is scheduled`,
      { missing: field },
    ),
  duplicateItem: (itemId: string) =>
    r(
      'M-2',
      'meeting.agenda-duplicate-item',
      `议程项编号 ${itemId} 重复`,
      `agenda item id ${itemId} is used twice`,
      { itemId },
    ),
  agendaTooLong: (totalMinutes: number, lengthMinutes: number) =>
    r(
      'M-2',
      'meeting.agenda-too-long',
      `议程共 ${totalMinutes} 分钟，超过会议时长 ${lengthMinutes} 分钟`,
      `the agenda's timeboxes add up to ${totalMinutes} minutes, more than the meeting's ${lengthMinutes}`,
      { totalMinutes, lengthMinutes },
    ),
  inPast: (start: Instant, zone: TimeZone) =>
    r(
      'M-2',
      'meeting.in-past',
      `开始时间 ${wallText(start, zone)} 已经过去`,
      `the start, ${wallText(start, zone)}, is in the past`,
      { start },
    ),
  notInvited: (personId: string) =>
    r(
      'M-3',
      'invitation.not-invited',
      `${personId} 未受邀参加此会议`,
      `${personId} is not invited to this meeting`,
      { personId },
    ),
  reasonRequired: () =>
    r('M-3', 'invitation.reason-required', '请假须说明理由', 'declining needs a reason'),
  delegateRequired: () =>
    r(
      'M-3',
      'invitation.delegate-required',
      '委派须指明代替参会的人',
      'delegating needs the person to delegate to',
    ),
  delegateUnexpected: () =>
    r(
      'M-3',
      'invitation.delegate-unexpected',
      '只有委派时才可指定代替参会的人',
      'a delegate is named only when delegating',
    ),
  delegateInvited: (personId: string) =>
    r(
      'M-3',
      'invitation.delegate-already-invited',
      `${personId} 已受邀，不能再被委派`,
      `${personId} is already invited, so cannot be delegated to`,
      { personId },
    ),
  alreadyDelegated: (to: string) =>
    r(
      'M-3',
      'invitation.already-delegated',
      `已委派给 ${to}，不能再更改答复`,
      `already delegated to ${to}; the answer can no longer change`,
      { delegatedTo: to },
    ),
  pastDeadline: (deadline: Instant, zone: TimeZone) =>
    r(
      'M-3',
      'invitation.past-deadline',
      `答复已于 ${wallText(deadline, zone)} 截止`,
      `answers closed at ${wallText(deadline, zone)}`,
      { deadline },
    ),
  excuseNotDeclined: (personId: string) =>
    r(
      'M-6',
      'excuse.not-declined',
      `${personId} 未说明理由请假，无从准假`,
      `${personId} has not declined with a reason, so there is no excuse to accept`,
      { personId },
    ),
  excuseTooLate: (start: Instant, zone: TimeZone) =>
    r(
      'M-6',
      'excuse.too-late',
      `会议已于 ${wallText(start, zone)} 开始，不能再准假`,
      `the meeting started at ${wallText(start, zone)}; excuses are accepted only before`,
      { start },
    ),
  tooEarlyToStart: (opens: Instant, zone: TimeZone) =>
    r(
      'M-4',
      'meeting.too-early',
      `会议最早可于 ${wallText(opens, zone)} 开始`,
      `the meeting can start from ${wallText(opens, zone)}`,
      { opens },
    ),
  endBeforeStart: (rule: RuleId, startedAt: Instant, zone: TimeZone) =>
    r(
      rule,
      'meeting.end-before-start',
      `结束时间不能早于开始时间 ${wallText(startedAt, zone)}`,
      `it cannot end before it started, at ${wallText(startedAt, zone)}`,
      { startedAt },
    ),
  unknownItem: (itemId: string) =>
    r('M-7', 'agenda.unknown-item', `议程中没有 ${itemId}`, `the agenda has no item ${itemId}`, {
      itemId,
    }),
  itemDone: (itemId: string) =>
    r(
      'M-7',
      'agenda.item-done',
      `议程项 ${itemId} 已经结束`,
      `agenda item ${itemId} has already ended`,
      { itemId },
    ),
  itemRunning: (itemId: string) =>
    r(
      'M-7',
      'agenda.item-running',
      `请先结束正在进行的议程项 ${itemId}`,
      `end the running agenda item ${itemId} first`,
      { itemId },
    ),
  outOfOrder: (itemId: string, laterId: string) =>
    r(
      'M-7',
      'agenda.out-of-order',
      `议程按顺序进行：${laterId} 已开始，不能回到 ${itemId}`,
      `the agenda runs in order: ${laterId} has started, so ${itemId} cannot`,
      { itemId, laterId },
    ),
  itemNotStarted: (itemId: string) =>
    r(
      'M-7',
      'agenda.item-not-started',
      `议程项 ${itemId} 尚未开始`,
      `agenda item ${itemId} has not started`,
      { itemId },
    ),
  carryNotSameSeries: () =>
    r(
      'M-7',
      'carry.not-same-series',
      '只能结转到同一例会系列的会议',
      'items are carried over only within the same regular series',
    ),
  carrySourceNotEnded: (meetingId: string) =>
    r(
      'M-7',
      'carry.source-not-ended',
      `会议 ${meetingId} 尚未结束`,
      `meeting ${meetingId} has not ended`,
      { meetingId },
    ),
  carryNotLater: (meetingId: string) =>
    r(
      'M-7',
      'carry.not-later',
      `只能结转到 ${meetingId} 之后的会议`,
      `items are carried over only to a later occurrence than ${meetingId}`,
      { meetingId },
    ),
  officerOnly: () =>
    r(
      'M-5',
      'sign-in.officer-only',
      '只有签到负责人可以替他人签到或签退',
      'only the sign-in officer may sign someone else in or out',
    ),
  signInNotInvited: (personId: string) =>
    r(
      'M-5',
      'sign-in.not-invited',
      `${personId} 不是此会议的参会人员`,
      `${personId} is not a participant of this meeting`,
      { personId },
    ),
  signInTooEarly: (opens: Instant, zone: TimeZone) =>
    r(
      'M-5',
      'sign-in.too-early',
      `签到从 ${wallText(opens, zone)} 开始`,
      `sign-in opens at ${wallText(opens, zone)}`,
      { opens },
    ),
  signInClosed: () => r('M-5', 'sign-in.closed', '会议已结束，签到已关闭', 'the meeting is over'),
  notSignedIn: (personId: string) =>
    r('M-5', 'sign-out.not-signed-in', `${personId} 尚未签到`, `${personId} has not signed in`, {
      personId,
    }),
  agreementUnsigned: (personId: string, version: number) =>
    r(
      'R-8',
      'sign-in.agreement-unsigned',
      `保密会议：${personId} 须先签署第 ${version} 版保密协议`,
      `a confidential meeting: ${personId} must first sign version ${version} of the confidentiality agreement`,
      { personId, version },
    ),
  agreementNotSelf: () =>
    r(
      'R-8',
      'agreement.not-self',
      '保密协议须由本人签署（可由该会议的签到负责人协助）',
      'the confidentiality agreement is signed by the person, or with the meeting’s sign-in officer',
    ),
  agreementNotCurrent: (version: number, current: number) =>
    r(
      'R-8',
      'agreement.not-current',
      `现行保密协议为第 ${current} 版，不是第 ${version} 版`,
      `the agreement in force is version ${current}, not ${version}`,
      { version, current },
    ),
  informationWithWork: () =>
    r(
      'M-8',
      'outcome.information-with-work',
      '通报事项不分派工作',
      'information asks for no work; record a decision or an action',
    ),
  actionWithoutWork: () =>
    r(
      'M-8',
      'outcome.action-without-work',
      '行动项须指定一名责任人、完成时间和紧急程度',
      'an action names one owner, a due date and an urgency',
    ),
  ownerIsCollaborator: (ownerId: string) =>
    r(
      'M-8',
      'outcome.owner-is-collaborator',
      `责任人 ${ownerId} 不能同时是协办人`,
      `the owner, ${ownerId}, cannot also be a collaborator`,
      { ownerId },
    ),
  dueInPast: (due: Instant, zone: TimeZone) =>
    r(
      'M-8',
      'outcome.due-in-past',
      `完成时间 ${wallText(due, zone)} 已经过去`,
      `the due date, ${wallText(due, zone)}, is in the past`,
      { due },
    ),
  duplicateOutcome: (outcomeId: string) =>
    r(
      'M-8',
      'outcome.duplicate-id',
      `成果编号 ${outcomeId} 已被使用`,
      `outcome id ${outcomeId} is already used`,
      { outcomeId },
    ),
} as const;

/**
 * Every rejection of the meetings context, each with its literal code and the data that code carries: a
 * `switch` on `code` narrows `data`.
 */
export type MeetingRejection = ReturnType<
  (typeof meetingRejections)[keyof typeof meetingRejections]
>;

/** The codes of {@link MeetingRejection}. */
export type MeetingRejectionCode = MeetingRejection['code'];
