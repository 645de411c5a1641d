/** The languages of the kiosk (K-5). */
export type Language = 'zh-CN' | 'en';

/** What the admin sets on this tablet (K-4): its room, its language, the PIN guarding the settings. */
export interface KioskSettings {
  readonly roomId: string | undefined;
  readonly language: Language;
  /** SHA-256 of the PIN, hex. */
  readonly pinHash: string;
  /** This tablet's id, written into every event it records. */
  readonly device: string;
}

const KEY = 'huiyi.kiosk.settings';

/** The PIN a new tablet starts with; the admin changes it in the settings. */
export const DEFAULT_PIN = '2468';

/**
 * SHA-256 of a PIN, as hex.
 *
 * @param pin - the digits
 * @returns the hash
 */
export async function hashPin(pin: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`huiyi:${pin}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * This tablet's settings from local storage, with defaults for a new tablet. `?lang=en` in the
 * address overrides the language for this visit.
 *
 * @returns the settings
 */
export async function loadSettings(): Promise<KioskSettings> {
  let stored: Partial<KioskSettings>;
  try {
    stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<KioskSettings>;
  } catch {
    stored = {};
  }
  const lang = new URLSearchParams(location.search).get('lang');
  const settings: KioskSettings = {
    roomId: typeof stored.roomId === 'string' ? stored.roomId : undefined,
    language: lang === 'en' || lang === 'zh-CN' ? lang : stored.language === 'en' ? 'en' : 'zh-CN',
    pinHash: typeof stored.pinHash === 'string' ? stored.pinHash : await hashPin(DEFAULT_PIN),
    device:
      typeof stored.device === 'string'
        ? stored.device
        : `kiosk-${crypto.randomUUID().slice(0, 8)}`,
  };
  saveSettings(settings);
  return settings;
}

/**
 * Keeps the settings for the next start.
 *
 * @param settings - the settings
 */
export function saveSettings(settings: KioskSettings): void {
  localStorage.setItem(KEY, JSON.stringify(settings));
}
