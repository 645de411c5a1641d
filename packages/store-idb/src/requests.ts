/**
 * IndexedDB's requests and transactions as promises: all the store needs of a wrapper library.
 *
 * @param request - a request just made
 * @returns its result once it succeeds; rejects with its error
 * @example
 * const record = await result(tx.objectStore('sync').get('sync'));
 */
export const result = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/**
 * Settles when a transaction ends: taken when it is made, so it is never late for the end.
 *
 * @param tx - a transaction just made
 * @returns resolves once it has committed; rejects with why it aborted (an `AbortError` when it
 *   does not say); no unhandled rejection when nothing awaits it (a read in it failed first)
 */
export const committed = (tx: IDBTransaction): Promise<void> => {
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () =>
      reject(tx.error ?? new DOMException('AbortError', 'AbortError'));
  });
  done.catch(() => undefined);
  return done;
};

/**
 * One request in a read-only transaction of its own.
 *
 * @param db - the database
 * @param name - the object store
 * @param ask - makes the request on the store
 * @returns the request's result
 * @example
 * const keys = await read(db, 'retired', (s) => s.getAllKeys());
 */
export const read = <T>(
  db: IDBDatabase,
  name: string,
  ask: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> => result(ask(db.transaction(name).objectStore(name)));
