import type { Decider } from '../decider/decider.js';
import type { Rejection, Result, RuleId } from '../rejection/rejection.js';
import { assertEqual, assertTrue } from './assertions.js';

/**
 * What a command under test decided, to assert on. Its `then` is an assertion, not a promise's:
 * never `await` it nor return it from an async test.
 */
export interface Then<Event> {
  /** The decision itself: the events, or the rejection. */
  readonly result: Result<readonly Event[]>;
  /**
   * Asserts the command was accepted with exactly these events.
   *
   * @param events - the events expected, in order
   * @returns the events
   */
  then(events: readonly Event[]): readonly Event[];
  /** Asserts the command was accepted and decided to no events (a repeat, or nothing to do). */
  thenNothingHappened(): void;
  /**
   * Asserts the command was accepted, whatever its events, for a test that builds on them.
   *
   * @returns the events
   */
  thenAccepted(): readonly Event[];
  /**
   * Asserts the command was refused by this rule with this code, with a message in Chinese and in
   * English.
   *
   * @param rule - the rule it breaks
   * @param code - its code
   * @returns the rejection, to look further into its data
   */
  thenRejects(rule: RuleId, code: string): Rejection;
  /**
   * Asserts the command was refused, with a message in Chinese and in English, for a test that
   * looks into the rejection itself.
   *
   * @returns the rejection
   */
  thenRefused(): Rejection;
}

/** A history ready for the command under test, in given/when/then form. */
export interface Scenario<Command, State, Event> {
  /** The state folded from the given events. */
  readonly state: State;
  /**
   * Decides a command against that state.
   *
   * @param command - the command under test
   * @returns the decision, to assert on with `then`, `thenNothingHappened` or `thenRejects`
   */
  when(command: Command): Then<Event>;
}

const describeResult = (r: Result<readonly unknown[]>): string =>
  r.ok
    ? `events ${JSON.stringify(r.value.map((e) => (e as { type?: unknown }).type))}`
    : `${r.rejection.rule} ${r.rejection.code}: ${r.rejection.message.en}`;

function thenOf<E>(result: Result<readonly E[]>): Then<E> {
  return {
    result,
    then(events) {
      assertTrue(result.ok, `the command is accepted, not ${describeResult(result)}`);
      assertEqual(result.value, events, 'the events');
      return result.value;
    },
    thenAccepted() {
      assertTrue(result.ok, `the command is accepted, not ${describeResult(result)}`);
      return result.value;
    },
    thenNothingHappened() {
      assertTrue(result.ok, `the command is accepted, not ${describeResult(result)}`);
      assertEqual(result.value, [], 'the events (none)');
    },
    thenRejects(rule, code) {
      const rejection = this.thenRefused();
      assertEqual([rejection.rule, rejection.code], [rule, code], 'the rule and code');
      return rejection;
    },
    thenRefused() {
      assertTrue(!result.ok, `the command is refused, not accepted with ${describeResult(result)}`);
      const { rejection } = result;
      assertTrue(rejection.message['zh-CN'].length > 0, 'the refusal says why in Chinese');
      assertTrue(rejection.message.en.length > 0, 'the refusal says why in English');
      return rejection;
    },
  };
}

/**
 * Binds a decider for given/when/then tests, under any test runner:
 * `given(events).when(command).then(events)`, `.thenNothingHappened()` or
 * `.thenRejects(rule, code)`. For tests only: ordinary code calls `decide` itself.
 *
 * @param decider - the decider
 * @returns `given`, taking the history (events its state folds)
 * @example
 * const given = givenWhenThen(createBookingDecider());
 * given(site).when(walkUp).then([roomBooked, checkedIn]);
 * given(site).when({ ...walkUp, minutes: 45 }).thenRejects('R-5', 'walk-up.bad-length');
 */
export function givenWhenThen<C, S, E, F = E>(
  decider: Decider<C, S, E, F>,
): (events: readonly F[]) => Scenario<C, S, E> {
  return (events) => {
    const state = events.reduce((s, e) => decider.evolve(s, e), decider.initialState);
    return { state, when: (command) => thenOf(decider.decide(command, state)) };
  };
}
