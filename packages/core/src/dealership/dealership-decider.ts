import { createActionDecider, parseActionCommand } from '../actions/action-decider.js';
import type { Decider } from '../decider/decider.js';
import { createFeeDecider, parseFeeCommand } from '../fees/fee-decider.js';
import { createMeetingDecider, parseMeetingCommand } from '../meetings/meeting-decider.js';
import { createMinutesDecider, parseMinutesCommand } from '../minutes/minutes-decider.js';
import { directoryDecider, parseDirectoryCommand } from '../people/directory.js';
import { parametersIn, type PolicyLookup } from '../policy/policy-at.js';
import { decidePolicy } from '../policy/policy-decider.js';
import { parsePolicyCommand } from '../policy/parse-policy-command.js';
import { fail, type Result } from '../rejection/rejection.js';
import { createBookingDecider, parseBookingCommand } from '../rooms/booking-decider.js';
import { defaultWorkingCalendar, type WorkingCalendar } from '../time/working-calendar.js';
import { createUpkeepDecider, parseUpkeepCommand } from '../upkeep/upkeep-decider.js';
import {
  DEALERSHIP_COMMAND_TYPES,
  commandContext,
  routeCommand,
  type DealershipCommand,
  type DealershipEvent,
} from './contexts.js';
import {
  evolveDealership,
  feeStateOf,
  foldDealershipEvents,
  initialDealershipState,
  type DealershipState,
} from './dealership-state.js';
import { upkeepStateOf } from './door-state.js';
import { roomOfCommand, roomOfEvent } from './room-of.js';
import { streamOf } from './stream-of.js';
import { unknownCommand } from './unknown-command.js';

/** How a dealership decider judges: the policy and the working calendar. */
export interface DealershipOptions {
  /**
   * The parameters in force, by instant and scope (P-1, P-3). Default: the policy folded into the
   * state itself (`parametersIn(state.policy)`): the version announced and in force at each
   * command's `now`, with its room and meeting-kind overrides.
   */
  readonly policy?: PolicyLookup;
  /**
   * The working calendar "within N working days" counts on (T-3). Default: Monday to Friday,
   * 09:00–18:00, Asia/Shanghai, no holidays.
   */
  readonly calendar?: WorkingCalendar;
}

/**
 * The one decider over every context of the dealership: a {@link Decider} of any
 * {@link DealershipCommand}, over one {@link DealershipState}, with what a system that stores and
 * ships its events needs beside it. A sync hub calls, for each command it receives:
 *
 * 1. `parse(json)`: the typed command, or the `command.malformed` rejection;
 * 2. `roomOfCommand(command, state)`: the room it concerns, to take commands one room at a time
 *    (S-1) and a door's only for its room (S-3);
 * 3. `decide(command, state)`: the events, or the rejection;
 * 4. `streamOf(event)` for each event, to store it; `evolve(state, event)` (or `fold`) to move on.
 */
export interface DealershipDecider extends Decider<
  DealershipCommand,
  DealershipState,
  DealershipEvent
> {
  /**
   * Reads a command of any context from outside (arbitrary JSON): the typed command, or the same
   * rejection its context's parse step gives (`command.malformed`, naming the field). Never
   * throws.
   *
   * @param input - anything
   * @returns the command or why it is malformed
   */
  parse(input: unknown): Result<DealershipCommand>;
  /**
   * Folds many events at once: each context's fold runs once ({@link foldDealershipEvents}).
   *
   * @param state - the state to start from (`initialState` for a whole log)
   * @param events - events in log order
   * @returns the new state
   */
  fold(state: DealershipState, events: Iterable<DealershipEvent>): DealershipState;
  /** The stream an event belongs to ({@link streamOf}). */
  readonly streamOf: typeof streamOf;
  /** The room a command concerns, if any ({@link roomOfCommand}). */
  readonly roomOfCommand: typeof roomOfCommand;
  /** The room an event concerns, if any ({@link roomOfEvent}). */
  readonly roomOfEvent: typeof roomOfEvent;
}

