// The demo dealership the hub lays out on first start (`npm start`), the same four rooms as the
// kiosk's own demo: a meeting in progress in 一号会议室, one starting soon in 大会议室, a
// confidential one in 保密会议室, and 洽谈室 free. Pushed as the admin, through the rules.
import { MINUTE, type Actor, type Room } from '@huiyi/core';
import type { HubEngine } from '../http/engine.js';

const allWeek: Room['openingHours'] = [
  { weekdays: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' },
];

/** The demo's rooms. */
export const DEMO_ROOMS: readonly Room[] = [
  {
    id: 'A',
    name: '一号会议室',
    location: '售后服务楼 2 层',
    capacity: 10,
    equipment: [
      { id: 'A-proj', kind: 'projector', label: '投影仪' },
      { id: 'A-mic', kind: 'microphone', label: '无线话筒' },
    ],
    openingHours: allWeek,
    confidential: false,
    needsApproval: false,
    walkUp: true,
  },
  {
    id: 'B',
    name: '大会议室',
    location: '售后服务楼 3 层',
    capacity: 24,
    equipment: [{ id: 'B-vc', kind: 'video-conferencing', label: '视频会议终端' }],
    openingHours: allWeek,
    confidential: false,
    needsApproval: false,
    walkUp: true,
  },
  {
    id: 'C',
    name: '保密会议室',
    location: '售后服务楼 3 层东',
    capacity: 8,
    equipment: [{ id: 'C-screen', kind: 'screen', label: '显示屏' }],
    openingHours: allWeek,
    confidential: true,
    needsApproval: false,
    walkUp: false,
  },
  {
    id: 'D',
    name: '洽谈室',
    location: '售后接待区',
    capacity: 4,
    equipment: [{ id: 'D-board', kind: 'whiteboard', label: '白板' }],
    openingHours: allWeek,
    confidential: false,
    needsApproval: false,
    walkUp: true,
  },
];

const admin: Actor = { id: 'p-zhou', roles: ['room-admin'] };

/**
 * The demo's commands around `now`: the rooms, then three bookings made the day before.
 *
 * @param now - the moment of the first start (epoch ms)
 * @returns the commands, oldest first
 */
export function demoCommands(now: number): Record<string, unknown>[] {
  const yesterday = now - 24 * 60 * MINUTE;
  const base = Math.floor(now / (5 * MINUTE)) * 5 * MINUTE;
  const book = (
    bookingId: string,
    roomId: string,
    topic: string,
    from: number,
    minutes: number,
    extra = {},
  ) => ({
    type: 'RequestBooking',
    now: yesterday,
    actor: admin,
    bookingId,
    roomId,
    organizerId: 'p-wang',
    department: '售后服务部',
    topic,
    headcount: 6,
    start: base + from * MINUTE,
    end: base + (from + minutes) * MINUTE,
    ...extra,
  });
  return [
    ...DEMO_ROOMS.map((room) => ({ type: 'RegisterRoom', now: yesterday, actor: admin, room })),
    book('demo-weekly', 'A', '售后周例会', -25, 60),
    book('demo-complaints', 'B', '客户投诉分析会', 10, 45),
    book('demo-secret', 'C', '年度索赔审计', 90, 60, { confidential: true }),
    book('demo-later', 'A', '新员工质量培训', 180, 30),
  ];
}

/**
 * Lays out the demo dealership unless the hub has rooms already.
 *
 * @param hub - the engine
 * @param now - the moment (epoch ms)
 * @returns whether it was laid out now
 */
export async function seedDemo(hub: HubEngine, now: number): Promise<{ seeded: boolean }> {
  if ((await hub.rooms()).length > 0) return { seeded: false };
  const r = await hub.push(
    { kind: 'admin' },
    {
      clientId: 'demo-seed',
      clientClock: now,
      mutations: demoCommands(now).map((command, i) => ({ id: i + 1, command })),
    },
  );
  if ('refused' in r) throw new Error(r.refused.message.en);
  const refused = r.results.filter((x) => x.status !== 'applied');
  if (refused.length > 0) throw new Error(`the demo was refused: ${JSON.stringify(refused)}`);
  return { seeded: true };
}
