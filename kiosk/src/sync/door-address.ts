/** Where a door lives in the browser: its room from the address, its database, its keys. */
export interface DoorAddress {
  /** The room in the address (`/door/<room>`), if any. */
  readonly roomId: string | undefined;
  /** The IndexedDB database of its log. */
  readonly database: string;
  /** What the door's localStorage keys start with (two doors in one browser keep apart). */
  readonly prefix: string;
}

/** The database of a kiosk opened at the site's root (one door per browser). */
export const ROOT_DATABASE = 'huiyi-kiosk';

/**
 * The door an address opens: `/door/<room>` is that room's door, with a database and keys of its
 * own, so that two doors side by side in one browser (each its own tab) never share a log; any
 * other address is the kiosk of this browser (`huiyi-kiosk`).
 *
 * @param pathname - the page's path
 * @returns the door's room, database and key prefix
 * @example
 * doorAddress('/door/B').database // => 'huiyi-door-B'
 * doorAddress('/').database // => 'huiyi-kiosk'
 */
export function doorAddress(pathname: string): DoorAddress {
  const m = /^\/door\/([^/]{1,100})\/?$/u.exec(pathname);
  if (!m?.[1]) return { roomId: undefined, database: ROOT_DATABASE, prefix: '' };
  let roomId: string;
  try {
    roomId = decodeURIComponent(m[1]);
  } catch {
    return { roomId: undefined, database: ROOT_DATABASE, prefix: '' };
  }
  return { roomId, database: `huiyi-door-${roomId}`, prefix: `door:${roomId}:` };
}

/**
 * A `Storage` whose keys all start with a prefix (the door's own part of localStorage).
 *
 * @param storage - the page's localStorage
 * @param prefix - the door's prefix ({@link doorAddress}); `''` gives `storage` itself
 * @returns the storage
 */
export function prefixedStorage(storage: Storage, prefix: string): Storage {
  if (prefix === '') return storage;
  return {
    get length() {
      return storage.length;
    },
    key: (i) => storage.key(i),
    clear: () => storage.clear(),
    getItem: (key) => storage.getItem(prefix + key),
    setItem: (key, value) => storage.setItem(prefix + key, value),
    removeItem: (key) => storage.removeItem(prefix + key),
  };
}
