import {
  commandBase,
  instant,
  malformedCommand,
  object,
  oneOf,
  optional,
  parseCommand,
  text,
  type Check,
} from '../input/index.js';
import { fail, ok, type Result, type RuleId } from '../rejection/rejection.js';
import { checkParameterOverrides } from './check-overrides.js';
import { checkParameterPatch, checkParameters } from './check-parameters.js';
import type { PolicyCommand, ProposePolicyRevision } from './policy-commands.js';

/** A revision's content as given: read field by field afterwards, where a fault is a P-1 or P-3 one. */
const content: Check<unknown> = (value) => ({ ok: true, value });
const revisionId = text(200);

/**
 * The shape of every policy command, checked field by field, as every context's are. A proposal's
 * `parameters`, `patch` and `overrides` are then read against the parameter schema (P-1, P-3).
 */
export const POLICY_COMMAND_SHAPES = {
  ProposePolicyRevision: object({
    type: oneOf(['ProposePolicyRevision']),
    ...commandBase,
    revisionId,
    effectiveFrom: instant(),
    summary: text(2000),
    parameters: optional(content),
    patch: optional(content),
    overrides: optional(content),
  }),
  ApprovePolicyRevision: object({
    type: oneOf(['ApprovePolicyRevision']),
    ...commandBase,
    revisionId,
  }),
  AnnouncePolicyRevision: object({
    type: oneOf(['AnnouncePolicyRevision']),
    ...commandBase,
    revisionId,
  }),
  WithdrawPolicyRevision: object({
    type: oneOf(['WithdrawPolicyRevision']),
    ...commandBase,
    revisionId,
    reason: optional(text(2000)),
  }),
} as const;

/** Every policy command answers to the revision lifecycle (P-2). */
const COMMAND_RULE: Record<PolicyCommand['type'], RuleId> = {
  ProposePolicyRevision: 'P-2',
  ApprovePolicyRevision: 'P-2',
  AnnouncePolicyRevision: 'P-2',
  WithdrawPolicyRevision: 'P-2',
};

type ProposalAsGiven = Omit<ProposePolicyRevision, 'parameters' | 'patch' | 'overrides'> & {
  readonly parameters?: unknown;
  readonly patch?: unknown;
  readonly overrides?: unknown;
};

function readProposal(c: ProposalAsGiven): Result<ProposePolicyRevision> {
  const { parameters, patch, overrides, ...head } = c;
  if ((parameters === undefined) === (patch === undefined)) {
    return fail(
      malformedCommand('P-2', 'command.parameters', {
        'zh-CN': '完整参数（parameters）或补丁（patch）二者之一',
        en: 'either parameters or a patch, not both',
      }),
    );
  }
  let checkedOverrides = {};
  if (overrides !== undefined) {
    const checked = checkParameterOverrides(overrides);
    if (!checked.ok) return checked;
    checkedOverrides = { overrides: checked.value };
  }
  if (parameters !== undefined) {
    const checked = checkParameters(parameters);
    return checked.ok ? ok({ ...head, parameters: checked.value, ...checkedOverrides }) : checked;
  }
  const checked = checkParameterPatch(patch);
  return checked.ok ? ok({ ...head, patch: checked.value, ...checkedOverrides }) : checked;
}

/**
 * Reads a policy command from outside (a tap, another system's JSON): its type, ids, `now`, actor
 * and content. Arbitrary JSON yields a rejection, never an exception: `command.malformed` naming
 * the field (P-2), as every context's parse step, or the parameter schema's own rejection for a
 * proposal's content (P-1, P-3).
 *
 * @param input - anything
 * @returns a fresh command, or why it is not one
 * @example
 * parsePolicyCommand({ type: 'ApprovePolicyRevision', revisionId: 'r1', now: 0, actor: { id: 'boss', roles: ['leadership'] } }).ok // => true
 * parsePolicyCommand({ type: 'Nope' }) // => { ok: false, rejection: { rule: 'P-2', code: 'command.malformed', … } }
 */
export function parsePolicyCommand(input: unknown): Result<PolicyCommand> {
  const r = parseCommand<PolicyCommand | ProposalAsGiven>(
    POLICY_COMMAND_SHAPES,
    COMMAND_RULE,
    'P-2',
    input,
  );
  if (!r.ok || r.value.type !== 'ProposePolicyRevision') return r as Result<PolicyCommand>;
  return readProposal(r.value as ProposalAsGiven);
}
