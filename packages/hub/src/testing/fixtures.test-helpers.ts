// A small site for the hub's suites: rooms A, B (confidential-capable) and C, open all day, on a
// Monday in Asia/Shanghai, with the principals that act on them.
import { HOUR, MINUTE, toInstant, type Actor, type Room } from '@huiyi/core';
import type { Principal } from '../principal.js';

export { HOUR, MINUTE };
export const at = (hour: number, minute = 0, day = 7): number =>
  toInstant({ year: 2026, month: 12, day, hour, minute }, 'Asia/Shanghai');

const allDay = [
  {
    weekdays: [1, 2, 3, 4, 5, 6, 7] as (1 | 2 | 3 | 4 | 5 | 6 | 7)[],
    open: '00:00',
    close: '23:59',
  },
];

export const room = (id: string, over: Partial<Room> = {}): Room => ({
  id,
  name: `会议室 ${id}`,
  location: '售后服务楼',
  capacity: 12,
  equipment: [{ id: `${id}-proj`, kind: 'projector' }],
  openingHours: allDay,
  confidential: false,
  needsApproval: false,
  walkUp: true,
  ...over,
});

export const admin: Actor = { id: 'p-zhou', roles: ['room-admin'] };
export const wang: Actor = { id: 'p-wang', roles: ['organizer'] };
export const li: Actor = { id: 'p-li', roles: ['organizer'] };
export const walker: Actor = { id: 'p-zhao', roles: [] };

export const ADMIN: Principal = { kind: 'admin' };
export const door = (roomId: string, deviceId = `kiosk-${roomId}`): Principal => ({
  kind: 'door',
  deviceId,
  roomId,
});
export const system = (scopes: ('act' | 'admin' | 'read')[], keyId = 'erp'): Principal => ({
  kind: 'system',
  keyId,
  scopes,
});

export const register = (r: Room, now = at(7)): Record<string, unknown> => ({
  type: 'RegisterRoom',
  now,
  actor: admin,
  room: r,
});

export const book = (
  bookingId: string,
  roomId: string,
  start: number,
  end: number,
  over: Record<string, unknown> = {},
): Record<string, unknown> => ({
  type: 'RequestBooking',
  now: at(8),
  actor: wang,
  bookingId,
  roomId,
  topic: '周例会',
  headcount: 6,
  start,
  end,
  ...over,
});

export const walkUp = (
  bookingId: string,
  roomId: string,
  now: number,
  minutes = 30,
): Record<string, unknown> => ({
  type: 'WalkUp',
  now,
  actor: walker,
  bookingId,
  roomId,
  minutes,
  topic: '临时会议',
  headcount: 3,
});
