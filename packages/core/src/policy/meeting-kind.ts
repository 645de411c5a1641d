/**
 * A kind of meeting (M-1), for per-kind parameters (P-3): the weekly review (周例会), the monthly
 * review (月度总结会), an ad-hoc meeting (临时会议), or the name of another regular series.
 */
export type MeetingKind = 'weekly-review' | 'monthly-review' | 'ad-hoc' | (string & {});

/** The kinds the policy names (C1-4). */
export const MEETING_KINDS: readonly MeetingKind[] = Object.freeze([
  'weekly-review',
  'monthly-review',
  'ad-hoc',
]);
