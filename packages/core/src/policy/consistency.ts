import { fail, ok, type Result } from '../rejection/rejection.js';
import type { PolicyParameters } from './parameters.js';
import { parametersInconsistent } from './parameter-rejections.js';

/**
 * Checks that parameters, each valid on its own, agree with each other (P-1): the minimum booking
 * length is at most the maximum, every walk-up length lies between them, and a penalty's
 * quality bound is below a commendation's (F-7).
 *
 * @param p - complete parameters whose fields are each valid
 * @param scope - where they apply (a room, a meeting kind), for the rejection's data
 * @returns the same parameters, or the contradiction
 * @example
 * checkConsistency(DEFAULT_PARAMETERS).ok // => true
 */
export function checkConsistency(
  p: PolicyParameters,
  scope: Readonly<Record<string, string>> = {},
): Result<PolicyParameters> {
  const { minLengthMinutes: min, maxLengthMinutes: max, walkUpLengthsMinutes } = p.rooms;
  if (min > max) {
    return fail(
      parametersInconsistent(
        'rooms.minLengthMinutes',
        {
          'zh-CN': '最短预订时长大于最长时长',
          en: 'the shortest booking is longer than the longest',
        },
        { ...scope, minLengthMinutes: min, maxLengthMinutes: max },
      ),
    );
  }
  const stray = walkUpLengthsMinutes.find((length) => length < min || length > max);
  if (stray !== undefined) {
    return fail(
      parametersInconsistent(
        'rooms.walkUpLengthsMinutes',
        {
          'zh-CN': `即时预订时长 ${stray} 分钟不在 ${min} 至 ${max} 分钟之间`,
          en: `a walk-up of ${stray} min lies outside ${min}–${max} min`,
        },
        { ...scope, walkUpMinutes: stray, minLengthMinutes: min, maxLengthMinutes: max },
      ),
    );
  }
  const { penaltyMaxQuality: penalty, commendationMinQuality: commendation } = p.actions;
  if (penalty >= commendation) {
    return fail(
      parametersInconsistent(
        'actions.penaltyMaxQuality',
        {
          'zh-CN': '处罚的质量上限须低于表彰的质量下限',
          en: 'the quality that earns a penalty must be below the one that earns a commendation',
        },
        { ...scope, penaltyMaxQuality: penalty, commendationMinQuality: commendation },
      ),
    );
  }
  return ok(p);
}
