import type { Result } from '../rejection/rejection.js';

/**
 * A decider: the three pure parts every context of the rules is made of (see the guide's page
 * "Deciders and events"). `decide` turns a command and the state into events or a rejection;
 * `evolve` folds one event into the state; `initialState` is the state before any event.
 *
 * `decide` takes the context's command union, so a misspelt command type or field is a compile
 * error. Every decider of `@huiyi/core` still checks its command at run time: a value that is not a
 * well-formed command (from JavaScript, or JSON cast to the type) is refused as `command.malformed`,
 * never thrown. For input from outside, parse it first with the context's parse step (for example
 * `parseBookingCommand`, or `parseDealershipCommand` for any command), which gives the typed
 * command or that same rejection. Every field of every command, with its limits (a topic of 1 to
 * 200 characters, a headcount of 1 to 10 000 …), is listed on the guide's page "Every command,
 * field by field", generated from the context's `…_COMMAND_SHAPES`.
 *
 * @typeParam Command - the commands it decides (a tagged union on `type`)
 * @typeParam State - what it knows, folded from events
 * @typeParam Event - the events it decides
 * @typeParam Folded - the events its state folds (default: those it decides; the upkeep and fees
 *   deciders also fold the rooms context's events, which share their streams)
 * @example
 * const d: Decider<BookingCommand, BookingState, BookingEvent> = createBookingDecider();
 * const r = d.decide({ type: 'CheckIn', now, actor, roomId: 'A', bookingId: 'b1' }, state);
 * const next = r.ok ? r.value.reduce(d.evolve, state) : state;
 */
export interface Decider<Command, State, Event, Folded = Event> {
  /** The state before any event. */
  readonly initialState: State;
  /**
   * Decides a command against the state. Never throws for bad input.
   *
   * @param command - the command
   * @param state - the state folded so far
   * @returns the events (none for a command repeated or with nothing to do), or the rejection
   */
  decide(command: Command, state: State): Result<readonly Event[]>;
  /**
   * Folds one event into the state. Pure: the state given is left as it was.
   *
   * @param state - the state so far
   * @param event - the next event of the log
   * @returns the next state
   */
  evolve(state: State, event: Folded): State;
}
