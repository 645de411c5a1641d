import type { ActionEvent } from '../actions/action-events.js';
import { foldActionEvents, initialActionState, type ActionState } from '../actions/action-state.js';
import type { FeeEvent } from '../fees/fee-events.js';
import { foldFeeEvents, initialFeeState, type FeeState } from '../fees/fee-state.js';
import type { MinutesEvent } from '../minutes/minutes-events.js';
import {
  foldMinutesEvents,
  initialMinutesState,
  type MinutesState,
} from '../minutes/minutes-state.js';
import { evolvePolicy } from '../policy/evolve-policy.js';
import type { PolicyEvent } from '../policy/policy-events.js';
import { initialPolicyState, type PolicyState } from '../policy/policy-state.js';
import { routeEvent } from './event-context.js';
import { foldDoorPart, initialDoorDeciderState, type DoorDeciderState } from './door-state.js';

/** The fees context's own part of its state: each room's tariffs, the waivers, the expenses. */
export type FeeBooks = Omit<FeeState, 'rooms'>;

/**
 * What the whole dealership knows, folded from every context's events: one state, each context's
 * part under its name. The rooms' state is held once and shared by the contexts that read it
 * (upkeep, fees); `upkeepStateOf` and {@link feeStateOf} give those contexts' views.
 */
export interface DealershipState extends DoorDeciderState {
  /** The policy's revisions and versions (P-1, P-2): what every decision is judged by. */
  readonly policy: PolicyState;
  /** The minutes of each meeting, every version. */
  readonly minutes: MinutesState;
  /** The action items and each person's ledger. */
  readonly actions: ActionState;
  /** The tariffs, waivers and expenses. */
  readonly fees: FeeBooks;
}

/** Nothing known yet: the policy's defaults (version 0) and nothing else. */
export const initialDealershipState: DealershipState = Object.freeze({
  ...initialDoorDeciderState,
  policy: initialPolicyState,
  minutes: initialMinutesState,
  actions: initialActionState,
  fees: Object.freeze({
    tariffs: initialFeeState.tariffs,
    waivers: initialFeeState.waivers,
    expenses: initialFeeState.expenses,
  }),
});

/**
 * The fees context's view of the dealership's state: the rooms (the bookings charged) and its books.
 *
 * @param state - the dealership's state
 * @returns the fees state, sharing the state's parts (not a copy)
 * @example
 * feeStateOf(initialDealershipState).rooms === initialDealershipState.rooms // => true
 */
export function feeStateOf(state: DealershipState): FeeState {
  return { rooms: state.rooms, ...state.fees };
}

/**
 * Folds events of any context into the dealership's state. Each context's fold runs once, on its
 * own events in log order, so folding a whole log costs what folding each context's does. An event
 * of no context (a kiosk's drawn signature) is skipped.
 *
 * @param state - the state to start from
 * @param events - events in log order
 * @returns the new state; `state` itself is not changed
 * @example
 * foldDealershipEvents(initialDealershipState, [{ type: 'RoomRegistered', roomId: 'A', room }]).rooms.rooms.has('A') // => true
 */
export function foldDealershipEvents(
  state: DealershipState,
  events: Iterable<{ readonly type: string }>,
): DealershipState {
  const door = foldDoorPart(state, events);
  let next = door.state;
  if (door.rest.length === 0) return next;
  const minutes: MinutesEvent[] = [];
  const actions: ActionEvent[] = [];
  const fees: FeeEvent[] = [];
  const policy: PolicyEvent[] = [];
  for (const event of door.rest) {
    const r = routeEvent(event);
    if (r?.context === 'minutes') minutes.push(r.event);
    else if (r?.context === 'actions') actions.push(r.event);
    else if (r?.context === 'fees') fees.push(r.event);
    else if (r?.context === 'policy') policy.push(r.event);
  }
  if (minutes.length > 0) next = { ...next, minutes: foldMinutesEvents(state.minutes, minutes) };
  if (actions.length > 0) next = { ...next, actions: foldActionEvents(state.actions, actions) };
  if (fees.length > 0) {
    const { tariffs, waivers, expenses } = foldFeeEvents(feeStateOf(next), fees);
    next = { ...next, fees: { tariffs, waivers, expenses } };
  }
  if (policy.length > 0) next = { ...next, policy: policy.reduce(evolvePolicy, state.policy) };
  return next;
}

/**
 * Folds one event of any context into the dealership's state (the decider's `evolve`).
 *
 * @param state - the state so far
 * @param event - the next event
 * @returns the next state; `state` itself is not changed
 * @example
 * evolveDealership(initialDealershipState, { type: 'RoomRegistered', roomId: 'A', room }).rooms.rooms.size // => 1
 */
export function evolveDealership(
  state: DealershipState,
  event: { readonly type: string },
): DealershipState {
  return foldDealershipEvents(state, [event]);
}
