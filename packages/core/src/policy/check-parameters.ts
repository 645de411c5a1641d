import { fail, ok, type Result } from '../rejection/rejection.js';
import { checkConsistency } from './consistency.js';
import type { ParameterPatch, PolicyParameters } from './parameters.js';
import { PARAMETER_SCHEMA, expectation, type FieldSpec } from './parameter-schema.js';
import { checkField } from './check-field.js';
import { parameterInvalid, parameterMissing, parameterUnknown } from './parameter-rejections.js';
import { isRecord, strayKey } from './records.js';

type Tree = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

const SCHEMA = PARAMETER_SCHEMA as unknown as Readonly<Record<string, Record<string, FieldSpec>>>;
const GROUPS = Object.keys(SCHEMA);
const OBJECT = { 'zh-CN': '对象', en: 'an object' };

const join = (prefix: string, key: string): string => (prefix === '' ? key : `${prefix}.${key}`);

function checkGroup(
  value: unknown,
  specs: Readonly<Record<string, FieldSpec>>,
  path: string,
  complete: boolean,
): Result<Readonly<Record<string, unknown>>> {
  if (!isRecord(value)) return fail(parameterInvalid(path, OBJECT));
  const fields = Object.keys(specs);
  const stray = strayKey(value, fields);
  if (stray !== undefined) return fail(parameterUnknown(join(path, stray)));
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const spec = specs[field] as FieldSpec;
    const fieldPath = join(path, field);
    if (!Object.hasOwn(value, field)) {
      if (complete) return fail(parameterMissing(fieldPath));
      continue;
    }
    const checked = checkField(spec, value[field]);
    if (checked === undefined) return fail(parameterInvalid(fieldPath, expectation(spec)));
    out[field] = checked.value;
  }
  return ok(Object.freeze(out));
}

/**
 * Checks a tree of groups, complete or partial, under a path prefix.
 *
 * @param value - anything
 * @param prefix - the path of the tree (`''` at the top, `overrides.rooms.A` for a room's patch)
 * @param complete - whether every parameter must be there
 * @returns a fresh, frozen copy, or the first problem found
 * @example
 * checkTree({ rooms: { bufferMinutes: 5 } }, '', false) // => { ok: true, value: { rooms: { bufferMinutes: 5 } } }
 */
export function checkTree(value: unknown, prefix: string, complete: boolean): Result<Tree> {
  if (!isRecord(value))
    return fail(parameterInvalid(prefix === '' ? '(parameters)' : prefix, OBJECT));
  const stray = strayKey(value, GROUPS);
  if (stray !== undefined) return fail(parameterUnknown(join(prefix, stray)));
  const out: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const group of GROUPS) {
    const path = join(prefix, group);
    if (!Object.hasOwn(value, group)) {
      if (complete) return fail(parameterMissing(path));
      continue;
    }
    const checked = checkGroup(value[group], SCHEMA[group] ?? {}, path, complete);
    if (!checked.ok) return checked;
    out[group] = checked.value;
  }
  return ok(Object.freeze(out));
}

/**
 * Checks a complete set of parameters from outside (P-1): every group and every field present, each
 * of the right type and within its range, no unknown names, and no two contradicting each other.
 * Arbitrary JSON yields a rejection, never an exception.
 *
 * @param value - anything
 * @returns a fresh, frozen copy, or a rejection naming the parameter's path
 * @example
 * checkParameters(DEFAULT_PARAMETERS).ok // => true
 * checkParameters({ ...DEFAULT_PARAMETERS, rooms: { ...DEFAULT_PARAMETERS.rooms, maxLengthMinutes: 0 } })
 * // => { ok: false, rejection: { rule: 'P-1', code: 'policy.parameter-invalid', data: { path: 'rooms.maxLengthMinutes', … } } }
 */
export function checkParameters(value: unknown): Result<PolicyParameters> {
  const tree = checkTree(value, '', true);
  if (!tree.ok) return tree;
  return checkConsistency(tree.value as unknown as PolicyParameters);
}

/**
 * Checks a patch from outside (P-3): any fields of any groups, each of the right type and within
 * its range, no unknown names. Whether a patch contradicts the parameters it lands on is known only
 * once it is applied (see `checkConsistency`).
 *
 * @param value - anything
 * @returns a fresh, frozen copy, or a rejection naming the parameter's path
 * @example
 * checkParameterPatch({ rooms: { bufferMinutes: 10 } }) // => { ok: true, value: { rooms: { bufferMinutes: 10 } } }
 * checkParameterPatch({ rooms: { bufferMinutes: -1 } }).ok // => false
 */
export function checkParameterPatch(value: unknown): Result<ParameterPatch> {
  return checkTree(value, '', false) as Result<ParameterPatch>;
}
