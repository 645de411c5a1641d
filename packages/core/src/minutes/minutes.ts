import type { AttendanceReport } from '../meetings/attendance.js';
import type { OutcomeKind, Urgency } from '../meetings/outcome.js';
import type { Instant } from '../time/instant.js';
import type { MeetingFacts } from './meeting-facts.js';

/**
 * Where a version of the minutes stands (N-2): `draft` → `submitted` → `returned` (with the
 * chair's comments, then submitted again) or `approved` → `published`.
 */
export type MinutesStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';

/** Every status, in the order a version lives through them. */
export const MINUTES_STATUSES: readonly MinutesStatus[] = Object.freeze([
  'draft',
  'submitted',
  'returned',
  'approved',
  'published',
]);

/** The moves N-2 allows, from each status. */
export const MINUTES_TRANSITIONS: Readonly<Record<MinutesStatus, readonly MinutesStatus[]>> =
  Object.freeze({
    draft: ['submitted'],
    submitted: ['returned', 'approved'],
    returned: ['submitted'],
    approved: ['published'],
    published: [],
  });

/**
 * Whether N-2 lets a version of the minutes move from one status to another.
 *
 * @param from - the status it has
 * @param to - the status asked for
 * @returns true for an allowed move
 * @example
 * canMoveMinutes('submitted', 'approved') // => true
 * canMoveMinutes('published', 'draft') // => false
 */
export function canMoveMinutes(from: MinutesStatus, to: MinutesStatus): boolean {
  return MINUTES_TRANSITIONS[from].includes(to);
}

/**
 * The work an item of the minutes asks for (M-8). While drafting, owner and due date may still be
 * open; the minutes cannot be submitted until each has both (N-2).
 */
export interface MinutesWork {
  readonly ownerId?: string;
  readonly due?: Instant;
  /** Default `normal`. */
  readonly urgency: Urgency;
  readonly collaborators: readonly string[];
}

/** An item of the minutes (N-1): an outcome of an agenda item, with the work it asks for. */
export interface MinutesItem {
  readonly id: string;
  readonly agendaItemId: string;
  readonly kind: OutcomeKind;
  readonly text: string;
  readonly work?: MinutesWork;
}

/** The notes the recorder took on one agenda item (N-1). */
export interface ItemNote {
  readonly agendaItemId: string;
  readonly text: string;
}

/** What a version of the minutes says (N-1). */
export interface MinutesContent {
  /** Filled in from the sign-in log (M-6), never typed. */
  readonly attendance: AttendanceReport;
  readonly notes: readonly ItemNote[];
  readonly items: readonly MinutesItem[];
  readonly summary?: string;
}

/** A comment the chair returned the minutes with (N-2). */
export interface ReviewComment {
  readonly by: string;
  readonly at: Instant;
  readonly text: string;
}

/** One version of the minutes: the first, or an amendment (N-4). Once published it never changes. */
export interface MinutesVersion {
  readonly version: number;
  readonly status: MinutesStatus;
  readonly content: MinutesContent;
  /** Why this amendment was made; absent on version 1. */
  readonly amendmentReason?: string;
  readonly comments: readonly ReviewComment[];
  readonly draftedBy: string;
  readonly draftedAt: Instant;
  readonly submittedAt?: Instant;
  readonly approvedBy?: string;
  readonly approvedAt?: Instant;
  readonly publishedBy?: string;
  readonly publishedAt?: Instant;
}

/** A meeting's minutes, every version of them, who read which, and their lateness (N-1 – N-5). */
export interface Minutes {
  readonly meetingId: string;
  /** What the minutes were drafted from. */
  readonly facts: MeetingFacts;
  /** N-5: due by this instant, `minutes.dueWithinWorkingDays` working days after the meeting's end. */
  readonly due: Instant;
  /** Version 1 first; all but the last are published, and the last may be in any status. */
  readonly versions: readonly MinutesVersion[];
  /** When the minutes were flagged late (N-5). */
  readonly lateFlaggedAt?: Instant;
  /** Per published version, who read it and when (N-3). */
  readonly receipts: ReadonlyMap<number, ReadonlyMap<string, Instant>>;
  /** How many notices of each kind each person was sent: `kind:personId` → count. */
  readonly noticeCounts: ReadonlyMap<string, number>;
}

/**
 * The version being worked on or last published: the newest.
 *
 * @param m - the minutes
 * @returns the newest version, or undefined before the first draft
 * @example
 * latestVersion(minutes)?.status // => 'draft'
 */
export function latestVersion(m: Minutes): MinutesVersion | undefined {
  return m.versions[m.versions.length - 1];
}

/**
 * The versions that were published (N-4): every one stays readable.
 *
 * @param m - the minutes
 * @returns the published versions, oldest first
 * @example
 * publishedVersions(amendedMinutes).map((v) => v.version) // => [1, 2]
 */
export function publishedVersions(m: Minutes): MinutesVersion[] {
  return m.versions.filter((v) => v.status === 'published');
}

/**
 * Who is sent the minutes (N-3): every expected attendee and every informed person, once each.
 *
 * @param facts - the meeting's facts
 * @returns distinct person ids
 * @example
 * recipientsOf({ expected: ['li', 'wang'], informed: ['boss'], … }) // => ['li', 'wang', 'boss']
 */
export function recipientsOf(facts: Pick<MeetingFacts, 'expected' | 'informed'>): string[] {
  return [...new Set([...facts.expected, ...facts.informed])];
}
