import type { EquipmentKind, Instant, Partstat, Urgency } from '@huiyi/core';

/** How an entry shows in a calendar: RFC 5545 `STATUS` of a VEVENT, in lower case. */
export type EntryStatus = 'tentative' | 'confirmed' | 'cancelled';

/**
 * What every calendar entry has: an identity for life, its interval, its status, and the history
 * a calendar client needs (C-1): `sequence` counts the changes of time, room or status since it
 * first appeared; `modified` is the `now` of the last event that touched it; `position` is that
 * event's place in the hub's log.
 */
export interface EntryBase {
  /** `booking:<id>`, `meeting:<id>` or `action:<id>`: the UID is made from it. */
  readonly key: string;
  readonly id: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly status: EntryStatus;
  /** When it was cancelled (or declined), for keeping it a while as `STATUS:CANCELLED`. */
  readonly cancelledAt?: Instant;
  /** shown as busy time only to anyone not invited (C-2, S-4). */
  readonly confidential: boolean;
  readonly topic: string;
  readonly sequence: number;
  readonly created: Instant;
  readonly modified: Instant;
  readonly position: number;
}

/** A room booking, as the room's feed shows it. */
export interface BookingEntry extends EntryBase {
  readonly kind: 'booking';
  readonly roomId: string;
  readonly organizerId: string;
  readonly department?: string;
  readonly headcount: number;
  readonly equipment: readonly EquipmentKind[];
  readonly seriesId?: string;
}

/** One invitee of a meeting and their answer (M-3) as an RFC 5545 PARTSTAT. */
export interface EntryAttendee {
  readonly personId: string;
  readonly partstat: Partstat;
  readonly chair: boolean;
  readonly delegatedTo?: string;
  readonly delegatedFrom?: string;
}

/** A scheduled meeting (M-2 – M-4), as its people's feeds show it. */
export interface MeetingEntry extends EntryBase {
  readonly kind: 'meeting';
  readonly organizerId: string;
  readonly chairId?: string;
  readonly roomId?: string;
  readonly bookingId?: string;
  readonly goals?: string;
  readonly agenda: readonly string[];
  /** Everyone invited, in the order they were invited. */
  readonly attendees: readonly EntryAttendee[];
  readonly answerDeadline?: Instant;
  readonly seriesId?: string;
  /** Planned but not yet scheduled: in no feed (M-4). */
  readonly draft: boolean;
}

/** An action item's deadline (F-2), as its owner's feed shows it: a day, not a slot. */
export interface ActionEntry extends EntryBase {
  readonly kind: 'action';
  readonly ownerId: string;
  readonly meetingId: string;
  readonly urgency: Urgency;
  /** The due date the work was given; `start` is the deadline held to now (a rectification's while returned). */
  readonly due: Instant;
}

/** Anything a feed shows. */
export type CalendarEntry = BookingEntry | MeetingEntry | ActionEntry;
