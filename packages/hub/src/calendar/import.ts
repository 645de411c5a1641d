import { createHash } from 'node:crypto';
import {
  DAY,
  DEFAULT_PARAMETERS,
  EQUIPMENT_KINDS,
  createBookingDecider,
  parseBookingCommand,
  fail,
  foldBookingEvents,
  ok,
  reject,
  type Actor,
  type BookingDecider,
  type BookingEvent,
  type BookingState,
  type EquipmentKind,
  type Instant,
  type PolicyLookup,
  type Rejection,
  type Result,
  type TimeZone,
} from '@huiyi/core';
import ICAL from 'ical.js';
import { keyOfUid, personOfAddress } from './addresses.js';
import {
  instantOf,
  malformed,
  readIcs,
  tzidOf,
  type IcsCalendar,
  type IcsTime,
} from './ics-reader.js';
import { FEED_LABELS, LANGUAGES, type Language } from './labels.js';

/** The most occurrences one import decides; a longer series is cut at the booking horizon first. */
export const MAX_IMPORT_OCCURRENCES = 2000;

/** How a file is imported (C-4). */
export interface ImportOptions {
  /** The moment of the import: every request is judged at it (T-4). */
  readonly now: Instant;
  /** Who imports: the organizer of what the file does not say otherwise. */
  readonly actor: Actor;
  readonly domain: string;
  /** The site's zone, for floating times. */
  readonly zone: TimeZone;
  /** The room of events that name no room of the site (by `X-HUIYI-ROOM` or `LOCATION`). */
  readonly roomId?: string;
  /** Book everything or nothing, or book what fits and list the rest. */
  readonly mode: 'all-or-nothing' | 'book-what-fits';
  /** For the topic of an event without one. */
  readonly language?: Language;
  /** The rooms decider (default: the policy's defaults). */
  readonly decider?: BookingDecider;
  /** The policy, for the booking horizon a repeating event is expanded to (default: the defaults). */
  readonly policy?: PolicyLookup;
}

/** One occurrence of the file, booked. */
export interface ImportedBooking {
  readonly uid: string;
  readonly bookingId: string;
  readonly roomId: string;
  readonly start: Instant;
  readonly end: Instant;
}

/** One occurrence of the file the rules refused, with the rule, the reason and the alternatives. */
export interface RefusedOccurrence {
  readonly uid: string;
  readonly start?: Instant;
  readonly end?: Instant;
  readonly roomId?: string;
  readonly rejection: Rejection;
}

/** What an import did (C-4). */
export interface ImportReport {
  readonly booked: readonly ImportedBooking[];
  readonly refused: readonly RefusedOccurrence[];
  /** The rooms events to append, in order: nothing when nothing was booked. */
  readonly events: readonly BookingEvent[];
  /** The `RequestBooking` commands of what was booked, in order: for a hub that decides them again itself (S-1). */
  readonly requests: readonly Record<string, unknown>[];
  /** Occurrences left out without a decision: cancelled in the file, or over before `now`, or (of a repeating event) past the booking horizon. */
  readonly skipped: {
    readonly cancelled: number;
    readonly past: number;
    readonly beyondHorizon: number;
  };
}

interface Occurrence {
  readonly uid: string;
  readonly bookingId: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly item: IcsCalendar;
  /** The repeating event an exception belongs to: what the exception leaves out is read there. */
  readonly master: IcsCalendar;
  readonly seriesId?: string;
}

const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 20);
const dateText = (t: IcsTime): string =>
  `${t.year}${String(t.month).padStart(2, '0')}${String(t.day).padStart(2, '0')}`;

/**
 * Imports a calendar file exported from Outlook, another booking tool or this hub (C-4): each
 * occurrence becomes a booking request decided by the rooms decider (R-2), in order of start, each
 * against the bookings granted before it. What fits is booked; what does not is listed with its
 * rule, its reason and the alternatives the rules offer (free slots, other rooms). In
 * `all-or-nothing` mode one refusal refuses the whole file. A repeating event is expanded from
 * `now` to the booking horizon; its exceptions (`RECURRENCE-ID`) and skipped dates (`EXDATE`) are
 * read by ical.js. A malformed file, an unknown time zone or too many events is refused before
 * anything is decided. Events this hub wrote keep their booking ids, rooms, organizers and series.
 *
 * @param text - the file's text
 * @param bookings - the rooms' state
 * @param options - now, actor, domain, zone, mode
 * @returns the report, or a rejection (C-4 for the file, or `import.refused` listing every
 *   refusal in `all-or-nothing` mode); nothing is changed either way until the caller appends
 *   `events`
 * @example
 * importCalendar(outlookExport, bookings, { now, actor: wang, domain, zone, roomId: 'A', mode: 'book-what-fits' })
 * // => { ok: true, value: { booked: [{ bookingId: 'ics-…', … }], refused: [{ rejection: { rule: 'R-2', code: 'booking.room-busy', data: { slots, rooms } } }], … } }
 */
