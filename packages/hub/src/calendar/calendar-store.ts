import { createHash, randomBytes } from 'node:crypto';
import type { TimeZone } from '@huiyi/core';
import { ICalCalendarMethod } from 'ical-generator';
import { sql, type Kysely } from 'kysely';
import type { CalendarEntry } from './calendar-entry.js';
import {
  calendarKeysOf,
  foldCalendar,
  type CalendarSourceEvent,
  type CalendarState,
  type PersonName,
  type RoomName,
} from './calendar-state.js';
import {
  calendarText,
  feedTitle,
  feedWindow,
  veventText,
  yearsOf,
  type EntryView,
  type FeedOptions,
  type FeedScope,
} from './feed.js';
import { LANGUAGES, type Language } from './labels.js';

/**
 * The text naming a feed's scope: `room:<id>`, `person:<id>` or `department:<name>`.
 *
 * @param scope - the feed
 * @returns the key
 * @example
 * scopeKey({ kind: 'department', department: '售后服务部' }) // => 'department:售后服务部'
 */
export function scopeKey(scope: FeedScope): string {
  switch (scope.kind) {
    case 'room':
      return `room:${scope.roomId}`;
    case 'person':
      return `person:${scope.personId}`;
    case 'department':
      return `department:${scope.department}`;
    default:
      return scope satisfies never;
  }
}

/**
 * The feed a scope key names.
 *
 * @param key - `room:A` …
 * @returns the scope, or undefined for a key that names none
 * @example
 * scopeOfKey('person:wang') // => { kind: 'person', personId: 'wang' }
 */
export function scopeOfKey(key: string): FeedScope | undefined {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const id = key.slice(colon + 1);
  if (colon < 0 || id === '') return undefined;
  if (kind === 'room') return { kind, roomId: id };
  if (kind === 'person') return { kind, personId: id };
  if (kind === 'department') return { kind, department: id };
  return undefined;
}

/** The people an entry belongs to: a meeting's organizer and invitees, an action's owner. */
function peopleOf(e: CalendarEntry): string[] {
  if (e.kind === 'meeting')
    return [...new Set([e.organizerId, ...e.attendees.map((a) => a.personId)])];
  if (e.kind === 'action') return [e.ownerId];
  return [];
}

interface EntryRow {
  key: string;
  entry: CalendarEntry | string;
}
const parsed = (v: CalendarEntry | string): CalendarEntry =>
  typeof v === 'string' ? (JSON.parse(v) as CalendarEntry) : v;

/**
 * Folds a page of the hub's feed into the calendars' tables, in one transaction (C-1): the
 * entries the events touch are loaded, folded, and written back with who they belong to; the names
 * of rooms and people are kept; every feed an entry was or is in gets a new version (and
 * `changed_at`, the hub's clock); the cursor moves on. The page is applied only if the stored
 * cursor is still `from` (its row is locked first), so two processes never fold a page twice.
 *
 * @param db - the hub's database
 * @param events - the page, in feed order
 * @param from - the cursor the page was read after (undefined: from the start)
 * @param to - the feed's cursor after the page
 * @param site - the site's zone and domain (each entry's `VEVENT` is written here), the hub's clock
 * @returns the scope keys whose feeds changed, or undefined when another process moved the cursor first
 * @example
 * await applyToCalendar(hub.db, page.events, cursor, page.cursor, { zone, domain, clock: Date.now }) // => ['room:A', 'person:wang']
 */
