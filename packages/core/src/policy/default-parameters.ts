import { DEFAULT_ZONE } from '../time/zone.js';
import { deepFreeze } from './freeze.js';
import type { PolicyParameters } from './parameters.js';

/**
 * The policy's parameters with the defaults the rules page (docs/guide/rules.md) gives: version 0,
 * in force until the first announced revision (P-1). Frozen through.
 *
 * @example
 * DEFAULT_PARAMETERS.rooms.maxLengthMinutes // => 240
 * DEFAULT_PARAMETERS.time.zone // => 'Asia/Shanghai'
 */
export const DEFAULT_PARAMETERS: PolicyParameters = deepFreeze({
  time: { zone: DEFAULT_ZONE },
  meetings: {
    answerDeadlineHoursBeforeStart: 24,
    signInOpensMinutesBeforeStart: 15,
    lateGraceMinutes: 0,
    leaveEarlyGraceMinutes: 0,
    confidentialityAgreementVersion: 1,
  },
  minutes: { dueWithinWorkingDays: 1 },
  actions: {
    startWithinWorkingDays: 2,
    progressReportEveryDays: 7,
    escalationLadder: [
      { level: 'chair', responseWorkingDays: 2 },
      { level: 'supervisor', responseWorkingDays: 2 },
      { level: 'leadership', responseWorkingDays: 2 },
    ],
    commendationMinQuality: 4,
    penaltyMaxQuality: 2,
    rectificationWorkingDays: 5,
    rollUpPeriod: 'month',
  },
  rooms: {
    bufferMinutes: 0,
    minLengthMinutes: 15,
    maxLengthMinutes: 240,
    horizonDays: 30,
    lateCancellationMinutes: 60,
    checkInOpensMinutesBeforeStart: 10,
    checkInClosesMinutesAfterStart: 10,
    checkInExemptFromMinutes: 240,
    noShowsInARowToFlag: 2,
    walkUpLengthsMinutes: [15, 30, 60],
    extendLengthsMinutes: [15, 30, 60],
    houseRules: [
      { id: 'no-smoking', text: { 'zh-CN': '严禁吸烟', en: 'No smoking' } },
      { id: 'no-food', text: { 'zh-CN': '严禁进食', en: 'No food' } },
      { id: 'phones-silent', text: { 'zh-CN': '手机调至静音或振动', en: 'Phones on silent' } },
    ],
    equipmentInspectionIntervalDays: 7,
    cleaningIntervalDays: 1,
    billingStepMinutes: 30,
    statementPeriod: 'month',
  },
  kiosk: { idleReturnSeconds: 60, defaultLanguage: 'zh-CN' },
});
