/**
 * The scopes an API key may hold (S-3): what a dealer system may do.
 *
 * - `bookings:write`: push room and booking commands;
 * - `meetings:write`: push meeting, minutes and action commands;
 * - `feed:read`: read the whole dealership's feed and its read models, and pull;
 * - `calendars:admin`: issue and revoke calendar feed addresses.
 */
export const SCOPES = ['bookings:write', 'meetings:write', 'feed:read', 'calendars:admin'] as const;

/** One scope. */
export type Scope = (typeof SCOPES)[number];

/**
 * Whether a string is a known scope.
 *
 * @param s - a scope's name
 * @returns whether it is one of {@link SCOPES}
 * @example
 * isScope('feed:read') // => true
 */
export function isScope(s: string): s is Scope {
  return (SCOPES as readonly string[]).includes(s);
}
