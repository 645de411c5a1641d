import type { ActionParameters } from '../policy/parameters.js';
import type { Duration, Instant } from '../time/instant.js';

/**
 * What an evaluation earns (F-7): a commendation, a penalty (with a rectification task), or
 * neither.
 */
export type Verdict = 'commendation' | 'penalty' | 'none';

/** Every verdict. */
export const VERDICTS: readonly Verdict[] = Object.freeze(['commendation', 'penalty', 'none']);

/** What the chair's evaluation is judged from (F-6): the deadline, the completion, the quality. */
export interface EvaluationInput {
  /** The deadline the work was held to: the due date, or the rectification deadline of a rework. */
  readonly due: Instant;
  /** When the completion report was submitted. */
  readonly completedAt: Instant;
  /** The chair's score, 1 (poor) to 5 (excellent). */
  readonly quality: number;
}

/** The chair's evaluation of done work (F-6) and what it earns (F-7). */
export interface Evaluation extends EvaluationInput {
  readonly onTime: boolean;
  /** How long after the deadline it was completed; 0 when on time. */
  readonly lateBy: Duration;
  readonly verdict: Verdict;
}

/** The parameters an evaluation is judged by (F-7). */
export type EvaluationParameters = Pick<
  ActionParameters,
  'commendationMinQuality' | 'penaltyMaxQuality'
>;

/**
 * Evaluates done work (F-6, F-7): on time when completed by the deadline (late by how much
 * otherwise); on time with quality ≥ `commendationMinQuality` earns a commendation; late, or
 * quality ≤ `penaltyMaxQuality`, earns a penalty; anything else neither. A function of the
 * deadline, the completion, the quality and the policy in force, and of nothing else.
 *
 * @param input - the deadline, the completion instant and the quality (1–5)
 * @param params - the policy's quality bounds
 * @returns the evaluation
 * @example
 * evaluate({ due: 1000, completedAt: 900, quality: 4 }, DEFAULT_PARAMETERS.actions)
 * // => { due: 1000, completedAt: 900, quality: 4, onTime: true, lateBy: 0, verdict: 'commendation' }
 * evaluate({ due: 1000, completedAt: 1600, quality: 5 }, DEFAULT_PARAMETERS.actions).verdict // => 'penalty'
 */
export function evaluate(input: EvaluationInput, params: EvaluationParameters): Evaluation {
  const { due, completedAt, quality } = input;
  const onTime = completedAt <= due;
  const verdict: Verdict =
    !onTime || quality <= params.penaltyMaxQuality
      ? 'penalty'
      : quality >= params.commendationMinQuality
        ? 'commendation'
        : 'none';
  return { due, completedAt, quality, onTime, lateBy: onTime ? 0 : completedAt - due, verdict };
}
