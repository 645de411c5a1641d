import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import type { Actor } from '../people/actor.js';
import { HOUR } from '../time/instant.js';
import { fold, run } from '../testing/given.js';
import { DEFAULT_PARAMETERS } from './default-parameters.js';
import { policyAt, versionAt, versionsInForce } from './policy-at.js';
import type { PolicyCommand } from './policy-commands.js';
import { policyDecider } from './policy-decider.js';
import { BEGINNING_OF_TIME, initialPolicyState, type PolicyState } from './policy-state.js';
import { resolveParameters } from './resolve.js';

const boss: Actor = { id: 'boss', roles: ['leadership'] };
const T0 = Date.UTC(2026, 0, 5, 1);
const instantArb = fc.integer({ min: T0 - 2000 * HOUR, max: T0 + 2000 * HOUR });

/** A revision to announce: when it says it takes effect, and when it is announced. */
interface Plan {
  readonly effectiveFrom: number;
  readonly announcedAt: number;
}
const planArb = fc.record({ effectiveFrom: instantArb, announcedAt: instantArb });

/** The state after proposing, approving and announcing each plan in order. */
function announced(plans: readonly Plan[]): PolicyState {
  const commands = plans.flatMap(({ effectiveFrom, announcedAt }, i): PolicyCommand[] => {
    const base = { revisionId: `r${i + 1}`, now: announcedAt, actor: boss };
    return [
      {
        ...base,
        type: 'ProposePolicyRevision',
        effectiveFrom,
        summary: `修订 ${i + 1}`,
        patch: { meetings: { lateGraceMinutes: (i + 1) % 120 } },
        overrides: { rooms: { A: { rooms: { bufferMinutes: i % 240 } } } },
      },
      { ...base, type: 'ApprovePolicyRevision' },
      { ...base, type: 'AnnouncePolicyRevision' },
    ];
  });
  const { state, results } = run(policyDecider, commands);
  for (const r of results) expect(r.ok).toBe(true);
  return state;
}

/** The deliberately simple model: starts clamped forward, then the last version started wins. */
function modelVersionAt(plans: readonly Plan[], t: number): number {
  let start = BEGINNING_OF_TIME;
  let version = 0;
  plans.forEach(({ effectiveFrom, announcedAt }, i) => {
    start = Math.max(start, effectiveFrom, announcedAt);
    if (start <= t) version = i + 1;
  });
  return version;
}

