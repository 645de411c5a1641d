import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The alphabet of enrolment codes: no 0/O, 1/I/L, so a code read aloud or typed is not misread. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * A new secret: 256 random bits, base64url (43 characters).
 *
 * @returns the secret
 * @example
 * newSecret().length // => 43
 */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A new id for a device or a key: 64 random bits, hex.
 *
 * @returns the id
 * @example
 * newId().length // => 16
 */
export function newId(): string {
  return randomBytes(8).toString('hex');
}

/**
 * A new one-time enrolment code, `ABCD-EFGH` (8 characters of 31: about 40 bits).
 *
 * @returns the code
 * @example
 * /^[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(newEnrolCode()) // => true
 */
export function newEnrolCode(): string {
  const bytes = randomBytes(8);
  let s = '';
  for (let i = 0; i < 8; i++) {
    // 256 % 31 leaves a bias of under 1 %: rejection sampling keeps the draw uniform.
    let b = bytes[i] ?? 0;
    while (b >= 248) b = randomBytes(1)[0] ?? 0;
    s += CODE_ALPHABET[b % 31];
    if (i === 3) s += '-';
  }
  return s;
}

/**
 * An enrolment code as typed, in its one stored form: upper case, without spaces or dashes.
 *
 * @param code - the code as typed (`abcd efgh`, `ABCD-EFGH`)
 * @returns the normalized code (`ABCDEFGH`)
 * @example
 * normalizeCode(' abcd-efgh ') // => 'ABCDEFGH'
 */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * The SHA-256 of a secret, hex: what the hub stores instead of the secret.
 *
 * @param secret - the secret
 * @returns its hash
 * @example
 * hashSecret('x').length // => 64
 */
export function hashSecret(secret: string): string {
  const hash = createHash('sha256');
  // Stryker disable next-line StringLiteral: Node reads a string as UTF-8 when no encoding is named
  hash.update(secret, 'utf8');
  return hash.digest('hex');
}

/**
 * Whether a secret matches a stored hash, in time that does not depend on where they differ.
 *
 * @param secret - the secret presented
 * @param storedHash - the hash kept
 * @returns whether they match
 * @example
 * matchesHash('x', hashSecret('x')) // => true
 */
export function matchesHash(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
