import { describe, expect, it } from 'vitest';
import { AUTH, refusal } from './refusal.js';

describe('S-3: the auth layer refuses with a status, a code, the rule and both languages', () => {
  it('S-3: a refusal carries what it was built with', () => {
    expect(refusal(401, 'auth.missing', 'S-3', '缺少令牌', 'no token')).toEqual({
      status: 401,
      code: 'auth.missing',
      rule: 'S-3',
      message: { 'zh-CN': '缺少令牌', en: 'no token' },
    });
  });

  it('S-3: no token is a 401', () => {
    expect(AUTH.missing()).toMatchObject({ status: 401, code: 'auth.missing', rule: 'S-3' });
  });
});
