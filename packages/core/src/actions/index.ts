/**
 * Follow-through (F-1 – F-7): the actions decider. Publishing minutes opens an action per decision
 * that asks for work; the owner starts within the working days allowed, reports progress on the
 * cadence, escalates problems up the ladder, and files a completion report; the chair evaluates it,
 * which earns a commendation or a penalty (with a rectification task) in the owner's ledger, a
 * ledger that only grows. Time-driven rules come from a `ReviewActions` command carrying `now`.
 *
 * How actions come from minutes: the actions decider never reads the minutes decider's state.
 * When `MinutesPublished` is seen, build `OpenActionsFromMinutes` from the minutes with
 * {@link openActionsCommand} and decide it; an amendment's publication does the same, and the
 * decider opens, amends or withdraws actions to match.
 *
 * @packageDocumentation
 */
export {
  ACTION_STATUSES,
  ACTION_TRANSITIONS,
  OPEN_ACTION_STATUSES,
  canMoveAction,
  isOpenStatus,
  deadlineOf,
  isOverdue,
  firstCompletionLateBy,
  openEscalation,
} from './action.js';
export type {
  Action,
  ActionStatus,
  ActionWork,
  ProgressReport,
  CompletionReport,
  Escalation,
  EscalationRung,
  EscalationAnswer,
  EvaluationRecord,
} from './action.js';
export { ACTION_FLAG_KINDS, hasFlag } from './action-flag.js';
export type { ActionFlag, ActionFlagKind } from './action-flag.js';
export { VERDICTS, evaluate } from './evaluation.js';
export type { Evaluation, EvaluationInput, EvaluationParameters, Verdict } from './evaluation.js';
export { LEDGER_ENTRY_KINDS, ledgerEntryId, ledgerStanding } from './ledger.js';
export type { LedgerEntry, LedgerEntryKind, LedgerStanding } from './ledger.js';
export { ACTION_NOTICE_KINDS } from './action-notice.js';
export type { ActionNotice, ActionNoticeIssued, ActionNoticeKind } from './action-notice.js';
export { ACTION_COMMAND_SHAPES, ACTION_COMMAND_TYPES, compositeId } from './action-commands.js';
export type {
  ActionCommand,
  ActionCommandOf,
  OpenActionsFromMinutes,
  StartAction,
  ReportProgress,
  EscalateProblem,
  AnswerEscalation,
  SubmitCompletionReport,
  EvaluateAction,
  CancelAction,
  CorrectLedgerEntry,
  ReviewActions,
} from './action-commands.js';
export { actionStreamOf, ACTION_EVENT_TYPES, isActionEvent } from './action-events.js';
export type * from './action-events.js';
export { actionRejections } from './action-rejections.js';
export type { ActionRejection, ActionRejectionCode } from './action-rejections.js';
export { initialActionState, foldActionEvents, evolveActions } from './action-state.js';
export type { ActionState } from './action-state.js';
export { actionIdOf } from './decide-open.js';
export { missedReports, MAX_MISSED_REPORTS_PER_REVIEW } from './decide-review.js';
export { openActionsCommand } from './from-minutes.js';
export type { OpenActionsOptions } from './from-minutes.js';
export { createActionDecider, parseActionCommand } from './action-decider.js';
export type { ActionDecider } from './action-decider.js';
