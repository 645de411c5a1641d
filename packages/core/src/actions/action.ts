import type { Urgency } from '../meetings/outcome.js';
import type { EscalationStep } from '../policy/parameters.js';
import type { PolicyScope } from '../policy/resolve.js';
import type { Duration, Instant } from '../time/instant.js';
import type { ActionFlag } from './action-flag.js';
import type { Evaluation } from './evaluation.js';

/**
 * Where an action stands (F-2): `open` → `in-progress` → `done` (completion report submitted) →
 * `accepted`, or `returned` for rework with a rectification deadline (then `done` again);
 * `blocked` (a problem escalated) and `cancelled` from any open state. Overdue is not a status: it
 * is derived ({@link isOverdue}).
 */
export type ActionStatus =
  'open' | 'in-progress' | 'blocked' | 'done' | 'accepted' | 'returned' | 'cancelled';

/** Every status, in the order an action lives through them. */
export const ACTION_STATUSES: readonly ActionStatus[] = Object.freeze([
  'open',
  'in-progress',
  'blocked',
  'done',
  'accepted',
  'returned',
  'cancelled',
]);

/** The open states (F-2): work is still owed; an action in one can be blocked or cancelled. */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = Object.freeze([
  'open',
  'in-progress',
  'blocked',
  'returned',
]);

/** The moves F-2 allows, from each status. */
export const ACTION_TRANSITIONS: Readonly<Record<ActionStatus, readonly ActionStatus[]>> =
  Object.freeze({
    open: ['in-progress', 'blocked', 'cancelled'],
    'in-progress': ['done', 'blocked', 'cancelled'],
    blocked: ['open', 'in-progress', 'returned', 'cancelled'],
    done: ['accepted', 'returned'],
    accepted: [],
    returned: ['done', 'blocked', 'cancelled'],
    cancelled: [],
  });

/**
 * Whether F-2 lets an action move from one status to another.
 *
 * @param from - the status it has
 * @param to - the status asked for
 * @returns true for an allowed move
 * @example
 * canMoveAction('in-progress', 'done') // => true
 * canMoveAction('accepted', 'open') // => false
 */
export function canMoveAction(from: ActionStatus, to: ActionStatus): boolean {
  return ACTION_TRANSITIONS[from].includes(to);
}

/**
 * Whether work is still owed on an action (F-2): open, in progress, blocked, or returned.
 *
 * @param status - the action's status
 * @returns true in an open state
 * @example
 * isOpenStatus('blocked') // => true
 * isOpenStatus('done') // => false
 */
export function isOpenStatus(status: ActionStatus): boolean {
  return OPEN_ACTION_STATUSES.includes(status);
}

/** A progress report of the owner (F-3). */
export interface ProgressReport {
  readonly text: string;
  /** How far along, 0–100, when the owner says. */
  readonly percent?: number;
  readonly by: string;
  readonly at: Instant;
}

/** The owner's completion report (F-5): the result, problems met, how they were solved, suggestions. */
export interface CompletionReport {
  /** 1 for the first report, 2 after the first return for rework … */
  readonly round: number;
  readonly result: string;
  readonly problems?: string;
  readonly solutions?: string;
  readonly suggestions?: string;
  readonly by: string;
  readonly at: Instant;
}

/** The answer to an escalated problem (F-4). */
export interface EscalationAnswer {
  readonly response: string;
  readonly by: string;
  readonly at: Instant;
}

/** One rung an escalation has reached (F-4): its level, who answers there, and by when. */
export interface EscalationRung {
  readonly level: EscalationStep['level'];
  /** The person who answers; absent at `leadership`, where whoever holds that role answers. */
  readonly responderId?: string;
  readonly respondBy: Instant;
  readonly since: Instant;
}

/** A problem the owner escalated (F-4): the rungs it climbed, and the answer once given. */
export interface Escalation {
  /** 1 for the action's first escalation, 2 for the next … */
  readonly number: number;
  readonly problem: string;
  /** The ladder in force when it was raised, without rungs that have nobody to answer. */
  readonly ladder: readonly EscalationStep[];
  /** Every rung reached, the current one last. */
  readonly rungs: readonly EscalationRung[];
  /** The status the action returns to once answered. */
  readonly resumeStatus: ActionStatus;
  readonly raisedBy: string;
  readonly raisedAt: Instant;
  readonly answer?: EscalationAnswer;
}

