import type { Instant } from '../time/instant.js';

/** One line of the sign-in log (M-5): an arrival (`in`) or a departure (`out`), and who recorded it. */
export interface SignInEntry {
  readonly personId: string;
  readonly kind: 'in' | 'out';
  readonly at: Instant;
  /** The person themselves, or the sign-in officer who signed them in or out (M-5). */
  readonly by: string;
}

/**
 * Whether a person is signed in now: their last entry, in log order, is an arrival.
 *
 * @param log - the sign-in log
 * @param personId - who
 * @returns true when their last entry is `in`
 * @example
 * isSignedIn([{ personId: 'li', kind: 'in', at: 0, by: 'li' }], 'li') // => true
 */
export function isSignedIn(log: readonly SignInEntry[], personId: string): boolean {
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i] as SignInEntry;
    if (e.personId === personId) return e.kind === 'in';
  }
  return false;
}
