import { StoreError } from '@huiyi/core';
import { SCHEMA_VERSION, upgradeSchema, type HuiyiDatabase } from './schema.js';
import { toStoreError } from './to-store-error.js';

/**
 * Opens (creating or upgrading) the database at a version, through any `IDBFactory` (the page's
 * `indexedDB`, or fake-indexeddb's in Node).
 *
 * A blocked upgrade (another tab holds an older version open and does not let go) rejects at once
 * with a `blocked` store error; should the other tab close later, the upgrade still completes and
 * the late connection is closed. A database written by newer code rejects with
 * `version-conflict`.
 *
 * @param factory - where the databases are (`indexedDB`)
 * @param name - the database's name
 * @param version - the version to open at (default: the current {@link SCHEMA_VERSION})
 * @returns the open database
 * @example
 * const db = await openDatabase(indexedDB, 'huiyi');
 * db.version // => 5
 */
export function openDatabase(
  factory: IDBFactory,
  name: string,
  version: number = SCHEMA_VERSION,
): Promise<HuiyiDatabase> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: StoreError): void => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, version);
    } catch (error) {
      fail(toStoreError(error, 'unavailable'));
      return;
    }
    request.onupgradeneeded = (event) => {
      const tx = request.transaction;
      if (tx === null) return;
      try {
        upgradeSchema(request.result, event.oldVersion, version, tx);
      } catch (error) {
        tx.abort();
        fail(toStoreError(error));
      }
    };
    request.onblocked = (event) => {
      fail(new StoreError('blocked', { name, version, current: event.oldVersion }));
    };
    request.onsuccess = () => {
      const db = request.result;
      if (settled) {
        db.close();
        return;
      }
      settled = true;
      resolve(db);
    };
    request.onerror = (event) => {
      event.preventDefault();
      fail(toStoreError(request.error, 'unavailable'));
    };
  });
}
