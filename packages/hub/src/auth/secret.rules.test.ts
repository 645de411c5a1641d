// S-3: only an enrolled door or a key acts: the secrets and codes that prove it are unguessable,
// kept only as hashes, and compared without telling where they differ.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashSecret, matchesHash, newEnrolCode, normalizeCode } from './secret.js';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

describe('S-3: enrolment codes cannot be guessed', () => {
  it('S-3: codes drawn one after another are all different', () => {
    const codes = Array.from({ length: 200 }, newEnrolCode);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('S-3: each of the 31 characters is drawn equally often (no character favoured makes a guess easier)', () => {
    const counts = new Map<string, number>();
    const n = 40_000;
    for (let i = 0; i < n; i++)
      for (const ch of normalizeCode(newEnrolCode())) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect([...counts.keys()].sort().join('')).toBe([...ALPHABET].sort().join(''));
    const expected = (8 * n) / 31;
    // 6 standard deviations either way: a fair draw fails this less than once in 10⁷ runs; a
    // character drawn 1/256 more often than the others is 12 deviations off.
    const sd = Math.sqrt(expected * (1 - 1 / 31));
    for (const [ch, c] of counts) expect(Math.abs(c - expected), ch).toBeLessThan(6 * sd);
  });
});

describe('S-3: secrets are kept as hashes', () => {
  it("S-3: the hash is SHA-256 of the secret's UTF-8 text", () => {
    const secret = '门口屏-密钥';
    const expected = createHash('sha256').update(Buffer.from(secret, 'utf8')).digest('hex');
    expect(hashSecret(secret)).toBe(expected);
  });

  it('S-3: another secret does not match', () => {
    expect(matchesHash('y', hashSecret('x'))).toBe(false);
  });

  it('S-3: a stored hash that is not a SHA-256 matches nothing, and refuses rather than throws', () => {
    expect(matchesHash('x', 'abcd')).toBe(false);
    expect(matchesHash('x', '')).toBe(false);
    expect(matchesHash('x', `${hashSecret('x')}00`)).toBe(false);
  });
});