/** A chair's evaluation as recorded (F-6), with who gave it and when. */
export interface EvaluationRecord extends Evaluation {
  readonly round: number;
  readonly comment?: string;
  /** Set when the evaluation earned a penalty: the rework is due by then (F-7). */
  readonly rectificationDue?: Instant;
  readonly by: string;
  readonly at: Instant;
}

/** What a published decision asks for, as the action decider keeps it (F-1, M-8). */
export interface ActionWork {
  readonly text: string;
  readonly ownerId: string;
  readonly collaborators: readonly string[];
  readonly due: Instant;
  readonly urgency: Urgency;
  /** Tracks the action besides the chair (optional). */
  readonly supervisorId?: string;
}

/** An action item (F-1 – F-7): a decision that asks for work, followed through. */
export interface Action extends ActionWork {
  /** `<meetingId>:<itemId>`. */
  readonly id: string;
  readonly meetingId: string;
  readonly itemId: string;
  /** The version of the minutes it was last opened or amended from (N-4). */
  readonly minutesVersion: number;
  /** Where its rules are looked up (P-3): the meeting's kind and room. */
  readonly scope: PolicyScope;
  /** The meeting's chair: receives progress reports, answers the first rung, evaluates. */
  readonly chairId: string;
  readonly status: ActionStatus;
  /** When the minutes were published: the action exists from then on (F-1). */
  readonly openedAt: Instant;
  /** F-1: the owner starts by then. */
  readonly startDue: Instant;
  /** F-3: a progress report is due this many days after the last one (policy when opened). */
  readonly reportEveryDays: number;
  readonly startedAt?: Instant;
  readonly progress: readonly ProgressReport[];
  readonly escalations: readonly Escalation[];
  readonly completions: readonly CompletionReport[];
  readonly evaluations: readonly EvaluationRecord[];
  /** While returned for rework: when the rework is due (F-2, F-7). */
  readonly rectificationDue?: Instant;
  readonly returnedAt?: Instant;
  readonly cancelledAt?: Instant;
  readonly cancelReason?: string;
  /** Every time-driven flag raised (overdue, missed report …); they are never taken back. */
  readonly flags: readonly ActionFlag[];
  /** How many notices of each kind each recipient was sent: `kind:recipient` → count. */
  readonly noticeCounts: ReadonlyMap<string, number>;
}

/**
 * The deadline an action is held to now (F-2): the rectification deadline while returned for
 * rework, else its due date.
 *
 * @param a - the action
 * @returns the deadline
 * @example
 * deadlineOf({ due: 100, rectificationDue: 500, status: 'returned', … }) // => 500
 */
export function deadlineOf(a: Pick<Action, 'due' | 'rectificationDue' | 'status'>): Instant {
  return a.status === 'returned' && a.rectificationDue !== undefined ? a.rectificationDue : a.due;
}

/**
 * Whether an action is overdue at an instant (F-2): work still owed and its deadline passed.
 * Derived, never stored.
 *
 * @param a - the action
 * @param now - the instant
 * @returns true when overdue
 * @example
 * isOverdue({ status: 'in-progress', due: 100, … }, 101) // => true
 * isOverdue({ status: 'done', due: 100, … }, 101) // => false
 */
export function isOverdue(
  a: Pick<Action, 'due' | 'rectificationDue' | 'status'>,
  now: Instant,
): boolean {
  return isOpenStatus(a.status) && now > deadlineOf(a);
}

/**
 * The first completion report's lateness (E-1): how long after the due date the work was first
 * reported done; 0 when on time; undefined before any report.
 *
 * @param a - the action
 * @returns the lateness in milliseconds, or undefined
 * @example
 * firstCompletionLateBy({ due: 100, completions: [{ at: 160, … }], … }) // => 60
 */
export function firstCompletionLateBy(
  a: Pick<Action, 'due' | 'completions'>,
): Duration | undefined {
  const first = a.completions[0];
  return first === undefined ? undefined : Math.max(0, first.at - a.due);
}

/**
 * The escalation not yet answered, if the action is blocked by one (F-4).
 *
 * @param a - the action
 * @returns the open escalation, or undefined
 * @example
 * openEscalation(blockedAction)?.rungs.at(-1)?.level // => 'chair'
 */
export function openEscalation(a: Pick<Action, 'escalations'>): Escalation | undefined {
  const last = a.escalations[a.escalations.length - 1];
  return last !== undefined && last.answer === undefined ? last : undefined;
}
