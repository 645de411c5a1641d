import type { MeetingKind } from './meeting-kind.js';
import type { ParameterGroup, ParameterPatch, PolicyParameters } from './parameters.js';

/**
 * The narrower parameters of a policy version (P-3): a patch per room id, and a patch per
 * {@link MeetingKind} (`weekly-review`, `monthly-review`, `ad-hoc`, or another series' name).
 */
export interface ParameterOverrides {
  readonly rooms?: Readonly<Record<string, ParameterPatch>>;
  readonly kinds?: Readonly<Record<string, ParameterPatch>>;
}

/** What a version holds: the site-wide parameters, complete, and the narrower overrides. */
export interface ParameterSet {
  readonly parameters: PolicyParameters;
  readonly overrides: ParameterOverrides;
}

/** Where a decision is taken: in which room, for which kind of meeting (either may be unknown). */
export interface PolicyScope {
  readonly roomId?: string;
  readonly kind?: MeetingKind;
}

/**
 * Lays a patch over parameters: each field the patch names replaces the one below, lists whole.
 *
 * @param parameters - complete parameters
 * @param patch - the fields to replace
 * @returns new frozen parameters, or the same object when the patch changes nothing
 * @example
 * applyPatch(DEFAULT_PARAMETERS, { rooms: { bufferMinutes: 5 } }).rooms.bufferMinutes // => 5
 */
export function applyPatch(parameters: PolicyParameters, patch: ParameterPatch): PolicyParameters {
  let out: Record<string, unknown> | undefined;
  for (const group of Object.keys(patch) as ParameterGroup[]) {
    const fields = patch[group];
    if (fields === undefined || Object.keys(fields).length === 0) continue;
    out ??= { ...parameters };
    out[group] = Object.freeze({ ...parameters[group], ...fields });
  }
  return out === undefined ? parameters : (Object.freeze(out) as unknown as PolicyParameters);
}

const patchFor = (
  record: Readonly<Record<string, ParameterPatch>> | undefined,
  key: string | undefined,
): ParameterPatch | undefined =>
  record !== undefined && key !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * The parameters that apply in a scope (P-3): the site's, then the room's patch over them, then the
 * meeting kind's patch over that; the narrowest wins, field by field, and a list is replaced
 * whole, never merged.
 *
 * @param set - a version's parameters and overrides
 * @param scope - the room and the meeting kind, either optional
 * @returns complete, frozen parameters
 * @example
 * resolveParameters(
 *   { parameters: DEFAULT_PARAMETERS, overrides: { rooms: { A: { rooms: { maxLengthMinutes: 480 } } } } },
 *   { roomId: 'A' },
 * ).rooms.maxLengthMinutes // => 480
 */
export function resolveParameters(set: ParameterSet, scope: PolicyScope = {}): PolicyParameters {
  const room = patchFor(set.overrides.rooms, scope.roomId);
  const kind = patchFor(set.overrides.kinds, scope.kind);
  let parameters = set.parameters;
  if (room !== undefined) parameters = applyPatch(parameters, room);
  if (kind !== undefined) parameters = applyPatch(parameters, kind);
  return parameters;
}
