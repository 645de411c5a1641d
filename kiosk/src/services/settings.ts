/** The languages of the kiosk (K-5). */
export type Language = 'zh-CN' | 'en';

/**
 * The PIN as kept: PBKDF2-SHA-256 of the digits with a random salt of this tablet (never the
 * digits, and not the same hash on two tablets with the same PIN).
 */
export interface PinHash {
  /** The salt, hex (16 random bytes). */
  readonly salt: string;
  /** The derived key, hex (32 bytes). */
  readonly hash: string;
  readonly iterations: number;
}

/** What the admin sets on this tablet (K-4): its room, its language, the PIN guarding the settings. */
export interface KioskSettings {
  readonly roomId: string | undefined;
  readonly language: Language;
  /** The PIN, salted and hashed. */
  readonly pin: PinHash;
  /** This tablet's id, written into every event it records: made once, on the first start. */
  readonly device: string;
}

/**
 * Where the settings are kept: the log's database (`@huiyi/store-idb`'s settings store, written
 * with the log's strict durability), or memory in tests. Each write resolves once it is kept.
 */
export interface SettingsStore {
  readSettings(): Promise<ReadonlyMap<string, unknown>>;
  writeSettings(values: Readonly<Record<string, unknown>>): Promise<void>;
  /** The value kept under `key`, or `make()`'s, written in the same transaction that looked. */
  settle(key: string, make: () => unknown): Promise<unknown>;
}

/** Where earlier versions kept the settings (localStorage): read once, moved, then removed. */
export const LEGACY_KEY = 'huiyi.kiosk.settings';

/**
 * A copy of the room and the language in localStorage, written after the store: only so that a
 * restart draws its first frame before the database is open. The store is the truth.
 */
export const MIRROR_KEY = 'huiyi.kiosk.screen-settings';

/** The PIN a new tablet starts with; the admin changes it in the settings. */
export const DEFAULT_PIN = '2468';

/** PBKDF2 rounds: about 30 ms on a tablet, once per PIN typed. */
const ITERATIONS = 100_000;

const hex = (bytes: Uint8Array): string =>
  [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const unhex = (text: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array((text.match(/../g) ?? []).map((h) => parseInt(h, 16)));

async function derive(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return hex(new Uint8Array(bits));
}

/**
 * Hashes a PIN with a fresh random salt (PBKDF2-SHA-256, Web Crypto).
 *
 * @param pin - the digits
 * @returns the salt, the hash and the rounds, to keep
 */
export async function hashPin(pin: string): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: hex(salt), hash: await derive(pin, salt, ITERATIONS), iterations: ITERATIONS };
}

/** SHA-256 of `huiyi:` and the PIN, as earlier versions kept it (unsalted). */
async function legacyHash(pin: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`huiyi:${pin}`));
  return hex(new Uint8Array(digest));
}

/**
 * Whether a PIN is the one kept.
 *
 * @param pin - the digits typed
 * @param kept - the PIN's salted hash
 * @returns true when they match
 */
export async function checkPin(pin: string, kept: PinHash): Promise<boolean> {
  if (kept.salt === '') return (await legacyHash(pin)) === kept.hash;
  return (await derive(pin, unhex(kept.salt), kept.iterations)) === kept.hash;
}

/** The settings a record holds (the store's, or localStorage's), each checked. */
function read(all: ReadonlyMap<string, unknown>, search: string): Omit<KioskSettings, 'device'> {
  const roomId = all.get('roomId');
  const pin = all.get('pin') as PinHash | undefined;
  const asked = new URLSearchParams(search).get('lang');
  const lang = asked === 'en' || asked === 'zh-CN' ? asked : all.get('language');
  return {
    roomId: typeof roomId === 'string' && roomId !== '' ? roomId : undefined,
    language: lang === 'en' ? 'en' : 'zh-CN',
    pin: typeof pin?.hash === 'string' && typeof pin.salt === 'string' ? pin : NO_PIN,
  };
}

/** A JSON object from localStorage, or an empty one. */
function stored(storage: Storage | undefined, key: string): Map<string, unknown> {
  try {
    return new Map(Object.entries((JSON.parse(storage?.getItem(key) ?? '{}') as object) ?? {}));
  } catch {
    return new Map();
  }
}

/** A PIN that no digits match: what the screen holds until the kept one is read. */
export const NO_PIN: PinHash = { salt: '00', hash: '', iterations: 1 };

