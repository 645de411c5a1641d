import { isBookingEvent, type BookingEvent } from '../rooms/booking-events.js';
import {
  foldBookingEvents,
  initialBookingState,
  type BookingState,
} from '../rooms/booking-state.js';
import type { Expense } from './expense.js';
import { isFeeEvent, type FeeEvent, type FeeLogEvent } from './fee-events.js';
import { withTariff, type Tariff } from './tariff.js';
import type { Waiver } from './waiver.js';

/**
 * What the fees decider knows: the rooms context's state (the bookings charged), folded from the
 * same room streams, each room's tariff versions, the waivers and the expenses.
 */
export interface FeeState {
  readonly rooms: BookingState;
  /** Per room, its tariff versions, oldest first. */
  readonly tariffs: ReadonlyMap<string, readonly Tariff[]>;
  /** Waivers by id. */
  readonly waivers: ReadonlyMap<string, Waiver>;
  /** Expenses by id. */
  readonly expenses: ReadonlyMap<string, Expense>;
}

/** No rooms, no tariffs, no waivers, no expenses. */
export const initialFeeState: FeeState = {
  rooms: initialBookingState,
  tariffs: new Map(),
  waivers: new Map(),
  expenses: new Map(),
};

interface Draft {
  tariffs: Map<string, readonly Tariff[]>;
  waivers: Map<string, Waiver>;
  expenses: Map<string, Expense>;
}

/** Applies one event to the writable maps; the decider guarantees the event fits the state. */
function apply(d: Draft, e: FeeEvent): void {
  switch (e.type) {
    case 'TariffSet':
      d.tariffs.set(e.roomId, withTariff(d.tariffs.get(e.roomId) ?? [], e.tariff));
      return;
    case 'WaiverRequested':
      d.waivers.set(e.waiverId, {
        waiverId: e.waiverId,
        bookingId: e.bookingId,
        roomId: e.roomId,
        department: e.department,
        reason: e.reason,
        chargeFen: e.chargeFen,
        requestedBy: e.by,
        requestedAt: e.at,
        status: 'requested',
      });
      return;
    case 'WaiverGranted':
    case 'WaiverRefused': {
      const w = d.waivers.get(e.waiverId);
      if (!w) return;
      const decided = { decidedBy: e.by, decidedAt: e.at };
      d.waivers.set(
        w.waiverId,
        e.type === 'WaiverGranted'
          ? { ...w, ...decided, status: 'granted', amountFen: e.amountFen }
          : { ...w, ...decided, status: 'refused', refusal: e.reason },
      );
      return;
    }
    case 'ExpenseRecorded':
      d.expenses.set(e.expense.expenseId, e.expense);
      return;
    default: {
      const never: never = e;
      throw new TypeError(`unknown event ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Folds many events at once: the rooms context's into `rooms` (with its own fold), the fees
 * context's into tariffs, waivers and expenses; events of other contexts are ignored.
 *
 * @param state - the state to start from
 * @param events - events in log order
 * @returns the new state; `state` itself is not changed
 * @example
 * foldFeeEvents(initialFeeState, [{ type: 'TariffSet', roomId: 'A', tariff, by: 'admin', at: 0 }]).tariffs.get('A')?.length // => 1
 */
export function foldFeeEvents(state: FeeState, events: Iterable<FeeLogEvent>): FeeState {
  const roomEvents: BookingEvent[] = [];
  let d: Draft | undefined;
  for (const e of events) {
    if (isFeeEvent(e)) {
      d ??= {
        tariffs: new Map(state.tariffs),
        waivers: new Map(state.waivers),
        expenses: new Map(state.expenses),
      };
      apply(d, e);
    } else if (isBookingEvent(e)) roomEvents.push(e);
  }
  const rooms = roomEvents.length > 0 ? foldBookingEvents(state.rooms, roomEvents) : state.rooms;
  if (d === undefined) return rooms === state.rooms ? state : { ...state, rooms };
  return { rooms, tariffs: d.tariffs, waivers: d.waivers, expenses: d.expenses };
}

/**
 * Applies one event (a decider's `evolve`). Pure: the state given is left as it was.
 *
 * @param state - the current state
 * @param event - a fees event or a rooms event
 * @returns the next state
 * @example
 * evolveFees(initialFeeState, { type: 'ExpenseRecorded', expense }).expenses.size // => 1
 */
export function evolveFees(state: FeeState, event: FeeLogEvent): FeeState {
  return foldFeeEvents(state, [event]);
}
