import type { PolicyParameters } from '../policy/parameters.js';
import { fail, ok, reject, type Rejection, type Result } from '../rejection/index.js';
import { DAY, MINUTE } from '../time/instant.js';
import { formatLocalDate } from '../time/local-date.js';
import { occurrencesBetween } from '../time/recurrence.js';
import type { Booking } from './booking.js';
import type { RequestSeries } from './booking-commands.js';
import type { BookingEvent, SkippedOccurrence } from './booking-events.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import { findBooking, firstRejection, isAdmin, sameRequest } from './decide-helpers.js';
import { bookingRejections as why } from './booking-rejections.js';
import { evolveBookings, type BookingState, type RoomState } from './booking-state.js';
import type { Alternatives } from './suggestions.js';

/**
 * Books a regular meeting's occurrences within the booking horizon as one request (M-1, R-2).
 * Each occurrence is checked against every rule, and against the occurrences booked before it in
 * the same request; conflicts are reported per occurrence. `all-or-nothing` books every occurrence
 * or none (the rejection lists each conflict); `book-what-fits` books those that fit and reports
 * the rest in a `SeriesBooked` event. Occurrences already booked by an earlier identical request
 * are left alone, so a repeat decides to nothing. Occurrence booking ids are
 * `<seriesId>@<YYYY-MM-DD>` (the occurrence's own date). The rejection of a conflict is
 * `series.conflicts`, with `data.skipped`: per occurrence its `bookingId`, `start`, `rule`,
 * `code`, message and, when the room was busy, `alternatives`.
 */
export function requestSeries(
  c: RequestSeries,
  state: BookingState,
  rs: RoomState,
  params: PolicyParameters,
  policy: PolicyLookup,
): Result<BookingEvent[]> {
  const organizerId = c.organizerId ?? c.actor.id;
  if (organizerId !== c.actor.id && !isAdmin(c.actor)) {
    return fail(
      why.adminOnly('R-3', { 'zh-CN': '替他人预订', en: 'book on behalf of someone else' }),
    );
  }
  const horizon = { start: c.now, end: c.now + params.rooms.horizonDays * DAY + 1 };
  const found = occurrencesBetween(c.series, horizon);
  if (found.length === 0) {
    return fail(
      reject('R-2', 'series.no-occurrences', {
        'zh-CN': `在 ${params.rooms.horizonDays} 天的预订期限内没有这一系列的会议`,
        en: `the series has no occurrence within the ${params.rooms.horizonDays}-day booking horizon`,
      }),
    );
  }
  const status = rs.room.needsApproval && !isAdmin(c.actor) ? 'pending' : 'confirmed';
  let working = state;
  const events: BookingEvent[] = [];
  const bookingIds: string[] = [];
  const skipped: SkippedOccurrence[] = [];
  let alreadyBooked = 0;
  for (const o of found) {
    const booking: Booking = {
      id: `${c.seriesId}@${formatLocalDate(o.date)}`,
      roomId: c.roomId,
      organizerId,
      ...(c.department === undefined ? {} : { department: c.department }),
      topic: c.topic,
      headcount: c.headcount,
      start: o.start,
      end: o.start + c.durationMinutes * MINUTE,
      equipment: c.equipment ?? [],
      confidential: c.confidential ?? false,
      seriesId: c.seriesId,
      walkUp: false,
      status,
      requestedAt: c.now,
    };
    const existing = findBooking(working, booking.id);
    if (existing) {
      if (sameRequest(existing, booking)) {
        alreadyBooked++;
        continue;
      }
      skipped.push(skip(booking, why.duplicateId(booking.id)));
      continue;
    }
    const room = working.rooms.get(c.roomId) as RoomState;
    const rejection = firstRejection(working, room, booking, params, policy, c.now);
    if (rejection) {
      skipped.push(skip(booking, rejection));
      continue;
    }
    const event: BookingEvent = {
      type: status === 'pending' ? 'BookingRequested' : 'RoomBooked',
      roomId: c.roomId,
      booking,
    };
    events.push(event);
    bookingIds.push(booking.id);
    working = evolveBookings(working, event);
  }
  // A repeat of a request that booked what fitted finds nothing new to book: it decides to nothing.
  const repeat = events.length === 0 && alreadyBooked > 0 && c.mode === 'book-what-fits';
  if (skipped.length > 0 && !repeat && (c.mode === 'all-or-nothing' || events.length === 0)) {
    return fail(
      reject(
        'R-2',
        'series.conflicts',
        {
          'zh-CN': `${found.length} 次会议中有 ${skipped.length} 次无法预订：${skipped.map((s) => s.message['zh-CN']).join('；')}`,
          en: `${skipped.length} of ${found.length} occurrences cannot be booked: ${skipped.map((s) => s.message.en).join('; ')}`,
        },
        { skipped },
      ),
    );
  }
  if (events.length === 0) return ok([]);
  return ok([
    ...events,
    { type: 'SeriesBooked', roomId: c.roomId, seriesId: c.seriesId, bookingIds, skipped },
  ]);
}

function skip(b: Booking, r: Rejection): SkippedOccurrence {
  const { slots, rooms } = r.data as Partial<Alternatives>;
  const alternatives =
    slots !== undefined && rooms !== undefined ? { alternatives: { slots, rooms } } : {};
  return {
    bookingId: b.id,
    start: b.start,
    rule: r.rule,
    code: r.code,
    message: r.message,
    ...alternatives,
  };
}
