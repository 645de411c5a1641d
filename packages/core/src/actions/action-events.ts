import type { EscalationStep } from '../policy/parameters.js';
import type { PolicyScope } from '../policy/resolve.js';
import type { Instant } from '../time/instant.js';
import type {
  ActionStatus,
  ActionWork,
  CompletionReport,
  EscalationAnswer,
  EscalationRung,
  EvaluationRecord,
  ProgressReport,
} from './action.js';
import type { ActionFlag } from './action-flag.js';
import type { ActionNoticeIssued } from './action-notice.js';
import type { LedgerEntry } from './ledger.js';

/** A decision of published minutes became an action item (F-1). */
export interface ActionOpened {
  readonly type: 'ActionOpened';
  readonly actionId: string;
  readonly meetingId: string;
  readonly itemId: string;
  readonly minutesVersion: number;
  readonly scope: PolicyScope;
  readonly chairId: string;
  readonly work: ActionWork;
  /** When the minutes were published. */
  readonly openedAt: Instant;
  /** F-1: the owner starts by then. */
  readonly startDue: Instant;
  /** F-3: the report cadence in force when opened. */
  readonly reportEveryDays: number;
  readonly by: string;
  readonly at: Instant;
}
/** An amendment of the minutes changed what the action asks for (N-4). */
export interface ActionAmended {
  readonly type: 'ActionAmended';
  readonly actionId: string;
  readonly minutesVersion: number;
  readonly work: ActionWork;
  readonly by: string;
  readonly at: Instant;
}
/** The owner started work (F-1). */
export interface ActionStarted {
  readonly type: 'ActionStarted';
  readonly actionId: string;
  readonly by: string;
  readonly at: Instant;
}
/** The owner reported progress (F-3). */
export interface ProgressReported {
  readonly type: 'ProgressReported';
  readonly actionId: string;
  readonly report: ProgressReport;
}
/** The owner escalated a problem to the first rung of the ladder; the action is blocked (F-4). */
export interface ProblemEscalated {
  readonly type: 'ProblemEscalated';
  readonly actionId: string;
  /** 1 for the action's first escalation … */
  readonly escalation: number;
  readonly problem: string;
  /** The usable rungs of the ladder in force. */
  readonly ladder: readonly EscalationStep[];
  readonly rung: EscalationRung;
  /** The status the action returns to once answered. */
  readonly resumeStatus: ActionStatus;
  readonly by: string;
  readonly at: Instant;
}
/** Unanswered by its response time, an escalation climbed to the next rung (F-4). */
export interface EscalationClimbed {
  readonly type: 'EscalationClimbed';
  readonly actionId: string;
  readonly escalation: number;
  /** `since` is when the rung below ran out of time. */
  readonly rung: EscalationRung;
  /** When the review saw it. */
  readonly at: Instant;
}
/** The open escalation was answered; work resumes (F-4). */
export interface EscalationAnswered {
  readonly type: 'EscalationAnswered';
  readonly actionId: string;
  readonly escalation: number;
  readonly answer: EscalationAnswer;
}
/** The owner submitted a completion report; the action is done (F-2, F-5). */
export interface CompletionReported {
  readonly type: 'CompletionReported';
  readonly actionId: string;
  readonly report: CompletionReport;
}
/**
 * The chair evaluated done work (F-6): accepted, or (with a penalty) returned for rework by the
 * rectification deadline (F-2, F-7).
 */
export interface ActionEvaluated {
  readonly type: 'ActionEvaluated';
  readonly actionId: string;
  readonly evaluation: EvaluationRecord;
}
/** The action was cancelled (F-2), by its chair, leadership, or an amendment withdrawing it. */
export interface ActionCancelled {
  readonly type: 'ActionCancelled';
  readonly actionId: string;
  readonly reason: string;
  /** Set when an amendment of the minutes withdrew the decision (N-4). */
  readonly minutesVersion?: number;
  readonly by: string;
  readonly at: Instant;
}
/** A review found a deadline missed (F-1 start, F-2 overdue, F-3 report, F-4 response). */
export interface ActionFlagged {
  readonly type: 'ActionFlagged';
  readonly actionId: string;
  readonly flag: ActionFlag;
}
/** An entry was added to a person's ledger (F-7): it stays there, unchanged, for good. */
export interface LedgerEntryRecorded {
  readonly type: 'LedgerEntryRecorded';
  readonly personId: string;
  readonly entry: LedgerEntry;
}

/**
 * Every event of the actions context. Each belongs to the stream `action:<actionId>`, except a
 * ledger entry, which belongs to its person: `ledger:<personId>`.
 */
export type ActionEvent =
  | ActionOpened
  | ActionAmended
  | ActionStarted
  | ProgressReported
  | ProblemEscalated
  | EscalationClimbed
  | EscalationAnswered
  | CompletionReported
  | ActionEvaluated
  | ActionCancelled
  | ActionFlagged
  | LedgerEntryRecorded
  | ActionNoticeIssued;

/**
 * The stream an event of this context belongs to.
 *
 * @param e - the event
 * @returns `action:<actionId>`, or `ledger:<personId>` for a ledger entry
 * @example
 * actionStreamOf({ type: 'ActionStarted', actionId: 'm1:d1', by: 'li', at: 0 }) // => 'action:m1:d1'
 */
export function actionStreamOf(e: ActionEvent): string {
  return e.type === 'LedgerEntryRecorded' ? `ledger:${e.personId}` : `action:${e.actionId}`;
}

/** Every event type of the actions context, for routing and projections. */
export const ACTION_EVENT_TYPES = [
  'ActionOpened',
  'ActionAmended',
  'ActionStarted',
  'ProgressReported',
  'ProblemEscalated',
  'EscalationClimbed',
  'EscalationAnswered',
  'CompletionReported',
  'ActionEvaluated',
  'ActionCancelled',
  'ActionFlagged',
  'LedgerEntryRecorded',
  'ActionNoticeIssued',
] as const satisfies readonly ActionEvent['type'][];

// A new action event type that is missing above fails to compile here.
type Missing = Exclude<ActionEvent['type'], (typeof ACTION_EVENT_TYPES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

const actionTypes: ReadonlySet<string> = new Set(ACTION_EVENT_TYPES);

/**
 * Whether an event belongs to the actions context.
 *
 * @param e - any event with a type
 * @returns true for the types of {@link ACTION_EVENT_TYPES}
 * @example
 * isActionEvent({ type: 'ActionStarted', actionId: 'm1:d1', by: 'li', at: 0 }) // => true
 */
export function isActionEvent(e: { readonly type: string }): e is ActionEvent {
  return actionTypes.has(e.type);
}
