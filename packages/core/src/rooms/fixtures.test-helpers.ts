// Shared fixtures for the rooms tests: a small site on a Monday in Asia/Shanghai.
import type { Actor } from '../people/actor.js';
import { HOUR, MINUTE, type Instant } from '../time/instant.js';
import { toInstant } from '../time/zone.js';
import type { BookingEvent } from './booking-events.js';
import type { Room } from './room.js';

export const at = (hour: number, minute = 0, day = 30): Instant =>
  toInstant({ year: 2026, month: 11, day, hour, minute }, 'Asia/Shanghai');
export const MONDAY_8 = at(8);
export { HOUR, MINUTE };

export const weekdays = [{ weekdays: [1, 2, 3, 4, 5, 6] as const, open: '08:00', close: '20:00' }];

export const roomA: Room = {
  id: 'A',
  name: '一号会议室',
  location: '售后二楼',
  capacity: 8,
  equipment: [
    { id: 'A-proj', kind: 'projector' },
    { id: 'A-screen', kind: 'screen' },
  ],
  openingHours: weekdays.map((w) => ({ ...w, weekdays: [...w.weekdays] })),
  confidential: false,
  needsApproval: false,
  walkUp: true,
};
export const roomB: Room = {
  id: 'B',
  name: '大会议室',
  location: '售后三楼',
  capacity: 20,
  equipment: [
    { id: 'B-vc', kind: 'video-conferencing' },
    { id: 'B-proj', kind: 'projector' },
  ],
  openingHours: roomA.openingHours,
  confidential: true,
  needsApproval: true,
  walkUp: false,
};
export const roomC: Room = {
  id: 'C',
  name: '洽谈室',
  location: '售后一楼',
  capacity: 10,
  equipment: [{ id: 'C-proj', kind: 'projector' }],
  openingHours: roomA.openingHours,
  confidential: false,
  needsApproval: false,
  walkUp: true,
};

export const admin: Actor = { id: 'admin', roles: ['room-admin'] };
export const wang: Actor = { id: 'wang', roles: ['organizer'] };
export const li: Actor = { id: 'li', roles: ['organizer'] };
export const kiosk: Actor = { id: 'zhao', roles: [] };

export const site: BookingEvent[] = [roomA, roomB, roomC].map((room) => ({
  type: 'RoomRegistered',
  roomId: room.id,
  room,
}));

export const request = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'RequestBooking',
  now: MONDAY_8,
  actor: wang,
  bookingId: 'b1',
  roomId: 'A',
  topic: '周例会',
  headcount: 6,
  start: at(9),
  end: at(10),
  ...over,
});
