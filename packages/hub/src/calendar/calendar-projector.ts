import type { TimeZone } from '@huiyi/core';
import { sql } from 'kysely';
import type { Hub } from '../hub.js';
import { applyToCalendar, calendarCursor } from './calendar-store.js';

/** What the projection reads the hub through: its database and its gap-free feed. */
export type CalendarSource = Pick<Hub, 'db' | 'feed'>;

/** How the projection reads and writes. */
export interface ProjectionOptions {
  /** The site's zone: every `VEVENT` is written in it. */
  readonly zone: TimeZone;
  /** The site's calendar domain. */
  readonly domain: string;
  /** The hub's clock (default `Date.now`), for `Last-Modified`. */
  readonly clock?: () => number;
  /** Events per page (default 200): each page is one transaction that writes its entries' VEVENTs, about 2 ms an event. */
  readonly pageSize?: number;
}

/**
 * Brings the calendars' tables up to the hub's log (C-1): reads the hub's gap-free feed after the
 * stored cursor, page by page, each folded in one transaction. A feed that says `reset` (another
 * database, a restore) starts the calendars again from the beginning; feed versions keep growing,
 * so clients' ETags stay honest. Safe to run from several processes at once.
 *
 * @param hub - the hub
 * @param options - the site's zone and domain, clock, page size
 * @returns how many events were folded
 * @example
 * await catchUpCalendars(hub, { zone: 'Asia/Shanghai', domain: 'huiyi.example' }) // => 42
 */
export async function catchUpCalendars(
  hub: CalendarSource,
  options: ProjectionOptions,
): Promise<number> {
  const site = { zone: options.zone, domain: options.domain, clock: options.clock ?? Date.now };
  let folded = 0;
  for (;;) {
    const cursor = await calendarCursor(hub.db);
    const page = await hub.feed(
      { kind: 'admin' },
      { after: cursor, limit: options.pageSize ?? 200 },
    );
    if (!page.ok) throw new Error(`the hub refused its own feed: ${page.rejection.message.en}`);
    if (page.reset && cursor !== undefined) {
      await hub.db.transaction().execute(async (tx) => {
        await sql`delete from cal_entry_people`.execute(tx);
        await sql`delete from cal_entries`.execute(tx);
        await sql`delete from cal_people`.execute(tx);
        await sql`delete from cal_rooms`.execute(tx);
        await sql`update cal_projection set cursor = '' where id = 1`.execute(tx);
      });
      continue;
    }
    const applied = await applyToCalendar(hub.db, page.events, cursor, page.cursor, site);
    if (applied !== undefined) folded += page.events.length;
    if (!page.more && applied !== undefined) return folded;
  }
}

/** A running projection: stop it, or wait until it has caught up. */
export interface CalendarFollower {
  /** Waits for the catch-up under way (and one more if commits came meanwhile). */
  idle(): Promise<void>;
  stop(): void;
}

/**
 * Keeps the calendars up to the hub: catches up now, then after every commit, coalescing commits
 * that arrive while a catch-up runs into one more.
 *
 * @param hub - the hub
 * @param options - clock, page size; `onError` for a failed catch-up (default: ignored, retried on the next commit)
 * @returns the follower
 * @example
 * const follower = followHub(hub, { zone, domain }); … await follower.idle(); follower.stop();
 */
export function followHub(
  hub: CalendarSource & Pick<Hub, 'onCommitted'>,
  options: ProjectionOptions & { readonly onError?: (e: unknown) => void },
): CalendarFollower {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const run = (): Promise<void> => {
    if (running !== undefined) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await catchUpCalendars(hub, options);
        } catch (e) {
          options.onError?.(e);
        }
      } while (again && !stopped);
      running = undefined;
    })();
    return running;
  };
  const unsubscribe = hub.onCommitted(() => {
    if (!stopped) void run();
  });
  void run();
  return {
    idle: async () => {
      while (running !== undefined) await running;
    },
    stop: () => {
      stopped = true;
      unsubscribe();
    },
  };
}
