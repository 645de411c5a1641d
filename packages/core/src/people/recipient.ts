import type { Role } from './actor.js';

/**
 * Who a notice goes to, in every context (a meeting's invitation, an action's reminder, a fault
 * warning to an organizer): a person, or whoever holds a standing role (the top of the escalation
 * ladder is leadership as a body; a decider does not know who holds the role).
 *
 * @example
 * const to: Recipient = { personId: 'li' };
 */
export type Recipient = { readonly personId: string } | { readonly role: Role };

/**
 * The key of a recipient: the person's id, or `role:<role>`. Notice ids and per-recipient counts
 * use it. A notice stored before 0.2, whose `to` was a bare person id, keys as that id.
 *
 * @param to - the recipient
 * @returns the key
 * @example
 * recipientKey({ personId: 'li' }) // => 'li'
 * recipientKey({ role: 'leadership' }) // => 'role:leadership'
 */
export function recipientKey(to: Recipient | string): string {
  if (typeof to === 'string') return to;
  return 'personId' in to ? to.personId : `role:${to.role}`;
}
