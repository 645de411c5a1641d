import type { Result } from '@huiyi/core';
import { switchLanguage } from '../i18n/localization.js';
import type { KioskService } from '../services/kiosk-service.js';
import { checkPin, hashPin, type KioskSettings, type Language } from '../services/settings.js';

// What the settings screen does, out of the elements: keeping the settings, checking the PIN, and
// saving the log as a file. Importing a schedule file, which only a door of its own does, is in
// src/standalone/standalone.ts.

/**
 * Whether a PIN is the tablet's (K-4).
 *
 * @param settings - the tablet's settings
 * @param pin - the digits entered
 * @returns true when it matches
 */
export async function pinMatches(settings: KioskSettings, pin: string): Promise<boolean> {
  return checkPin(pin, settings.pin);
}

/**
 * Keeps a new room and language for this tablet, in its storage, and only then switches to the
 * language (K-3: "saved" only once kept).
 *
 * @param service - the kiosk's service (it keeps the settings)
 * @param settings - the settings before
 * @param change - the room (empty: the first) and the language
 * @returns the settings after, or why they could not be kept
 */
export async function keepRoomAndLanguage(
  service: KioskService,
  settings: KioskSettings,
  change: { readonly roomId: string; readonly language: Language },
): Promise<Result<KioskSettings>> {
  const kept = await service.keepSettings({
    ...settings,
    roomId: change.roomId || undefined,
    language: change.language,
  });
  if (kept.ok) await switchLanguage(change.language);
  return kept;
}

/**
 * Keeps a new PIN (salted and hashed), in the tablet's storage.
 *
 * @param service - the kiosk's service (it keeps the settings)
 * @param settings - the settings before
 * @param pin - the new digits
 * @returns the settings after, or why they could not be kept
 */
export async function keepPin(
  service: KioskService,
  settings: KioskSettings,
  pin: string,
): Promise<Result<KioskSettings>> {
  return service.keepSettings({ ...settings, pin: await hashPin(pin) });
}

/**
 * Saves the whole event log as a file (`huiyi-events-YYYY-MM-DD.json`).
 *
 * @param service - the kiosk's service
 * @param now - the moment (names the file)
 * @returns how many events were saved
 */
export async function downloadLog(service: KioskService, now: number): Promise<number> {
  const events = await (await service.log()).readAfter(0);
  const blob = new Blob(
    [JSON.stringify({ format: 'huiyi-event-log', version: 1, events }, null, 2)],
    { type: 'application/json' },
  );
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `huiyi-events-${new Date(now).toISOString().slice(0, 10)}.json`;
  a.click();
  URL.revokeObjectURL(a.href);
  return events.length;
}
