/** A row of `rm_rooms`: a room as an integrator lists it. */
export interface RoomRow {
  readonly room_id: string;
  readonly name: string;
  readonly location: string;
  readonly capacity: number;
  readonly confidential: boolean;
  readonly walk_up: boolean;
}

/** A row of `rm_bookings`: a booking with the interval it occupies. */
export interface BookingRow {
  readonly booking_id: string;
  readonly room_id: string;
  readonly organizer_id: string;
  readonly topic: string;
  readonly headcount: number;
  readonly start_at: number;
  readonly end_at: number;
  readonly status: string;
  readonly confidential: boolean;
  readonly walk_up: boolean;
  /** The occupied interval, `null` when it occupies nothing (cancelled, declined). */
  readonly occ_start: number | null;
  readonly occ_end: number | null;
}

/** A row of `rm_meetings`: a meeting with its attendance (M-6). */
export interface MeetingRow {
  readonly meeting_id: string;
  readonly room_id: string | null;
  readonly topic: string;
  readonly status: string;
  readonly start_at: number | null;
  readonly end_at: number | null;
  readonly confidential: boolean;
  readonly chair_id: string;
  readonly participants: readonly string[];
  /** The attendance report as computed from sign-ins, `null` without a booking. */
  readonly attendance: unknown;
}

/** A row of `rm_actions`: an action item and whether it is still open (F-2). */
export interface ActionRow {
  readonly action_id: string;
  readonly meeting_id: string;
  readonly owner_id: string;
  readonly text: string;
  readonly status: string;
  readonly open: boolean;
  readonly due: number;
  readonly urgency: string;
}

/** What one command leaves in the read models: rows to upsert. */
export interface ReadModelRows {
  readonly rooms: readonly RoomRow[];
  readonly bookings: readonly BookingRow[];
  readonly meetings?: readonly MeetingRow[];
  readonly actions?: readonly ActionRow[];
}
