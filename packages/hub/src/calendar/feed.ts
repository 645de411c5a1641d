import {
  DAY,
  addDays,
  localDateOf,
  formatLocalDate,
  startOfLocalDay,
  toWall,
  type Instant,
  type TimeZone,
} from '@huiyi/core';
import type { ICalAttendeeStatus } from 'ical-generator';
import ical, {
  ICalAttendeeRole,
  ICalCalendarMethod,
  ICalEventClass,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalAttendeeData,
  type ICalEventData,
} from 'ical-generator';
import { personAddress, uidOf } from './addresses.js';
import type { CalendarEntry, EntryStatus } from './calendar-entry.js';
import type { CalendarState } from './calendar-state.js';
import { FEED_LABELS, type Language } from './labels.js';
import { vtimezone } from './vtimezone.js';
import { zoned } from './zoned-time.js';

/** Whose feed (C-1): a room's bookings, a person's meetings and actions, a department's meetings. */
export type FeedScope =
  | { readonly kind: 'room'; readonly roomId: string }
  | { readonly kind: 'person'; readonly personId: string }
  | { readonly kind: 'department'; readonly department: string };

/** How a feed is written. */
export interface FeedOptions {
  readonly language: Language;
  /** The site's IANA zone: every time is written in it, with its `VTIMEZONE` (T-1, C-1). */
  readonly zone: TimeZone;
  /** The site's calendar domain, the right-hand side of every UID and address. */
  readonly domain: string;
  /** The moment of the request: what is past and what is kept. */
  readonly now: Instant;
  /** How many days of the past a feed shows (default 366). */
  readonly pastDays?: number;
  /** How many days a cancelled entry stays in the feed as `STATUS:CANCELLED` (default 30). */
  readonly keepCancelledDays?: number;
}

/** The defaults of {@link FeedOptions}. */
export const FEED_DEFAULTS = { pastDays: 366, keepCancelledDays: 30 } as const;

/** How an entry shows in a feed: all of it, or busy time only (C-2, S-4). */
export type EntryView = 'full' | 'busy';

/** The part of time a feed shows on a day: from when, and from when cancellations are kept. */
export interface FeedWindow {
  readonly from: Instant;
  readonly cancelledFrom: Instant;
  /** The site's date of `now`: the feed changes at midnight, so its ETag names the day. */
  readonly day: string;
}

/**
 * The window a feed shows on the day of `now`: whole local days, so it moves once a day.
 *
 * @param options - the zone, `now` and the lengths
 * @returns its start, the start for cancellations, and the day
 * @example
 * feedWindow({ zone: 'Asia/Shanghai', now, pastDays: 366, keepCancelledDays: 30, … }).day // => '2026-12-07'
 */
export function feedWindow(
  options: Pick<FeedOptions, 'zone' | 'now' | 'pastDays' | 'keepCancelledDays'>,
): FeedWindow {
  const today = localDateOf(options.now, options.zone);
  const past = options.pastDays ?? FEED_DEFAULTS.pastDays;
  const kept = options.keepCancelledDays ?? FEED_DEFAULTS.keepCancelledDays;
  return {
    from: startOfLocalDay(addDays(today, -past), options.zone),
    cancelledFrom: startOfLocalDay(addDays(today, -kept), options.zone),
    day: formatLocalDate(today),
  };
}

/**
 * Whether an entry belongs to a feed and how it shows there (C-2): in a room's feed a confidential
 * booking is busy time only; in a person's feed, their meetings (organized or invited to, draft
 * ones excepted) and their actions show in full; in a department's feed, the meetings its members
 * organize or are invited to, confidential ones as busy time.
 *
 * @param entry - the entry
 * @param scope - the feed
 * @param people - the directory's departments
 * @returns the view, or undefined when it is not in the feed
 * @example
 * entryView(confidentialBooking, { kind: 'room', roomId: 'B' }, people) // => 'busy'
 */
