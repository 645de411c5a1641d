import { isActionEvent, type ActionEvent } from '../actions/action-events.js';
import { isFeeEvent, type FeeEvent } from '../fees/fee-events.js';
import { isMeetingEvent, type MeetingEvent } from '../meetings/meeting-events.js';
import { isMinutesEvent, type MinutesEvent } from '../minutes/minutes-events.js';
import type { PersonRegistered } from '../people/directory.js';
import { isPolicyEvent, type PolicyEvent } from '../policy/policy-events.js';
import { isBookingEvent, type BookingEvent } from '../rooms/booking-events.js';
import { isUpkeepOwnEvent, type UpkeepOwnEvent } from '../upkeep/upkeep-events.js';
import type { DealershipContext } from './contexts.js';

/**
 * The context an event belongs to: the one whose state it changes. A `NoticeIssued` belongs to the
 * meetings context or to the minutes context, by its notice's kind. `undefined` for an event of no
 * context (a log may hold others, such as a kiosk's drawn signatures): folds skip it.
 *
 * @param event - an event of any context, or another with a `type`
 * @returns its context, or `undefined`
 * @example
 * eventContext({ type: 'RoomCleaned', roomId: 'A', by: 'admin', at: 0 }) // => 'upkeep'
 * eventContext({ type: 'SignatureCaptured' }) // => undefined
 */
export function eventContext(event: { readonly type: string }): DealershipContext | undefined {
  if (isBookingEvent(event)) return 'rooms';
  if (isUpkeepOwnEvent(event)) return 'upkeep';
  if (isMeetingEvent(event)) return 'meetings';
  if (isMinutesEvent(event)) return 'minutes';
  if (isActionEvent(event)) return 'actions';
  if (isFeeEvent(event)) return 'fees';
  if (isPolicyEvent(event)) return 'policy';
  if (event.type === 'PersonRegistered') return 'directory';
  return undefined;
}

/** An event with its context: a union a `switch` on `context` narrows. */
export type RoutedEvent =
  | { readonly context: 'rooms'; readonly event: BookingEvent }
  | { readonly context: 'upkeep'; readonly event: UpkeepOwnEvent }
  | { readonly context: 'meetings'; readonly event: MeetingEvent }
  | { readonly context: 'minutes'; readonly event: MinutesEvent }
  | { readonly context: 'actions'; readonly event: ActionEvent }
  | { readonly context: 'fees'; readonly event: FeeEvent }
  | { readonly context: 'directory'; readonly event: PersonRegistered }
  | { readonly context: 'policy'; readonly event: PolicyEvent };

/**
 * An event with the context it belongs to ({@link eventContext}), typed so that a `switch` on the
 * context narrows the event; `undefined` for an event of no context.
 *
 * @param event - an event of any context
 * @returns `{ context, event }`, or `undefined`
 * @example
 * routeEvent({ type: 'RoomCleaned', roomId: 'A', by: 'admin', at: 0 })?.context // => 'upkeep'
 */
export function routeEvent(event: { readonly type: string }): RoutedEvent | undefined {
  const context = eventContext(event);
  return context === undefined ? undefined : ({ context, event } as RoutedEvent);
}
