import type { Instant } from '../time/instant.js';
import type { Fen } from './money.js';

/** Where a waiver stands: asked for, granted (all or part), or refused by the room admin. */
export type WaiverStatus = 'requested' | 'granted' | 'refused';

/** Every waiver status, in lifecycle order. */
export const WAIVER_STATUSES: readonly WaiverStatus[] = Object.freeze([
  'requested',
  'granted',
  'refused',
]);

/** A department's request to waive a booking's charge, and the room admin's answer. */
export interface Waiver {
  readonly waiverId: string;
  readonly bookingId: string;
  readonly roomId: string;
  /** The department that pays the charge and asks. */
  readonly department: string;
  readonly reason: string;
  /** The charge when asked: final by then, so it stays the charge. */
  readonly chargeFen: Fen;
  readonly requestedBy: string;
  readonly requestedAt: Instant;
  readonly status: WaiverStatus;
  /** Granted: the amount waived, from 1 fen up to the charge. */
  readonly amountFen?: Fen;
  readonly decidedBy?: string;
  readonly decidedAt?: Instant;
  /** Refused: why. */
  readonly refusal?: string;
}
