/** Whether the browser keeps this site's storage under pressure (it will not evict the log). */
export type PersistenceResult = 'granted' | 'denied' | 'unsupported';

/** The part of `navigator.storage` this needs. */
export interface PersistableStorage {
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
}

/**
 * Asks the browser to keep the site's storage persistent (`navigator.storage.persist()`), so the
 * log is not evicted when the disk runs low (K-3).
 *
 * @param storage - the storage manager (default `navigator.storage`, where there is one)
 * @returns `granted` when storage is (or already was) persistent, `denied` when the browser said
 *   no, `unsupported` when there is no such API here or asking failed
 * @example
 * await requestPersistence() // => 'granted' (an installed PWA) or 'denied'
 */
export async function requestPersistence(
  storage: PersistableStorage | undefined = globalThis.navigator?.storage,
): Promise<PersistenceResult> {
  if (storage === undefined || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}
