/**
 * The roles of the policy's "who takes part" (the guide's rules page). A person may hold several; a meeting assigns
 * its own chair, recorder and sign-in officer.
 */
export type Role =
  | 'organizer'
  | 'chair'
  | 'recorder'
  | 'sign-in-officer'
  | 'participant'
  | 'informed'
  | 'action-owner'
  | 'supervisor'
  | 'room-admin'
  | 'leadership';

/** Every role, in the order of the policy. */
export const ROLES: readonly Role[] = [
  'organizer',
  'chair',
  'recorder',
  'sign-in-officer',
  'participant',
  'informed',
  'action-owner',
  'supervisor',
  'room-admin',
  'leadership',
];

/** Who issues a command: a person's id and the standing roles the directory gives them. */
export interface Actor {
  readonly id: string;
  readonly roles: readonly Role[];
}

/**
 * Whether an actor holds a standing role.
 *
 * @param actor - who
 * @param role - the role
 * @returns true when the directory gives them that role
 * @example
 * hasRole({ id: 'p1', roles: ['leadership'] }, 'leadership') // => true
 */
export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

/**
 * Whether a value is a well-formed actor (from outside: arbitrary JSON).
 *
 * @param value - anything
 * @returns true for `{ id: non-empty string, roles: known roles }`
 * @example
 * isActor({ id: 'p1', roles: ['chair'] }) // => true
 */
export function isActor(value: unknown): value is Actor {
  if (typeof value !== 'object' || value === null) return false;
  const { id, roles } = value as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    id.length > 0 &&
    id.length <= 200 &&
    Array.isArray(roles) &&
    roles.every((r) => (ROLES as readonly unknown[]).includes(r))
  );
}
