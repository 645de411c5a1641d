import {
  bool,
  commandBase,
  id,
  int,
  object,
  oneOf,
  optional,
  text,
  type Check,
  type Checked,
} from '../input/index.js';
import { checkSeries } from '../time/check-series.js';
import type { Series } from '../time/recurrence.js';
import {
  SINGLE_BOOKING_COMMAND_SHAPES,
  bookingEquipment,
  commandMinutes,
} from './booking-commands.js';

const series: Check<Series> = (v, path) => {
  const r = checkSeries(v);
  return r.ok ? { ok: true, value: r.value } : { ok: false, path, expected: r.rejection.message };
};

/** The shape of `RequestSeries`: a regular meeting's occurrences booked as one request. */
export const REQUEST_SERIES_SHAPE = object({
  type: oneOf(['RequestSeries']),
  ...commandBase,
  seriesId: id(),
  roomId: id(),
  series,
  durationMinutes: commandMinutes,
  organizerId: optional(id()),
  department: optional(text(100)),
  topic: text(200),
  headcount: int(1, 10_000),
  equipment: bookingEquipment,
  confidential: optional(bool()),
  /** Book every occurrence within the horizon or none, or book those that fit and report the rest. */
  mode: oneOf(['all-or-nothing', 'book-what-fits']),
});

/**
 * Book a regular meeting's occurrences within the horizon as one request (M-1, R-2). Each
 * occurrence is booked as `<seriesId>@<YYYY-MM-DD>`, its own local date. A conflict under
 * `all-or-nothing` refuses the whole request as `series.conflicts`, `data.skipped` listing
 * each occurrence that did not fit (its `bookingId`, `start`, `rule`, `code`, message and, when the
 * room was busy, `alternatives`); `book-what-fits` books the rest and reports the same list as
 * `skipped` in its `SeriesBooked` event.
 */
export type RequestSeries = Checked<typeof REQUEST_SERIES_SHAPE>;

/** The shape of every booking command, checked field by field; the command types follow from it. */
export const BOOKING_COMMAND_SHAPES = {
  ...SINGLE_BOOKING_COMMAND_SHAPES,
  RequestSeries: REQUEST_SERIES_SHAPE,
} as const;
