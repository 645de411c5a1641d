import type { Role } from '../people/actor.js';
import type { Message } from '../rejection/rejection.js';
import type { TimeZone } from '../time/zone.js';

/** A reporting period (F-8 roll-ups, R-12 fee statements), on the site's wall calendar (T-1). */
export type Period = 'week' | 'month' | 'quarter' | 'year';

/** Every period, shortest first. */
export const PERIODS: readonly Period[] = Object.freeze(['week', 'month', 'quarter', 'year']);

/** A language the kiosk and the messages speak (K-5): the keys of a {@link Message}. */
export type Language = keyof Message;

/** Every language, the default first. */
export const LANGUAGES: readonly Language[] = Object.freeze(['zh-CN', 'en']);

/** A rung of the escalation ladder (F-4): who answers an escalated problem. */
export type EscalationLevel = Extract<Role, 'chair' | 'supervisor' | 'leadership'>;

/** The rungs in ladder order: an escalation only ever climbs. */
export const ESCALATION_LEVELS: readonly EscalationLevel[] = Object.freeze([
  'chair',
  'supervisor',
  'leadership',
]);

/** One rung of the ladder (F-4) with the time it has to answer before the problem climbs. */
export interface EscalationStep {
  readonly level: EscalationLevel;
  readonly responseWorkingDays: number;
}

/** A house rule shown at the door: a stable id and its text in both languages. */
export interface HouseRule {
  readonly id: string;
  readonly text: Message;
}

/** Time (T-rules). */
export interface TimeParameters {
  /** T-1: the site's IANA zone for wall-clock times. Default `Asia/Shanghai`. */
  readonly zone: TimeZone;
}

/** Meetings (M-rules). */
export interface MeetingParameters {
  /** M-3: invitations must be answered this long before the start. Default 24 h. */
  readonly answerDeadlineHoursBeforeStart: number;
  /** M-5: sign-in opens this long before the start. Default 15 min *(practice)*. */
  readonly signInOpensMinutesBeforeStart: number;
  /** M-6: an arrival up to start + grace is on time. Default 0 min. */
  readonly lateGraceMinutes: number;
  /** M-6: a departure from end − grace on is not leaving early. Default 0 min. */
  readonly leaveEarlyGraceMinutes: number;
  /**
   * the version of the confidentiality agreement (保密协议) in force: a sign-in to a
   * confidential meeting needs this version signed. Default 1.
   */
  readonly confidentialityAgreementVersion: number;
}

/** Minutes (N-rules). */
export interface MinutesParameters {
  /** N-5: minutes are due within this many working days of the meeting's end. Default 1 *(practice)*. */
  readonly dueWithinWorkingDays: number;
}

/** Follow-through (F-rules). */
export interface ActionParameters {
  /** F-1: the owner starts within this many working days of publication. Default 2. */
  readonly startWithinWorkingDays: number;
  /** F-3: the owner reports progress every this many days. Default 7. */
  readonly progressReportEveryDays: number;
  /** F-4: the ladder, in climbing order. Default chair → supervisor → leadership, 2 working days each. */
  readonly escalationLadder: readonly EscalationStep[];
  /** F-7: an on-time action with at least this quality (1–5) earns a commendation. Default 4. */
  readonly commendationMinQuality: number;
  /** F-7: an action with at most this quality (1–5), or a late one, earns a penalty. Default 2. */
  readonly penaltyMaxQuality: number;
  /** F-7: a rectification task is due this many working days after the penalty. Default 5 *(practice)*. */
  readonly rectificationWorkingDays: number;
  /** F-8: the roll-up period for leadership. Default `month`. */
  readonly rollUpPeriod: Period;
}

/** Rooms, their upkeep and fees (R-rules). */
export interface RoomParameters {
  /** free time kept between two bookings of a room. Default 0 min. */
  readonly bufferMinutes: number;
  /** the shortest booking. Default 15 min. */
  readonly minLengthMinutes: number;
  /** the longest booking. Default 240 min (4 h). */
  readonly maxLengthMinutes: number;
  /** how far ahead a booking may start. Default 30 days. */
  readonly horizonDays: number;
  /** a cancellation less than this before the start is late. Default 60 min. */
  readonly lateCancellationMinutes: number;
  /** check-in opens this long before the start. Default 10 min *(practice)*. */
  readonly checkInOpensMinutesBeforeStart: number;
  /** check-in closes (and a no-show is released) this long after the start. Default 10 min *(practice)*. */
  readonly checkInClosesMinutesAfterStart: number;
  /** bookings this long or longer need no check-in. Default 240 min *(practice)*. */
  readonly checkInExemptFromMinutes: number;
  /** a series with this many no-shows in a row is flagged. Default 2 *(practice)*. */
  readonly noShowsInARowToFlag: number;
  /** the walk-up lengths offered at the door, ascending. Default 15 / 30 / 60 min. */
  readonly walkUpLengthsMinutes: readonly number[];
  /** the extensions offered to a meeting in progress, ascending. Default 15 / 30 / 60 min. */
  readonly extendLengthsMinutes: readonly number[];
  /** the house rules shown at the door. Default no smoking, no food, phones silent. */
  readonly houseRules: readonly HouseRule[];
  /** each equipment item is inspected every this many days. Default 7. */
  readonly equipmentInspectionIntervalDays: number;
  /** each room is cleaned every this many days. Default 1 (daily). */
  readonly cleaningIntervalDays: number;
  /** a charge is rounded up to this step. Default 30 min. */
  readonly billingStepMinutes: number;
  /** the public fee statement's period. Default `month`. */
  readonly statementPeriod: Period;
}

/** The door kiosk (K-rules). */
export interface KioskParameters {
  /** K-4: back to the home screen after this long without a touch. Default 60 s. */
  readonly idleReturnSeconds: number;
  /** K-5: the language the kiosk starts in. Default `zh-CN`. */
  readonly defaultLanguage: Language;
}

/**
 * Every policy parameter of the rules (P-1), grouped by its chapter, each named with its unit.
 * A complete value is what a policy version holds site-wide; {@link ParameterPatch} changes part.
 */
export interface PolicyParameters {
  readonly time: TimeParameters;
  readonly meetings: MeetingParameters;
  readonly minutes: MinutesParameters;
  readonly actions: ActionParameters;
  readonly rooms: RoomParameters;
  readonly kiosk: KioskParameters;
}

/** A group of parameters: `'rooms'`, `'actions'` … */
export type ParameterGroup = keyof PolicyParameters;

/** Part of the parameters (P-3): any fields of any groups. Lists are replaced whole, never merged. */
export type ParameterPatch = {
  readonly [G in ParameterGroup]?: Partial<PolicyParameters[G]>;
};
