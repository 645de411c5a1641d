import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { DEFAULT_PARAMETERS } from './default-parameters.js';
import { checkParameterOverrides, checkScopes } from './check-overrides.js';
import { applyPatch, resolveParameters, type ParameterSet } from './resolve.js';
import type { ParameterPatch, PolicyParameters } from './parameters.js';
import {
  meetingKindArb,
  parameterOverridesArb,
  parameterPatchArb,
  policyParametersArb,
  roomIdArb,
} from '../testing/policy-arbitraries.js';

const D = DEFAULT_PARAMETERS;
const set: ParameterSet = {
  parameters: D,
  overrides: {
    rooms: {
      boardroom: { rooms: { maxLengthMinutes: 480, walkUpLengthsMinutes: [30] } },
    },
    kinds: {
      'weekly-review': { rooms: { maxLengthMinutes: 90 }, meetings: { lateGraceMinutes: 5 } },
    },
  },
};

/** The value a patch sets for a field, if it sets one. */
function field(
  patch: ParameterPatch | undefined,
  group: string,
  key: string,
): { v: unknown } | undefined {
  const g = (patch as Record<string, Record<string, unknown>> | undefined)?.[group];
  return g !== undefined && Object.hasOwn(g, key) ? { v: g[key] } : undefined;
}

describe('resolveParameters (P-3)', () => {
  it('P-3: with no scope, the site parameters apply', () => {
    expect(resolveParameters(set)).toBe(D);
  });

  it('P-3: a room override beats the site', () => {
    const p = resolveParameters(set, { roomId: 'boardroom' });
    expect(p.rooms.maxLengthMinutes).toBe(480);
    expect(p.rooms.minLengthMinutes).toBe(15);
  });

  it('P-3: a meeting-kind override beats the room (the narrowest wins)', () => {
    const p = resolveParameters(set, { roomId: 'boardroom', kind: 'weekly-review' });
    expect(p.rooms.maxLengthMinutes).toBe(90);
    expect(p.rooms.walkUpLengthsMinutes).toEqual([30]);
    expect(p.meetings.lateGraceMinutes).toBe(5);
  });

  it('P-3: a list is replaced whole, never merged', () => {
    const p = resolveParameters(set, { roomId: 'boardroom' });
    expect(p.rooms.walkUpLengthsMinutes).toEqual([30]);
  });

  it('P-3: an unknown room or kind, or one named like an Object member, falls back to the site', () => {
    expect(resolveParameters(set, { roomId: 'attic', kind: 'ad-hoc' })).toBe(D);
    expect(resolveParameters(set, { roomId: 'constructor', kind: '__proto__' })).toBe(D);
  });

  it('P-3: the result is frozen and the inputs are untouched', () => {
    const p = resolveParameters(set, { roomId: 'boardroom' });
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.rooms)).toBe(true);
    expect(D.rooms.maxLengthMinutes).toBe(240);
  });

  test.prop([
    policyParametersArb(),
    parameterOverridesArb(),
    fc.option(roomIdArb, { nil: undefined }),
    fc.option(meetingKindArb, { nil: undefined }),
  ])(
    'P-3: every field comes from the kind patch, else the room patch, else the site',
    (parameters, overrides, roomId, kind) => {
      const scope = {
        ...(roomId === undefined ? {} : { roomId }),
        ...(kind === undefined ? {} : { kind }),
      };
      const p = resolveParameters({ parameters, overrides }, scope);
      const roomPatch = roomId === undefined ? undefined : overrides.rooms?.[roomId];
      const kindPatch = kind === undefined ? undefined : overrides.kinds?.[kind];
      for (const [group, fields] of Object.entries(parameters)) {
        for (const key of Object.keys(fields as object)) {
          const expected = field(kindPatch, group, key) ??
            field(roomPatch, group, key) ?? { v: (fields as Record<string, unknown>)[key] };
          expect((p as unknown as Record<string, Record<string, unknown>>)[group]?.[key]).toEqual(
            expected.v,
          );
        }
      }
    },
  );

  test.prop([policyParametersArb(), parameterPatchArb(), parameterPatchArb()])(
    'P-3: laying two patches is laying the second over the first',
    (p, a, b) => {
      const merged: Record<string, object> = { ...a };
      for (const [g, f] of Object.entries(b)) merged[g] = { ...(merged[g] ?? {}), ...f };
      expect(applyPatch(applyPatch(p, a), b)).toEqual(applyPatch(p, merged as ParameterPatch));
    },
  );

  test.prop([policyParametersArb()])(
    'P-3: an empty patch changes nothing',
    (p: PolicyParameters) => {
      expect(applyPatch(p, {})).toBe(p);
      expect(applyPatch(p, { rooms: {} })).toBe(p);
    },
  );
});

describe('checkParameterOverrides and checkScopes (P-3)', () => {
  it('P-3: accepts overrides by room and by kind', () => {
    expect(checkParameterOverrides(set.overrides)).toEqual({ ok: true, value: set.overrides });
    expect(checkParameterOverrides({})).toEqual({ ok: true, value: {} });
  });

  it('P-3: rejects a malformed shape with P-3 and a bad field with P-1 and its full path', () => {
    expect(checkParameterOverrides({ floors: {} })).toMatchObject({
      ok: false,
      rejection: { rule: 'P-3', code: 'policy.override-invalid' },
    });
    expect(checkParameterOverrides({ rooms: [] })).toMatchObject({
      ok: false,
      rejection: { rule: 'P-3', data: { path: 'overrides.rooms' } },
    });
    expect(
      checkParameterOverrides({ rooms: { A: { rooms: { bufferMinutes: -1 } } } }),
    ).toMatchObject({
      ok: false,
      rejection: { rule: 'P-1', data: { path: 'overrides.rooms.A.rooms.bufferMinutes' } },
    });
  });

  it('P-3: a room literally named __proto__ stays a room', () => {
    const r = checkParameterOverrides(
      JSON.parse('{"rooms": {"__proto__": {"rooms": {"bufferMinutes": 5}}}}'),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.value.rooms ?? {})).toEqual(['__proto__']);
    expect(
      resolveParameters({ parameters: D, overrides: r.value }, { roomId: '__proto__' }).rooms
        .bufferMinutes,
    ).toBe(5);
    expect(
      resolveParameters({ parameters: D, overrides: r.value }, { roomId: 'A' }).rooms.bufferMinutes,
    ).toBe(0);
  });

  it('P-3: rejects overrides that contradict only where a room and a kind meet, naming both', () => {
    const bad: ParameterSet = {
      parameters: D,
      overrides: {
        rooms: { A: { rooms: { minLengthMinutes: 60, walkUpLengthsMinutes: [60] } } },
        kinds: { 'ad-hoc': { rooms: { maxLengthMinutes: 45, walkUpLengthsMinutes: [15, 30] } } },
      },
    };
    expect(checkScopes(bad)).toMatchObject({
      ok: false,
      rejection: { code: 'policy.parameters-inconsistent', data: { roomId: 'A', kind: 'ad-hoc' } },
    });
  });

  test.prop([fc.anything()])('P-3: arbitrary values never throw', (value) => {
    expect(typeof checkParameterOverrides(value).ok).toBe('boolean');
  });

  test.prop([parameterOverridesArb()])('P-3: generated overrides are accepted as is', (o) => {
    expect(checkParameterOverrides(o)).toEqual({ ok: true, value: o });
  });
});
