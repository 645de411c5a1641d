/**
 * The door's one-writer lock (K-3: one door, one writer): the first tab of a door holds it for as
 * long as it lives; a second tab waits for it, and takes over when the first closes or dies.
 */
export interface DoorLock {
  /**
   * Asks for the lock.
   *
   * @param changed - told `true` once this tab holds it, `false` at once when another tab does
   */
  claim(changed: (held: boolean) => void): void;
}

/** The part of the Web Locks API the door uses. */
export interface LockManagerLike {
  request(
    name: string,
    options: { readonly ifAvailable?: boolean },
    callback: (lock: unknown) => Promise<unknown>,
  ): Promise<unknown>;
}

/**
 * The door's lock through Web Locks (`navigator.locks`): held until the tab closes or its
 * renderer dies (the browser lets go of a dead tab's locks). Where Web Locks are missing, the tab
 * is the writer, as before.
 *
 * @param name - the lock's name (one per door's database)
 * @param locks - the lock manager (default the page's)
 * @returns the lock
 */
export function webDoorLock(
  name: string,
  locks: LockManagerLike | undefined = (
    globalThis.navigator as { locks?: LockManagerLike } | undefined
  )?.locks,
): DoorLock {
  return {
    claim(changed) {
      if (!locks) {
        changed(true);
        return;
      }
      const hold = (): Promise<never> => {
        changed(true);
        return new Promise<never>(() => undefined);
      };
      void locks
        .request(name, { ifAvailable: true }, (lock) => {
          if (lock) return hold();
          // Another tab is the writer: follow it, and wait in line to take over.
          changed(false);
          void locks.request(name, {}, hold);
          return Promise.resolve();
        })
        .catch(() => changed(true));
    },
  };
}