export async function applyToCalendar(
  db: Kysely<unknown>,
  events: readonly CalendarSourceEvent[],
  from: string | undefined,
  to: string,
  site: CalendarSite,
): Promise<string[] | undefined> {
  return db.transaction().execute(async (tx) => {
    await sql`insert into cal_projection (id, cursor, applied_at) values (1, '', 0) on conflict (id) do nothing`.execute(
      tx,
    );
    const at = await sql<{
      cursor: string;
    }>`select cursor from cal_projection where id = 1 for update`.execute(tx);
    if ((at.rows[0]?.cursor ?? '') !== (from ?? '')) return undefined;
    const keys = [...new Set(events.flatMap((e) => calendarKeysOf(e)))];
    const before = new Map<string, CalendarEntry>();
    if (keys.length > 0) {
      const rows =
        await sql<EntryRow>`select key, entry from cal_entries where key in (${sql.join(keys)})`.execute(
          tx,
        );
      for (const r of rows.rows) before.set(r.key, parsed(r.entry));
    }
    const after = foldCalendar({ entries: before, rooms: new Map(), people: new Map() }, events);
    const touched = keys
      .map((k) => after.entries.get(k))
      .filter((e): e is CalendarEntry => e !== undefined && e !== before.get(e.key));
    const renamed = await namesChanged(tx, after);
    for (const [id, r] of after.rooms)
      await sql`insert into cal_rooms (room_id, name, location) values (${id}, ${r.name}, ${r.location ?? null})
        on conflict (room_id) do update set name = excluded.name, location = excluded.location`.execute(
        tx,
      );
    for (const [id, p] of after.people)
      await sql`insert into cal_people (person_id, name, department) values (${id}, ${p.name}, ${p.department})
        on conflict (person_id) do update set name = excluded.name, department = excluded.department`.execute(
        tx,
      );
    // Entries that name a renamed room or person are written again, unchanged otherwise.
    const rewrite = (await entriesNaming(tx, renamed)).filter(
      (e) => !touched.some((t) => t.key === e.key),
    );
    const changed = [...touched, ...rewrite];
    const names = await namesFor(tx, changed, undefined);
    for (const e of changed) {
      const t = texts(e, names, site);
      const room = e.kind === 'action' ? null : (e.roomId ?? null);
      await sql`insert into cal_entries (key, kind, room_id, start_at, end_at, status, cancelled_at, confidential, ics_zh, ics_en, busy_zh, busy_en, entry)
        values (${e.key}, ${e.kind}, ${room}, ${e.start}, ${e.end}, ${e.kind === 'meeting' && e.draft ? 'draft' : e.status}, ${e.cancelledAt ?? null}, ${e.confidential},
          ${t.ics.zh}, ${t.ics.en}, ${t.busy?.zh ?? null}, ${t.busy?.en ?? null}, ${JSON.stringify(e)}::jsonb)
        on conflict (key) do update set room_id = excluded.room_id, start_at = excluded.start_at,
          end_at = excluded.end_at, status = excluded.status, cancelled_at = excluded.cancelled_at,
          confidential = excluded.confidential, ics_zh = excluded.ics_zh, ics_en = excluded.ics_en,
          busy_zh = excluded.busy_zh, busy_en = excluded.busy_en, entry = excluded.entry`.execute(
        tx,
      );
      if (rewrite.includes(e)) continue;
      const people = peopleOf(e);
      await sql`delete from cal_entry_people where key = ${e.key}`.execute(tx);
      if (people.length > 0)
        await sql`insert into cal_entry_people (person_id, key) values ${sql.join(people.map((p) => sql`(${p}, ${e.key})`))}`.execute(
          tx,
        );
    }
    const scopes = new Set<string>();
    const people = new Set<string>();
    for (const e of changed) {
      for (const x of [before.get(e.key), e]) {
        if (x === undefined || (x.kind === 'meeting' && x.draft)) continue;
        if (x.kind === 'booking') scopes.add(`room:${x.roomId}`);
        for (const p of peopleOf(x)) people.add(p);
      }
    }
    for (const p of people) scopes.add(`person:${p}`);
    if (people.size > 0) {
      const depts = await sql<{
        department: string;
      }>`select distinct department from cal_people where person_id in (${sql.join([...people])})`.execute(
        tx,
      );
      for (const d of depts.rows) scopes.add(`department:${d.department}`);
    }
    // A renamed room or person renames their own feed, and every feed their entries are in.
    for (const id of after.rooms.keys()) scopes.add(`room:${id}`);
    for (const id of after.people.keys()) scopes.add(`person:${id}`);
    const now = site.clock();
    for (const s of scopes)
      await sql`insert into cal_feeds (scope, version, changed_at) values (${s}, 1, ${now})
        on conflict (scope) do update set version = cal_feeds.version + 1,
          changed_at = greatest(cal_feeds.changed_at, excluded.changed_at)`.execute(tx);
    await sql`update cal_projection set cursor = ${to}, applied_at = ${now} where id = 1`.execute(
      tx,
    );
    return [...scopes].sort();
  });
}

/**
 * How far the calendars have read the hub's feed.
 *
 * @param db - the hub's database
 * @returns the cursor, or undefined before the first page
 */
export async function calendarCursor(db: Kysely<unknown>): Promise<string | undefined> {
  const r = await sql<{ cursor: string }>`select cursor from cal_projection where id = 1`.execute(
    db,
  );
  const cursor = r.rows[0]?.cursor;
  return cursor === undefined || cursor === '' ? undefined : cursor;
}

