import type { Action, Escalation } from './action.js';
import type { ActionEvent } from './action-events.js';
import { recipientKey } from '../people/recipient.js';
import type { LedgerEntry } from './ledger.js';

/** Every action, and every person's ledger (F-7). */
export interface ActionState {
  readonly actions: ReadonlyMap<string, Action>;
  /** Per person, their entries in order; entries are only ever appended. */
  readonly ledger: ReadonlyMap<string, readonly LedgerEntry[]>;
}

/** No actions, empty ledgers. */
export const initialActionState: ActionState = { actions: new Map(), ledger: new Map() };

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** An action being changed in place during a fold. */
interface Draft extends Writable<Omit<Action, 'noticeCounts'>> {
  noticeCounts: Map<string, number>;
}

const draftOf = (a: Action): Draft => ({ ...a, noticeCounts: new Map(a.noticeCounts) });

function newDraft(e: Extract<ActionEvent, { type: 'ActionOpened' }>): Draft {
  return {
    ...e.work,
    id: e.actionId,
    meetingId: e.meetingId,
    itemId: e.itemId,
    minutesVersion: e.minutesVersion,
    scope: e.scope,
    chairId: e.chairId,
    status: 'open',
    openedAt: e.openedAt,
    startDue: e.startDue,
    reportEveryDays: e.reportEveryDays,
    progress: [],
    escalations: [],
    completions: [],
    evaluations: [],
    flags: [],
    noticeCounts: new Map(),
  };
}

/** Replaces the newest escalation. */
function updateLast(d: Draft, change: (x: Escalation) => Escalation): void {
  const last = d.escalations[d.escalations.length - 1];
  if (last) d.escalations = [...d.escalations.slice(0, -1), change(last)];
}

function setWork(d: Draft, work: Extract<ActionEvent, { type: 'ActionAmended' }>['work']): void {
  delete d.supervisorId;
  Object.assign(d, work);
}

/** Applies one event to a writable action; the decider guarantees the event fits the state. */
function apply(d: Draft, e: Exclude<ActionEvent, { type: 'LedgerEntryRecorded' }>): void {
  switch (e.type) {
    case 'ActionOpened':
      return;
    case 'ActionAmended':
      setWork(d, e.work);
      d.minutesVersion = e.minutesVersion;
      return;
    case 'ActionStarted':
      d.status = 'in-progress';
      d.startedAt = e.at;
      return;
    case 'ProgressReported':
      d.progress = [...d.progress, e.report];
      return;
    case 'ProblemEscalated':
      d.escalations = [
        ...d.escalations,
        {
          number: e.escalation,
          problem: e.problem,
          ladder: e.ladder,
          rungs: [e.rung],
          resumeStatus: e.resumeStatus,
          raisedBy: e.by,
          raisedAt: e.at,
        },
      ];
      d.status = 'blocked';
      return;
    case 'EscalationClimbed':
      updateLast(d, (x) => ({ ...x, rungs: [...x.rungs, e.rung] }));
      return;
    case 'EscalationAnswered': {
      updateLast(d, (x) => ({ ...x, answer: e.answer }));
      const resume = d.escalations[d.escalations.length - 1]?.resumeStatus;
      if (resume !== undefined) d.status = resume;
      return;
    }
    case 'CompletionReported':
      d.completions = [...d.completions, e.report];
      d.status = 'done';
      return;
    case 'ActionEvaluated': {
      const ev = e.evaluation;
      d.evaluations = [...d.evaluations, ev];
      if (ev.rectificationDue === undefined) {
        d.status = 'accepted';
      } else {
        d.status = 'returned';
        d.rectificationDue = ev.rectificationDue;
        d.returnedAt = ev.at;
      }
      return;
    }
    case 'ActionCancelled':
      d.status = 'cancelled';
      d.cancelledAt = e.at;
      d.cancelReason = e.reason;
      if (e.minutesVersion !== undefined) d.minutesVersion = e.minutesVersion;
      return;
    case 'ActionFlagged':
      d.flags = [...d.flags, e.flag];
      return;
    case 'ActionNoticeIssued': {
      const key = `${e.notice.kind}:${recipientKey(e.notice.to)}`;
      d.noticeCounts.set(key, (d.noticeCounts.get(key) ?? 0) + 1);
      return;
    }
    default: {
      const never: never = e;
      throw new TypeError(`unknown event ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Folds many events into the state at once: each touched action and ledger is copied once.
 * Events for an action never opened are ignored; ledger entries are only ever appended.
 *
 * @param state - the state to start from
 * @param events - events in log order
 * @returns the new state; `state` itself is not changed
 * @example
 * foldActionEvents(initialActionState, [opened]).actions.get('m1:d1')?.status // => 'open'
 */
export function foldActionEvents(state: ActionState, events: Iterable<ActionEvent>): ActionState {
  const drafts = new Map<string, Draft>();
  let ledger: Map<string, readonly LedgerEntry[]> | undefined;
  for (const e of events) {
    if (e.type === 'LedgerEntryRecorded') {
      ledger ??= new Map(state.ledger);
      ledger.set(e.personId, [...(ledger.get(e.personId) ?? []), e.entry]);
      continue;
    }
    let d = drafts.get(e.actionId);
    if (d === undefined) {
      const existing = state.actions.get(e.actionId);
      if (existing) d = draftOf(existing);
      else if (e.type === 'ActionOpened') d = newDraft(e);
      else continue;
      drafts.set(e.actionId, d);
    }
    apply(d, e);
  }
  if (drafts.size === 0 && ledger === undefined) return state;
  const actions = new Map(state.actions);
  for (const [id, d] of drafts) actions.set(id, d);
  return { actions, ledger: ledger ?? state.ledger };
}

/**
 * Applies one event (a decider's `evolve`). Pure: the state given is left as it was.
 *
 * @param state - the current state
 * @param event - an event the decider produced
 * @returns the next state
 * @example
 * evolveActions(initialActionState, opened).actions.size // => 1
 */
export function evolveActions(state: ActionState, event: ActionEvent): ActionState {
  return foldActionEvents(state, [event]);
}
