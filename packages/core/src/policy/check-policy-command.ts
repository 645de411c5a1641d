import { isActor } from '../people/actor.js';
import { fail, ok, type Result } from '../rejection/rejection.js';
import { isInstant } from '../time/instant.js';
import { checkParameterOverrides } from './check-overrides.js';
import { checkParameterPatch, checkParameters } from './check-parameters.js';
import {
  POLICY_COMMAND_TYPES,
  type PolicyCommand,
  type ProposePolicyRevision,
} from './policy-commands.js';
import { commandInvalid } from './policy-rejections.js';
import { isRecord, strayKey } from './records.js';

const BASE = ['type', 'revisionId', 'now', 'actor'];
const PROPOSE = [...BASE, 'effectiveFrom', 'summary', 'parameters', 'patch', 'overrides'];

/** A field given with a value: `undefined` counts as left out, as a JSON round trip would make it. */
const given = (c: Readonly<Record<string, unknown>>, key: string): boolean =>
  Object.hasOwn(c, key) && c[key] !== undefined;

const isText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= max;

function checkProposal(
  c: Readonly<Record<string, unknown>>,
  base: Pick<ProposePolicyRevision, 'revisionId' | 'now' | 'actor'>,
): Result<ProposePolicyRevision> {
  const { effectiveFrom, summary } = c;
  if (!isInstant(effectiveFrom)) {
    return fail(commandInvalid('effectiveFrom', ['an epoch-ms instant', '毫秒时间点']));
  }
  if (!isText(summary, 2000)) {
    return fail(
      commandInvalid('summary', ['a text of 1 to 2000 characters', '1 至 2000 字的说明']),
    );
  }
  const hasParameters = given(c, 'parameters');
  if (hasParameters === given(c, 'patch')) {
    return fail(
      commandInvalid('parameters', ['either parameters or a patch', '完整参数或补丁二者之一']),
    );
  }
  let overrides = {};
  if (given(c, 'overrides')) {
    const checked = checkParameterOverrides(c.overrides);
    if (!checked.ok) return checked;
    overrides = { overrides: checked.value };
  }
  const head = { type: 'ProposePolicyRevision', ...base, effectiveFrom, summary } as const;
  if (hasParameters) {
    const parameters = checkParameters(c.parameters);
    return parameters.ok ? ok({ ...head, parameters: parameters.value, ...overrides }) : parameters;
  }
  const patch = checkParameterPatch(c.patch);
  return patch.ok ? ok({ ...head, patch: patch.value, ...overrides }) : patch;
}

/**
 * Checks a policy command from outside (a tap, another system's JSON): its type, ids, `now`,
 * actor and content. Arbitrary JSON yields a rejection, never an exception.
 *
 * @param value - anything
 * @returns a fresh command, or a rejection (`P-2` for the command, `P-1`/`P-3` for its content)
 * @example
 * checkPolicyCommand({ type: 'ApprovePolicyRevision', revisionId: 'r1', now: 0, actor: { id: 'boss', roles: ['leadership'] } }).ok
 * // => true
 */
export function checkPolicyCommand(value: unknown): Result<PolicyCommand> {
  if (!isRecord(value)) return fail(commandInvalid('(command)', ['an object', '对象']));
  const { type, revisionId, now, actor } = value;
  if (typeof type !== 'string' || !(POLICY_COMMAND_TYPES as readonly string[]).includes(type)) {
    return fail(
      commandInvalid('type', [`one of ${POLICY_COMMAND_TYPES.join(', ')}`, '已知的命令类型']),
    );
  }
  if (!isText(revisionId, 200)) {
    return fail(
      commandInvalid('revisionId', ['an id of 1 to 200 characters', '1 至 200 字符的编号']),
    );
  }
  if (!isInstant(now)) return fail(commandInvalid('now', ['an epoch-ms instant', '毫秒时间点']));
  if (!isActor(actor)) return fail(commandInvalid('actor', ['an actor { id, roles }', '操作人']));
  const allowed =
    type === 'ProposePolicyRevision'
      ? PROPOSE
      : type === 'WithdrawPolicyRevision'
        ? [...BASE, 'reason']
        : BASE;
  const stray = strayKey(value, allowed);
  if (stray !== undefined) return fail(commandInvalid(stray, ['no such field', '不存在的字段']));
  const base = { revisionId, now, actor: { id: actor.id, roles: [...actor.roles] } };
  if (type === 'ProposePolicyRevision') return checkProposal(value, base);
  if (type === 'WithdrawPolicyRevision' && given(value, 'reason')) {
    const { reason } = value;
    if (!isText(reason, 2000)) {
      return fail(
        commandInvalid('reason', ['a text of 1 to 2000 characters', '1 至 2000 字的理由']),
      );
    }
    return ok({ type, ...base, reason });
  }
  return ok({ type, ...base } as PolicyCommand);
}
