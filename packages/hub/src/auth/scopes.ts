/**
 * The scopes an API key may hold (S-3), the engine's own:
 *
 * - `act`: push the dealership's everyday commands (bookings, meetings, actions …);
 * - `read`: pull, read the whole dealership's feed and its read models, hear the live channel;
 * - `admin`: push the commands that shape the dealership (rooms, the policy, the directory).
 */
export const SCOPES = ['act', 'read', 'admin'] as const;

/** One scope. */
export type Scope = (typeof SCOPES)[number];

/**
 * Whether a string is a known scope.
 *
 * @param s - a scope's name
 * @returns whether it is one of {@link SCOPES}
 * @example
 * isScope('read') // => true
 */
export function isScope(s: string): s is Scope {
  return (SCOPES as readonly string[]).includes(s);
}
