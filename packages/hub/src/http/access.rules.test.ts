// S-3: a door acts and reads only for its own room; a dealer system only within its key's scopes;
// every refusal says why.
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../principal.js';
import { mayReadDealership, mayReadRoom, tokenOf } from './access.js';

const request = (headers: Record<string, string>, query?: Record<string, unknown>) =>
  ({ headers, query }) as unknown as FastifyRequest;

const door: Principal = { kind: 'door', deviceId: 'k1', roomId: 'A' };
const admin: Principal = { kind: 'admin' };
const key = (...scopes: ('act' | 'admin' | 'read')[]): Principal => ({
  kind: 'system',
  keyId: 'erp',
  scopes,
});

describe('S-3: the token a request carries', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['Bearer   abc  ', 'abc'],
  ])('S-3: "%s" carries the token %s', (header, token) => {
    expect(tokenOf(request({ authorization: header }))).toBe(token);
  });

  it.each([
    ['a token without "Bearer"', 'abc'],
    ['"Bearer" inside another scheme', 'Basic xBearer abc'],
    ['two words after "Bearer"', 'Bearer abc def'],
    ['no space after "Bearer"', 'Bearerabc'],
  ])('S-3: %s carries no token (refused as unknown, not missing)', (_, header) => {
    expect(tokenOf(request({ authorization: header }))).toBe('');
  });

  it('S-3: without a header, `?token=` counts only where the route allows it (EventSource sends no headers)', () => {
    const r = request({}, { token: 'abc' });
    expect(tokenOf(r)).toBeUndefined();
    expect(tokenOf(r, true)).toBe('abc');
  });

  it('S-3: a header wins over `?token=`, and a `?token=` that is not text is no token', () => {
    expect(tokenOf(request({ authorization: 'Bearer abc' }, { token: 'xyz' }), true)).toBe('abc');
    expect(tokenOf(request({}, { token: ['abc'] }), true)).toBeUndefined();
    expect(tokenOf(request({}), true)).toBeUndefined();
    expect(tokenOf(request({}, undefined), true)).toBeUndefined();
  });
});

describe('S-3: who reads the whole dealership', () => {
  it("S-3: the hub's administrator does", () => {
    expect(mayReadDealership(admin)).toBeUndefined();
  });

  it('S-3: a key without the read scope is refused, naming the scope it lacks', () => {
    expect(mayReadDealership(key('act', 'admin'))).toMatchObject({
      status: 403,
      code: 'auth.scope',
      rule: 'S-3',
      message: { en: 'this API key does not hold the scope read' },
    });
  });
});

describe('S-3: who reads one room', () => {
  it('S-3: a door is refused another room, naming both', () => {
    expect(mayReadRoom(door, 'B')).toMatchObject({ status: 403, code: 'auth.room' });
    expect(mayReadRoom(door, 'B')?.message.en).toContain('(A), not B');
  });

  it('S-3: a key with read reads any room; one without it none; the administrator any', () => {
    expect(mayReadRoom(key('read'), 'B')).toBeUndefined();
    expect(mayReadRoom(key('act'), 'A')?.code).toBe('auth.scope');
    expect(mayReadRoom(admin, 'A')).toBeUndefined();
  });
});
