import { describe, expect, it } from 'vitest';
import { principalKey } from './principal.js';

describe('S-3: who owns a client id', () => {
  it('S-3: a door, a key and the administrator each have their own owner text', () => {
    expect(principalKey({ kind: 'door', deviceId: 'k1', roomId: 'A' })).toBe('door:k1');
    expect(principalKey({ kind: 'system', keyId: 'erp', scopes: ['act'] })).toBe('system:erp');
    expect(principalKey({ kind: 'admin' })).toBe('admin');
  });
});