describe('policyAt (P-1)', () => {
  it('P-1: with no revision, version 0 (the defaults) is in force at any instant', () => {
    for (const t of [BEGINNING_OF_TIME, 0, T0, 8.64e15]) {
      expect(policyAt(initialPolicyState, t)).toEqual({
        version: 0,
        inForceFrom: BEGINNING_OF_TIME,
        parameters: DEFAULT_PARAMETERS,
      });
    }
  });

  it('P-1: a decision is judged by the version in force at its now', () => {
    const state = announced([
      { effectiveFrom: T0 + 10 * HOUR, announcedAt: T0 },
      { effectiveFrom: T0 + 20 * HOUR, announcedAt: T0 + HOUR },
    ]);
    expect(policyAt(state, T0 + 10 * HOUR - 1).version).toBe(0);
    expect(policyAt(state, T0 + 10 * HOUR)).toMatchObject({ version: 1, revisionId: 'r1' });
    expect(policyAt(state, T0 + 20 * HOUR - 1).parameters.meetings.lateGraceMinutes).toBe(1);
    expect(policyAt(state, T0 + 20 * HOUR)).toMatchObject({ version: 2, revisionId: 'r2' });
    expect(policyAt(state, T0 + 20 * HOUR, { roomId: 'A' }).parameters.rooms.bufferMinutes).toBe(1);
  });

  it('P-1: a version starting with a later one is never in force and is left out of the timeline', () => {
    const state = announced([
      { effectiveFrom: T0 + 10 * HOUR, announcedAt: T0 },
      { effectiveFrom: T0, announcedAt: T0 + HOUR },
    ]);
    expect(versionsInForce(state)).toEqual([
      { version: 0, from: BEGINNING_OF_TIME, until: T0 + 10 * HOUR },
      { version: 2, revisionId: 'r2', from: T0 + 10 * HOUR },
    ]);
  });

  it('P-1: now must be an instant (a programming error otherwise)', () => {
    expect(() => policyAt(initialPolicyState, Number.NaN)).toThrow(RangeError);
  });

  test.prop([fc.array(planArb, { maxLength: 12 }), fc.array(instantArb, { maxLength: 20 })])(
    'P-1: the version in force equals a linear scan of the announcements',
    (plans, instants) => {
      const state = announced(plans);
      for (const t of instants) expect(policyAt(state, t).version).toBe(modelVersionAt(plans, t));
    },
  );

  test.prop([fc.array(planArb, { maxLength: 12 }), instantArb, instantArb])(
    'P-1: the version in force never goes down as now grows',
    (plans, a, b) => {
      const state = announced(plans);
      const [t1, t2] = a <= b ? [a, b] : [b, a];
      expect(policyAt(state, t1).version).toBeLessThanOrEqual(policyAt(state, t2).version);
    },
  );

  test.prop([fc.array(planArb, { maxLength: 12 })])(
    'P-1: the timeline is a step function: stretches that meet, each ruled by one version throughout',
    (plans) => {
      const state = announced(plans);
      const timeline = versionsInForce(state);
      expect(timeline[0]?.from).toBe(BEGINNING_OF_TIME);
      expect(timeline.at(-1)?.until).toBeUndefined();
      timeline.forEach((p, i) => {
        const next = timeline[i + 1];
        if (next !== undefined) {
          expect(p.until).toBe(next.from);
          expect(p.from).toBeLessThan(next.from);
          expect(p.version).toBeLessThan(next.version);
        }
        expect(policyAt(state, p.from).version).toBe(p.version);
        if (p.until !== undefined) expect(policyAt(state, p.until - 1).version).toBe(p.version);
      });
    },
  );

  test.prop([fc.array(planArb, { maxLength: 8 }), instantArb, fc.constantFrom('A', 'B')])(
    'P-3: policyAt resolves the overrides of the version in force',
    (plans, t, roomId) => {
      const state = announced(plans);
      expect(policyAt(state, t, { roomId }).parameters).toEqual(
        resolveParameters(versionAt(state, t), { roomId }),
      );
    },
  );

  test.prop([fc.array(planArb, { minLength: 1, maxLength: 8 })])(
    'P-2: never retroactive: a version takes effect no earlier than its announcement',
    (plans) => {
      const state = announced(plans);
      state.versions.slice(1).forEach((v, i) => {
        const plan = plans[i] as Plan;
        expect(v.inForceFrom).toBeGreaterThanOrEqual(
          Math.max(plan.effectiveFrom, plan.announcedAt),
        );
      });
    },
  );

  it('P-1: folding the log gives the same state as deciding it', () => {
    const plans = [{ effectiveFrom: T0, announcedAt: T0 }];
    const state = announced(plans);
    const { events } = run(policyDecider, [
      {
        type: 'ProposePolicyRevision',
        revisionId: 'r1',
        effectiveFrom: T0,
        summary: '修订 1',
        patch: { meetings: { lateGraceMinutes: 1 } },
        overrides: { rooms: { A: { rooms: { bufferMinutes: 0 } } } },
        now: T0,
        actor: boss,
      },
      { type: 'ApprovePolicyRevision', revisionId: 'r1', now: T0, actor: boss },
      { type: 'AnnouncePolicyRevision', revisionId: 'r1', now: T0, actor: boss },
    ]);
    expect(fold(policyDecider, events)).toEqual(state);
  });
});