/**
 * Reads a command of any context from outside (arbitrary JSON): the typed command, or the
 * rejection its context's parse step gives (`command.malformed` naming the field; for a `type`
 * that is no context's, naming `command.type`). Never throws.
 *
 * @param input - anything, e.g. a parsed HTTP body
 * @returns the command or why it is malformed
 * @example
 * parseDealershipCommand({ type: 'CheckIn', now: 0, actor: { id: 'li', roles: [] }, roomId: 'A', bookingId: 'b1' }).ok // => true
 * parseDealershipCommand({ type: 'Nope' }) // => { ok: false, rejection: { code: 'command.malformed', data: { path: 'command.type' }, … } }
 */
export function parseDealershipCommand(input: unknown): Result<DealershipCommand> {
  switch (commandContext(input)) {
    case 'rooms':
      return parseBookingCommand(input);
    case 'upkeep':
      return parseUpkeepCommand(input);
    case 'meetings':
      return parseMeetingCommand(input);
    case 'minutes':
      return parseMinutesCommand(input);
    case 'actions':
      return parseActionCommand(input);
    case 'fees':
      return parseFeeCommand(input);
    case 'directory':
      return parseDirectoryCommand(input);
    case 'policy':
      return parsePolicyCommand(input);
    case undefined:
      return fail(unknownCommand('S-1', DEALERSHIP_COMMAND_TYPES));
  }
}

/**
 * Makes the one decider over every context of the dealership: it routes each command to its
 * context's decider (made with the same policy and calendar) and decides it exactly as that
 * decider does, against that context's part of one state; it folds every event into that state.
 * The policy in force is, by default, the one folded into the state, so a revision announced
 * through this decider judges the commands after it takes effect. The fees context finds an
 * organizer's department in the state's directory.
 *
 * @param options - the policy (default: the state's own) and the working calendar
 * @returns the decider
 * @example
 * const dealership = createDealershipDecider();
 * let state = dealership.initialState;
 * const r = dealership.decide({ type: 'RegisterRoom', now, actor: admin, room }, state);
 * if (r.ok) state = dealership.fold(state, r.value);
 * r.ok && r.value.map(dealership.streamOf) // => ['room:A']
 */
export function createDealershipDecider(options: DealershipOptions = {}): DealershipDecider {
  const calendar = options.calendar ?? defaultWorkingCalendar();
  const policyOf = (state: DealershipState): PolicyLookup =>
    options.policy ?? parametersIn(state.policy);
  const decide = (
    command: DealershipCommand,
    state: DealershipState,
  ): Result<readonly DealershipEvent[]> => {
    const r = routeCommand(command);
    if (r === undefined) return fail(unknownCommand('S-1', DEALERSHIP_COMMAND_TYPES));
    const policy = policyOf(state);
    switch (r.context) {
      case 'rooms':
        return createBookingDecider(policy).decide(r.command, state.rooms);
      case 'upkeep':
        return createUpkeepDecider(policy).decide(r.command, upkeepStateOf(state));
      case 'meetings':
        return createMeetingDecider(policy).decide(r.command, state.meetings);
      case 'minutes':
        return createMinutesDecider(policy, calendar).decide(r.command, state.minutes);
      case 'actions':
        return createActionDecider(policy, calendar).decide(r.command, state.actions);
      case 'fees': {
        const departmentOf = (personId: string): string | undefined =>
          state.directory.people.get(personId)?.department;
        return createFeeDecider(policy, departmentOf).decide(r.command, feeStateOf(state));
      }
      case 'directory':
        return directoryDecider.decide(r.command, state.directory);
      case 'policy':
        return decidePolicy(r.command, state.policy);
    }
  };
  return {
    initialState: initialDealershipState,
    decide,
    evolve: evolveDealership,
    fold: foldDealershipEvents,
    parse: parseDealershipCommand,
    streamOf,
    roomOfCommand,
    roomOfEvent,
  };
}
