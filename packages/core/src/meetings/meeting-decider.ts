import { deciderOf } from '../decider/decider-of.js';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import type { Decider } from '../decider/decider.js';
import { parseCommand, parseDoorCommandOf } from '../input/index.js';
import {
  fail,
  notAtDoor,
  takenAtDoor,
  type DoorCommandType,
  type Result,
  type RuleId,
} from '../rejection/index.js';
import { type Decision } from './decide-context.js';
import { acceptExcuse, answerInvitation, reviewInvitations } from './decide-invitations.js';
import {
  cancelMeeting,
  carryOverItems,
  editMeeting,
  planMeeting,
  rescheduleMeeting,
  scheduleMeeting,
} from './decide-plan.js';
import {
  closeMeeting,
  endAgendaItem,
  endMeeting,
  recordOutcome,
  startAgendaItem,
  startMeeting,
} from './decide-run.js';
import { signAgreement, signIn, signOut } from './decide-sign-in.js';
import {
  DOOR_MEETING_COMMAND_SHAPES,
  MEETING_COMMAND_SHAPES,
  type MeetingCommand,
} from './meeting-commands.js';
import type { MeetingEvent } from './meeting-events.js';
import { meetingRejections as why } from './meeting-rejections.js';
import { evolveMeetings, initialMeetingState, type MeetingState } from './meeting-state.js';

/** The rule each command answers to first, for a malformed one. */
const COMMAND_RULE: Record<MeetingCommand['type'], RuleId> = {
  PlanMeeting: 'M-2',
  EditMeeting: 'M-2',
  ScheduleMeeting: 'M-2',
  RescheduleMeeting: 'M-4',
  CancelMeeting: 'M-4',
  AnswerInvitation: 'M-3',
  ReviewInvitations: 'M-3',
  AcceptExcuse: 'M-6',
  StartMeeting: 'M-4',
  StartAgendaItem: 'M-7',
  EndAgendaItem: 'M-7',
  CarryOverItems: 'M-7',
  SignIn: 'M-5',
  SignOut: 'M-5',
  SignConfidentialityAgreement: 'R-8',
  RecordOutcome: 'M-8',
  EndMeeting: 'M-4',
  CloseMeeting: 'M-4',
};

/**
 * Whether a type is one of the meeting context's commands (read from the rules above, not the shapes).
 *
 * @param type - a command's type
 * @returns true for a meeting command
 * @example
 * isMeetingCommandType('SignIn') // => true
 */
export function isMeetingCommandType(type: string): boolean {
  return Object.hasOwn(COMMAND_RULE, type);
}

/**
 * Reads a command from outside (arbitrary JSON): a typed command, or a rejection saying which
 * field is wrong. Never throws.
 *
 * @param input - anything
 * @returns the command or why it is malformed
 * @example
 * parseMeetingCommand({ type: 'Nope' }).ok // => false
 */
export function parseMeetingCommand(input: unknown): Result<MeetingCommand> {
  return parseCommand<MeetingCommand>(MEETING_COMMAND_SHAPES, COMMAND_RULE, 'M-4', input);
}

/**
 * Reads a meeting command from outside for a door ({@link createDoorMeetingDecider}): a command a
 * door takes (`DOOR_COMMAND_TYPES`) as {@link parseMeetingCommand} reads it; any other meeting
 * command (editing, cancelling, the meeting's run, the invitations, …) is refused before its shape
 * is read (K-2, `door.not-taken`, naming it), and their shapes are left out of a bundle that
 * imports it alone. Never throws.
 *
 * @param input - anything
 * @returns the command or why it is malformed or not taken at the door
 * @example
 * parseDoorMeetingCommand({ type: 'StartMeeting' }).ok // => false (door.not-taken)
 */
export function parseDoorMeetingCommand(input: unknown): Result<MeetingCommand> {
  return parseDoorCommandOf<MeetingCommand>(
    DOOR_MEETING_COMMAND_SHAPES,
    COMMAND_RULE,
    'M-4',
    input,
  );
}

/**
 * The meetings decider: a {@link Decider} of {@link MeetingCommand}s. Its `decide` checks the
 * command again at run time, so a value that is not one is refused as `command.malformed`.
 */
export type MeetingDecider = Decider<MeetingCommand, MeetingState, MeetingEvent>;

/**
 * Makes the meetings decider, judging each command by the policy in force at its `now` for the
 * meeting's room and kind (P-1, P-3).
 *
 * @param policy - the parameters in force (default: the policy's defaults, always)
 * @returns the decider
 * @example
 * const { decide } = createMeetingDecider();
 * decide({ type: 'StartMeeting', now, actor: chair, meetingId: 'm1' }, state) // => { ok: true, value: [{ type: 'MeetingStarted', … }] }
 */
