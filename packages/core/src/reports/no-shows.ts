import type { BookingState } from '../rooms/booking-state.js';
import type { Instant } from '../time/instant.js';

/** A booking released as a no-show: not checked in by the end of its check-in window. */
export interface NoShowRow {
  readonly bookingId: string;
  readonly roomId: string;
  readonly organizerId: string;
  readonly department?: string;
  /** Left out for a confidential meeting. */
  readonly topic?: string;
  readonly confidential: boolean;
  readonly start: Instant;
  readonly end: Instant;
  /** When it was released: the end of the check-in window. */
  readonly releasedAt?: Instant;
  readonly seriesId?: string;
}

/** A count per room or per organizer. */
export interface NoShowCount {
  readonly id: string;
  readonly count: number;
}

/** The no-shows of a period: each, and the counts per room and per organizer. */
export interface NoShowReport {
  /** By start. */
  readonly rows: readonly NoShowRow[];
  readonly byRoom: readonly NoShowCount[];
  readonly byOrganizer: readonly NoShowCount[];
  readonly total: number;
}

function counts(ids: Iterable<string>): NoShowCount[] {
  const by = new Map<string, number>();
  for (const id of ids) by.set(id, (by.get(id) ?? 0) + 1);
  return [...by]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, count]) => ({ id, count }));
}

/**
 * The no-shows of a period: the bookings starting in it that were released (`BookingReleased`)
 * because nobody checked in, with the counts per room and per organizer. A confidential booking's
 * topic is left out.
 *
 * @param state - the bookings decider's state
 * @param period - the span `[from, to)`
 * @returns the no-shows
 * @example
 * noShows(bookings, period) // => { total: 2, byRoom: [{ id: 'A', count: 2 }], byOrganizer: [{ id: 'wang', count: 2 }], rows: [...] }
 */
export function noShows(
  state: BookingState,
  period: { readonly from: Instant; readonly to: Instant },
): NoShowReport {
  const rows: NoShowRow[] = [];
  for (const r of state.rooms.values()) {
    for (const b of r.bookings.values()) {
      if (b.status !== 'released' || b.start < period.from || b.start >= period.to) continue;
      rows.push({
        bookingId: b.id,
        roomId: b.roomId,
        organizerId: b.organizerId,
        ...(b.department === undefined ? {} : { department: b.department }),
        ...(b.confidential ? {} : { topic: b.topic }),
        confidential: b.confidential,
        start: b.start,
        end: b.end,
        ...(b.freedAt === undefined ? {} : { releasedAt: b.freedAt }),
        ...(b.seriesId === undefined ? {} : { seriesId: b.seriesId }),
      });
    }
  }
  const key = (r: NoShowRow): string => `${r.roomId}/${r.bookingId}`;
  rows.sort((x, y) => x.start - y.start || (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
  return {
    rows,
    byRoom: counts(rows.map((r) => r.roomId)),
    byOrganizer: counts(rows.map((r) => r.organizerId)),
    total: rows.length,
  };
}
