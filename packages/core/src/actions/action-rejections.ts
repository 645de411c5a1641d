import { bilingual as r } from '../rejection/bilingual.js';
import { type Message, type RuleId } from '../rejection/index.js';
import type { ActionStatus } from './action.js';

const STATUS_NAMES: Readonly<Record<ActionStatus, Message>> = {
  open: { 'zh-CN': '待开始', en: 'open' },
  'in-progress': { 'zh-CN': '进行中', en: 'in progress' },
  blocked: { 'zh-CN': '受阻（问题已上报）', en: 'blocked (a problem is escalated)' },
  done: { 'zh-CN': '已完成待评估', en: 'done, awaiting evaluation' },
  accepted: { 'zh-CN': '已验收', en: 'accepted' },
  returned: { 'zh-CN': '已退回整改', en: 'returned for rework' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
};

/** The rejections of the actions context, each naming its rule, in zh-CN and en. */
export const actionRejections = {
  unknownAction: (actionId: string) =>
    r('F-1', 'action.unknown', `没有行动项 ${actionId}`, `there is no action ${actionId}`, {
      actionId,
    }),
  wrongStatus: (rule: RuleId, actionId: string, status: ActionStatus, what: Message) =>
    r(
      rule,
      'action.wrong-status',
      `行动项 ${actionId} ${STATUS_NAMES[status]['zh-CN']}，不能${what['zh-CN']}`,
      `action ${actionId} is ${STATUS_NAMES[status].en}, so it cannot ${what.en}`,
      { actionId, status },
    ),
  ownerOnly: (rule: RuleId, what: Message) =>
    r(rule, 'permission.owner', `只有责任人可以${what['zh-CN']}`, `only the owner may ${what.en}`),
  chairOrRecorderOnly: () =>
    r(
      'F-1',
      'permission.chair-or-recorder',
      '只有会议主持人或记录人可以据纪要建立行动项',
      "only the meeting's chair or recorder may open actions from its minutes",
    ),
  chairOnly: (what: Message) =>
    r('F-6', 'permission.chair', `只有主持人可以${what['zh-CN']}`, `only the chair may ${what.en}`),
  chairOrLeadershipOnly: () =>
    r(
      'F-2',
      'permission.chair-or-leadership',
      '只有主持人或公司领导可以取消行动项',
      'only the chair or leadership may cancel an action',
    ),
  notTheResponder: (level: string) =>
    r(
      'F-4',
      'permission.responder',
      `只有当前层级（${level}）的答复人或公司领导可以答复`,
      `only whoever answers at the current rung (${level}) or leadership may answer`,
      { level },
    ),
  duplicateItem: (itemId: string) =>
    r('F-1', 'action.duplicate-item', `决议 ${itemId} 重复`, `decision ${itemId} is listed twice`, {
      itemId,
    }),
  ownerIsCollaborator: (itemId: string, ownerId: string) =>
    r(
      'M-8',
      'outcome.owner-is-collaborator',
      `${itemId}：责任人 ${ownerId} 不能同时是协办人`,
      `${itemId}: the owner, ${ownerId}, cannot also be a collaborator`,
      { itemId, ownerId },
    ),
  versionMismatch: (meetingId: string, version: number) =>
    r(
      'N-4',
      'action.minutes-version-mismatch',
      `会议 ${meetingId} 第 ${version} 版纪要的决议与已建立的行动项不一致`,
      `the decisions of version ${version} of the minutes of ${meetingId} differ from the actions opened from it`,
      { meetingId, version },
    ),
  minutesNotPublished: (meetingId: string, version: number | undefined) =>
    r(
      'F-1',
      'action.minutes-not-published',
      version === undefined
        ? `会议 ${meetingId} 的纪要尚未发布`
        : `会议 ${meetingId} 的第 ${version} 版纪要未发布`,
      version === undefined
        ? `the minutes of ${meetingId} are not published yet`
        : `version ${version} of the minutes of ${meetingId} is not published`,
      { meetingId, ...(version === undefined ? {} : { version }) },
    ),
  alreadyEscalated: (actionId: string) =>
    r(
      'F-4',
      'action.already-escalated',
      `行动项 ${actionId} 已有未答复的上报问题`,
      `action ${actionId} already has an unanswered escalation`,
      { actionId },
    ),
  noOpenEscalation: (actionId: string) =>
    r(
      'F-4',
      'action.no-open-escalation',
      `行动项 ${actionId} 没有待答复的上报问题`,
      `action ${actionId} has no escalation waiting for an answer`,
      { actionId },
    ),
  alreadyReported: (actionId: string) =>
    r(
      'F-5',
      'action.already-reported',
      `行动项 ${actionId} 已提交完成报告`,
      `action ${actionId} already has its completion report`,
      { actionId },
    ),
  alreadyEvaluated: (actionId: string) =>
    r(
      'F-6',
      'action.already-evaluated',
      `行动项 ${actionId} 已评估`,
      `action ${actionId} is already evaluated`,
      { actionId },
    ),
  unknownEntry: (personId: string, entryId: string) =>
    r(
      'F-7',
      'ledger.unknown-entry',
      `${personId} 的台账中没有 ${entryId}`,
      `${personId}'s ledger has no entry ${entryId}`,
      { personId, entryId },
    ),
  correctionOfCorrection: (entryId: string) =>
    r(
      'F-7',
      'ledger.correction-of-correction',
      `${entryId} 本身是更正，不能再更正`,
      `${entryId} is itself a correction and cannot be corrected`,
      { entryId },
    ),
  alreadyCorrected: (entryId: string) =>
    r(
      'F-7',
      'ledger.already-corrected',
      `${entryId} 已更正过`,
      `${entryId} has already been corrected`,
      { entryId },
    ),
  correctorOnly: () =>
    r(
      'F-7',
      'permission.ledger',
      '只有公司领导或记录该条目的人可以更正台账',
      'only leadership or whoever recorded the entry may correct it',
    ),
} as const;

/**
 * Every rejection of the actions context, each with its literal code and the data that code carries: a
 * `switch` on `code` narrows `data`.
 */
export type ActionRejection = ReturnType<(typeof actionRejections)[keyof typeof actionRejections]>;

/** The codes of {@link ActionRejection}. */
export type ActionRejectionCode = ActionRejection['code'];