export function entryView(
  entry: CalendarEntry,
  scope: FeedScope,
  people: CalendarState['people'],
): EntryView | undefined {
  const guarded: EntryView = entry.confidential ? 'busy' : 'full';
  switch (scope.kind) {
    case 'room':
      return entry.kind === 'booking' && entry.roomId === scope.roomId ? guarded : undefined;
    case 'person':
      if (entry.kind === 'action') return entry.ownerId === scope.personId ? 'full' : undefined;
      if (entry.kind !== 'meeting' || entry.draft) return undefined;
      return entry.organizerId === scope.personId ||
        entry.attendees.some((a) => a.personId === scope.personId)
        ? 'full'
        : undefined;
    case 'department': {
      if (entry.kind !== 'meeting' || entry.draft) return undefined;
      const ids = [entry.organizerId, ...entry.attendees.map((a) => a.personId)];
      return ids.some((id) => people.get(id)?.department === scope.department)
        ? guarded
        : undefined;
    }
    default: {
      const never: never = scope;
      throw new TypeError(`unknown feed ${JSON.stringify(never)}`);
    }
  }
}

/** An entry as a feed shows it. */
export interface FeedItem {
  readonly entry: CalendarEntry;
  readonly view: EntryView;
}

/**
 * The entries of a feed on the day of `now`, in order of start: those in its scope, ending after
 * the window's start, cancelled ones only while kept.
 *
 * @param entries - candidate entries (all, or a store's selection)
 * @param scope - the feed
 * @param people - the directory's departments
 * @param options - the window
 * @returns the items
 * @example
 * feedItems(state.entries.values(), { kind: 'room', roomId: 'A' }, state.people, options).length // => 52
 */
export function feedItems(
  entries: Iterable<CalendarEntry>,
  scope: FeedScope,
  people: CalendarState['people'],
  options: Pick<FeedOptions, 'zone' | 'now' | 'pastDays' | 'keepCancelledDays'>,
): FeedItem[] {
  const w = feedWindow(options);
  const out: FeedItem[] = [];
  for (const entry of entries) {
    if (entry.end < w.from && entry.start < w.from) continue;
    if (entry.status === 'cancelled' && (entry.cancelledAt ?? entry.modified) < w.cancelledFrom)
      continue;
    const view = entryView(entry, scope, people);
    if (view !== undefined) out.push({ entry, view });
  }
  return out.sort((a, b) => a.entry.start - b.entry.start || (a.entry.key < b.entry.key ? -1 : 1));
}

