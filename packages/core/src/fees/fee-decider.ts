import { deciderOf } from '../decider/decider-of.js';
import type { Decider } from '../decider/decider.js';
import { parseCommand } from '../input/index.js';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import type { Result, RuleId } from '../rejection/index.js';
import type { DepartmentLookup } from './charge.js';
import type { ChargeOptions } from './charges.js';
import { recordExpense } from './decide-expense.js';
import { setTariff } from './decide-tariff.js';
import { grantWaiver, refuseWaiver, requestWaiver } from './decide-waiver.js';
import { FEE_COMMAND_SHAPES, type FeeCommand } from './fee-commands.js';
import type { FeeEvent, FeeLogEvent } from './fee-events.js';
import { evolveFees, initialFeeState, type FeeState } from './fee-state.js';

/** The rule each command answers to first, for a malformed one. */
const COMMAND_RULE: Record<FeeCommand['type'], RuleId> = {
  SetTariff: 'R-10',
  RequestWaiver: 'R-11',
  GrantWaiver: 'R-11',
  RefuseWaiver: 'R-11',
  RecordExpense: 'R-12',
};

/**
 * Reads a fees command from outside (arbitrary JSON): a typed command, or a rejection saying
 * which field is wrong. Never throws.
 *
 * @param input - anything
 * @returns the command or why it is malformed
 * @example
 * parseFeeCommand({ type: 'Nope' }).ok // => false
 */
export function parseFeeCommand(input: unknown): Result<FeeCommand> {
  return parseCommand<FeeCommand>(FEE_COMMAND_SHAPES, COMMAND_RULE, 'R-10', input);
}

/**
 * The fees decider: a {@link Decider} of {@link FeeCommand}s. Its state folds the rooms' streams
 * (the bookings charged) and its own events. Its `decide` checks the command again at run time, so
 * a value that is not one is refused as `command.malformed`.
 */
export type FeeDecider = Decider<FeeCommand, FeeState, FeeEvent, FeeLogEvent>;

/**
 * Makes the fees decider: tariffs, waivers and expenses, judged by the policy
 * in force at each command's `now` (P-1).
 *
 * @param policy - the parameters in force (default: the policy's defaults, always)
 * @param departmentOf - an organizer's department when a booking names none (the directory)
 * @returns the decider
 * @example
 * const { decide } = createFeeDecider();
 * decide({ type: 'GrantWaiver', now, actor: admin, waiverId: 'w1' }, state) // => { ok: true, value: [{ type: 'WaiverGranted', full: true, … }] }
 */
export function createFeeDecider(
  policy: PolicyLookup = () => DEFAULT_PARAMETERS,
  departmentOf?: DepartmentLookup,
): FeeDecider {
  const options: ChargeOptions = departmentOf === undefined ? { policy } : { policy, departmentOf };
  const decide = (c: FeeCommand, state: FeeState): Result<FeeEvent[]> => {
    switch (c.type) {
      case 'SetTariff':
        return setTariff(c, state, policy(c.now, { roomId: c.roomId }));
      case 'RequestWaiver':
        return requestWaiver(c, state, options);
      case 'GrantWaiver':
        return grantWaiver(c, state);
      case 'RefuseWaiver':
        return refuseWaiver(c, state);
      case 'RecordExpense':
        return recordExpense(c, state, policy(c.now, {}));
      default: {
        const never: never = c;
        throw new TypeError(`unhandled command ${JSON.stringify(never)}`);
      }
    }
  };
  return deciderOf({
    initialState: initialFeeState,
    parse: parseFeeCommand,
    decide,
    evolve: evolveFees,
  });
}
