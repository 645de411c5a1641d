// First: the log starts opening while the rest of the code below is evaluated.
import { DATABASE, DOOR, openingLog } from './open-log.js';
import { DEFAULT_PARAMETERS, localDateOf } from '@huiyi/core';
import { requestPersistence } from '@huiyi/store-idb';
import { kioskClock } from './controllers/clock.js';
import { switchLanguage } from './i18n/localization.js';
import { KioskService, storeRejection } from './services/kiosk-service.js';
import { storageCopy } from './services/kiosk-snapshots.js';
import { registerServiceWorker } from './services/service-worker.js';
import { webDoorLock } from './services/door-lock.js';
import {
  loadSettings,
  mirroredSettings,
  NO_PIN,
  settingsStoreOf,
  type KioskSettings,
} from './services/settings.js';
import { prefixedStorage } from './sync/door-address.js';
import type { DoorSync, withSyncLog } from './sync/door-sync.js';
import './components/huiyi-kiosk.js';

export { DATABASE };

async function start(): Promise<void> {
  const app = document.querySelector('huiyi-kiosk');
  if (!app) return;
  // This door's own part of localStorage (two doors side by side in one browser keep apart).
  const storage = prefixedStorage(localStorage, DOOR.prefix);
  // Whether the log is a hub's (S-5): read from the log, commands wait for it.
  const syncMeta = openingLog.then((log) => log.syncMeta());
  syncMeta.catch(() => undefined);
  const enrolCode = new URLSearchParams(location.search).get('enrol');
  // A door being enrolled needs its sync client at once: its script loads while the log opens.
  const syncClient = (): Promise<{
    DoorSync: typeof DoorSync;
    withSyncLog: typeof withSyncLog;
  }> => import('./sync/door-sync.js');
  if (enrolCode !== null || DOOR.roomId !== undefined) syncClient().catch(() => undefined);
  // A door with a hub queues each tap for it in its log's sync log, which is the sync client's (a
  // door of its own never loads it): its taps are written once it is attached. Should it not load,
  // a tap is refused (nowhere to queue it), never written unqueued.
  const syncLog = syncMeta.then(async (m) => {
    if (m.hub === undefined) return;
    const [log, client] = await Promise.all([openingLog, syncClient()]);
    client.withSyncLog(log);
  });
  syncLog.catch(() => undefined);
  // The settings and the device id are kept in the log's database, with its durability (K-3). A
  // restart draws its first frame from the copy of the room and the language, without waiting.
  const kept = settingsStoreOf(openingLog, storage);
  const loading = loadSettings(kept, storage);
  loading.catch(() => undefined);
  let settings: KioskSettings;
  try {
    settings = mirroredSettings(storage) ?? (await loading);
  } catch (error) {
    // No database: say why, in place of the door (in the defaults' language).
    app.settings = { roomId: undefined, language: 'zh-CN', pin: NO_PIN, device: '' };
    app.unavailable = storeRejection(error);
    return;
  }
  await switchLanguage(settings.language);
  // The zone's first reading loads the browser's time zone data (with Intl, ~20 ms): do it while
  // the database opens, not when the screen is drawn.
  localDateOf(kioskClock.now(), DEFAULT_PARAMETERS.time.zone);
  // Today's screen from the copy of its snapshot (or, without one, from the log once it is open);
  // the whole state is read once that screen is drawn.
  let drawn = (): void => undefined;
  const restAfter = new Promise<void>((resolve) => (drawn = resolve));
  let service: KioskService;
  try {
    service = await KioskService.openForScreen(openingLog, {
      device: loading.then((s) => s.device),
      settings: kept,
      // One door, one writer: a second tab of this door follows the first (K-3).
      lock: webDoorLock(`${DATABASE}:writer`),
      restAfter,
      copy: storageCopy(localStorage, `${DATABASE}.screen`),
      synced: syncMeta.then((m) => m.hub !== undefined),
      syncLog,
    });
  } catch (error) {
    // No log and no copy of the screen: say why, in place of the door, and offer to try again.
    app.settings = settings;
    app.unavailable = storeRejection(error);
    return;
  }
  // A door with a hub takes its schedule from the hub; one being enrolled now waits for it.
  const standalone = async (): Promise<boolean> =>
    enrolCode === null && DOOR.roomId === undefined && (await syncMeta).hub === undefined;
  if (service.position === 0) {
    if (await standalone().catch(() => true)) await seedDemo(service);
  } else {
    // A copy of a log that is gone (the site's data cleared but for local storage): once the log
    // is read, a new tablet starts on the demo as before.
    void service
      .whenComplete()
      .then(async () =>
        service.position === 0 && (await standalone()) ? seedDemo(service) : undefined,
      )
      .catch(() => undefined);
  }
  // A reload or a closed tab leaves the copy as the screen was: the next start draws it.
  addEventListener('pagehide', () => service.keepCopy());
  // The room: the hub's for an enrolled door, else the address's (`/door/<room>`), else the
  // settings'.
  let hubRoom: string | undefined;
  const inRoom = (s: KioskSettings): KioskSettings => {
    const roomId = hubRoom ?? DOOR.roomId ?? s.roomId;
    return roomId === s.roomId ? s : { ...s, roomId };
  };
  app.settings = inRoom(settings);
  app.service = service;
  // The PIN and the device id, once read from the store (at once without a copy).
  void loading.then(
    async (read) => {
      if (read.language !== settings.language) await switchLanguage(read.language);
      app.settings = inRoom(read);
    },
    () => undefined,
  );
  // The door and its hub (S-5): enrolment, the sync, the badge. The sync client is a classic
  // script of its own in the build (docs/decisions/kiosk-bundle.md): a door with a hub, or one
  // being enrolled, loads it at once; a door of its own only once its PIN screen is asked for (the
  // settings hold the enrolment). Until then the badge says what a standalone door's sync says.
  let opening: Promise<DoorSync> | undefined;
  const openSync = (log: Awaited<typeof openingLog>, meta: Awaited<typeof syncMeta>) =>
    (opening ??= syncClient().then(({ DoorSync }) => {
      const sync = DoorSync.open(service, log, meta, { now: () => kioskClock.now() });
      app.sync = sync;
      void app.updateComplete.then(() => app.door?.changed());
      return sync;
    }));
  // Not held back for the first frame: a door back after days asks the hub at once, and the
  // pages it pulls are written once the whole state is read (the service waits for it).
  const startSync = async (sync: DoorSync): Promise<void> => {
    await sync.start();
    addEventListener('pagehide', () => sync.stop());
  };
  void Promise.all([openingLog, syncMeta]).then(
    async ([log, meta]) => {
      if (!meta.hub && enrolCode === null && DOOR.roomId === undefined) {
        await app.updateComplete;
        const door = app.door;
        const stop = door?.subscribe(() => {
          if (door.screen.name !== 'pin' && door.screen.name !== 'settings') return;
          stop?.();
          void openSync(log, meta).then(startSync, () => undefined);
        });
        return;
      }
      const sync = await openSync(log, meta);
      if (meta.enrolment) {
        hubRoom = meta.enrolment.room.id;
        app.settings = inRoom(app.settings ?? settings);
      } else if (enrolCode !== null || DOOR.roomId !== undefined) {
        // `?enrol=CODE` (with `&hub=ADDRESS` when the page is not served by the hub), or a room's
        // door served by the demo hub (its `/door/<room>/enrol.json` hands out a code): enrolled
        // once, then opened again without the code in the address. Enrolling is a script of its
        // own: a door that has its hub never loads it.
        // Should it not load, the door goes on as one not enrolled.
        const enrolled = await import('./sync/enrol.js').then(
          ({ enrolHere }) =>
            enrolHere(
              enrolCode,
              DOOR.roomId,
              (e) => sync.keep(e),
              () => kioskClock.now(),
            ),
          () => undefined,
        );
        if (enrolled?.ok) {
          location.replace(location.pathname);
          return;
        }
        if (enrolled) app.enrolRefusal = enrolled.rejection;
        // No hub to enrol with: a door of its own, on the demo dealership.
        if (!meta.hub && service.position === 0) await seedDemo(service);
      }
      await startSync(sync);
    },
    () => undefined,
  );
  await app.updateComplete;
  // The settings' hub section is the enrol script's (in the build): every door asks for it while
  // its PIN screen or its settings are shown, so that it is there when they open (once loaded, an
  // ask is answered at once; should it not load, the next ask tries again). It takes its calls to
  // the hub from the sync client, so that one is asked for first.
  const door = app.door;
  door?.subscribe(() => {
    if (door.screen.name === 'pin' || door.screen.name === 'settings')
      syncClient()
        .then(() => import('./sync/enrol.js'))
        .catch(() => undefined);
  });
  // After the first frame (or a moment, should the tab be hidden): the rest of the state, and
  // what the screen does not wait for.
  let started = false;
  const rest = (): void => {
    if (started) return;
    started = true;
    drawn();
    void requestPersistence();
    registerServiceWorker((apply) => {
      app.applyUpdate = apply;
      app.updateReady = true;
    });
  };
  requestAnimationFrame(() => setTimeout(rest));
  setTimeout(rest, 250);
}

/**
 * A new tablet with an empty log and no hub starts on the demo dealership, laid around the current
 * time. Only a door of its own does it: in the build, a script of its own (the `standalone`
 * satellite) that a door with a hub never loads.
 *
 * @param service - the kiosk's service
 */
async function seedDemo(service: KioskService): Promise<void> {
  const { seedDemo } = await import('./standalone/standalone.js');
  await seedDemo(service, kioskClock.now(), DEFAULT_PARAMETERS.time.zone);
}

void start();
