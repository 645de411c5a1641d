import { DEFAULT_PARAMETERS } from '@huiyi/core';
import { openIdbEventStore, requestPersistence } from '@huiyi/store-idb';
import { kioskClock } from './controllers/clock.js';
import { demoCommands } from './demo/demo-site.js';
import { setLocale } from './i18n/localization.js';
import type { KioskEvent } from './services/kiosk-events.js';
import { KioskService } from './services/kiosk-service.js';
import { registerServiceWorker } from './services/service-worker.js';
import { loadSettings } from './services/settings.js';
import './components/huiyi-kiosk.js';

/** The database every kiosk of this origin keeps its log in. */
export const DATABASE = 'huiyi-kiosk';

async function start(): Promise<void> {
  const app = document.querySelector('huiyi-kiosk');
  if (!app) return;
  const settings = await loadSettings();
  await setLocale(settings.language);
  const store = await openIdbEventStore<KioskEvent>({ name: DATABASE });
  const service = await KioskService.open(store, { device: settings.device });
  if ((await store.lastPosition()) === 0) await seedDemo(service);
  app.settings = settings;
  app.service = service;
  void requestPersistence();
  registerServiceWorker((apply) => {
    app.applyUpdate = apply;
    app.updateReady = true;
  });
}

/** A new tablet with an empty log starts on the demo dealership, laid around the current time. */
async function seedDemo(service: KioskService): Promise<void> {
  const commands = demoCommands(kioskClock.now(), DEFAULT_PARAMETERS.time.zone);
  const all = await service.dispatchAll(commands);
  if (all.ok) return;
  // Near midnight some of the day does not fit: take what does, one by one.
  for (const c of commands) await service.dispatch(c);
}

void start();
