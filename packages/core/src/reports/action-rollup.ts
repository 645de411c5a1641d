import {
  ACTION_STATUSES,
  deadlineOf,
  firstCompletionLateBy,
  isOverdue,
  openEscalation,
  type Action,
  type ActionStatus,
} from '../actions/action.js';
import type { ActionState } from '../actions/action-state.js';
import type { Verdict } from '../actions/evaluation.js';
import type { Urgency } from '../meetings/outcome.js';
import type { EscalationLevel } from '../policy/parameters.js';
import type { Duration, Instant } from '../time/instant.js';

/** One action in the roll-up (F-8): where it came from, who owns it, how it stands. */
export interface ActionRollUpRow {
  readonly actionId: string;
  readonly meetingId: string;
  readonly text: string;
  readonly ownerId: string;
  readonly urgency: Urgency;
  readonly due: Instant;
  /** The deadline held to now: the due date, or the rectification deadline of a rework. */
  readonly deadline: Instant;
  readonly status: ActionStatus;
  /** Past its deadline at `asOf` with work still owed (F-2). */
  readonly overdue: boolean;
  readonly openedAt: Instant;
  readonly startedAt?: Instant;
  /** When the first completion report came, and how late (0 when on time). */
  readonly completedAt?: Instant;
  readonly lateBy?: Duration;
  /** The newest evaluation's quality and verdict (F-6, F-7). */
  readonly quality?: number;
  readonly verdict?: Verdict;
  /** The rung an unanswered escalation stands at (F-4). */
  readonly escalatedTo?: EscalationLevel;
  /** Progress reports missed (F-3), as flagged by reviews. */
  readonly missedReports: number;
}

/** Counts of actions by status, and how many are overdue. */
export interface RollUpCounts {
  readonly total: number;
  readonly byStatus: Readonly<Record<ActionStatus, number>>;
  readonly overdue: number;
}

/** The roll-up of one owner or one meeting. */
export interface RollUpGroup extends RollUpCounts {
  /** The owner's or the meeting's id. */
  readonly id: string;
}

/** The status of every action across meetings (F-8): each action, and the counts per owner and per meeting. */
export interface ActionRollUp {
  /** Oldest first. */
  readonly rows: readonly ActionRollUpRow[];
  readonly byOwner: readonly RollUpGroup[];
  readonly byMeeting: readonly RollUpGroup[];
  readonly totals: RollUpCounts;
}

const emptyByStatus = (): Record<ActionStatus, number> =>
  Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;

/**
 * Counts rows by status.
 *
 * @param rows - the rows
 * @returns the counts
 * @example
 * countRollUp([{ status: 'open', overdue: true, … }]) // => { total: 1, byStatus: { open: 1, … }, overdue: 1 }
 */
export function countRollUp(
  rows: Iterable<Pick<ActionRollUpRow, 'status' | 'overdue'>>,
): RollUpCounts {
  const byStatus = emptyByStatus();
  let total = 0;
  let overdue = 0;
  for (const r of rows) {
    total++;
    byStatus[r.status]++;
    if (r.overdue) overdue++;
  }
  return { total, byStatus, overdue };
}

/** When an action stopped being followed: accepted or cancelled; undefined while followed. */
function closedAt(a: Action): Instant | undefined {
  if (a.status === 'cancelled') return a.cancelledAt;
  if (a.status === 'accepted') return a.evaluations[a.evaluations.length - 1]?.at;
  return undefined;
}

function rowOf(a: Action, asOf: Instant): ActionRollUpRow {
  const first = a.completions[0];
  const last = a.evaluations[a.evaluations.length - 1];
  const open = openEscalation(a);
  const rung = open && a.status === 'blocked' ? open.rungs[open.rungs.length - 1] : undefined;
  const lateBy = firstCompletionLateBy(a);
  return {
    actionId: a.id,
    meetingId: a.meetingId,
    text: a.text,
    ownerId: a.ownerId,
    urgency: a.urgency,
    due: a.due,
    deadline: deadlineOf(a),
    status: a.status,
    overdue: isOverdue(a, asOf),
    openedAt: a.openedAt,
    ...(a.startedAt === undefined ? {} : { startedAt: a.startedAt }),
    ...(first === undefined ? {} : { completedAt: first.at }),
    ...(lateBy === undefined ? {} : { lateBy }),
    ...(last === undefined ? {} : { quality: last.quality, verdict: last.verdict }),
    ...(rung === undefined ? {} : { escalatedTo: rung.level }),
    missedReports: a.flags.filter((f) => f.kind === 'report-missed').length,
  };
}

function groups(
  rows: readonly ActionRollUpRow[],
  key: (r: ActionRollUpRow) => string,
): RollUpGroup[] {
  const by = new Map<string, ActionRollUpRow[]>();
  for (const r of rows) {
    const k = key(r);
    const list = by.get(k);
    if (list) list.push(r);
    else by.set(k, [r]);
  }
  return [...by]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, rs]) => ({ id, ...countRollUp(rs) }));
}

/**
 * The roll-up for leadership (F-8): the status of every action across meetings that was followed
 * in the period — opened before its end, and not accepted or cancelled before its start — with
 * the counts per owner, per meeting, and in all. Overdue is judged at `asOf`.
 *
 * @param state - the actions decider's state
 * @param period - the span `[from, to)`
 * @param asOf - the instant overdue is judged at
 * @returns the roll-up
 * @example
 * actionRollUp(state, { from, to }, to).totals // => { total: 12, byStatus: { open: 2, 'in-progress': 5, … }, overdue: 3 }
 */
export function actionRollUp(
  state: ActionState,
  period: { readonly from: Instant; readonly to: Instant },
  asOf: Instant,
): ActionRollUp {
  const rows: ActionRollUpRow[] = [];
  for (const a of state.actions.values()) {
    if (a.openedAt >= period.to) continue;
    const closed = closedAt(a);
    if (closed !== undefined && closed < period.from) continue;
    rows.push(rowOf(a, asOf));
  }
  rows.sort((x, y) => x.openedAt - y.openedAt || (x.actionId < y.actionId ? -1 : 1));
  return {
    rows,
    byOwner: groups(rows, (r) => r.ownerId),
    byMeeting: groups(rows, (r) => r.meetingId),
    totals: countRollUp(rows),
  };
}
