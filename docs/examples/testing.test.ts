// The deciders guide, "Testing your integration": the two laws at a decider's edge, checked with
// fast-check, for a decider of ours and for one of your own.
import { expect, it } from 'vitest';
import { fail, ok, reject, type Result } from '@huiyi/core';

// #region edge-laws
import fc from 'fast-check';
import { createBookingDecider, parseBookingCommand } from '@huiyi/core';
import { malformedInputLaws } from '@huiyi/core/testing';

const rooms = createBookingDecider();
const checkIns = fc.record({
  type: fc.constant('CheckIn'),
  now: fc.nat(),
  actor: fc.constant({ id: 'wang', roles: [] }),
  roomId: fc.constant('A'),
  bookingId: fc.string(),
});
const laws = malformedInputLaws((input) => {
  const command = parseBookingCommand(input); // the edge: the typed command, or command.malformed
  return command.ok ? rooms.decide(command.value, rooms.initialState) : command;
}, checkIns);
// #endregion edge-laws

it('the rooms decider keeps both laws', () => {
  // #region check-laws
  fc.assert(laws.anything); // anything at all: refused as command.malformed, never thrown
  fc.assert(laws.oneFieldReplaced); // a mangled command: decided or refused, with its rule, in both languages
  // #endregion check-laws
});

it('a decider that throws on a field it does not expect breaks the second law', () => {
  const careless = (command: unknown): Result<unknown> => {
    const c = command as { type?: unknown; now?: unknown } | null;
    if (c?.type !== 'CheckIn') {
      return fail(
        reject('K-2', 'command.malformed', { 'zh-CN': '格式不正确', en: 'not a command' }),
      );
    }
    return ok((c.now as number).toFixed(0)); // throws when `now` is null or a string
  };
  const broken = malformedInputLaws(careless, checkIns);
  expect(() => fc.assert(broken.anything)).not.toThrow();
  expect(() => fc.assert(broken.oneFieldReplaced, { seed: 1, numRuns: 500 })).toThrow();
});
