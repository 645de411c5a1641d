import type { Instant } from '../time/instant.js';
import type { Evaluation } from './evaluation.js';

/**
 * What a ledger entry records (F-7): a commendation, a penalty (with its rectification task), or
 * a correction of an earlier entry. Entries are never deleted or changed: a mistake is undone by
 * a correction, itself a new entry.
 */
export type LedgerEntryKind = 'commendation' | 'penalty' | 'correction';

/** Every entry kind. */
export const LEDGER_ENTRY_KINDS: readonly LedgerEntryKind[] = Object.freeze([
  'commendation',
  'penalty',
  'correction',
]);

/** One entry of a person's ledger (F-7). */
export interface LedgerEntry {
  /** `<personId>#<n>`, `n` counting the person's entries from 1. */
  readonly entryId: string;
  readonly personId: string;
  readonly kind: LedgerEntryKind;
  /** The action it is about. */
  readonly actionId: string;
  readonly meetingId: string;
  /** The evaluation that earned a commendation or a penalty. */
  readonly evaluation?: Evaluation;
  /** A penalty's rectification task is due by then (F-7). */
  readonly rectificationDue?: Instant;
  /** The entry a correction corrects. */
  readonly corrects?: string;
  /** Why: the chair's comment, or the reason for a correction. */
  readonly reason?: string;
  readonly by: string;
  readonly at: Instant;
}

/**
 * The id of a person's `n`-th ledger entry.
 *
 * @param personId - whose ledger
 * @param n - 1 for the first entry …
 * @returns `<personId>#<n>`
 * @example
 * ledgerEntryId('li', 3) // => 'li#3'
 */
export function ledgerEntryId(personId: string, n: number): string {
  return `${personId}#${n}`;
}

/** What a ledger comes to: the entries that stand, and those corrected. */
export interface LedgerStanding {
  /** Commendations not corrected. */
  readonly commendations: number;
  /** Penalties not corrected. */
  readonly penalties: number;
  /** Commendations and penalties withdrawn by a correction. */
  readonly corrected: number;
}

/**
 * What a ledger comes to (F-7): commendations and penalties, each counted unless a later
 * correction withdrew it.
 *
 * @param entries - a person's entries, in order
 * @returns the standing
 * @example
 * ledgerStanding([commendation, penalty, correctionOfPenalty]) // => { commendations: 1, penalties: 0, corrected: 1 }
 */
export function ledgerStanding(entries: readonly LedgerEntry[]): LedgerStanding {
  const withdrawn = new Set(entries.flatMap((e) => (e.corrects === undefined ? [] : [e.corrects])));
  let commendations = 0;
  let penalties = 0;
  let corrected = 0;
  for (const e of entries) {
    if (e.kind === 'correction') continue;
    if (withdrawn.has(e.entryId)) corrected++;
    else if (e.kind === 'commendation') commendations++;
    else penalties++;
  }
  return { commendations, penalties, corrected };
}
