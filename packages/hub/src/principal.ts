/** The scopes a dealer system's key may hold (S-3). */
export type Scope = 'act' | 'admin' | 'read';

/** Every scope, in the order a key lists them. */
export const SCOPES: readonly Scope[] = ['act', 'admin', 'read'];

/**
 * Who is calling the hub, as the HTTP layer has authenticated it: an enrolled door of one room, a
 * dealer system's key with its scopes, or the hub's own administrator (the CLI).
 */
export type Principal =
  | { readonly kind: 'door'; readonly deviceId: string; readonly roomId: string }
  | { readonly kind: 'system'; readonly keyId: string; readonly scopes: readonly Scope[] }
  | { readonly kind: 'admin' };

/**
 * A stable text naming a principal: the owner recorded beside each client id.
 *
 * @param p - the principal
 * @returns `door:<deviceId>`, `system:<keyId>` or `admin`
 * @example
 * principalKey({ kind: 'door', deviceId: 'k1', roomId: 'A' }) // => 'door:k1'
 */
export function principalKey(p: Principal): string {
  switch (p.kind) {
    case 'door':
      return `door:${p.deviceId}`;
    case 'system':
      return `system:${p.keyId}`;
    case 'admin':
      return 'admin';
    // Stryker disable next-line ConditionalExpression: unreachable, the compiler checks that every kind has its case
    default:
      return p satisfies never;
  }
}
