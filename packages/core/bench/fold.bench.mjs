// The speed target: folding the event log into state costs no more than 2× `JSON.parse` of the
// same log. A year of one room: about 2,600 bookings, each booked and checked in (5,201 events).
import { foldBookingEvents, initialBookingState } from '@huiyi/core';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const start0 = Date.UTC(2026, 0, 5, 1); // Monday 09:00 in Shanghai
const room = {
  id: 'A',
  name: '一号会议室',
  capacity: 10,
  equipment: [{ id: 'A-proj', kind: 'projector' }],
  openingHours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' }],
  confidential: false,
  needsApproval: false,
  walkUp: true,
};

function yearOfBookings() {
  const events = [{ type: 'RoomRegistered', roomId: 'A', room }];
  for (let d = 0; d < 261; d++) {
    for (let k = 0; k < 10; k++) {
      const start = start0 + d * DAY + k * 45 * MINUTE;
      const id = `b${d}-${k}`;
      events.push({
        type: 'RoomBooked',
        roomId: 'A',
        booking: {
          id,
          roomId: 'A',
          organizerId: `p${k}`,
          department: '售后服务部',
          topic: `售后例会 ${d}-${k}`,
          headcount: 6,
          start,
          end: start + 40 * MINUTE,
          equipment: ['projector'],
          confidential: false,
          walkUp: false,
          status: 'confirmed',
          requestedAt: start - DAY,
        },
      });
      events.push({ type: 'BookingCheckedIn', roomId: 'A', bookingId: id, at: start - 2 * MINUTE });
    }
  }
  return events;
}

export default function cases() {
  const events = yearOfBookings();
  const text = JSON.stringify(events);
  const parsed = JSON.parse(text);
  if (foldBookingEvents(initialBookingState, parsed).rooms.get('A').bookings.size !== 2610)
    throw new Error('fold lost bookings');
  return [
    {
      name: `fold: a year of one room's bookings (${events.length} events) into state vs JSON.parse`,
      anchor: 'JSON.parse of the same log',
      target: 1 / 2,
      ours: () => foldBookingEvents(initialBookingState, parsed),
      anchorFn: () => JSON.parse(text),
    },
  ];
}
