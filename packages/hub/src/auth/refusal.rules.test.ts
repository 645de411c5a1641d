// S-3: every refusal of the auth layer says which rule and why, in zh-CN and en, with the HTTP
// status that tells a client whether to authenticate again (401) or ask for more rights (403).
import { describe, expect, it } from 'vitest';
import { AUTH } from './refusal.js';

const all = [
  ['missing', AUTH.missing(), 401],
  ['unknown', AUTH.unknown(), 401],
  ['revoked', AUTH.revoked(), 401],
  ['codeUnknown', AUTH.codeUnknown(), 401],
  ['codeUsed', AUTH.codeUsed(), 401],
  ['codeExpired', AUTH.codeExpired(), 401],
  ['scope', AUTH.scope('read'), 403],
  ['room', AUTH.room('A', 'B'), 403],
  ['doorNotAllowed', AUTH.doorNotAllowed(), 403],
] as const;

describe('S-3: the auth layer says which rule and why', () => {
  it.each(all)('S-3: %s names S-3, its status and a message in both languages', (_, r, status) => {
    expect(r.rule).toBe('S-3');
    expect(r.status).toBe(status);
    expect(r.code).toMatch(/^(auth|enrol)\.[a-z-]+$/);
    expect(r.message['zh-CN'].length).toBeGreaterThan(0);
    expect(r.message.en.length).toBeGreaterThan(0);
  });

  it('S-3: every refusal has its own code, so a client can tell them apart', () => {
    expect(new Set(all.map(([, r]) => r.code)).size).toBe(all.length);
  });

  it('S-3: a refusal of scope or room names what was missing', () => {
    expect(AUTH.scope('admin').message['zh-CN']).toContain('admin');
    expect(AUTH.room('A', 'B').message['zh-CN']).toContain('A');
    expect(AUTH.room('A', 'B').message['zh-CN']).toContain('B');
  });
});
