import { MINUTES_NOTICE_KINDS, type NoticeIssued } from '../meetings/notice.js';
import type { Instant } from '../time/instant.js';
import type { MeetingFacts } from './meeting-facts.js';
import type { MinutesContent } from './minutes.js';

/** The recorder drafted version 1 (N-1). */
export interface MinutesDrafted {
  readonly type: 'MinutesDrafted';
  readonly meetingId: string;
  readonly facts: MeetingFacts;
  readonly due: Instant;
  readonly content: MinutesContent;
  readonly by: string;
  readonly at: Instant;
}
/** The recorder changed the working version (N-1). */
export interface MinutesEdited {
  readonly type: 'MinutesEdited';
  readonly meetingId: string;
  readonly version: number;
  readonly content: MinutesContent;
  readonly by: string;
  readonly at: Instant;
}
/** The working version went to the chair (N-2). */
export interface MinutesSubmitted {
  readonly type: 'MinutesSubmitted';
  readonly meetingId: string;
  readonly version: number;
  readonly by: string;
  readonly at: Instant;
}
/** The chair returned the working version with comments (N-2). */
export interface MinutesReturned {
  readonly type: 'MinutesReturned';
  readonly meetingId: string;
  readonly version: number;
  readonly comments: string;
  readonly by: string;
  readonly at: Instant;
}
/** The chair approved the working version (N-2). */
export interface MinutesApproved {
  readonly type: 'MinutesApproved';
  readonly meetingId: string;
  readonly version: number;
  readonly by: string;
  readonly at: Instant;
}
/** A version was published (N-3); `late` tells whether version 1 came after its due date (N-5). */
export interface MinutesPublished {
  readonly type: 'MinutesPublished';
  readonly meetingId: string;
  readonly version: number;
  readonly late: boolean;
  readonly by: string;
  readonly at: Instant;
}
/** Someone read a published version (N-3). */
export interface MinutesRead {
  readonly type: 'MinutesRead';
  readonly meetingId: string;
  readonly version: number;
  readonly personId: string;
  readonly at: Instant;
}
/** An amendment of published minutes was started as a new version (N-4). */
export interface MinutesAmended {
  readonly type: 'MinutesAmended';
  readonly meetingId: string;
  readonly version: number;
  readonly reason: string;
  readonly content: MinutesContent;
  readonly by: string;
  readonly at: Instant;
}
/**
 * The minutes were not published by their due date (N-5). `facts` come along when nothing was
 * drafted yet, so the minutes are known from here on.
 */
export interface MinutesFlaggedLate {
  readonly type: 'MinutesFlaggedLate';
  readonly meetingId: string;
  readonly due: Instant;
  readonly at: Instant;
  readonly facts?: MeetingFacts;
}

/** Every event of the minutes context; each belongs to the stream `minutes:<meetingId>`. */
export type MinutesEvent =
  | MinutesDrafted
  | MinutesEdited
  | MinutesSubmitted
  | MinutesReturned
  | MinutesApproved
  | MinutesPublished
  | MinutesRead
  | MinutesAmended
  | MinutesFlaggedLate
  | NoticeIssued;

/**
 * The stream an event of this context belongs to.
 *
 * @param e - the event
 * @returns `minutes:<meetingId>`
 * @example
 * minutesStreamOf({ type: 'MinutesApproved', meetingId: 'm1', version: 1, by: 'li', at: 0 }) // => 'minutes:m1'
 */
export function minutesStreamOf(e: MinutesEvent): string {
  return `minutes:${e.meetingId}`;
}

/** Every event type of the minutes context, for routing and projections. */
export const MINUTES_EVENT_TYPES = [
  'MinutesDrafted',
  'MinutesEdited',
  'MinutesSubmitted',
  'MinutesReturned',
  'MinutesApproved',
  'MinutesPublished',
  'MinutesRead',
  'MinutesAmended',
  'MinutesFlaggedLate',
  'NoticeIssued',
] as const satisfies readonly MinutesEvent['type'][];

// A new minutes event type that is missing above fails to compile here.
type Missing = Exclude<MinutesEvent['type'], (typeof MINUTES_EVENT_TYPES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

const minutesTypes: ReadonlySet<string> = new Set(MINUTES_EVENT_TYPES);
const minutesKinds: ReadonlySet<string> = new Set(MINUTES_NOTICE_KINDS);

/**
 * Whether an event belongs to the minutes context. A `NoticeIssued` does when its notice is one
 * the minutes decider issues ({@link MINUTES_NOTICE_KINDS}: a reminder, published minutes, an
 * absentee's notice).
 *
 * @param e - any event with a type
 * @returns true for the minutes context's events
 * @example
 * isMinutesEvent({ type: 'MinutesApproved', meetingId: 'm1', version: 1, by: 'li', at: 0 }) // => true
 */
export function isMinutesEvent(e: { readonly type: string }): e is MinutesEvent {
  if (!minutesTypes.has(e.type)) return false;
  return e.type !== 'NoticeIssued' || minutesKinds.has((e as NoticeIssued).notice.kind);
}
