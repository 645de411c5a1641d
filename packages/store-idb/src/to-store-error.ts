import { StoreError, type StoreErrorKind } from '@huiyi/core';

/**
 * Turns what IndexedDB threw or aborted with into a typed store error: a full disk is
 * `quota-exceeded`, a database from newer code is `version-conflict`, a closed connection is
 * `closed`; anything else is the fallback kind.
 *
 * @param error - the `DOMException` (or anything) caught
 * @param fallback - the kind for anything unrecognised (default `failed`)
 * @returns the store error, with the original as its `cause`
 * @example
 * toStoreError(new DOMException('full', 'QuotaExceededError')).kind // => 'quota-exceeded'
 */
export function toStoreError(error: unknown, fallback: StoreErrorKind = 'failed'): StoreError {
  if (error instanceof StoreError) return error;
  const name =
    typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  const detail = {
    error: typeof name === 'string' ? name : String(error),
    ...(error instanceof Error ? { message: error.message } : {}),
  };
  switch (name) {
    case 'QuotaExceededError':
      return new StoreError('quota-exceeded', detail, { cause: error });
    case 'VersionError':
      return new StoreError('version-conflict', detail, { cause: error });
    case 'InvalidStateError':
      return new StoreError('closed', detail, { cause: error });
    default:
      return new StoreError(fallback, detail, { cause: error });
  }
}
