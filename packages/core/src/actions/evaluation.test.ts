import { describe, expect, it } from 'vitest';
import { untyped } from '../testing/untyped.js';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyParameters } from '../policy/parameters.js';
import { evaluationInputArb, followUpInstantArb } from '../testing/action-arbitraries.js';
import { policyParametersArb } from '../testing/policy-arbitraries.js';
import { createActionDecider } from './action-decider.js';
import { evaluate } from './evaluation.js';
import {
  acmd,
  actionHistory,
  aevents,
  at,
  chen,
  DUE,
  leader,
  li,
  openFrom,
  PUBLISHED_AT,
  publishedMinutes,
} from './fixtures.test-helpers.js';

const actions = DEFAULT_PARAMETERS.actions;

describe('F-6, F-7: the evaluation', () => {
  it('F-7: on time with 4 or 5 earns a commendation; 3 neither; 2 or less a penalty', () => {
    const on = (quality: number) => evaluate({ due: 100, completedAt: 100, quality }, actions);
    expect([1, 2, 3, 4, 5].map((q) => on(q).verdict)).toEqual([
      'penalty',
      'penalty',
      'none',
      'commendation',
      'commendation',
    ]);
  });

  it('F-6: late by how much; F-7: late earns a penalty whatever the quality', () => {
    expect(evaluate({ due: 100, completedAt: 160, quality: 5 }, actions)).toEqual({
      due: 100,
      completedAt: 160,
      quality: 5,
      onTime: false,
      lateBy: 60,
      verdict: 'penalty',
    });
  });

  test.prop([evaluationInputArb(), policyParametersArb()])(
    'F-6, F-7: the evaluation is the rule restated, for any policy',
    (input, p) => {
      const e = evaluate(input, p.actions);
      const onTime = input.completedAt <= input.due;
      expect(e.onTime).toBe(onTime);
      expect(e.lateBy).toBe(Math.max(0, input.completedAt - input.due));
      expect(e.verdict === 'commendation').toBe(
        onTime && input.quality >= p.actions.commendationMinQuality,
      );
      expect(e.verdict === 'penalty').toBe(!onTime || input.quality <= p.actions.penaltyMaxQuality);
      expect({ due: e.due, completedAt: e.completedAt, quality: e.quality }).toEqual(input);
    },
  );

  const MINUTES = publishedMinutes();
  const noise = fc.array(
    fc.record({
      kind: fc.constantFrom('progress', 'escalate-answer'),
      at: fc.integer({ min: 0, max: 30 }),
    }),
    { maxLength: 3 },
  );

  test.prop(
    [
      fc.integer({ min: -3 * 24, max: 3 * 24 }),
      fc.integer({ min: 1, max: 5 }),
      noise,
      policyParametersArb(),
      followUpInstantArb(DUE, 10),
      fc.integer({ min: 0, max: 20 * 24 }),
    ],
    { numRuns: 60 },
  )(
    'F-6: through the decider, the evaluation is a function of the due date, the completion and the quality under the policy in force at its now',
    (lateHours, quality, extra, revised, evaluatedAt, switchHours) => {
      const switchAt = PUBLISHED_AT + switchHours * 3_600_000;
      const policy = (now: number): PolicyParameters =>
        now < switchAt ? DEFAULT_PARAMETERS : revised;
      const decider = untyped(createActionDecider(policy));
      const completed = DUE + lateHours * 3_600_000;
      const noiseCommands = extra.flatMap(({ kind, at: h }, i) => {
        const now = at(3, 10) + h * 60_000 + i;
        return kind === 'progress'
          ? [acmd('ReportProgress', li, now, { text: `第 ${i} 次` })]
          : [
              acmd('EscalateProblem', li, now, { problem: `问题 ${i}` }),
              acmd('AnswerEscalation', leader, now + 1, { response: '已处理' }),
            ];
      });
      const { state } = actionHistory(
        decider,
        openFrom(MINUTES),
        acmd('StartAction', li, at(3, 9)),
        ...noiseCommands,
        acmd('SubmitCompletionReport', li, completed, { result: '完成' }),
      );
      const es = aevents(
        decider.decide(acmd('EvaluateAction', chen, evaluatedAt, { quality }), state),
      );
      const ev = es[0]?.type === 'ActionEvaluated' ? es[0].evaluation : undefined;
      const expected = evaluate(
        { due: DUE, completedAt: completed, quality },
        policy(evaluatedAt).actions,
      );
      expect(ev).toMatchObject(expected);
      expect(es.some((e) => e.type === 'LedgerEntryRecorded')).toBe(expected.verdict !== 'none');
    },
  );
});
