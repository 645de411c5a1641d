import fc from 'fast-check';
import type { Result } from '../rejection/rejection.js';
import { withOneFieldReplaced } from './arbitraries.js';
import { assertTrue } from './assertions.js';

/** The laws of {@link malformedInputLaws}, as properties for any runner. */
export interface MalformedInputLaws {
  /** Anything at all is refused as `command.malformed`, never thrown. */
  readonly anything: fc.IPropertyWithHooks<[unknown]>;
  /**
   * A valid command with one field replaced by anything is accepted or refused, never thrown; a
   * refusal names its rule and says why in Chinese and English.
   */
  readonly oneFieldReplaced: fc.IPropertyWithHooks<[Record<string, unknown>]>;
}

/**
 * The two laws every decider keeps at its edge (bad input gets a clear error, and nothing is
 * thrown), as fast-check properties for whatever runs the tests: `fc.assert(laws.anything)`.
 *
 * @param decide - the decider's `decide` against a fixed state
 * @param commands - valid commands, to be mangled ({@link withOneFieldReplaced})
 * @returns the laws
 * @example
 * const laws = malformedInputLaws((c) => decider.decide(c, state), commandArb);
 * fc.assert(laws.anything);
 * fc.assert(laws.oneFieldReplaced);
 */
export function malformedInputLaws(
  decide: (command: unknown) => Result<unknown>,
  commands: fc.Arbitrary<Record<string, unknown>>,
): MalformedInputLaws {
  return {
    anything: fc.property(fc.anything(), (input) => {
      const r = decide(input);
      assertTrue(!r.ok, 'anything at all is refused');
      assertTrue(
        r.rejection.code === 'command.malformed',
        `refused as command.malformed, not ${r.rejection.code}`,
      );
    }),
    oneFieldReplaced: fc.property(withOneFieldReplaced(commands), (mangled) => {
      const r = decide(mangled);
      assertTrue(typeof r.ok === 'boolean', 'decided, accepted or refused');
      if (r.ok) return;
      const { rule, message } = r.rejection;
      assertTrue(/^[A-Z]-\d+$/.test(rule), `the refusal names its rule (${rule})`);
      assertTrue(message['zh-CN'].length > 0, 'the refusal says why in Chinese');
      assertTrue(message.en.length > 0, 'the refusal says why in English');
    }),
  };
}