/**
 * This tablet's settings from the store. On the first start the device id is made, once (two
 * tabs starting at once get the same one), and the default PIN kept; settings an earlier version
 * left in localStorage are moved into the store, then removed from it. `?lang=en` in the address
 * overrides the language for this visit.
 *
 * @param store - where the settings are kept
 * @param legacy - where earlier versions kept them, and the first frame's copy goes (localStorage)
 * @param search - the address's query (default the page's)
 * @returns the settings, all of them kept in the store
 */
export async function loadSettings(
  store: SettingsStore,
  legacy?: Storage,
  search: string = typeof location === 'undefined' ? '' : location.search,
): Promise<KioskSettings> {
  const old = stored(legacy, LEGACY_KEY);
  const device = String(
    await store.settle(
      'device',
      () => old.get('device') ?? `kiosk-${crypto.randomUUID().slice(0, 8)}`,
    ),
  );
  const kept = new Map(await store.readSettings());
  const moved: Record<string, unknown> = {};
  for (const key of ['roomId', 'language'])
    if (!kept.has(key) && typeof old.get(key) === 'string') moved[key] = old.get(key);
  if (read(kept, '').pin === NO_PIN) {
    const hash = old.get('pinHash');
    moved['pin'] =
      typeof hash === 'string' ? { salt: '', hash, iterations: 0 } : await hashPin(DEFAULT_PIN);
  }
  if (Object.keys(moved).length > 0) await store.writeSettings(moved);
  legacy?.removeItem(LEGACY_KEY);
  for (const [k, v] of Object.entries(moved)) kept.set(k, v);
  writeMirror(legacy, kept);
  return { ...read(kept, search), device };
}

/** Copies the room and the language for the next start's first frame (after the store). */
function writeMirror(storage: Storage | undefined, values: ReadonlyMap<string, unknown>): void {
  try {
    storage?.setItem(
      MIRROR_KEY,
      JSON.stringify({
        roomId: values.get('roomId') ?? '',
        language: values.get('language') ?? 'zh-CN',
      }),
    );
  } catch {
    // Only a copy for the first frame: without it, the next start waits for the database.
  }
}

/**
 * The settings for a restart's first frame, from the copy in localStorage, before the database
 * is open: the room and the language; the PIN and the device id are not in it (no PIN opens the
 * settings, and nothing is written, until {@link loadSettings} has read them from the store).
 *
 * @param storage - the page's localStorage
 * @param search - the address's query (default the page's)
 * @returns the settings to draw with, or `undefined` without a copy (a new tablet, an earlier version)
 */
export function mirroredSettings(
  storage: Storage | undefined,
  search: string = typeof location === 'undefined' ? '' : location.search,
): KioskSettings | undefined {
  const copy = stored(storage, MIRROR_KEY);
  return copy.size > 0 ? { ...read(copy, search), pin: NO_PIN, device: '' } : undefined;
}

/**
 * Keeps the settings for the next start: resolves once they are in the store (the screen says
 * "saved" only then).
 *
 * @param store - where the settings are kept
 * @param settings - the settings
 */
export async function saveSettings(store: SettingsStore, settings: KioskSettings): Promise<void> {
  await store.writeSettings({
    roomId: settings.roomId ?? '',
    language: settings.language,
    pin: settings.pin,
  });
}

/**
 * A settings store that is still opening (the log's database), whose writes of the room and the
 * language are copied into localStorage once kept ({@link mirroredSettings}).
 *
 * @param opening - the store's opening
 * @param mirror - where the first frame's copy goes
 * @returns the store
 */
export function settingsStoreOf(
  opening: PromiseLike<SettingsStore>,
  mirror?: Storage,
): SettingsStore {
  const store = Promise.resolve(opening);
  return {
    readSettings: async () => (await store).readSettings(),
    writeSettings: async (values) => {
      await (await store).writeSettings(values);
      if ('roomId' in values && 'language' in values)
        writeMirror(mirror, new Map(Object.entries(values)));
    },
    settle: async (key, make) => (await store).settle(key, make),
  };
}

/**
 * A settings store in memory (tests, or a page without the log's database).
 *
 * @param initial - settings already kept
 * @returns the store
 */
export function memorySettingsStore(initial: Record<string, unknown> = {}): SettingsStore {
  const kept = new Map(Object.entries(initial));
  return {
    readSettings: () => Promise.resolve(new Map(kept)),
    writeSettings: (values) => {
      for (const [k, v] of Object.entries(values)) kept.set(k, v);
      return Promise.resolve();
    },
    settle: (key, make) => {
      if (!kept.has(key)) kept.set(key, make());
      return Promise.resolve(kept.get(key));
    },
  };
}
