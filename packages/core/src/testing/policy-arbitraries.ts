import fc from 'fast-check';
import { ROLES, type Actor } from '../people/actor.js';
import { MEETING_KINDS, type MeetingKind } from '../policy/meeting-kind.js';
import {
  ESCALATION_LEVELS,
  LANGUAGES,
  PERIODS,
  type HouseRule,
  type ParameterPatch,
  type PolicyParameters,
} from '../policy/parameters.js';
import type { ParameterOverrides } from '../policy/resolve.js';

/** Zones a site might use: one without DST, a few with. */
export const zoneArb: fc.Arbitrary<string> = fc.constantFrom(
  'Asia/Shanghai',
  'UTC',
  'Asia/Tokyo',
  'Europe/Berlin',
  'America/New_York',
);

const nat = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max });

/** Ascending distinct lengths between `min` and `max`, built by mapping (never filtering). */
function lengthsArb(min: number, max: number): fc.Arbitrary<readonly number[]> {
  return fc
    .uniqueArray(nat(0, 1000), { minLength: 1, maxLength: 5 })
    .map((fs) => [...new Set(fs.map((f) => min + Math.floor((f * (max - min)) / 1000)))])
    .map((ls) => ls.sort((a, b) => a - b));
}

const houseRulesArb: fc.Arbitrary<readonly HouseRule[]> = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom('no-smoking', 'no-food', 'phones-silent', 'tidy-up', 'lights-off'),
    text: fc.record({
      'zh-CN': fc.constantFrom('严禁吸烟', '保持整洁'),
      en: fc.constantFrom('No smoking', 'Keep tidy'),
    }),
  }),
  { selector: (r) => r.id, maxLength: 5 },
);

/** Complete parameters that `checkParameters` accepts: every field in range, none contradicting. */
export function policyParametersArb(): fc.Arbitrary<PolicyParameters> {
  const rooms = fc
    .record({
      min: nat(1, 240),
      extra: nat(0, 1200),
      walkUp: fc.uniqueArray(nat(0, 1000), { minLength: 1, maxLength: 5 }),
      rest: fc.record({
        bufferMinutes: nat(0, 240),
        horizonDays: nat(1, 730),
        lateCancellationMinutes: nat(0, 10080),
        checkInOpensMinutesBeforeStart: nat(0, 240),
        checkInClosesMinutesAfterStart: nat(1, 240),
        checkInExemptFromMinutes: nat(1, 10080),
        noShowsInARowToFlag: nat(1, 100),
        extendLengthsMinutes: lengthsArb(1, 1440),
        houseRules: houseRulesArb,
        equipmentInspectionIntervalDays: nat(1, 366),
        cleaningIntervalDays: nat(1, 366),
        billingStepMinutes: nat(1, 1440),
        statementPeriod: fc.constantFrom(...PERIODS),
      }),
    })
    .map(({ min, extra, walkUp, rest }) => {
      const max = min + extra;
      const lengths = [...new Set(walkUp.map((f) => min + Math.floor((f * (max - min)) / 1000)))];
      return {
        ...rest,
        minLengthMinutes: min,
        maxLengthMinutes: max,
        walkUpLengthsMinutes: lengths.sort((a, b) => a - b),
      };
    });
  const actions = fc
    .record({
      startWithinWorkingDays: nat(0, 60),
      progressReportEveryDays: nat(1, 365),
      escalationLadder: fc
        .subarray([...ESCALATION_LEVELS], { minLength: 1 })
        .chain((levels) =>
          fc.tuple(
            ...levels.map((level) =>
              nat(1, 60).map((responseWorkingDays) => ({ level, responseWorkingDays })),
            ),
          ),
        ),
      penalty: nat(1, 4),
      gap: nat(1, 4),
      rectificationWorkingDays: nat(1, 120),
      rollUpPeriod: fc.constantFrom(...PERIODS),
    })
    .map(({ penalty, gap, ...rest }) => ({
      ...rest,
      penaltyMaxQuality: penalty,
      commendationMinQuality: Math.min(5, penalty + gap),
    }));
  return fc.record({
    time: fc.record({ zone: zoneArb }),
    meetings: fc.record({
      answerDeadlineHoursBeforeStart: nat(0, 720),
      signInOpensMinutesBeforeStart: nat(0, 1440),
      lateGraceMinutes: nat(0, 120),
      leaveEarlyGraceMinutes: nat(0, 120),
      confidentialityAgreementVersion: nat(1, 10_000),
    }),
    minutes: fc.record({ dueWithinWorkingDays: nat(1, 60) }),
    actions,
    rooms,
    kiosk: fc.record({
      idleReturnSeconds: nat(5, 3600),
      defaultLanguage: fc.constantFrom(...LANGUAGES),
    }),
  });
}

/**
 * Patches whose every field is valid on its own (`checkParameterPatch` accepts them); laid over
 * other parameters they may contradict them (a minimum above the maximum).
 */
export function parameterPatchArb(): fc.Arbitrary<ParameterPatch> {
  return fc.tuple(policyParametersArb(), fc.infiniteStream(fc.boolean())).map(([p, coin]) => {
    const patch: Record<string, Record<string, unknown>> = {};
    for (const [group, fields] of Object.entries(p)) {
      const picked = Object.entries(fields as Record<string, unknown>).filter(
        () => coin.next().value === true,
      );
      if (picked.length > 0) patch[group] = Object.fromEntries(picked);
    }
    return patch as ParameterPatch;
  });
}

/** Meeting kinds: the three the policy names and one more regular series. */
export const meetingKindArb: fc.Arbitrary<MeetingKind> = fc.constantFrom(
  ...MEETING_KINDS,
  'training',
);

/** Room ids from a small set, so that scopes meet overrides often. */
export const roomIdArb: fc.Arbitrary<string> = fc.constantFrom('A', 'B', 'C');

/** Overrides of a few rooms and kinds, each a {@link parameterPatchArb}. */
export function parameterOverridesArb(): fc.Arbitrary<ParameterOverrides> {
  return fc.record(
    {
      rooms: fc.dictionary(roomIdArb, parameterPatchArb(), { maxKeys: 3 }),
      kinds: fc.dictionary(meetingKindArb, parameterPatchArb(), { maxKeys: 3 }),
    },
    { requiredKeys: [] },
  );
}

/** Actors from a small cast, with any roles: leadership, room admins, and people with neither. */
export const actorArb: fc.Arbitrary<Actor> = fc.record({
  id: fc.constantFrom('boss', 'admin', 'chair', 'clerk'),
  roles: fc.subarray([...ROLES]),
});