export function importCalendar(
  text: unknown,
  bookings: BookingState,
  options: ImportOptions,
): Result<ImportReport> {
  const read = readIcs(text, 'C-4');
  if (!read.ok) return read;
  const params = (options.policy ?? (() => DEFAULT_PARAMETERS))(options.now, {});
  const horizon = options.now + params.rooms.horizonDays * DAY;
  const found = occurrences(read.value, options, horizon);
  if (!found.ok) return found;
  const { list, skipped } = found.value;
  const decider = options.decider ?? createBookingDecider(options.policy);
  const untitled = FEED_LABELS[options.language ?? 'zh-CN'].untitled;
  let state = bookings;
  const booked: ImportedBooking[] = [];
  const refused: RefusedOccurrence[] = [];
  const events: BookingEvent[] = [];
  const requests: Record<string, unknown>[] = [];
  for (const o of list.sort((a, b) => a.start - b.start || (a.bookingId < b.bookingId ? -1 : 1))) {
    const roomId = roomOf(o, bookings, options.roomId);
    if (roomId === undefined) {
      refused.push({ uid: o.uid, start: o.start, end: o.end, rejection: noRoom(o) });
      continue;
    }
    const command = requestOf(o, roomId, options, untitled);
    // What the file says is input from outside: parsed first, refused with the field named.
    const parsed = parseBookingCommand(command);
    const r = parsed.ok ? decider.decide(parsed.value, state) : parsed;
    if (!r.ok) {
      refused.push({ uid: o.uid, start: o.start, end: o.end, roomId, rejection: r.rejection });
      continue;
    }
    state = foldBookingEvents(state, r.value);
    events.push(...r.value);
    requests.push(command);
    booked.push({ uid: o.uid, bookingId: o.bookingId, roomId, start: o.start, end: o.end });
  }
  if (options.mode === 'all-or-nothing' && refused.length > 0) {
    const total = booked.length + refused.length;
    return fail(
      reject(
        'C-4',
        'import.refused',
        {
          'zh-CN': `${total} 个预订中有 ${refused.length} 个不符合规则，按“全部或全不”未导入任何预订：${refused.map((x) => x.rejection.message['zh-CN']).join('；')}`,
          en: `${refused.length} of ${total} bookings break the rules, so (all or nothing) none was imported: ${refused.map((x) => x.rejection.message.en).join('; ')}`,
        },
        { refused, skipped },
      ),
    );
  }
  return ok({ booked, refused, events, requests, skipped });
}

function occurrences(
  root: IcsCalendar,
  options: ImportOptions,
  horizon: Instant,
): Result<{
  list: Occurrence[];
  skipped: { cancelled: number; past: number; beyondHorizon: number };
}> {
  const skipped = { cancelled: 0, past: 0, beyondHorizon: 0 };
  const list: Occurrence[] = [];
  const at = (t: IcsTime, item: IcsCalendar, prop: string): Result<Instant> =>
    instantOf(t, tzidOf(item, prop), options.zone, 'C-4');
  try {
    for (const component of root.getAllSubcomponents('vevent')) {
      if (component.hasProperty('recurrence-id')) continue; // read through its master
      const event = new ICAL.Event(component);
      const uid = String(event.uid ?? '');
      if (uid === '') return fail(malformed('C-4', 'an event has no UID'));
      if (event.startDate === null) return fail(malformed('C-4', `event ${uid} has no DTSTART`));
      const own = keyOfUid(uid, options.domain);
      const series = stringProp(component, 'x-huiyi-series');
      if (!event.isRecurring()) {
        const s = at(event.startDate, component, 'dtstart');
        if (!s.ok) return s;
        const e = at(
          event.endDate,
          component,
          event.component.hasProperty('dtend') ? 'dtend' : 'dtstart',
        );
        if (!e.ok) return e;
        if (isCancelled(component)) {
          skipped.cancelled++;
          continue;
        }
        if (event.startDate.isDate) {
          list.push({
            uid,
            bookingId: `ics-${hash(uid)}`,
            start: s.value,
            end: e.value,
            item: component,
            master: component,
          });
          continue;
        }
        list.push({
          uid,
          bookingId: own?.startsWith('booking:')
            ? own.slice('booking:'.length)
            : `ics-${hash(uid)}`,
          start: s.value,
          end: e.value,
          item: component,
          master: component,
          ...(series === undefined ? {} : { seriesId: series }),
        });
        continue;
      }
      const it = event.iterator();
      for (let next = it.next(); next; next = it.next()) {
        const d = event.getOccurrenceDetails(next);
        const item = d.item.component;
        const s = at(d.startDate, item, 'dtstart');
        if (!s.ok) return s;
        const e = at(d.endDate, item, item.hasProperty('dtend') ? 'dtend' : 'dtstart');
        if (!e.ok) return e;
        // The rule's own start (DTSTART) orders the expansion; a moved occurrence may start later.
        const ruleStart = at(next, component, 'dtstart');
        if (!ruleStart.ok) return ruleStart;
        if (ruleStart.value >= horizon && s.value >= horizon) {
          skipped.beyondHorizon++;
          break;
        }
        if (isCancelled(item)) skipped.cancelled++;
        else if (e.value <= options.now) skipped.past++;
        else if (s.value >= horizon) skipped.beyondHorizon++;
        else {
          list.push({
            uid,
            bookingId: `ics-${hash(uid)}-${dateText(next)}`,
            start: s.value,
            end: e.value,
            item,
            master: component,
            seriesId: series ?? `ics-${hash(uid)}`,
          });
        }
        if (list.length > MAX_IMPORT_OCCURRENCES) return fail(tooMany());
      }
    }
  } catch (e) {
    return fail(malformed('C-4', e instanceof Error ? e.message : String(e)));
  }
  if (list.length > MAX_IMPORT_OCCURRENCES) return fail(tooMany());
  return ok({ list, skipped });
}

