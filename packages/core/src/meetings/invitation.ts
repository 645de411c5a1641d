import type { Instant } from '../time/instant.js';

/** An answer an invitee can give (M-3). */
export type InvitationAnswer = 'accepted' | 'tentative' | 'declined' | 'delegated';

/** Every answer an invitee can give. */
export const INVITATION_ANSWERS: readonly InvitationAnswer[] = Object.freeze([
  'accepted',
  'tentative',
  'declined',
  'delegated',
]);

/**
 * Where an invitation stands (M-3): still open (`needs-action`), answered, or `no-response` once
 * its answer deadline passed unanswered.
 */
export type InvitationStatus = 'needs-action' | InvitationAnswer | 'no-response';

/** One invitee's invitation (M-3). */
export interface Invitation {
  readonly personId: string;
  readonly status: InvitationStatus;
  readonly invitedAt: Instant;
  readonly answeredAt?: Instant;
  /** Why they declined: required to decline (M-3), and what the chair may accept as an excuse (M-6). */
  readonly reason?: string;
  /** Whom they delegated their place to. */
  readonly delegatedTo?: string;
  /** Who delegated their place to this invitee. */
  readonly delegatedFrom?: string;
}

/** RFC 5545 §3.2.12 participation statuses of a VEVENT attendee. */
export type Partstat = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE' | 'DELEGATED';

const TO_PARTSTAT: Readonly<Record<InvitationStatus, Partstat>> = {
  'needs-action': 'NEEDS-ACTION',
  // RFC 5545 has no "no response": the attendee simply never acted.
  'no-response': 'NEEDS-ACTION',
  accepted: 'ACCEPTED',
  tentative: 'TENTATIVE',
  declined: 'DECLINED',
  delegated: 'DELEGATED',
};

/**
 * The RFC 5545 PARTSTAT of an invitation's status (M-3). `no-response` has no RFC name and maps to
 * `NEEDS-ACTION`, which is what a calendar shows for an attendee who never answered.
 *
 * @param status - the invitation's status
 * @returns its PARTSTAT
 * @example
 * toPartstat('accepted') // => 'ACCEPTED'
 * toPartstat('no-response') // => 'NEEDS-ACTION'
 */
export function toPartstat(status: InvitationStatus): Partstat {
  return TO_PARTSTAT[status];
}

/**
 * The invitation status of an RFC 5545 PARTSTAT (M-3), case-insensitively. The VTODO-only values
 * (`COMPLETED`, `IN-PROCESS`) and unknown ones give `undefined`.
 *
 * @param partstat - a PARTSTAT value from a calendar client
 * @returns the status, or undefined when it is not one of a meeting's
 * @example
 * fromPartstat('tentative') // => 'tentative'
 * fromPartstat('COMPLETED') // => undefined
 */
export function fromPartstat(partstat: string): InvitationStatus | undefined {
  switch (partstat.toUpperCase()) {
    case 'NEEDS-ACTION':
      return 'needs-action';
    case 'ACCEPTED':
      return 'accepted';
    case 'TENTATIVE':
      return 'tentative';
    case 'DECLINED':
      return 'declined';
    case 'DELEGATED':
      return 'delegated';
    default:
      return undefined;
  }
}
