import type { Message } from '../rejection/rejection.js';
import {
  ESCALATION_LEVELS,
  LANGUAGES,
  PERIODS,
  type ParameterGroup,
  type PolicyParameters,
} from './parameters.js';

/** What one parameter may hold. */
export type FieldSpec =
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'zone' }
  | { readonly kind: 'choice'; readonly values: readonly string[] }
  | { readonly kind: 'lengths'; readonly max: number }
  | { readonly kind: 'ladder' }
  | { readonly kind: 'house-rules' };

/** A spec for every field of every group: the compiler keeps it complete. */
export type ParameterSchema = {
  readonly [G in ParameterGroup]: { readonly [K in keyof PolicyParameters[G]]-?: FieldSpec };
};

const int = (min: number, max: number): FieldSpec => ({ kind: 'integer', min, max });

/**
 * The range of every parameter (P-1): wide enough for any site, narrow enough to catch a slip
 * (a grace of 600 minutes, a zero-minute billing step).
 *
 * @example
 * PARAMETER_SCHEMA.rooms.maxLengthMinutes // => { kind: 'integer', min: 1, max: 1440 }
 */
export const PARAMETER_SCHEMA: ParameterSchema = {
  time: { zone: { kind: 'zone' } },
  meetings: {
    answerDeadlineHoursBeforeStart: int(0, 720),
    signInOpensMinutesBeforeStart: int(0, 1440),
    lateGraceMinutes: int(0, 120),
    leaveEarlyGraceMinutes: int(0, 120),
    confidentialityAgreementVersion: int(1, 10_000),
  },
  minutes: { dueWithinWorkingDays: int(1, 60) },
  actions: {
    startWithinWorkingDays: int(0, 60),
    progressReportEveryDays: int(1, 365),
    escalationLadder: { kind: 'ladder' },
    commendationMinQuality: int(1, 5),
    penaltyMaxQuality: int(1, 5),
    rectificationWorkingDays: int(1, 120),
    rollUpPeriod: { kind: 'choice', values: PERIODS },
  },
  rooms: {
    bufferMinutes: int(0, 240),
    minLengthMinutes: int(1, 1440),
    maxLengthMinutes: int(1, 1440),
    horizonDays: int(1, 730),
    lateCancellationMinutes: int(0, 10080),
    checkInOpensMinutesBeforeStart: int(0, 240),
    checkInClosesMinutesAfterStart: int(1, 240),
    checkInExemptFromMinutes: int(1, 10080),
    noShowsInARowToFlag: int(1, 100),
    walkUpLengthsMinutes: { kind: 'lengths', max: 1440 },
    extendLengthsMinutes: { kind: 'lengths', max: 1440 },
    houseRules: { kind: 'house-rules' },
    equipmentInspectionIntervalDays: int(1, 366),
    cleaningIntervalDays: int(1, 366),
    billingStepMinutes: int(1, 1440),
    statementPeriod: { kind: 'choice', values: PERIODS },
  },
  kiosk: {
    idleReturnSeconds: int(5, 3600),
    defaultLanguage: { kind: 'choice', values: LANGUAGES },
  },
};

/** The most entries a list parameter may have. */
export const MAX_LIST_LENGTH = 50;
/** The longest id or text a parameter may hold. */
export const MAX_TEXT_LENGTH = 500;

/**
 * What a spec expects, in words, for a message.
 *
 * @param spec - the spec
 * @returns the expectation in both languages
 * @example
 * expectation({ kind: 'integer', min: 0, max: 120 }).en // => 'an integer from 0 to 120'
 */
export function expectation(spec: FieldSpec): Message {
  switch (spec.kind) {
    case 'integer':
      return {
        'zh-CN': `${spec.min} 至 ${spec.max} 之间的整数`,
        en: `an integer from ${spec.min} to ${spec.max}`,
      };
    case 'zone':
      return { 'zh-CN': '已知的 IANA 时区名', en: 'a known IANA time zone name' };
    case 'choice':
      return {
        'zh-CN': `以下之一：${spec.values.join('、')}`,
        en: `one of ${spec.values.join(', ')}`,
      };
    case 'lengths':
      return {
        'zh-CN': `非空、升序、不重复的分钟数列表（1 至 ${spec.max}，最多 ${MAX_LIST_LENGTH} 项）`,
        en: `a non-empty ascending list of distinct minutes from 1 to ${spec.max} (at most ${MAX_LIST_LENGTH})`,
      };
    case 'ladder':
      return {
        'zh-CN': `非空的升级阶梯，按 ${ESCALATION_LEVELS.join(' → ')} 顺序且不重复，每级答复时限 1 至 60 个工作日`,
        en: `a non-empty ladder in the order ${ESCALATION_LEVELS.join(' → ')} without repeats, each answering within 1 to 60 working days`,
      };
    case 'house-rules':
      return {
        'zh-CN': `最多 ${MAX_LIST_LENGTH} 条守则，每条有不重复的 id 及中英文文字`,
        en: `at most ${MAX_LIST_LENGTH} rules, each with a distinct id and text in zh-CN and en`,
      };
    default: {
      const unknown: never = spec;
      return unknown;
    }
  }
}
