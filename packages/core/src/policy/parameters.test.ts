import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { DEFAULT_PARAMETERS } from './default-parameters.js';
import { checkParameterPatch, checkParameters } from './check-parameters.js';
import { PARAMETER_SCHEMA } from './parameter-schema.js';
import type { PolicyParameters } from './parameters.js';
import { parameterPatchArb, policyParametersArb } from '../testing/policy-arbitraries.js';

const D = DEFAULT_PARAMETERS;

/** DEFAULT_PARAMETERS with one field replaced by anything. */
function withField(group: string, field: string, value: unknown): unknown {
  const g = (D as unknown as Record<string, Record<string, unknown>>)[group];
  return { ...D, [group]: { ...g, [field]: value } };
}

describe('the defaults are the rules’ defaults', () => {
  it('T-1: the site zone is Asia/Shanghai', () => expect(D.time.zone).toBe('Asia/Shanghai'));
  it('M-3: invitations are answered 24 h before the start', () =>
    expect(D.meetings.answerDeadlineHoursBeforeStart).toBe(24));
  it('M-5: sign-in opens 15 min before the start', () =>
    expect(D.meetings.signInOpensMinutesBeforeStart).toBe(15));
  it('M-6: late and leave-early graces are 0 min', () => {
    expect(D.meetings.lateGraceMinutes).toBe(0);
    expect(D.meetings.leaveEarlyGraceMinutes).toBe(0);
  });
  it('R-8: the confidentiality agreement in force is version 1', () =>
    expect(D.meetings.confidentialityAgreementVersion).toBe(1));
  it('N-5: minutes are due within 1 working day', () =>
    expect(D.minutes.dueWithinWorkingDays).toBe(1));
  it('F-1: the owner starts within 2 working days', () =>
    expect(D.actions.startWithinWorkingDays).toBe(2));
  it('F-3: progress is reported every 7 days', () =>
    expect(D.actions.progressReportEveryDays).toBe(7));
  it('F-4: the ladder is chair → supervisor → leadership, 2 working days each', () =>
    expect(D.actions.escalationLadder).toEqual([
      { level: 'chair', responseWorkingDays: 2 },
      { level: 'supervisor', responseWorkingDays: 2 },
      { level: 'leadership', responseWorkingDays: 2 },
    ]));
  it('F-7: commendation from quality 4, penalty up to quality 2, rectification in 5 working days', () => {
    expect(D.actions.commendationMinQuality).toBe(4);
    expect(D.actions.penaltyMaxQuality).toBe(2);
    expect(D.actions.rectificationWorkingDays).toBe(5);
  });
  it('F-8: the roll-up is monthly', () => expect(D.actions.rollUpPeriod).toBe('month'));
  it('R-2: buffer 0 min, length 15 min to 4 h, horizon 30 days', () => {
    expect(D.rooms.bufferMinutes).toBe(0);
    expect(D.rooms.minLengthMinutes).toBe(15);
    expect(D.rooms.maxLengthMinutes).toBe(240);
    expect(D.rooms.horizonDays).toBe(30);
  });
  it('R-3: a cancellation less than 60 min before the start is late', () =>
    expect(D.rooms.lateCancellationMinutes).toBe(60));
  it('R-4: check-in from 10 min before to 10 min after, 4 h bookings exempt, 2 no-shows flag a series', () => {
    expect(D.rooms.checkInOpensMinutesBeforeStart).toBe(10);
    expect(D.rooms.checkInClosesMinutesAfterStart).toBe(10);
    expect(D.rooms.checkInExemptFromMinutes).toBe(240);
    expect(D.rooms.noShowsInARowToFlag).toBe(2);
  });
  it('R-5: walk-up and extension offer 15 / 30 / 60 min', () => {
    expect(D.rooms.walkUpLengthsMinutes).toEqual([15, 30, 60]);
    expect(D.rooms.extendLengthsMinutes).toEqual([15, 30, 60]);
  });
  it('R-6: the house rules are no smoking, no food, phones silent, in both languages', () => {
    expect(D.rooms.houseRules.map((r) => r.id)).toEqual(['no-smoking', 'no-food', 'phones-silent']);
    expect(D.rooms.houseRules[0]?.text).toEqual({ 'zh-CN': '严禁吸烟', en: 'No smoking' });
  });
  it('R-7: equipment is inspected every 7 days', () =>
    expect(D.rooms.equipmentInspectionIntervalDays).toBe(7));
  it('R-9: rooms are cleaned daily', () => expect(D.rooms.cleaningIntervalDays).toBe(1));
  it('R-10: the billing step is 30 min', () => expect(D.rooms.billingStepMinutes).toBe(30));
  it('R-12: the fee statement is monthly', () => expect(D.rooms.statementPeriod).toBe('month'));
  it('K-4: the kiosk goes home after 60 s idle', () => expect(D.kiosk.idleReturnSeconds).toBe(60));
  it('K-5: the kiosk speaks Simplified Chinese by default', () =>
    expect(D.kiosk.defaultLanguage).toBe('zh-CN'));
  it('P-1: the defaults are frozen through', () => {
    expect(Object.isFrozen(D)).toBe(true);
    expect(Object.isFrozen(D.rooms.walkUpLengthsMinutes)).toBe(true);
    expect(Object.isFrozen(D.rooms.houseRules[0]?.text)).toBe(true);
  });
  it('P-1: the schema covers every default and nothing else', () => {
    for (const [group, fields] of Object.entries(D)) {
      expect(Object.keys(fields).sort()).toEqual(
        Object.keys(PARAMETER_SCHEMA[group as keyof PolicyParameters]).sort(),
      );
    }
  });
});

