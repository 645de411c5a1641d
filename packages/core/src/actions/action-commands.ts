import {
  commandBase as base,
  id,
  instant,
  int,
  listOf,
  MAX_ID,
  object,
  oneOf,
  optional,
  text,
  type Check,
  type Checked,
} from '../input/index.js';
import { URGENCIES } from '../meetings/outcome.js';

/**
 * The check of an id made of two ids (`<meetingId>:<itemId>`, `<personId>#<n>`): visible
 * characters, no spaces, up to 201 characters (two ids of up to 100 and a separator).
 *
 * @returns the check
 * @example
 * compositeId()('m1:d1', 'actionId') // => { ok: true, value: 'm1:d1' }
 */
export function compositeId(): Check<string> {
  return (v, path) =>
    typeof v === 'string' && v.length <= 2 * MAX_ID + 1 && /^[^\s]+$/u.test(v)
      ? { ok: true, value: v }
      : {
          ok: false,
          path,
          expected: { 'zh-CN': '有效的编号（不含空格）', en: 'an id (no spaces)' },
        };
}

const actionId = compositeId();
const longText = text(5000);

/** One decision of published minutes that asks for work (M-8, N-3), as the opening command carries it. */
const publishedItem = object({
  itemId: id(),
  text: text(),
  ownerId: id(),
  due: instant(),
  urgency: optional(oneOf(URGENCIES)),
  collaborators: optional(listOf(id(), { max: 50, unique: true })),
  supervisorId: optional(id()),
});

/** The shape of every action command, checked field by field; the types below follow from it. */
export const ACTION_COMMAND_SHAPES = {
  OpenActionsFromMinutes: object({
    type: oneOf(['OpenActionsFromMinutes']),
    ...base,
    meetingId: id(),
    version: int(1, 10_000),
    publishedAt: instant(),
    kind: id(),
    roomId: optional(id()),
    chairId: id(),
    recorderId: id(),
    items: listOf(publishedItem, { max: 500 }),
  }),
  StartAction: object({ type: oneOf(['StartAction']), ...base, actionId }),
  ReportProgress: object({
    type: oneOf(['ReportProgress']),
    ...base,
    actionId,
    text: longText,
    percent: optional(int(0, 100)),
  }),
  EscalateProblem: object({
    type: oneOf(['EscalateProblem']),
    ...base,
    actionId,
    problem: longText,
  }),
  AnswerEscalation: object({
    type: oneOf(['AnswerEscalation']),
    ...base,
    actionId,
    response: longText,
  }),
  SubmitCompletionReport: object({
    type: oneOf(['SubmitCompletionReport']),
    ...base,
    actionId,
    result: longText,
    problems: optional(longText),
    solutions: optional(longText),
    suggestions: optional(longText),
  }),
  EvaluateAction: object({
    type: oneOf(['EvaluateAction']),
    ...base,
    actionId,
    quality: int(1, 5),
    comment: optional(longText),
  }),
  CancelAction: object({ type: oneOf(['CancelAction']), ...base, actionId, reason: text() }),
  CorrectLedgerEntry: object({
    type: oneOf(['CorrectLedgerEntry']),
    ...base,
    personId: id(),
    entryId: compositeId(),
    reason: text(),
  }),
  ReviewActions: object({ type: oneOf(['ReviewActions']), ...base, actionId: optional(actionId) }),
} as const;

/** The command a shape of {@link ACTION_COMMAND_SHAPES} checks. */
export type ActionCommandOf<K extends keyof typeof ACTION_COMMAND_SHAPES> = Checked<
  (typeof ACTION_COMMAND_SHAPES)[K]
>;

/**
 * Open an action per decision that asks for work, from a published version of the minutes (F-1):
 * the minutes' chair or recorder. Build it with `openActionsCommand` from the minutes' state when
 * `MinutesPublished` is seen. A later version (an amendment, N-4) opens new items, amends changed
 * ones and cancels withdrawn ones while work is still owed; an older or the same version again
 * changes nothing.
 */
export type OpenActionsFromMinutes = ActionCommandOf<'OpenActionsFromMinutes'>;
/** Start work on an open action (F-1): the owner only. */
export type StartAction = ActionCommandOf<'StartAction'>;
/** Report progress to the chair and supervisor (F-3): the owner only, while work is owed. */
export type ReportProgress = ActionCommandOf<'ReportProgress'>;
/** Escalate a problem to the first rung of the ladder (F-4): the owner only; the action is blocked. */
export type EscalateProblem = ActionCommandOf<'EscalateProblem'>;
/** Answer the open escalation (F-4): whoever answers at its current rung, or leadership. */
export type AnswerEscalation = ActionCommandOf<'AnswerEscalation'>;
/** Submit the completion report (F-5): the owner only, once work has started. */
export type SubmitCompletionReport = ActionCommandOf<'SubmitCompletionReport'>;
/** Evaluate done work, quality 1–5 (F-6), with what it earns (F-7): the chair only. */
export type EvaluateAction = ActionCommandOf<'EvaluateAction'>;
/** Cancel an action while work is owed (F-2), with a reason: the chair or leadership. */
export type CancelAction = ActionCommandOf<'CancelAction'>;
/**
 * Correct a commendation or a penalty (F-7) by a new entry that withdraws it: leadership, or whoever
 * recorded the entry. The entry itself never changes.
 */
export type CorrectLedgerEntry = ActionCommandOf<'CorrectLedgerEntry'>;
/**
 * Apply the time-driven rules at `now` (F-1 start deadline, F-2 overdue, F-3 missed reports, F-4
 * unanswered escalations climb): to one action or all. Idempotent for a given `now`.
 */
export type ReviewActions = ActionCommandOf<'ReviewActions'>;

/** Every command of the actions context. */
export type ActionCommand =
  | OpenActionsFromMinutes
  | StartAction
  | ReportProgress
  | EscalateProblem
  | AnswerEscalation
  | SubmitCompletionReport
  | EvaluateAction
  | CancelAction
  | CorrectLedgerEntry
  | ReviewActions;

/** The command types, for checking input. */
export const ACTION_COMMAND_TYPES = Object.keys(ACTION_COMMAND_SHAPES) as ActionCommand['type'][];
