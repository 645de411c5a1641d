import { deciderOf } from '../decider/decider-of.js';
import type { Decider } from '../decider/decider.js';
import { parseCommand } from '../input/index.js';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import { fail, type Result, type RuleId } from '../rejection/index.js';
import { defaultWorkingCalendar, type WorkingCalendar } from '../time/working-calendar.js';
import { ACTION_COMMAND_SHAPES, type ActionCommand } from './action-commands.js';
import type { ActionEvent } from './action-events.js';
import { actionRejections as why } from './action-rejections.js';
import { evolveActions, initialActionState, type ActionState } from './action-state.js';
import type { ActionDecision } from './decide-context.js';
import { answerEscalation, escalateProblem } from './decide-escalation.js';
import { correctLedgerEntry, evaluateAction } from './decide-evaluation.js';
import { openActions } from './decide-open.js';
import { reviewActions } from './decide-review.js';
import { cancelAction, reportProgress, startAction, submitCompletion } from './decide-work.js';

/** The rule each command answers to first, for a malformed one. */
const COMMAND_RULE: Record<ActionCommand['type'], RuleId> = {
  OpenActionsFromMinutes: 'F-1',
  StartAction: 'F-1',
  ReportProgress: 'F-3',
  EscalateProblem: 'F-4',
  AnswerEscalation: 'F-4',
  SubmitCompletionReport: 'F-5',
  EvaluateAction: 'F-6',
  CancelAction: 'F-2',
  CorrectLedgerEntry: 'F-7',
  ReviewActions: 'F-2',
};

/**
 * Reads a command from outside (arbitrary JSON): a typed command, or a rejection saying which
 * field is wrong. Never throws.
 *
 * @param input - anything
 * @returns the command or why it is malformed
 * @example
 * parseActionCommand({ type: 'Nope' }).ok // => false
 */
export function parseActionCommand(input: unknown): Result<ActionCommand> {
  return parseCommand<ActionCommand>(ACTION_COMMAND_SHAPES, COMMAND_RULE, 'F-2', input);
}

/**
 * The actions decider: a {@link Decider} of {@link ActionCommand}s. Its `decide` checks the
 * command again at run time, so a value that is not one is refused as `command.malformed`.
 */
export type ActionDecider = Decider<ActionCommand, ActionState, ActionEvent>;

/**
 * Makes the actions decider (F-1 – F-7). Each action is held to the policy in force when its
 * minutes were published (start deadline, report cadence) for its meeting's room and kind;
 * an escalation climbs the ladder in force when it was raised; an evaluation is judged by the
 * policy in force at its `now` (P-1, P-3). Working days count on the site's calendar (T-3).
 *
 * @param policy - the parameters in force (default: the policy's defaults, always)
 * @param calendar - the working calendar (default: Monday–Friday, 09:00–18:00, Asia/Shanghai)
 * @returns the decider
 * @example
 * const { decide } = createActionDecider();
 * decide({ type: 'StartAction', now, actor: li, actionId: 'm1:o1' }, state) // => { ok: true, value: [{ type: 'ActionStarted', … }] }
 */
export function createActionDecider(
  policy: PolicyLookup = () => DEFAULT_PARAMETERS,
  calendar: WorkingCalendar = defaultWorkingCalendar(),
): ActionDecider {
  return deciderOf({
    initialState: initialActionState,
    parse: parseActionCommand,
    decide: (c, state) => decideCommand(c, state, policy, calendar),
    evolve: evolveActions,
  });
}

function decideCommand(
  c: ActionCommand,
  state: ActionState,
  policy: PolicyLookup,
  calendar: WorkingCalendar,
): ActionDecision {
  switch (c.type) {
    case 'OpenActionsFromMinutes':
      return openActions(c, state, policy, calendar);
    case 'CorrectLedgerEntry':
      return correctLedgerEntry(c, state);
    case 'ReviewActions':
      return reviewActions(c, state, calendar);
    default:
      break;
  }
  const a = state.actions.get(c.actionId);
  if (!a) return fail(why.unknownAction(c.actionId));
  switch (c.type) {
    case 'StartAction':
      return startAction(c, a);
    case 'ReportProgress':
      return reportProgress(c, a);
    case 'EscalateProblem':
      return escalateProblem(c, a, policy, calendar);
    case 'AnswerEscalation':
      return answerEscalation(c, a);
    case 'SubmitCompletionReport':
      return submitCompletion(c, a);
    case 'EvaluateAction':
      return evaluateAction(c, a, state, policy, calendar);
    case 'CancelAction':
      return cancelAction(c, a);
    default: {
      const never: never = c;
      throw new TypeError(`unhandled command ${JSON.stringify(never)}`);
    }
  }
}
