import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import type { Decider } from '../decider/decider.js';
import { parseCommand } from '../input/index.js';
import { fail, type Result, type RuleId } from '../rejection/index.js';
import { defaultWorkingCalendar, type WorkingCalendar } from '../time/working-calendar.js';
import { deciderOf } from '../decider/decider-of.js';
import {
  draftMinutes,
  editMinutes,
  reviewByChair,
  submitMinutes,
  type MinutesDecision,
} from './decide-minutes.js';
import {
  acknowledgeMinutes,
  amendMinutes,
  publishMinutes,
  reviewMinutes,
} from './decide-publication.js';
import { MINUTES_COMMAND_SHAPES, type MinutesCommand } from './minutes-commands.js';
import type { MinutesEvent } from './minutes-events.js';
import { minutesRejections as why } from './minutes-rejections.js';
import { evolveMinutes, initialMinutesState, type MinutesState } from './minutes-state.js';

/** The rule each command answers to first, for a malformed one. */
const COMMAND_RULE: Record<MinutesCommand['type'], RuleId> = {
  DraftMinutes: 'N-1',
  EditMinutes: 'N-1',
  SubmitMinutes: 'N-2',
  ReturnMinutes: 'N-2',
  ApproveMinutes: 'N-2',
  PublishMinutes: 'N-3',
  AcknowledgeMinutes: 'N-3',
  AmendMinutes: 'N-4',
  ReviewMinutes: 'N-5',
};

/**
 * Reads a command from outside (arbitrary JSON): a typed command, or a rejection saying which
 * field is wrong. Never throws.
 *
 * @param input - anything
 * @returns the command or why it is malformed
 * @example
 * parseMinutesCommand({ type: 'Nope' }).ok // => false
 */
export function parseMinutesCommand(input: unknown): Result<MinutesCommand> {
  return parseCommand<MinutesCommand>(MINUTES_COMMAND_SHAPES, COMMAND_RULE, 'N-1', input);
}

/**
 * The minutes decider: a {@link Decider} of {@link MinutesCommand}s. Its `decide` checks the
 * command again at run time, so a value that is not one is refused as `command.malformed`.
 */
export type MinutesDecider = Decider<MinutesCommand, MinutesState, MinutesEvent>;

/**
 * Makes the minutes decider, judging each meeting's minutes by the policy in force when the meeting
 * ended (graces, due date), and counting working days on the site's calendar (N-5, T-3).
 *
 * @param policy - the parameters in force (default: the policy's defaults, always)
 * @param calendar - the working calendar (default: Monday–Friday, 09:00–18:00, Asia/Shanghai)
 * @returns the decider
 * @example
 * const { decide } = createMinutesDecider();
 * decide({ type: 'ApproveMinutes', now, actor: chair, meetingId: 'm1' }, state) // => { ok: true, value: [{ type: 'MinutesApproved', … }] }
 */
export function createMinutesDecider(
  policy: PolicyLookup = () => DEFAULT_PARAMETERS,
  calendar: WorkingCalendar = defaultWorkingCalendar(),
): MinutesDecider {
  return deciderOf({
    initialState: initialMinutesState,
    parse: parseMinutesCommand,
    decide: (c, state) => decideCommand(c, state, policy, calendar),
    evolve: evolveMinutes,
  });
}

function decideCommand(
  c: MinutesCommand,
  state: MinutesState,
  policy: PolicyLookup,
  calendar: WorkingCalendar,
): MinutesDecision {
  switch (c.type) {
    case 'DraftMinutes':
      return draftMinutes(c, state, policy, calendar);
    case 'ReviewMinutes':
      return reviewMinutes(c, state, policy, calendar);
    default:
      break;
  }
  const m = state.minutes.get(c.meetingId);
  if (!m) return fail(why.unknownMinutes(c.meetingId));
  switch (c.type) {
    case 'EditMinutes':
      return editMinutes(c, m, policy);
    case 'SubmitMinutes':
      return submitMinutes(c, m);
    case 'ReturnMinutes':
    case 'ApproveMinutes':
      return reviewByChair(c, m);
    case 'PublishMinutes':
      return publishMinutes(c, m);
    case 'AcknowledgeMinutes':
      return acknowledgeMinutes(c, m);
    case 'AmendMinutes':
      return amendMinutes(c, m, policy);
    default: {
      const never: never = c;
      throw new TypeError(`unhandled command ${JSON.stringify(never)}`);
    }
  }
}
