import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { mayReadDealership, mayReadRoom, tokenOf } from './access.js';

const request = (headers: Record<string, string>, query: Record<string, unknown> = {}) =>
  ({ headers, query }) as unknown as FastifyRequest;

describe('S-3: who may read what', () => {
  it('S-3: a bearer token is read from the Authorization header', () => {
    expect(tokenOf(request({ authorization: 'Bearer abc' }))).toBe('abc');
  });

  it('S-3: a door reads its own room, not another, and not the dealership', () => {
    const door = { kind: 'door', deviceId: 'k1', roomId: 'A' } as const;
    expect(mayReadRoom(door, 'A')).toBeUndefined();
    expect(mayReadRoom(door, 'B')?.code).toBe('auth.room');
    expect(mayReadDealership(door)?.code).toBe('auth.door');
  });

  it('S-3: a key with the read scope reads the dealership', () => {
    expect(mayReadDealership({ kind: 'system', keyId: 'erp', scopes: ['read'] })).toBeUndefined();
  });
});
