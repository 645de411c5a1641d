// S-3: a client id belongs to one principal: the owner text of two principals never coincides.
import { describe, expect, it } from 'vitest';
import { principalKey } from './principal.js';

describe('S-3: one owner text per principal', () => {
  it('S-3: a door and a key with the same id are different owners', () => {
    const doorKey = principalKey({ kind: 'door', deviceId: 'x1', roomId: 'A' });
    const systemKey = principalKey({ kind: 'system', keyId: 'x1', scopes: ['act'] });
    expect(doorKey).not.toBe(systemKey);
  });

  it("S-3: a door's owner does not depend on its room (a door moved keeps its client ids)", () => {
    expect(principalKey({ kind: 'door', deviceId: 'x1', roomId: 'A' })).toBe(
      principalKey({ kind: 'door', deviceId: 'x1', roomId: 'B' }),
    );
  });
});
