import { openIdbEventStore } from '@huiyi/store-idb';
import type { KioskEvent } from './services/kiosk-events.js';

/** The database every kiosk of this origin keeps its log in. */
export const DATABASE = 'huiyi-kiosk';

/**
 * The kiosk's log, opened as soon as this module runs. `main.ts` imports it first, so the
 * database opens while the rest of the app's code is still being evaluated (K-3: a restart shows
 * today's screen at once). `main.ts` awaits it, and reports its failure.
 */
export const openingLog = openIdbEventStore<KioskEvent>({ name: DATABASE });
openingLog.catch(() => undefined);
