import type { Kysely } from 'kysely';
import type { Principal } from '../http/engine.js';
import { SCOPES, type Scope } from '../principal.js';
import { AUTH, type Refusal } from './refusal.js';
import {
  hashSecret,
  matchesHash,
  newEnrolCode,
  newId,
  newSecret,
  normalizeCode,
} from './secret.js';

/** The auth tables (migration 0200). Instants are epoch ms in `bigint` columns. */
export interface AuthTables {
  hub_enrol_codes: {
    code_hash: string;
    room_id: string;
    issued_at: number | string;
    expires_at: number | string;
    used_at: number | string | null;
    device_id: string | null;
  };
  hub_devices: {
    device_id: string;
    room_id: string;
    name: string;
    secret_hash: string;
    enrolled_at: number | string;
    revoked_at: number | string | null;
  };
  hub_api_keys: {
    key_id: string;
    name: string;
    scopes: string;
    secret_hash: string;
    issued_at: number | string;
    revoked_at: number | string | null;
  };
}

/** How long an enrolment code lasts unless told otherwise: 24 hours. */
export const ENROL_CODE_TTL_MS = 24 * 60 * 60 * 1000;

/** A door's token: `hyd_<device id>.<secret>`; an API key: `hyk_<key id>.<secret>`. */
const TOKEN = /^(hyd|hyk)_([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/;

/** A door just enrolled: its id and token (shown once, never stored) and its room. */
export interface Enrolled {
  readonly deviceId: string;
  readonly deviceToken: string;
  readonly roomId: string;
}

/** A device or key as the admin lists it (no secrets). */
export interface CredentialInfo {
  readonly kind: 'door' | 'system';
  readonly id: string;
  readonly name: string;
  readonly roomId?: string;
  readonly scopes?: readonly string[];
  readonly revoked: boolean;
}

/**
 * Enrolment codes, device tokens and API keys, stored hashed (S-3): issues them, checks them, and
 * maps a token to the engine's principal.
 */
export class AuthStore {
  readonly #db: Kysely<AuthTables>;

  /**
   * @param db - the hub's database, migrated through 0200
   */
  constructor(db: Kysely<unknown>) {
    this.#db = db as unknown as Kysely<AuthTables>;
  }

  /**
   * Issues a one-time enrolment code for one room.
   *
   * @param roomId - the room the door will serve
   * @param now - the moment (epoch ms)
   * @param ttlMs - how long it lasts
   * @returns the code (shown once) and when it expires
   */
  async issueEnrolCode(
    roomId: string,
    now: number,
    ttlMs: number = ENROL_CODE_TTL_MS,
  ): Promise<{ code: string; expiresAt: number }> {
    const code = newEnrolCode();
    const expiresAt = now + ttlMs;
    await this.#db
      .insertInto('hub_enrol_codes')
      .values({
        code_hash: hashSecret(normalizeCode(code)),
        room_id: roomId,
        issued_at: now,
        expires_at: expiresAt,
      })
      .execute();
    return { code, expiresAt };
  }

  /**
   * Enrols a door with a code: the code is spent (once, even under concurrent tries) and the door
   * gets its token.
   *
   * @param code - the code as typed
   * @param deviceName - a name for the door
   * @param now - the moment (epoch ms)
   * @returns the new door, or why not
   */
  async enrol(code: string, deviceName: string, now: number): Promise<Enrolled | Refusal> {
    const codeHash = hashSecret(normalizeCode(code));
    return this.#db.transaction().execute(async (tx) => {
      const deviceId = newId();
      const spent = await tx
        .updateTable('hub_enrol_codes')
        .set({ used_at: now, device_id: deviceId })
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('room_id')
        .executeTakeFirst();
      if (!spent) {
        const row = await tx
          .selectFrom('hub_enrol_codes')
          .select(['used_at'])
          .where('code_hash', '=', codeHash)
          .executeTakeFirst();
        if (!row) return AUTH.codeUnknown();
        return row.used_at !== null ? AUTH.codeUsed() : AUTH.codeExpired();
      }
      const secret = newSecret();
      await tx
        .insertInto('hub_devices')
        .values({
          device_id: deviceId,
          room_id: spent.room_id,
          name: deviceName,
          secret_hash: hashSecret(secret),
          enrolled_at: now,
        })
        .execute();
      return { deviceId, deviceToken: `hyd_${deviceId}.${secret}`, roomId: spent.room_id };
    });
  }

  /**
   * Issues an API key for a dealer system.
   *
   * @param name - what the system is
   * @param scopes - what it may do
   * @param now - the moment (epoch ms)
   * @returns its id and the key (shown once, never stored)
   */
  async issueApiKey(
    name: string,
    scopes: readonly Scope[],
    now: number,
  ): Promise<{ keyId: string; key: string }> {
    const keyId = newId();
    const secret = newSecret();
    await this.#db
      .insertInto('hub_api_keys')
      .values({
        key_id: keyId,
        name,
        scopes: scopes.join(','),
        secret_hash: hashSecret(secret),
        issued_at: now,
      })
      .execute();
    return { keyId, key: `hyk_${keyId}.${secret}` };
  }

  /**
   * Revokes a door's token or an API key, by the token itself or by its id.
   *
   * @param tokenOrId - a token, a device id or a key id
   * @param now - the moment (epoch ms)
   * @returns what was revoked, or `undefined` when nothing matched
   */
  async revoke(
    tokenOrId: string,
    now: number,
  ): Promise<{ kind: 'door' | 'system'; id: string } | undefined> {
    const m = TOKEN.exec(tokenOrId);
    const id = m?.[2] ?? tokenOrId;
    const door = await this.#db
      .updateTable('hub_devices')
      .set({ revoked_at: now })
      .where('device_id', '=', id)
      .where('revoked_at', 'is', null)
      .returning('device_id')
      .executeTakeFirst();
    if (door) return { kind: 'door', id };
    const key = await this.#db
      .updateTable('hub_api_keys')
      .set({ revoked_at: now })
      .where('key_id', '=', id)
      .where('revoked_at', 'is', null)
      .returning('key_id')
      .executeTakeFirst();
    return key ? { kind: 'system', id } : undefined;
  }

  /**
   * Revokes every live API key of a name (the demo's key, replaced at each start).
   *
   * @param name - the keys' name
   * @param now - the moment (epoch ms)
   * @returns how many were revoked
   */
  async revokeKeysNamed(name: string, now: number): Promise<number> {
    const r = await this.#db
      .updateTable('hub_api_keys')
      .set({ revoked_at: now })
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /**
   * Maps a bearer token to its principal: a door for its room, or a system with its scopes.
   *
   * @param token - the token presented (may be anything)
   * @returns the principal, or why not (401)
   */
  async authenticate(token: string | undefined): Promise<Principal | Refusal> {
    if (token === undefined || token === '') return AUTH.missing();
    const m = TOKEN.exec(token);
    if (!m) return AUTH.unknown();
    const [, kind, id = '', secret = ''] = m;
    if (kind === 'hyd') {
      const row = await this.#db
        .selectFrom('hub_devices')
        .select(['room_id', 'secret_hash', 'revoked_at'])
        .where('device_id', '=', id)
        .executeTakeFirst();
      if (!row || !matchesHash(secret, row.secret_hash)) return AUTH.unknown();
      if (row.revoked_at !== null) return AUTH.revoked();
      return { kind: 'door', deviceId: id, roomId: row.room_id };
    }
    const row = await this.#db
      .selectFrom('hub_api_keys')
      .select(['scopes', 'secret_hash', 'revoked_at'])
      .where('key_id', '=', id)
      .executeTakeFirst();
    if (!row || !matchesHash(secret, row.secret_hash)) return AUTH.unknown();
    if (row.revoked_at !== null) return AUTH.revoked();
    return { kind: 'system', keyId: id, scopes: scopesOf(row.scopes) };
  }

  /**
   * Every door and key, for the admin (no secrets).
   *
   * @returns the credentials
   */
  async list(): Promise<CredentialInfo[]> {
    const doors = await this.#db.selectFrom('hub_devices').selectAll().execute();
    const keys = await this.#db.selectFrom('hub_api_keys').selectAll().execute();
    return [
      ...doors.map((d) => ({
        kind: 'door' as const,
        id: d.device_id,
        name: d.name,
        roomId: d.room_id,
        revoked: d.revoked_at !== null,
      })),
      ...keys.map((k) => ({
        kind: 'system' as const,
        id: k.key_id,
        name: k.name,
        scopes: scopesOf(k.scopes),
        revoked: k.revoked_at !== null,
      })),
    ];
  }
}

/** The known scopes of a stored list (a scope retired since is simply not granted). */
function scopesOf(stored: string): Scope[] {
  return stored.split(',').filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
}

/**
 * Tells a refusal from a principal or a result.
 *
 * @param r - an answer of the auth store
 * @returns whether it is a refusal
 * @example
 * isAuthRefusal(AUTH.missing()) // => true
 */
export function isAuthRefusal(r: object): r is Refusal {
  return 'status' in r && 'code' in r && 'rule' in r;
}
