import { isBookingEvent, isUpkeepOwnEvent, type NewEvent, type StoredEvent } from '@huiyi/core';
import type { KioskEvent } from '../services/kiosk-events.js';
import type { WireEvent } from './protocol.js';

/**
 * Whether an event from the hub is one the door folds: its room's bookings and upkeep, its
 * meetings, the agreements signed for them (R-8: at this door, at another, at a desk; the hub's
 * copy of the door's own replaces it once confirmed), the people directory. Anything else the hub sends (the policy, fees, minutes …) is
 * passed over: the door neither folds nor keeps it.
 *
 * @param e - an event from the hub
 * @returns whether the door keeps it
 */
export function isKioskHubEvent(e: WireEvent): e is WireEvent & StoredEvent<KioskEvent> {
  const data = e.data as unknown as KioskEvent;
  return (
    isBookingEvent(data) ||
    isUpkeepOwnEvent(data) ||
    data.type === 'PersonRegistered' ||
    e.stream.startsWith('meeting:') ||
    data.type === 'ConfidentialityAgreementSigned'
  );
}

/**
 * The event as the door appends it: the hub's position is the hub's, not the log's.
 *
 * @param e - an event from the hub
 * @returns the envelope without its position
 */
export function withoutPosition(e: StoredEvent<KioskEvent>): NewEvent<KioskEvent> {
  const { id, stream, type, data, now, who, device } = e;
  return { id, stream, type, data, now, who, device };
}