describe('checkParameters (P-1)', () => {
  it('P-1: accepts the defaults and returns an equal frozen copy', () => {
    const r = checkParameters(D);
    expect(r).toEqual({ ok: true, value: D });
    if (r.ok) expect(Object.isFrozen(r.value.rooms)).toBe(true);
  });

  it.each([
    ['rooms', 'maxLengthMinutes', 0],
    ['rooms', 'maxLengthMinutes', 15.5],
    ['rooms', 'bufferMinutes', -5],
    ['rooms', 'billingStepMinutes', '30'],
    ['meetings', 'lateGraceMinutes', 600],
    ['time', 'zone', 'Mars/Olympus'],
    ['actions', 'rollUpPeriod', 'fortnight'],
    ['actions', 'commendationMinQuality', 6],
    ['actions', 'escalationLadder', []],
    [
      'actions',
      'escalationLadder',
      [
        { level: 'leadership', responseWorkingDays: 2 },
        { level: 'chair', responseWorkingDays: 2 },
      ],
    ],
    ['actions', 'escalationLadder', [{ level: 'chair', responseWorkingDays: 0 }]],
    ['rooms', 'walkUpLengthsMinutes', []],
    ['rooms', 'walkUpLengthsMinutes', [30, 15]],
    ['rooms', 'extendLengthsMinutes', [15, 15]],
    ['rooms', 'extendLengthsMinutes', [0, 15]],
    ['rooms', 'houseRules', [{ id: 'x', text: { 'zh-CN': '禁止' } }]],
    [
      'rooms',
      'houseRules',
      [
        { id: 'x', text: { 'zh-CN': 'a', en: 'a' } },
        { id: 'x', text: { 'zh-CN': 'b', en: 'b' } },
      ],
    ],
    ['kiosk', 'defaultLanguage', 'fr'],
    ['kiosk', 'idleReturnSeconds', 0],
  ])('P-1: rejects %s.%s = %j, naming its path', (group, field, value) => {
    const r = checkParameters(withField(group, field, value));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rejection).toMatchObject({
      rule: 'P-1',
      code: 'policy.parameter-invalid',
      data: { path: `${group}.${field}` },
    });
    expect(r.rejection.message['zh-CN']).toContain(`${group}.${field}`);
    expect(r.rejection.message.en).toContain(`${group}.${field}`);
  });

  it('P-1: rejects a missing parameter and an unknown one', () => {
    const noKiosk: Record<string, unknown> = { ...D };
    delete noKiosk.kiosk;
    expect(checkParameters(noKiosk)).toMatchObject({
      ok: false,
      rejection: { code: 'policy.parameter-missing', data: { path: 'kiosk' } },
    });
    expect(checkParameters(withField('rooms', 'maxLenght', 300))).toMatchObject({
      ok: false,
      rejection: { code: 'policy.parameter-unknown', data: { path: 'rooms.maxLenght' } },
    });
  });

  it('P-1: rejects parameters that contradict each other', () => {
    const cases: [unknown, string][] = [
      [withField('rooms', 'minLengthMinutes', 300), 'rooms.minLengthMinutes'],
      [withField('rooms', 'walkUpLengthsMinutes', [15, 300]), 'rooms.walkUpLengthsMinutes'],
      [withField('actions', 'penaltyMaxQuality', 4), 'actions.penaltyMaxQuality'],
    ];
    for (const [value, path] of cases) {
      expect(checkParameters(value)).toMatchObject({
        ok: false,
        rejection: { rule: 'P-1', code: 'policy.parameters-inconsistent', data: { path } },
      });
    }
  });

  it('P-1: a field named like an Object.prototype member is unknown, not inherited', () => {
    expect(checkParameters({ ...D, toString: {} })).toMatchObject({
      ok: false,
      rejection: { code: 'policy.parameter-unknown' },
    });
    expect(checkParameterPatch(JSON.parse('{"__proto__": {"x": 1}}'))).toMatchObject({ ok: false });
  });

  test.prop([policyParametersArb()])(
    'P-1: every generated valid parameter set is accepted as is',
    (p) => {
      expect(checkParameters(p)).toEqual({ ok: true, value: p });
    },
  );

  test.prop([fc.anything()])('P-1: arbitrary values never throw', (value) => {
    expect(typeof checkParameters(value).ok).toBe('boolean');
    expect(typeof checkParameterPatch(value).ok).toBe('boolean');
  });

  test.prop([fc.json()])('P-1: arbitrary JSON never throws', (json) => {
    const value: unknown = JSON.parse(json);
    expect(typeof checkParameters(value).ok).toBe('boolean');
    expect(typeof checkParameterPatch(value).ok).toBe('boolean');
  });

  test.prop([fc.constantFrom(...Object.keys(D)), fc.anything()])(
    'P-1: a default set with one group replaced by anything never throws, and a rejection names a path under it',
    (group, value) => {
      const r = checkParameters({ ...D, [group]: value });
      if (!r.ok) expect(String(r.rejection.data.path)).toMatch(new RegExp(`^${group}`));
    },
  );
});

describe('checkParameterPatch (P-3)', () => {
  it('P-3: accepts an empty patch and a partial one', () => {
    expect(checkParameterPatch({})).toEqual({ ok: true, value: {} });
    expect(checkParameterPatch({ rooms: { maxLengthMinutes: 480 } })).toEqual({
      ok: true,
      value: { rooms: { maxLengthMinutes: 480 } },
    });
  });

  it('P-3: rejects an invalid field with its path, and an unknown group', () => {
    expect(checkParameterPatch({ rooms: { maxLengthMinutes: -1 } })).toMatchObject({
      ok: false,
      rejection: {
        rule: 'P-1',
        code: 'policy.parameter-invalid',
        data: { path: 'rooms.maxLengthMinutes' },
      },
    });
    expect(checkParameterPatch({ floors: {} })).toMatchObject({
      ok: false,
      rejection: { code: 'policy.parameter-unknown', data: { path: 'floors' } },
    });
  });

  test.prop([parameterPatchArb()])('P-3: every generated patch is accepted as is', (patch) => {
    expect(checkParameterPatch(patch)).toEqual({ ok: true, value: patch });
  });
});
