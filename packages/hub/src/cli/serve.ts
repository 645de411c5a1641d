// Starts the hub as a process: the engine on its database, the HTTP server over it on 127.0.0.1,
// the built kiosk with each room's door, and (when asked) the demo dealership.
import { fileURLToPath } from 'node:url';
import type { App } from '../http/context.js';
import { openRuntime, type HubEngine } from '../http/engine.js';
import {
  calendarSettingsFromEnv,
  calendarsPlugin,
  type CalendarSettings,
} from '../http/routes/calendars.js';
import { kioskRoutes } from '../http/routes/kiosk.js';
import { buildServer } from '../http/server.js';
import { lockDataDir, type Where } from './data-dir.js';

/** The built kiosk: `kiosk/dist` at the repository's root. */
export const KIOSK_DIST = fileURLToPath(new URL('../../../../kiosk/dist/', import.meta.url));

/** Options of {@link serve}. */
export interface ServeOptions {
  readonly where: Where;
  readonly host?: string;
  readonly port?: number;
  /** Seed the demo dealership when the database is empty, and let demo doors enrol themselves. */
  readonly demo?: boolean;
  /** The built kiosk's folder (default `kiosk/dist`); `null`: the API only. */
  readonly kioskDir?: string | null;
  readonly logger?: boolean;
  /** The calendars' zone, domain and public URL (default: `HUB_ZONE`, `HUB_CALENDAR_DOMAIN`, `HUB_PUBLIC_URL`). */
  readonly calendars?: CalendarSettings;
}

/** A running hub. */
export interface Running {
  readonly url: string;
  readonly app: App;
  readonly hub: HubEngine;
  /** Whether the demo was seeded by this start. */
  readonly seeded: boolean;
  close(): Promise<void>;
}

/**
 * Starts the hub.
 *
 * @param options - where the data is, where to listen, the demo
 * @returns the running hub
 */
export async function serve(options: ServeOptions): Promise<Running> {
  let release = () => undefined as void;
  if (options.where.dataDir !== undefined) {
    const lock = lockDataDir(options.where.dataDir);
    if ('heldBy' in lock) {
      throw new Error(
        `另一个进程（${lock.heldBy}）正在使用数据目录 ${options.where.dataDir} · process ${lock.heldBy} holds the data folder ${options.where.dataDir}`,
      );
    }
    release = lock.release;
  }
  try {
    const hub = await openRuntime(options.where);
    const seeded = options.demo ? (await hub.seedDemo(Date.now())).seeded : false;
    const kioskDir = options.kioskDir === undefined ? KIOSK_DIST : options.kioskDir;
    const app = await buildServer(hub, {
      logger: options.logger ?? false,
      plugins: [
        // The calendars' routes first: the kiosk's pages take every other GET.
        calendarsPlugin(options.calendars ?? calendarSettingsFromEnv()),
        ...(kioskDir !== null
          ? [kioskRoutes({ dir: kioskDir, demoEnrolment: options.demo === true })]
          : []),
      ],
    });
    const host = options.host ?? '127.0.0.1';
    await app.listen({ host, port: options.port ?? 4173 });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : options.port;
    return {
      url: `http://${host}:${port}`,
      app,
      hub,
      seeded,
      async close() {
        await app.close();
        await hub.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
