import { openIdbEventLog } from '@huiyi/store-idb';
import type { KioskEvent } from './services/kiosk-events.js';
import { doorAddress } from './sync/door-address.js';

/** The door this page is: its room from the address (`/door/<room>`), its database, its keys. */
export const DOOR = doorAddress(location.pathname);

/** The database this door keeps its log in (`huiyi-kiosk` at the site's root). */
export const DATABASE = DOOR.database;

/**
 * The kiosk's log, opened as soon as this module runs, without its sync log: a door with a hub
 * attaches it from the sync client (`withSyncLog`), which a door of its own never loads. `main.ts` imports it first, so the
 * database opens while the rest of the app's code is still being evaluated (K-3: a restart shows
 * today's screen at once). `main.ts` awaits it, and reports its failure.
 */
export const openingLog = openIdbEventLog<KioskEvent>({ name: DATABASE });
openingLog.catch(() => undefined);