/** A feed token as issued: its public id (to revoke it) and the secret (shown once). */
export interface IssuedToken {
  readonly id: string;
  readonly token: string;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * Issues a secret feed address's token (C-1): 32 random bytes, URL-safe; only its SHA-256 is kept.
 *
 * @param db - the hub's database
 * @param scope - whose feed
 * @param language - the feed's language
 * @param createdBy - who asked (a person's id)
 * @param now - the hub's clock
 * @returns the token's id and the token
 * @example
 * await issueFeedToken(db, { kind: 'room', roomId: 'A' }, 'zh-CN', 'wang', Date.now()) // => { id: 'ft_…', token: '…43 characters…' }
 */
export async function issueFeedToken(
  db: Kysely<unknown>,
  scope: FeedScope,
  language: Language,
  createdBy: string,
  now: number,
): Promise<IssuedToken> {
  const token = randomBytes(32).toString('base64url');
  const id = `ft_${randomBytes(9).toString('base64url')}`;
  await sql`insert into cal_tokens (token_hash, id, scope, language, created_by, created_at)
    values (${sha256(token)}, ${id}, ${scopeKey(scope)}, ${language}, ${createdBy}, ${now})`.execute(
    db,
  );
  return { id, token };
}

/** A token as stored, without its secret. */
export interface FeedTokenRow {
  readonly id: string;
  readonly scope: string;
  readonly language: Language;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

/**
 * Revokes a feed token: its address answers 404 from now on (C-1). Revoking twice is harmless.
 *
 * @param db - the hub's database
 * @param id - the token's public id
 * @param now - the hub's clock
 * @returns the token as it was, or undefined when there is none
 */
export async function revokeFeedToken(
  db: Kysely<unknown>,
  id: string,
  now: number,
): Promise<FeedTokenRow | undefined> {
  const r = await sql<{
    id: string;
    scope: string;
    language: Language;
    created_by: string;
    created_at: string | number;
    revoked_at: string | number | null;
  }>`
    update cal_tokens set revoked_at = coalesce(revoked_at, ${now}) where id = ${id}
    returning id, scope, language, created_by, created_at, revoked_at`.execute(db);
  const row = r.rows[0];
  return row === undefined
    ? undefined
    : {
        id: row.id,
        scope: row.scope,
        language: row.language,
        createdBy: row.created_by,
        createdAt: Number(row.created_at),
        revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
      };
}

/** What a feed request needs before it renders anything: whose feed, in which language, at which version. */
export interface FeedHead {
  readonly scope: FeedScope;
  readonly language: Language;
  /** Grows with every change of the feed; 0 for a feed that never changed. */
  readonly version: number;
  /** The hub's clock at the last change; 0 when none. */
  readonly changedAt: number;
}

/**
 * The head of the feed a token opens, in one indexed query (the token's primary key joined to the
 * feed's): all a `304 Not Modified` costs (C-1).
 *
 * @param db - the hub's database
 * @param token - the secret from the address
 * @returns the head, or undefined for an unknown or revoked token
 * @example
 * await feedHead(db, token) // => { scope: { kind: 'room', roomId: 'A' }, language: 'zh-CN', version: 12, changedAt: 1796… }
 */
export async function feedHead(db: Kysely<unknown>, token: string): Promise<FeedHead | undefined> {
  const r = await sql<{
    scope: string;
    language: string;
    version: string | number | null;
    changed_at: string | number | null;
  }>`
    select t.scope, t.language, f.version, f.changed_at from cal_tokens t
      left join cal_feeds f on f.scope = t.scope
     where t.token_hash = ${sha256(token)} and t.revoked_at is null`.execute(db);
  const row = r.rows[0];
  const scope = row === undefined ? undefined : scopeOfKey(row.scope);
  if (
    row === undefined ||
    scope === undefined ||
    !(LANGUAGES as readonly string[]).includes(row.language)
  )
    return undefined;
  return {
    scope,
    language: row.language as Language,
    version: Number(row.version ?? 0),
    changedAt: Number(row.changed_at ?? 0),
  };
}

/** Where the calendars are written: the site's zone and calendar domain, and the hub's clock. */
export interface CalendarSite {
  readonly zone: TimeZone;
  readonly domain: string;
  readonly clock: () => number;
}

interface ServedRow {
  key: string;
  start_at: string | number;
  end_at: string | number;
  confidential: boolean;
  ics: string | null;
  busy: string | null;
}

/**
 * A feed as served (C-1, C-2): the entries' stored `VEVENT`s in the reader's language, picked in
 * one query by the feed's scope and window, joined under the feed's head and the zone's
 * `VTIMEZONE`. The same text {@link renderFeed} writes from the calendar's state.
 *
 * @param db - the hub's database
 * @param scope - whose feed
 * @param options - language, zone, domain, now (and the window's lengths)
 * @returns the text
 * @example
 * await serveFeed(db, { kind: 'room', roomId: 'A' }, { language: 'zh-CN', zone, domain, now }) // => 'BEGIN:VCALENDAR\r\n…'
 */
export async function serveFeed(
  db: Kysely<unknown>,
  scope: FeedScope,
  options: FeedOptions,
): Promise<string> {
  const w = feedWindow(options);
  const en = options.language === 'en';
  const ics = en ? sql.ref('e.ics_en') : sql.ref('e.ics_zh');
  const busy = en ? sql.ref('e.busy_en') : sql.ref('e.busy_zh');
  const live = sql`e.end_at >= ${w.from} and e.status <> 'draft' and (e.status <> 'cancelled' or e.cancelled_at >= ${w.cancelledFrom})`;
  let rows: ServedRow[];
  let title: string | undefined;
  switch (scope.kind) {
    case 'room': {
      rows = (
        await sql<ServedRow>`select e.key, e.start_at, e.end_at, e.confidential, ${ics} as ics, null as busy
          from cal_entries e where e.kind = 'booking' and e.room_id = ${scope.roomId} and ${live}`.execute(
          db,
        )
      ).rows;
      title = (
        await sql<{
          name: string;
        }>`select name from cal_rooms where room_id = ${scope.roomId}`.execute(db)
      ).rows[0]?.name;
      break;
    }
    case 'person': {
      rows = (
        await sql<ServedRow>`select e.key, e.start_at, e.end_at, e.confidential, ${ics} as ics, null as busy
          from cal_entry_people p join cal_entries e on e.key = p.key where p.person_id = ${scope.personId} and ${live}`.execute(
          db,
        )
      ).rows;
      title = (
        await sql<{
          name: string;
        }>`select name from cal_people where person_id = ${scope.personId}`.execute(db)
      ).rows[0]?.name;
      break;
    }
    case 'department':
      rows = (
        await sql<ServedRow>`select e.key, e.start_at, e.end_at, e.confidential, ${ics} as ics, ${busy} as busy
          from cal_entries e where e.kind = 'meeting' and ${live} and e.key in (
            select p.key from cal_people pp join cal_entry_people p on p.person_id = pp.person_id
             where pp.department = ${scope.department})`.execute(db)
      ).rows;
      break;
    default:
      return scope satisfies never;
  }
  const items = rows
    .map((r) => ({
      key: r.key,
      start: Number(r.start_at),
      end: Number(r.end_at),
      text: (r.confidential && r.busy !== null ? r.busy : r.ics) ?? '',
    }))
    .sort((a, b) => a.start - b.start || (a.key < b.key ? -1 : 1));
  const names = {
    rooms: new Map<string, RoomName>(
      scope.kind === 'room' && title !== undefined ? [[scope.roomId, { name: title }]] : [],
    ),
    people: new Map<string, PersonName>(
      scope.kind === 'person' && title !== undefined
        ? [[scope.personId, { name: title, department: '' }]]
        : [],
    ),
  };
  return calendarText(
    items.map((i) => i.text),
    {
      ...feedTitle(scope, names, options.language),
      method: ICalCalendarMethod.PUBLISH,
      language: options.language,
    },
    options.zone,
    yearsOf(items, options.now),
  );
}

/** Rooms and people whose names in this batch differ from the stored ones. */
async function namesChanged(
  tx: Kysely<unknown>,
  after: CalendarState,
): Promise<{ rooms: string[]; people: string[] }> {
  const rooms: string[] = [];
  const people: string[] = [];
  if (after.rooms.size > 0) {
    const r = await sql<{
      room_id: string;
      name: string;
      location: string | null;
    }>`select room_id, name, location from cal_rooms where room_id in (${sql.join([...after.rooms.keys()])})`.execute(
      tx,
    );
    for (const x of r.rows) {
      const n = after.rooms.get(x.room_id);
      if (n !== undefined && (n.name !== x.name || (n.location ?? null) !== x.location))
        rooms.push(x.room_id);
    }
  }
  if (after.people.size > 0) {
    const r = await sql<{
      person_id: string;
      name: string;
    }>`select person_id, name from cal_people where person_id in (${sql.join([...after.people.keys()])})`.execute(
      tx,
    );
    for (const x of r.rows)
      if (after.people.get(x.person_id)?.name !== x.name) people.push(x.person_id);
  }
  return { rooms, people };
}

/** The entries that show a room's or a person's name. */
async function entriesNaming(
  tx: Kysely<unknown>,
  renamed: { rooms: string[]; people: string[] },
): Promise<CalendarEntry[]> {
  const out = new Map<string, CalendarEntry>();
  const add = (rows: readonly { entry: CalendarEntry | string }[]) => {
    for (const r of rows) {
      const e = parsed(r.entry);
      out.set(e.key, e);
    }
  };
  if (renamed.rooms.length > 0)
    add(
      (
        await sql<{
          entry: CalendarEntry | string;
        }>`select entry from cal_entries where room_id in (${sql.join(renamed.rooms)})`.execute(tx)
      ).rows,
    );
  if (renamed.people.length > 0) {
    add(
      (
        await sql<{
          entry: CalendarEntry | string;
        }>`select e.entry from cal_entry_people p join cal_entries e on e.key = p.key where p.person_id in (${sql.join(renamed.people)})`.execute(
          tx,
        )
      ).rows,
    );
    add(
      (
        await sql<{
          entry: CalendarEntry | string;
        }>`select entry from cal_entries where kind = 'booking' and entry->>'organizerId' in (${sql.join(renamed.people)})`.execute(
          tx,
        )
      ).rows,
    );
  }
  return [...out.values()];
}

/** An entry's stored `VEVENT`s: as its own feeds show it, and (a confidential meeting) as busy time for shared ones. */
function texts(
  e: CalendarEntry,
  names: Pick<CalendarState, 'rooms' | 'people'>,
  site: CalendarSite,
): { ics: { zh: string; en: string }; busy?: { zh: string; en: string } } {
  const state: CalendarState = { ...names, entries: new Map() };
  const write = (view: EntryView, inRoomFeed: boolean) => ({
    zh: veventText(
      { entry: e, view },
      { state, options: { language: 'zh-CN', zone: site.zone, domain: site.domain }, inRoomFeed },
    ),
    en: veventText(
      { entry: e, view },
      { state, options: { language: 'en', zone: site.zone, domain: site.domain }, inRoomFeed },
    ),
  });
  if (e.kind === 'booking') return { ics: write(e.confidential ? 'busy' : 'full', true) };
  if (e.kind === 'meeting' && e.confidential)
    return { ics: write('full', false), busy: write('busy', false) };
  return { ics: write('full', false) };
}

/**
 * One meeting's entry and the names it uses, for its invitation file (C-3).
 *
 * @param db - the hub's database
 * @param meetingId - the meeting
 * @returns a calendar state holding just that meeting (none when there is no such meeting)
 */
export async function meetingState(db: Kysely<unknown>, meetingId: string): Promise<CalendarState> {
  const r = await sql<{
    entry: CalendarEntry | string;
  }>`select entry from cal_entries where key = ${`meeting:${meetingId}`}`.execute(db);
  const entries = new Map<string, CalendarEntry>();
  for (const row of r.rows) {
    const e = parsed(row.entry);
    entries.set(e.key, e);
  }
  return { entries, ...(await namesFor(db, [...entries.values()], undefined)) };
}

async function namesFor(
  db: Kysely<unknown>,
  entries: readonly CalendarEntry[],
  scope: FeedScope | undefined,
): Promise<Pick<CalendarState, 'rooms' | 'people'>> {
  const roomIds = new Set<string>();
  const personIds = new Set<string>();
  if (scope?.kind === 'room') roomIds.add(scope.roomId);
  if (scope?.kind === 'person') personIds.add(scope.personId);
  for (const e of entries) {
    if (e.kind === 'booking') {
      roomIds.add(e.roomId);
      personIds.add(e.organizerId);
    } else if (e.kind === 'meeting') {
      if (e.roomId !== undefined) roomIds.add(e.roomId);
      for (const p of peopleOf(e)) personIds.add(p);
    }
  }
  const rooms = new Map<string, RoomName>();
  const people = new Map<string, PersonName>();
  if (roomIds.size > 0) {
    const r = await sql<{
      room_id: string;
      name: string;
      location: string | null;
    }>`select room_id, name, location from cal_rooms where room_id in (${sql.join([...roomIds])})`.execute(
      db,
    );
    for (const x of r.rows)
      rooms.set(x.room_id, {
        name: x.name,
        ...(x.location === null ? {} : { location: x.location }),
      });
  }
  if (personIds.size > 0) {
    const r = await sql<{
      person_id: string;
      name: string;
      department: string;
    }>`select person_id, name, department from cal_people where person_id in (${sql.join([...personIds])})`.execute(
      db,
    );
    for (const x of r.rows) people.set(x.person_id, { name: x.name, department: x.department });
  }
  return { rooms, people };
}