export function createMeetingDecider(
  policy: PolicyLookup = () => DEFAULT_PARAMETERS,
): MeetingDecider {
  return makeMeetingDecider(policy, parseMeetingCommand, decideCommand);
}

/**
 * Makes the meetings decider for a door kiosk: planning and scheduling (what a schedule file
 * brings), sign-in and sign-out, and the confidentiality agreement, decided as
 * {@link createMeetingDecider} decides them. It refuses the rest (K-2, `door.not-taken`): editing,
 * rescheduling and cancelling a meeting, the meeting's run and the invitations, done in the
 * meeting system; and leaves them out of a bundle that imports it alone. It folds every meeting
 * event alike.
 *
 * @param policy - the parameters in force (default: the policy's defaults, always)
 * @returns the decider
 * @example
 * createDoorMeetingDecider().decide({ type: 'StartMeeting', … }, state) // => { ok: false, rejection: { rule: 'K-2', code: 'door.not-taken', … } }
 */
export function createDoorMeetingDecider(
  policy: PolicyLookup = () => DEFAULT_PARAMETERS,
): MeetingDecider {
  return makeMeetingDecider(policy, parseDoorMeetingCommand, decideAtDoor);
}

type DecideCommand = (c: MeetingCommand, state: MeetingState, policy: PolicyLookup) => Decision;

function makeMeetingDecider(
  policy: PolicyLookup,
  parse: (input: unknown) => Result<MeetingCommand>,
  decideWith: DecideCommand,
): MeetingDecider {
  return deciderOf({
    initialState: initialMeetingState,
    parse,
    decide: (c, state) => decideWith(c, state, policy),
    evolve: evolveMeetings,
  });
}

/** A meeting command a door takes (K-2, `DOOR_COMMAND_TYPES`; {@link createDoorMeetingDecider}). */
type DoorCommand = Extract<MeetingCommand, { type: DoorCommandType }>;

const isDoorCommand = (c: MeetingCommand): c is DoorCommand => takenAtDoor(c.type);

/** What a door takes; the rest is refused (K-2). */
function decideAtDoor(c: MeetingCommand, state: MeetingState, policy: PolicyLookup): Decision {
  return isDoorCommand(c) ? decideDoorCommand(c, state, policy) : fail(notAtDoor(c.type));
}

/** Every command: the door's, and the rest (changes to the plan, the meeting's run, the invitations). */
function decideCommand(c: MeetingCommand, state: MeetingState, policy: PolicyLookup): Decision {
  return isDoorCommand(c) ? decideDoorCommand(c, state, policy) : decideOther(c, state, policy);
}

function decideDoorCommand(c: DoorCommand, state: MeetingState, policy: PolicyLookup): Decision {
  if (c.type === 'PlanMeeting') return planMeeting(c, state);
  if (c.type === 'SignConfidentialityAgreement') return signAgreement(c, state, policy);
  const m = state.meetings.get(c.meetingId);
  if (!m) return fail(why.unknownMeeting(c.meetingId));
  switch (c.type) {
    case 'ScheduleMeeting':
      return scheduleMeeting(c, m, policy);
    case 'SignIn':
      return signIn(c, m, state, policy);
    case 'SignOut':
      return signOut(c, m);
  }
}

function decideOther(
  c: Exclude<MeetingCommand, DoorCommand>,
  state: MeetingState,
  policy: PolicyLookup,
): Decision {
  if (c.type === 'ReviewInvitations') return reviewInvitations(c, state);
  const m = state.meetings.get(c.meetingId);
  if (!m) return fail(why.unknownMeeting(c.meetingId));
  switch (c.type) {
    case 'EditMeeting':
      return editMeeting(c, m);
    case 'RescheduleMeeting':
      return rescheduleMeeting(c, m, policy);
    case 'CancelMeeting':
      return cancelMeeting(c, m);
    case 'AnswerInvitation':
      return answerInvitation(c, m, policy);
    case 'AcceptExcuse':
      return acceptExcuse(c, m, policy);
    case 'StartMeeting':
      return startMeeting(c, m, policy);
    case 'StartAgendaItem':
      return startAgendaItem(c, m);
    case 'EndAgendaItem':
      return endAgendaItem(c, m, policy);
    case 'CarryOverItems':
      return carryOverItems(c, m, state);
    case 'RecordOutcome':
      return recordOutcome(c, m, policy);
    case 'EndMeeting':
      return endMeeting(c, m, policy);
    case 'CloseMeeting':
      return closeMeeting(c, m);
    default: {
      const never: never = c;
      throw new TypeError(`unhandled command ${JSON.stringify(never)}`);
    }
  }
}
