// The follow-through guide: published minutes open actions (F-1), reviews at `now` raise what is due
// (F-1 – F-4), the completion report and the chair's evaluation (F-5, F-6), and the ledger that only
// grows (F-7). The weekly review and its published minutes come from weekly-review.ts.
import { expect, it } from 'vitest';
import { DUE, PUBLISHED_AT, at, chen, leader, li, published } from './weekly-review.js';

// #region open-actions
import {
  createActionDecider,
  foldActionEvents,
  ledgerStanding,
  openActionsCommand,
  parseActionCommand,
  type ActionEvent,
  type ActionState,
} from '@huiyi/core';

const actions = createActionDecider(); // (parametersIn(policy), calendar) in production
let state: ActionState = actions.initialState;
function tell(input: unknown): readonly ActionEvent[] {
  const command = parseActionCommand(input); // the typed command, or command.malformed
  const result = command.ok ? actions.decide(command.value, state) : command;
  if (!result.ok) throw new Error(result.rejection.message.en);
  state = foldActionEvents(state, result.value);
  return result.value; // append them to your log; deliver the ActionNoticeIssued ones
}
// #endregion open-actions

it('F-1: published minutes open an action per decision that asks for work', () => {
  // #region open-command
  // Seen in the minutes' stream: MinutesPublished for m1. Build the command from the minutes state:
  const open = openActionsCommand(published, chen, PUBLISHED_AT); // the chair, or the recorder
  if (!open.ok) throw new Error(open.rejection.message.en); // F-1: that version is not published
  expect(tell(open.value)).toMatchObject([
    {
      type: 'ActionOpened',
      actionId: 'm1:o1', // <meetingId>:<itemId>
      work: { ownerId: 'li', collaborators: ['wang'], due: DUE, urgency: 'urgent' },
      startDue: at(4, 18), // F-1: two working days after publication, Friday 18:00
      reportEveryDays: 7, // F-3
    },
    { type: 'ActionNoticeIssued', notice: { kind: 'assigned', to: { personId: 'li' } } },
    { type: 'ActionNoticeIssued', notice: { kind: 'assigned', to: { personId: 'wang' } } },
  ]);
  expect(tell(open.value)).toEqual([]); // the same version again: nothing
  // #endregion open-command
});

it('F-1, F-2: a review at `now` raises what is due, once', () => {
  // #region review
  const review = (now: number) => ({ type: 'ReviewActions', now, actor: chen });
  // Friday 20:00, and li has not started: the start deadline has passed.
  expect(tell(review(at(4, 20)))).toMatchObject([
    { type: 'ActionFlagged', flag: { kind: 'start-missed', deadline: at(4, 18), at: at(4, 20) } },
    { type: 'ActionNoticeIssued', notice: { kind: 'start-reminder', to: { personId: 'li' } } },
    { type: 'ActionNoticeIssued', notice: { kind: 'start-reminder', to: { personId: 'chen' } } },
  ]);
  expect(tell(review(at(4, 20)))).toEqual([]); // idempotent: the same now again raises nothing
  expect(tell(review(at(5, 12)))).toEqual([]); // monotone: a flag is raised once, never taken back
  // #endregion review
});

it('F-5, F-6, F-7: the completion report, the evaluation and the ledger', () => {
  // #region evaluate
  tell({ type: 'StartAction', now: at(7, 9, 30), actor: li, actionId: 'm1:o1' });
  tell({
    type: 'SubmitCompletionReport', // F-5
    now: at(8, 10),
    actor: li,
    actionId: 'm1:o1',
    result: '12 起投诉全部回访',
    problems: '2 位客户电话停机',
    solutions: '改发短信并约定回电时间',
    suggestions: '登记客户备用联系方式',
  });
  expect(
    tell({ type: 'EvaluateAction', now: at(10, 10), actor: chen, actionId: 'm1:o1', quality: 5 }),
  ).toMatchObject([
    { type: 'ActionEvaluated', evaluation: { onTime: true, quality: 5, verdict: 'commendation' } },
    {
      type: 'LedgerEntryRecorded',
      personId: 'li',
      entry: { entryId: 'li#1', kind: 'commendation' },
    },
    { type: 'ActionNoticeIssued', notice: { kind: 'evaluated', to: { personId: 'li' } } },
  ]);
  expect(state.actions.get('m1:o1')?.status).toBe('accepted');
  // #endregion evaluate
});

it('F-7: the ledger only grows: a correction is a new entry', () => {
  // #region ledger
  tell({
    type: 'CorrectLedgerEntry', // leadership, or whoever recorded the entry
    now: at(11, 10),
    actor: leader,
    personId: 'li',
    entryId: 'li#1',
    reason: '回访记录不全,表彰撤回',
  });
  const ledger = state.ledger.get('li') ?? [];
  expect(ledger.map((e) => [e.entryId, e.kind, e.corrects])).toEqual([
    ['li#1', 'commendation', undefined], // still there, unchanged
    ['li#2', 'correction', 'li#1'],
  ]);
  expect(ledgerStanding(ledger)).toEqual({ commendations: 0, penalties: 0, corrected: 1 });
  // #endregion ledger
});
