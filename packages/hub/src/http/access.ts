// Who may call what (S-3): the bearer token to a principal, and the checks each route makes.
import type { FastifyRequest } from 'fastify';
import type { AuthStore } from '../auth/auth-store.js';
import { AUTH, type Refusal } from '../auth/refusal.js';
import type { Principal } from './engine.js';

/** The security requirement every authenticated route declares in the OpenAPI document. */
export const BEARER = [{ bearer: [] }];

/**
 * The token a request carries: `Authorization: Bearer <token>`, or `?token=` where allowed
 * (EventSource sends no headers).
 *
 * @param request - the request
 * @param allowQuery - whether `?token=` counts
 * @returns the token, or `undefined`
 */
export function tokenOf(request: FastifyRequest, allowQuery = false): string | undefined {
  const h = request.headers.authorization;
  if (typeof h === 'string') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
    return m?.[1] ?? '';
  }
  if (allowQuery) {
    const q = (request.query as Record<string, unknown> | undefined)?.['token'];
    if (typeof q === 'string') return q;
  }
  return undefined;
}

// Stryker disable all: a pass-through to the auth store, which reads the database: judged by the
// suites that serve HTTP on a database (test/live.test.ts, test/http-bad-input.test.ts), not here.
/**
 * Authenticates a request.
 *
 * @param auth - the auth store
 * @param request - the request
 * @param allowQuery - whether `?token=` counts
 * @returns the principal, or a 401 refusal
 */
export function authenticate(
  auth: AuthStore,
  request: FastifyRequest,
  allowQuery = false,
): Promise<Principal | Refusal> {
  return auth.authenticate(tokenOf(request, allowQuery));
}
// Stryker restore all

/**
 * What a principal may read of the dealership beyond one room: a system with `read`.
 *
 * @param p - the principal
 * @returns `undefined` when allowed, else the 403
 */
export function mayReadDealership(p: Principal): Refusal | undefined {
  if (p.kind === 'admin') return undefined;
  if (p.kind === 'door') return AUTH.doorNotAllowed();
  return p.scopes.includes('read') ? undefined : AUTH.scope('read');
}

/**
 * Whether a principal may read one room: its own door, or a system with `read`.
 *
 * @param p - the principal
 * @param roomId - the room asked for
 * @returns `undefined` when allowed, else the 403
 */
export function mayReadRoom(p: Principal, roomId: string): Refusal | undefined {
  if (p.kind === 'door') return p.roomId === roomId ? undefined : AUTH.room(p.roomId, roomId);
  return mayReadDealership(p);
}
