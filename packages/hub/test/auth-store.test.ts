// The auth store on PGlite and on the PostgreSQL server: codes work once, for one room, until they
// expire; tokens and keys are stored hashed, map to their principal, and are revocable (S-3).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthStore, isAuthRefusal } from '../src/auth/auth-store.js';
import { hashSecret } from '../src/auth/secret.js';
import { serverAvailable } from './databases.js';
import { openFixture, type HubFixture } from './fixture.js';

const kinds = ['pglite', 'postgres'] as const;
const onServer = await serverAvailable();

describe.each(kinds)('auth store on %s', (kind) => {
  const skip = kind === 'postgres' && !onServer;
  let f: HubFixture;
  let auth: AuthStore;
  const now = Date.UTC(2026, 11, 7, 9, 0);

  beforeAll(async () => {
    if (skip) return;
    f = await openFixture(kind);
    auth = new AuthStore(f.hub.db);
  }, 30_000);
  afterAll(async () => {
    if (!skip) await f.close();
  });

  it.skipIf(skip)('S-3: a code enrols one door for its room, once', async () => {
    const { code } = await auth.issueEnrolCode('A', now);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const door = await auth.enrol(code.toLowerCase(), 'door A', now + 1);
    expect(isAuthRefusal(door)).toBe(false);
    if (isAuthRefusal(door)) return;
    expect(door.roomId).toBe('A');
    expect(await auth.authenticate(door.deviceToken)).toEqual({
      kind: 'door',
      deviceId: door.deviceId,
      roomId: 'A',
    });
    const again = await auth.enrol(code, 'door A twice', now + 2);
    expect(again).toMatchObject({ status: 401, code: 'enrol.used', rule: 'S-3' });
  });

  it.skipIf(skip)('S-3: concurrent enrolments with one code: exactly one door', async () => {
    const { code } = await auth.issueEnrolCode('B', now);
    const tries = await Promise.all(
      Array.from({ length: 5 }, (_, i) => auth.enrol(code, `door ${i}`, now + 1)),
    );
    expect(tries.filter((r) => !isAuthRefusal(r))).toHaveLength(1);
    expect(tries.filter((r) => isAuthRefusal(r)).map((r) => (r as { code: string }).code)).toEqual(
      Array(4).fill('enrol.used'),
    );
  });

  it.skipIf(skip)(
    'S-3: an expired code and an unknown code are refused, in both languages',
    async () => {
      const { code } = await auth.issueEnrolCode('A', now, 60_000);
      const late = await auth.enrol(code, 'late', now + 60_000);
      expect(late).toMatchObject({ status: 401, code: 'enrol.expired', rule: 'S-3' });
      const unknown = await auth.enrol('ZZZZ-ZZZZ', 'x', now);
      expect(unknown).toMatchObject({ status: 401, code: 'enrol.unknown' });
      if (!isAuthRefusal(unknown)) throw new Error('expected a refusal');
      expect(unknown.message['zh-CN']).toMatch(/登记码/);
      expect(unknown.message.en).toMatch(/enrolment code/);
    },
  );

  it.skipIf(skip)('S-3: secrets are stored as their SHA-256 only', async () => {
    const { code } = await auth.issueEnrolCode('A', now);
    const door = await auth.enrol(code, 'hashed', now);
    const { key, keyId } = await auth.issueApiKey('DMS', ['read'], now);
    if (isAuthRefusal(door)) throw new Error('expected a door');
    const secret = door.deviceToken.split('.')[1] ?? '';
    const rows = await sql<{ dump: string }>`
      select (select string_agg(t::text, '|') from hub_devices t) || '|' ||
             (select string_agg(t::text, '|') from hub_api_keys t) || '|' ||
             (select string_agg(t::text, '|') from hub_enrol_codes t) as dump`.execute(f.hub.db);
    const dump = rows.rows[0]?.dump ?? '';
    expect(dump).toContain(hashSecret(secret));
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(key.split('.')[1]);
    expect(dump).not.toContain(code.replace('-', ''));
    expect(dump).toContain(keyId);
  });

  it.skipIf(skip)(
    'S-3: an API key maps to a system with its scopes; revoked, it is refused',
    async () => {
      const { key, keyId } = await auth.issueApiKey('DMS', ['act', 'read'], now);
      expect(await auth.authenticate(key)).toEqual({
        kind: 'system',
        keyId,
        scopes: ['act', 'read'],
      });
      expect(await auth.revoke(keyId, now)).toEqual({ kind: 'system', id: keyId });
      expect(await auth.authenticate(key)).toMatchObject({ status: 401, code: 'auth.revoked' });
      expect(await auth.revoke(keyId, now)).toBeUndefined();
    },
  );

  it.skipIf(skip)('S-3: a door revoked by its token is refused', async () => {
    const { code } = await auth.issueEnrolCode('A', now);
    const door = await auth.enrol(code, 'to revoke', now);
    if (isAuthRefusal(door)) throw new Error('expected a door');
    expect(await auth.revoke(door.deviceToken, now)).toEqual({ kind: 'door', id: door.deviceId });
    expect(await auth.authenticate(door.deviceToken)).toMatchObject({ code: 'auth.revoked' });
  });

  it.skipIf(skip)('S-3: no token, a malformed one, a forged secret: each a 401', async () => {
    const { key } = await auth.issueApiKey('DMS', ['read'], now);
    const forged = `${key.slice(0, -4)}AAAA`;
    expect(await auth.authenticate(undefined)).toMatchObject({ status: 401, code: 'auth.missing' });
    expect(await auth.authenticate("x' or 1=1 --")).toMatchObject({ code: 'auth.unknown' });
    expect(await auth.authenticate(forged)).toMatchObject({ code: 'auth.unknown' });
  });
});
