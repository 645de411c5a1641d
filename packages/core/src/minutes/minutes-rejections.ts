import { bilingual as r } from '../rejection/bilingual.js';
import { type Message, type RuleId } from '../rejection/index.js';
import type { MinutesStatus } from './minutes.js';

const STATUS_NAMES: Readonly<Record<MinutesStatus, Message>> = {
  draft: { 'zh-CN': '草稿', en: 'a draft' },
  submitted: { 'zh-CN': '已提交审批', en: 'submitted' },
  returned: { 'zh-CN': '已退回修改', en: 'returned' },
  approved: { 'zh-CN': '已批准', en: 'approved' },
  published: { 'zh-CN': '已发布', en: 'published' },
};

/** The rejections of the minutes context, each naming its rule, in zh-CN and en. */
export const minutesRejections = {
  meetingNotEnded: (meetingId: string) =>
    r(
      'N-1',
      'minutes.meeting-not-ended',
      `会议 ${meetingId} 尚未结束，不能起草纪要`,
      `meeting ${meetingId} has not ended, so its minutes cannot be drafted`,
      { meetingId },
    ),
  factsMismatch: (meetingId: string, factsFor: string) =>
    r(
      'N-1',
      'minutes.facts-mismatch',
      `会议资料属于 ${factsFor}，不是 ${meetingId}`,
      `the meeting facts are of ${factsFor}, not ${meetingId}`,
      { meetingId, factsFor },
    ),
  unknownMinutes: (meetingId: string) =>
    r(
      'N-1',
      'minutes.unknown',
      `会议 ${meetingId} 还没有纪要`,
      `meeting ${meetingId} has no minutes yet`,
      { meetingId },
    ),
  exists: (meetingId: string) =>
    r(
      'N-1',
      'minutes.exists',
      `会议 ${meetingId} 的纪要已起草，请修改或提出修订`,
      `the minutes of ${meetingId} are already drafted: edit or amend them`,
      { meetingId },
    ),
  recorderOnly: (rule: RuleId, what: Message) =>
    r(
      rule,
      'permission.recorder',
      `只有记录人可以${what['zh-CN']}`,
      `only the recorder may ${what.en}`,
    ),
  chairOnly: (what: Message) =>
    r('N-2', 'permission.chair', `只有主持人可以${what['zh-CN']}`, `only the chair may ${what.en}`),
  chairOrRecorderOnly: () =>
    r(
      'N-3',
      'permission.chair-or-recorder',
      '只有主持人或记录人可以发布纪要',
      'only the chair or the recorder may publish the minutes',
    ),
  wrongStatus: (rule: RuleId, version: number, status: MinutesStatus, what: Message) =>
    r(
      rule,
      'minutes.wrong-status',
      `第 ${version} 版纪要${STATUS_NAMES[status]['zh-CN']}，不能${what['zh-CN']}`,
      `version ${version} of the minutes is ${STATUS_NAMES[status].en}, so it cannot ${what.en}`,
      { version, status },
    ),
  unknownAgendaItem: (agendaItemId: string) =>
    r(
      'N-1',
      'minutes.unknown-agenda-item',
      `会议议程中没有 ${agendaItemId}`,
      `the meeting's agenda has no item ${agendaItemId}`,
      { agendaItemId },
    ),
  duplicateItem: (itemId: string) =>
    r(
      'N-1',
      'minutes.duplicate-item',
      `纪要事项编号 ${itemId} 重复`,
      `item id ${itemId} is used twice`,
      { itemId },
    ),
  informationWithWork: (itemId: string) =>
    r(
      'M-8',
      'outcome.information-with-work',
      `通报事项 ${itemId} 不分派工作`,
      `information item ${itemId} asks for no work`,
      { itemId },
    ),
  actionWithoutWork: (itemId: string) =>
    r(
      'M-8',
      'outcome.action-without-work',
      `行动项 ${itemId} 须分派工作`,
      `action ${itemId} asks for work`,
      { itemId },
    ),
  ownerIsCollaborator: (itemId: string, ownerId: string) =>
    r(
      'M-8',
      'outcome.owner-is-collaborator',
      `${itemId}：责任人 ${ownerId} 不能同时是协办人`,
      `${itemId}: the owner, ${ownerId}, cannot also be a collaborator`,
      { itemId, ownerId },
    ),
  withoutOwner: (itemId: string) =>
    r(
      'N-2',
      'minutes.decision-without-owner',
      `决议 ${itemId} 未指定责任人，纪要不能提交`,
      `decision ${itemId} has no owner, so the minutes cannot be submitted`,
      { itemId },
    ),
  withoutDue: (itemId: string) =>
    r(
      'N-2',
      'minutes.decision-without-due',
      `决议 ${itemId} 未指定完成时间，纪要不能提交`,
      `decision ${itemId} has no due date, so the minutes cannot be submitted`,
      { itemId },
    ),
  amendmentOpen: (version: number) =>
    r(
      'N-4',
      'minutes.amendment-open',
      `第 ${version} 版尚未发布，请先完成它`,
      `version ${version} is not published yet: finish it first`,
      { version },
    ),
  notARecipient: (personId: string) =>
    r(
      'N-3',
      'minutes.not-a-recipient',
      `${personId} 不在纪要的发送范围内`,
      `${personId} is not among the minutes' recipients`,
      { personId },
    ),
  versionNotPublished: (version: number) =>
    r(
      'N-4',
      'minutes.version-not-published',
      `第 ${version} 版纪要未发布`,
      `version ${version} of the minutes is not published`,
      { version },
    ),
} as const;

/**
 * Every rejection of the minutes context, each with its literal code and the data that code carries: a
 * `switch` on `code` narrows `data`.
 */
export type MinutesRejection = ReturnType<
  (typeof minutesRejections)[keyof typeof minutesRejections]
>;

/** The codes of {@link MinutesRejection}. */
export type MinutesRejectionCode = MinutesRejection['code'];
