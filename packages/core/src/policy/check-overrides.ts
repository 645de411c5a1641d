import { fail, ok, reject, type Rejection, type Result } from '../rejection/rejection.js';
import { checkTree } from './check-parameters.js';
import { checkConsistency } from './consistency.js';
import type { ParameterPatch } from './parameters.js';
import { isRecord, strayKey } from './records.js';
import { applyPatch, type ParameterOverrides, type ParameterSet } from './resolve.js';

/** The most rooms, and the most meeting kinds, one version may override. */
export const MAX_OVERRIDES = 500;

function overrideInvalid(path: string, expected: string, expectedZh: string): Rejection {
  return reject(
    'P-3',
    'policy.override-invalid',
    {
      'zh-CN': `覆盖参数 ${path} 无效，应为${expectedZh}`,
      en: `override ${path} is invalid: expected ${expected}`,
    },
    { path },
  );
}

function checkPatches(
  value: unknown,
  path: string,
): Result<Readonly<Record<string, ParameterPatch>>> {
  const keys = isRecord(value) ? Object.keys(value) : [];
  if (!isRecord(value) || keys.length > MAX_OVERRIDES) {
    return fail(
      overrideInvalid(
        path,
        `an object of at most ${MAX_OVERRIDES} patches`,
        `最多 ${MAX_OVERRIDES} 项的对象`,
      ),
    );
  }
  const entries: [string, ParameterPatch][] = [];
  for (const key of keys) {
    if (key.length === 0 || key.length > 200) {
      return fail(overrideInvalid(path, 'names of 1 to 200 characters', '1 至 200 个字符的名称'));
    }
    const patch = checkTree(value[key], `${path}.${key}`, false);
    if (!patch.ok) return patch;
    entries.push([key, patch.value as ParameterPatch]);
  }
  // fromEntries defines own fields, so a room named `__proto__` stays a room.
  return ok(Object.freeze(Object.fromEntries(entries)));
}

/**
 * Checks a version's overrides from outside (P-3): `{ rooms?: { [roomId]: patch }, kinds?: {
 * [meetingKind]: patch } }`, each patch as {@link checkParameterPatch} wants it.
 *
 * @param value - anything
 * @returns a fresh, frozen copy, or the first problem (`P-3` for the shape, `P-1` for a parameter)
 * @example
 * checkParameterOverrides({ kinds: { 'ad-hoc': { meetings: { lateGraceMinutes: 5 } } } }).ok // => true
 * checkParameterOverrides({ floors: {} }).rejection.code // => 'policy.override-invalid'
 */
export function checkParameterOverrides(value: unknown): Result<ParameterOverrides> {
  if (!isRecord(value) || strayKey(value, ['rooms', 'kinds']) !== undefined) {
    return fail(
      overrideInvalid('overrides', 'an object with rooms and kinds', '含 rooms 和 kinds 的对象'),
    );
  }
  const out: { rooms?: Readonly<Record<string, ParameterPatch>>; kinds?: typeof out.rooms } = {};
  for (const key of ['rooms', 'kinds'] as const) {
    if (!Object.hasOwn(value, key)) continue;
    const patches = checkPatches(value[key], `overrides.${key}`);
    if (!patches.ok) return patches;
    out[key] = patches.value;
  }
  return ok(Object.freeze(out));
}

/**
 * Checks that a version's parameters agree with each other in every scope it can be read in
 * (P-1, P-3): site-wide, in each room, for each meeting kind, and for each room and kind together.
 *
 * @param set - complete site parameters and checked overrides
 * @returns the same set, or the first contradiction with the scope in its data
 * @example
 * checkScopes({ parameters: DEFAULT_PARAMETERS, overrides: {} }).ok // => true
 */
export function checkScopes(set: ParameterSet): Result<ParameterSet> {
  const site = checkConsistency(set.parameters);
  if (!site.ok) return site;
  const rooms = Object.entries(set.overrides.rooms ?? {});
  const kinds = Object.entries(set.overrides.kinds ?? {});
  for (const [kind, patch] of kinds) {
    const checked = checkConsistency(applyPatch(set.parameters, patch), { kind });
    if (!checked.ok) return checked;
  }
  for (const [roomId, roomPatch] of rooms) {
    const inRoom = applyPatch(set.parameters, roomPatch);
    const checked = checkConsistency(inRoom, { roomId });
    if (!checked.ok) return checked;
    for (const [kind, patch] of kinds) {
      const both = checkConsistency(applyPatch(inRoom, patch), { roomId, kind });
      if (!both.ok) return both;
    }
  }
  return ok(set);
}
