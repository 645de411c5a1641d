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

/** What one command leaves in the read models: rows to upsert. */
export interface ReadModelRows {
  readonly rooms: readonly RoomRow[];
  readonly bookings: readonly BookingRow[];
}