const tooMany = (): Rejection =>
  reject(
    'C-4',
    'import.too-many-occurrences',
    {
      'zh-CN': `文件在预订期限内展开后超过 ${MAX_IMPORT_OCCURRENCES} 个预订：请分批导入`,
      en: `the file expands to more than ${MAX_IMPORT_OCCURRENCES} bookings within the booking horizon: split it`,
    },
    { limit: MAX_IMPORT_OCCURRENCES },
  );

const isCancelled = (c: IcsCalendar): boolean =>
  String(c.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';

function stringProp(c: IcsCalendar, name: string, master?: IcsCalendar): string | undefined {
  const v = c.getFirstPropertyValue(name);
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  return master === undefined || master === c ? undefined : stringProp(master, name);
}

/**
 * The room an event names: this hub's `X-HUIYI-ROOM`, a room whose name (or name and place, as a
 * feed in either language writes it) is its `LOCATION`, or the default.
 */
function roomOf(
  o: Occurrence,
  bookings: BookingState,
  fallback: string | undefined,
): string | undefined {
  const own = stringProp(o.item, 'x-huiyi-room', o.master);
  if (own !== undefined && bookings.rooms.has(own)) return own;
  const location = stringProp(o.item, 'location', o.master);
  if (location !== undefined) {
    for (const [id, rs] of bookings.rooms) {
      const { name, location: place } = rs.room;
      if (
        location === name ||
        (place !== undefined &&
          LANGUAGES.some((lang) => location === FEED_LABELS[lang].place(name, place)))
      )
        return id;
    }
  }
  return fallback;
}

function noRoom(o: Occurrence): Rejection {
  const location = stringProp(o.item, 'location', o.master) ?? '';
  return reject(
    'R-2',
    'import.no-room',
    {
      'zh-CN': `找不到会议室“${location}”：请在导入时指定会议室`,
      en: `no room "${location}" here: name the room to import into`,
    },
    { location },
  );
}

function requestOf(
  o: Occurrence,
  roomId: string,
  options: ImportOptions,
  untitled: string,
): Record<string, unknown> {
  const { item, master } = o;
  const organizer = personOfAddress(stringProp(item, 'organizer', master) ?? '', options.domain);
  const headcountText = stringProp(item, 'x-huiyi-headcount', master);
  const attendees = (item.hasProperty('attendee') ? item : master)
    .getAllProperties('attendee')
    .filter(
      (p) => !['ROOM', 'RESOURCE'].includes(String(p.getParameter('cutype') ?? '').toUpperCase()),
    ).length;
  const headcount =
    headcountText !== undefined && /^\d{1,5}$/.test(headcountText)
      ? Number(headcountText)
      : Math.max(1, attendees);
  const equipment = (stringProp(item, 'x-huiyi-equipment', master) ?? '')
    .split(/[\s,]+/)
    .map((k) => k.trim())
    .filter((k): k is EquipmentKind => (EQUIPMENT_KINDS as readonly string[]).includes(k));
  const klass = (stringProp(item, 'class', master) ?? '').toUpperCase();
  const topic = (stringProp(item, 'summary', master) ?? untitled).slice(0, 200);
  return {
    type: 'RequestBooking',
    now: options.now,
    actor: options.actor,
    bookingId: o.bookingId,
    roomId,
    ...(organizer === undefined || organizer === options.actor.id
      ? {}
      : { organizerId: organizer }),
    topic,
    headcount,
    start: o.start,
    end: o.end,
    equipment: [...new Set(equipment)],
    confidential: klass === 'CONFIDENTIAL' || klass === 'PRIVATE',
    ...(o.seriesId === undefined ? {} : { seriesId: o.seriesId }),
  };
}
