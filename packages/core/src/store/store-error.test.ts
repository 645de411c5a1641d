import { describe, expect, it } from 'vitest';
import { isStoreError, STORE_ERROR_KINDS, StoreError } from './store-error.js';

describe('store errors: typed, in both languages', () => {
  it.each(STORE_ERROR_KINDS)('%s has a message in Chinese and English', (kind) => {
    const e = new StoreError(kind);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('StoreError');
    expect(e.kind).toBe(kind);
    expect(e.messages['zh-CN']).toMatch(/\p{Script=Han}/u);
    expect(e.messages.en.length).toBeGreaterThan(0);
    expect(e.message).toBe(e.messages.en);
    expect(isStoreError(e, kind)).toBe(true);
  });

  it('carries its data and cause', () => {
    const cause = new Error('disk');
    const e = new StoreError('quota-exceeded', { events: 3 }, { cause });
    expect(e.data).toEqual({ events: 3 });
    expect(e.cause).toBe(cause);
    expect(e.message).toContain('{"events":3}');
    expect(new StoreError('closed').cause).toBeUndefined();
  });

  it('isStoreError tells store errors from others, and kinds apart', () => {
    expect(isStoreError(new StoreError('closed'))).toBe(true);
    expect(isStoreError(new StoreError('closed'), 'blocked')).toBe(false);
    expect(isStoreError(new Error('closed'))).toBe(false);
    expect(isStoreError({ kind: 'closed', name: 'StoreError' })).toBe(false);
  });
});