const STATUS: Readonly<Record<EntryStatus, ICalEventStatus>> = {
  tentative: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:MM` on the site's wall clock. */
export function wallText(t: Instant, zone: TimeZone): string {
  const w = toWall(t, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** What an event needs besides its entry. */
export interface EventContext {
  readonly state: Pick<CalendarState, 'rooms' | 'people'>;
  readonly options: Pick<FeedOptions, 'language' | 'zone' | 'domain'>;
  /** Whether the room is the feed itself: a room feed names its room even for busy time. */
  readonly inRoomFeed: boolean;
}

function roomText(ctx: EventContext, roomId: string | undefined): string | undefined {
  if (roomId === undefined) return undefined;
  const r = ctx.state.rooms.get(roomId);
  if (r === undefined) return roomId;
  return r.location === undefined
    ? r.name
    : FEED_LABELS[ctx.options.language].place(r.name, r.location);
}

const nameOf = (ctx: EventContext, id: string): string => ctx.state.people.get(id)?.name ?? id;

/**
 * One entry as ical-generator's event data (C-1, C-2): its UID, SEQUENCE, DTSTAMP and
 * LAST-MODIFIED from its history, times in the site's zone, and — busy time only — nothing but
 * when, the status and `CLASS:CONFIDENTIAL`.
 *
 * @param item - the entry and how it shows
 * @param ctx - names, language, zone, domain
 * @returns the event data
 * @example
 * eventData({ entry, view: 'busy' }, ctx).summary // => '忙碌'
 */
export function eventData(item: FeedItem, ctx: EventContext): ICalEventData {
  const { entry, view } = item;
  const { zone, domain, language } = ctx.options;
  const l = FEED_LABELS[language];
  const cancelled = entry.status === 'cancelled';
  const base: ICalEventData = {
    id: uidOf(entry.key, domain),
    sequence: entry.sequence,
    stamp: new Date(entry.modified),
    lastModified: new Date(entry.modified),
    created: new Date(entry.created),
    timezone: zone,
    start: zoned(entry.start, zone),
    end: zoned(entry.end, zone),
    status: STATUS[entry.status],
    class: entry.confidential ? ICalEventClass.CONFIDENTIAL : ICalEventClass.PUBLIC,
    transparency: cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
  };
  if (view === 'busy') {
    const location =
      ctx.inRoomFeed && entry.kind === 'booking' ? roomText(ctx, entry.roomId) : undefined;
    return { ...base, summary: l.busy, ...(location === undefined ? {} : { location }) };
  }
  const organizer = (id: string) => ({ name: nameOf(ctx, id), email: personAddress(id, domain) });
  switch (entry.kind) {
    case 'booking': {
      const lines = [
        l.field(l.organizer, nameOf(ctx, entry.organizerId)),
        l.field(l.headcount, String(entry.headcount)),
      ];
      if (entry.equipment.length > 0)
        lines.push(
          l.field(
            l.equipment,
            entry.equipment.map((k) => l.kinds[k]).join(language === 'en' ? ', ' : '、'),
          ),
        );
      const x: Record<string, string> = {
        'X-HUIYI-ROOM': entry.roomId,
        'X-HUIYI-HEADCOUNT': String(entry.headcount),
      };
      if (entry.equipment.length > 0) x['X-HUIYI-EQUIPMENT'] = entry.equipment.join(' ');
      if (entry.seriesId !== undefined) x['X-HUIYI-SERIES'] = entry.seriesId;
      const location = roomText(ctx, entry.roomId);
      return {
        ...base,
        summary: entry.topic,
        ...(location === undefined ? {} : { location }),
        description: lines.join('\n'),
        organizer: organizer(entry.organizerId),
        x,
      };
    }
    case 'meeting': {
      const lines: string[] = [];
      if (entry.goals !== undefined) lines.push(l.field(l.goals, entry.goals));
      if (entry.agenda.length > 0)
        lines.push(l.field(l.agenda, ''), ...entry.agenda.map((t, i) => `${i + 1}. ${t}`));
      if (entry.answerDeadline !== undefined)
        lines.push(l.field(l.answerBy, wallText(entry.answerDeadline, zone)));
      const attendees: ICalAttendeeData[] = entry.attendees.map((a) => ({
        name: nameOf(ctx, a.personId),
        email: personAddress(a.personId, domain),
        role: a.chair ? ICalAttendeeRole.CHAIR : ICalAttendeeRole.REQ,
        status: a.partstat as ICalAttendeeStatus,
        rsvp: a.partstat === 'NEEDS-ACTION',
        ...(a.delegatedTo === undefined
          ? {}
          : { delegatedTo: personAddress(a.delegatedTo, domain) }),
        ...(a.delegatedFrom === undefined
          ? {}
          : { delegatedFrom: personAddress(a.delegatedFrom, domain) }),
      }));
      const location = roomText(ctx, entry.roomId);
      return {
        ...base,
        summary: entry.topic,
        ...(location === undefined ? {} : { location }),
        ...(lines.length === 0 ? {} : { description: lines.join('\n') }),
        organizer: organizer(entry.organizerId),
        attendees,
        ...(entry.roomId === undefined ? {} : { x: { 'X-HUIYI-ROOM': entry.roomId } }),
      };
    }
    case 'action':
      return {
        ...base,
        allDay: true,
        start: zoned(entry.start, zone),
        end: zoned(entry.start + DAY, zone),
        summary: l.due(entry.topic),
        description: `${l.field(l.dueAt, wallText(entry.start, zone))}\n${l.urgency[entry.urgency]}`,
        transparency: ICalEventTransparency.TRANSPARENT,
      };
    default: {
      const never: never = entry;
      throw new TypeError(`unknown entry ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The years a feed's events fall in, for its VTIMEZONE.
 *
 * @param spans - each event's start and end
 * @param now - the moment of the request (the year is always in)
 * @returns the first and the last year
 */
export function yearsOf(
  spans: Iterable<{ start: Instant; end: Instant }>,
  now: Instant,
): [number, number] {
  let lo = now;
  let hi = now;
  for (const e of spans) {
    lo = Math.min(lo, e.start);
    hi = Math.max(hi, e.end + DAY);
  }
  return [new Date(lo).getUTCFullYear(), new Date(hi).getUTCFullYear()];
}

/** The name and description of a feed, in its language. */
export function feedTitle(
  scope: FeedScope,
  state: Pick<CalendarState, 'rooms' | 'people'>,
  language: Language,
): { name: string; description: string } {
  const l = FEED_LABELS[language];
  switch (scope.kind) {
    case 'room': {
      const room = state.rooms.get(scope.roomId)?.name ?? scope.roomId;
      return { name: l.roomFeed(room), description: l.roomFeedDescription(room) };
    }
    case 'person': {
      const person = state.people.get(scope.personId)?.name ?? scope.personId;
      return { name: l.personFeed(person), description: l.personFeedDescription(person) };
    }
    case 'department':
      return {
        name: l.departmentFeed(scope.department),
        description: l.departmentFeedDescription(scope.department),
      };
    default: {
      const never: never = scope;
      throw new TypeError(`unknown feed ${JSON.stringify(never)}`);
    }
  }
}

/**
 * One event's `VEVENT` as ical-generator writes it (C-1, C-2), folded, ending in CRLF: what a feed
 * is made of, and what the hub stores per entry so that serving a feed only joins texts.
 *
 * @param item - the entry and how it shows
 * @param ctx - names, language, zone, domain
 * @returns the text from `BEGIN:VEVENT` to `END:VEVENT\r\n`
 * @example
 * veventText({ entry, view: 'busy' }, ctx) // => 'BEGIN:VEVENT\r\nUID:booking-b1@huiyi.example\r\n…SUMMARY:忙碌…END:VEVENT\r\n'
 */
export function veventText(item: FeedItem, ctx: EventContext): string {
  const text = ical({ events: [eventData(item, ctx)] }).toString();
  const from = text.indexOf('BEGIN:VEVENT');
  const end = text.lastIndexOf('END:VEVENT');
  return `${text.slice(from, end)}END:VEVENT\r\n`;
}

/** A calendar's head: its name, description and method, in its language. */
export interface CalendarHead {
  readonly name?: string;
  readonly description?: string;
  readonly method: ICalCalendarMethod;
  readonly language: Language;
}

/**
 * A whole calendar (RFC 5545): the head ical-generator writes (`PRODID`, `METHOD`, the names,
 * `X-WR-TIMEZONE`, the refresh interval of a published feed), then the site zone's `VTIMEZONE`
 * (always there, even in an empty feed), then the events, every line ending in CRLF (C-1).
 *
 * @param events - the events' texts ({@link veventText})
 * @param head - name, description, method, language
 * @param zone - the site's zone
 * @param span - the years the events fall in ({@link yearsOf})
 * @returns the text
 */
export function calendarText(
  events: readonly string[],
  head: CalendarHead,
  zone: TimeZone,
  span: [number, number],
): string {
  const top = ical({
    prodId: {
      company: 'Huiyi',
      product: 'Calendar',
      language: head.language === 'en' ? 'EN' : 'ZH',
    },
    method: head.method,
    ...(head.name === undefined ? {} : { name: head.name }),
    ...(head.description === undefined ? {} : { description: head.description }),
    x: { 'X-WR-TIMEZONE': zone },
    ...(head.method === ICalCalendarMethod.PUBLISH ? { ttl: 15 * 60 } : {}),
  }).toString();
  const body = top.slice(0, top.lastIndexOf('END:VCALENDAR'));
  return `${body}${vtimezone(zone, span[0], span[1])}\r\n${events.join('')}END:VCALENDAR\r\n`;
}

/**
 * A feed (C-1, C-2): the iCalendar text of a room's, a person's or a department's calendar on the
 * day of `now`, named and described in the reader's language.
 *
 * @param state - the calendar's state (or a store's selection of it)
 * @param scope - whose feed
 * @param options - language, zone, domain, now
 * @returns the text
 * @example
 * renderFeed(state, { kind: 'room', roomId: 'A' }, { language: 'zh-CN', zone: 'Asia/Shanghai', domain: 'huiyi.example', now })
 * // => 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…X-WR-CALNAME:一号会议室 · 会议室日程…'
 */
export function renderFeed(state: CalendarState, scope: FeedScope, options: FeedOptions): string {
  const items = feedItems(state.entries.values(), scope, state.people, options);
  const ctx: EventContext = { state, options, inRoomFeed: scope.kind === 'room' };
  const title = feedTitle(scope, state, options.language);
  return calendarText(
    items.map((i) => veventText(i, ctx)),
    { ...title, method: ICalCalendarMethod.PUBLISH, language: options.language },
    options.zone,
    yearsOf(
      items.map((i) => i.entry),
      options.now,
    ),
  );
}
