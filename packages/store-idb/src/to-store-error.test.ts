import { StoreError } from '@huiyi/core';
import { describe, expect, it } from 'vitest';
import { toStoreError } from './to-store-error.js';

describe('what IndexedDB throws, as typed store errors', () => {
  it.each([
    ['QuotaExceededError', 'quota-exceeded'],
    ['VersionError', 'version-conflict'],
    ['InvalidStateError', 'closed'],
    ['AbortError', 'failed'],
    ['UnknownError', 'failed'],
  ] as const)('%s is %s, the original kept as the cause', (name, kind) => {
    const cause = new DOMException('it happened', name);
    const e = toStoreError(cause);
    expect(e.kind).toBe(kind);
    expect(e.cause).toBe(cause);
    expect(e.data).toEqual({ error: name, message: 'it happened' });
  });

  it('keeps store errors as they are, and names anything else', () => {
    const e = new StoreError('blocked');
    expect(toStoreError(e)).toBe(e);
    expect(toStoreError('weird', 'unavailable')).toMatchObject({
      kind: 'unavailable',
      data: { error: 'weird' },
    });
    expect(toStoreError(null).kind).toBe('failed');
  });
});
