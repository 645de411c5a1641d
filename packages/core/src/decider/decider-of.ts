import type { Result } from '../rejection/rejection.js';
import type { Decider } from './decider.js';

/** The parts a context gives {@link deciderOf}. */
export interface DeciderParts<Command, State, Event, Folded> {
  readonly initialState: State;
  /** The context's parse step: the typed command, or why the input is not one. */
  readonly parse: (input: unknown) => Result<Command>;
  /** Decides a command already read by `parse`. */
  readonly decide: (command: Command, state: State) => Result<readonly Event[]>;
  readonly evolve: (state: State, event: Folded) => State;
}

/**
 * A context's decider from its parts: its `decide` reads the command with the context's parse step
 * first, so a value that is not a well-formed command (from JavaScript, or JSON cast to the type)
 * is refused as that step says (`command.malformed`), never thrown, and the context's own decide
 * only ever sees a typed command. Internal: every context builds its decider so.
 *
 * @param parts - the initial state, the parse step, the decision over a typed command, the fold
 * @returns the decider
 * @example
 * deciderOf({ initialState: initialMinutesState, parse: parseMinutesCommand, decide: (c, s) => decideCommand(c, s, policy, calendar), evolve: evolveMinutes })
 */
export function deciderOf<Command, State, Event, Folded = Event>(
  parts: DeciderParts<Command, State, Event, Folded>,
): Decider<Command, State, Event, Folded> {
  const { initialState, parse, evolve } = parts;
  const decide = (input: unknown, state: State): Result<readonly Event[]> => {
    const parsed = parse(input);
    return parsed.ok ? parts.decide(parsed.value, state) : parsed;
  };
  return { initialState, decide, evolve };
}
