import type { BookingEvent } from '../rooms/booking-events.js';
import type { Instant } from '../time/instant.js';
import type { Expense } from './expense.js';
import type { Fen } from './money.js';
import type { Tariff } from './tariff.js';

/** A room's tariff was set from a moment on. */
export interface TariffSet {
  readonly type: 'TariffSet';
  readonly roomId: string;
  readonly tariff: Tariff;
  readonly by: string;
  readonly at: Instant;
}
/** A department asked to waive a booking's charge. */
export interface WaiverRequested {
  readonly type: 'WaiverRequested';
  readonly waiverId: string;
  readonly roomId: string;
  readonly bookingId: string;
  readonly department: string;
  readonly reason: string;
  readonly chargeFen: Fen;
  readonly by: string;
  readonly at: Instant;
}
/** The room admin waived all or part of a charge. */
export interface WaiverGranted {
  readonly type: 'WaiverGranted';
  readonly waiverId: string;
  readonly roomId: string;
  readonly bookingId: string;
  /** From 1 fen up to the charge. */
  readonly amountFen: Fen;
  /** The whole charge was waived. */
  readonly full: boolean;
  readonly by: string;
  readonly at: Instant;
}
/** The room admin refused a waiver. */
export interface WaiverRefused {
  readonly type: 'WaiverRefused';
  readonly waiverId: string;
  readonly roomId: string;
  readonly bookingId: string;
  readonly reason: string;
  readonly by: string;
  readonly at: Instant;
}
/** The room admin recorded an expense. */
export interface ExpenseRecorded {
  readonly type: 'ExpenseRecorded';
  readonly expense: Expense;
}

/** Every event the fees decider decides. */
export type FeeEvent =
  TariffSet | WaiverRequested | WaiverGranted | WaiverRefused | ExpenseRecorded;

/** What the fees state folds: its own events and the rooms context's (the bookings charged). */
export type FeeLogEvent = FeeEvent | BookingEvent;

/** The types of {@link FeeEvent}. */
export const FEE_EVENT_TYPES: readonly FeeEvent['type'][] = Object.freeze([
  'TariffSet',
  'WaiverRequested',
  'WaiverGranted',
  'WaiverRefused',
  'ExpenseRecorded',
]);

/**
 * Whether an event is one of the fees context's.
 *
 * @param e - any event with a type
 * @returns true for {@link FeeEvent}
 * @example
 * isFeeEvent({ type: 'TariffSet' }) // => true
 */
export function isFeeEvent(e: { readonly type: string }): e is FeeEvent {
  return (FEE_EVENT_TYPES as readonly string[]).includes(e.type);
}

/**
 * The stream a fee event belongs to: a tariff with its room, a waiver its own, expenses together.
 *
 * @param e - the event
 * @returns `room:<roomId>`, `waiver:<waiverId>` or `expenses`
 * @example
 * feeStreamOf({ type: 'WaiverGranted', waiverId: 'w1', … }) // => 'waiver:w1'
 */
export function feeStreamOf(e: FeeEvent): string {
  switch (e.type) {
    case 'TariffSet':
      return `room:${e.roomId}`;
    case 'ExpenseRecorded':
      return 'expenses';
    default:
      return `waiver:${e.waiverId}`;
  }
}
