import { describe, expect, it } from 'vitest';
import {
  hashSecret,
  matchesHash,
  newEnrolCode,
  newId,
  newSecret,
  normalizeCode,
} from './secret.js';

describe('S-3: secrets the hub hands out and keeps', () => {
  it('S-3: a secret is 256 bits in base64url, an id 64 bits in hex', () => {
    expect(newSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newId()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('S-3: an enrolment code is two groups of four unambiguous characters', () => {
    expect(newEnrolCode()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it('S-3: a code is stored upper case without spaces or dashes', () => {
    expect(normalizeCode(' abcd-efgh ')).toBe('ABCDEFGH');
  });

  it('S-3: a secret matches its own hash', () => {
    expect(hashSecret('x')).toHaveLength(64);
    expect(matchesHash('x', hashSecret('x'))).toBe(true);
  });
});
