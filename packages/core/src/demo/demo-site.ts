import type { Actor } from '../people/actor.js';
import type { Person } from '../people/person.js';
import type { Room } from '../rooms/room.js';
import { layDemoDay, type DemoDay, type DemoMoment } from './lay-day.js';

/**
 * The built-in demo dealership (`npm start`): four rooms of an after-sales department, its people,
 * and a day laid around the moment the kiosk first starts: a meeting in progress in 一号会议室, one
 * starting soon in 大会议室, a confidential one in 保密会议室, and 洽谈室 free.
 */
const allWeek = [
  {
    weekdays: [1, 2, 3, 4, 5, 6, 7] as (1 | 2 | 3 | 4 | 5 | 6 | 7)[],
    open: '00:00',
    close: '23:59',
  },
];

export const DEMO_ROOMS: readonly Room[] = [
  {
    id: 'A',
    name: '一号会议室',
    location: '售后服务楼 2 层',
    capacity: 10,
    equipment: [
      { id: 'A-proj', kind: 'projector', label: '投影仪' },
      { id: 'A-screen', kind: 'screen', label: '幕布' },
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
    equipment: [
      { id: 'B-vc', kind: 'video-conferencing', label: '视频会议终端' },
      { id: 'B-proj', kind: 'projector', label: '投影仪' },
      { id: 'B-audio', kind: 'audio', label: '音响' },
    ],
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

const person = (
  id: string,
  name: string,
  department: string,
  employeeNumber: string,
  roles: Person['roles'] = [],
): Person => ({
  id,
  name,
  department,
  employeeNumber,
  roles,
});

export const DEMO_PEOPLE: readonly Person[] = [
  person('p-wang', '王建国', '售后服务部', 'S1001', ['organizer', 'chair']),
  person('p-li', '李娜', '售后服务部', 'S1002', ['recorder']),
  person('p-zhang', '张伟', '维修车间', 'W2001', ['sign-in-officer']),
  person('p-liu', '刘洋', '配件部', 'P3001'),
  person('p-chen', '陈静', '客户关系部', 'C4001'),
  person('p-yang', '杨帆', '维修车间', 'W2002'),
  person('p-zhao', '赵敏', '质量管理部', 'Q5001', ['supervisor']),
  person('p-huang', '黄磊', '售后服务部', 'S1003'),
  person('p-zhou', '周婷', '行政部', 'A6001', ['room-admin']),
  person('p-wu', '吴刚', '公司领导', 'L7001', ['leadership', 'chair']),
];

const admin: Actor = { id: 'p-zhou', roles: ['room-admin'] };
const as = (id: string): Actor => {
  const p = DEMO_PEOPLE.find((x) => x.id === id);
  return { id, roles: p ? [...p.roles] : [] };
};

const yesterday: DemoMoment = '@yesterday';
const at = (slot: string) => ({ start: `@${slot}.start`, end: `@${slot}.end` }) as const;
const book = (
  bookingId: string,
  roomId: string,
  organizerId: string,
  topic: string,
  slot: string,
  extra = {},
) => ({
  type: 'RequestBooking',
  now: yesterday,
  actor: admin,
  bookingId,
  roomId,
  organizerId,
  department: '售后服务部',
  topic,
  headcount: 6,
  ...at(slot),
  ...extra,
});
const meeting = (
  meetingId: string,
  bookingId: string,
  roomId: string,
  topic: string,
  slot: string,
  extra: Record<string, unknown> = {},
) => {
  const organizer = as('p-wang');
  return [
    {
      type: 'PlanMeeting',
      now: yesterday,
      actor: organizer,
      meetingId,
      kind: 'weekly-review',
      topic,
      goals: '回顾上周售后指标，确定本周重点工作',
      agenda: [
        { id: 'i1', title: '上周客户满意度与投诉', presenterId: 'p-chen', timeboxMinutes: 15 },
        { id: 'i2', title: '维修车间产能与返修率', presenterId: 'p-yang', timeboxMinutes: 15 },
        { id: 'i3', title: '配件库存预警', presenterId: 'p-liu', timeboxMinutes: 10 },
      ],
      chairId: 'p-wang',
      recorderId: 'p-li',
      signInOfficerId: 'p-zhang',
      participants: ['p-liu', 'p-chen', 'p-yang', 'p-huang'],
      informed: ['p-wu'],
      booking: { roomId, bookingId, ...at(slot) },
      confidential: false,
      ...extra,
    },
    { type: 'ScheduleMeeting', now: yesterday, actor: organizer, meetingId },
  ];
};

/**
 * The demo day, before it is laid around a moment: a meeting in progress in 一号会议室 (checked in,
 * four people signed in as they arrived), one starting soon in 大会议室, a confidential one in
 * 保密会议室, a training later in 一号会议室, and 洽谈室 free.
 */
export const DEMO_DAY: DemoDay = {
  slots: { inProgress: [-25, 60], soon: [10, 45], secret: [90, 60], later: [180, 30] },
  commands: [
    ...DEMO_ROOMS.map((room) => ({ type: 'RegisterRoom', now: yesterday, actor: admin, room })),
    ...DEMO_PEOPLE.map((p) => ({
      type: 'RegisterPerson',
      now: yesterday,
      actor: admin,
      person: p,
    })),
    book('demo-weekly', 'A', 'p-wang', '售后周例会', 'inProgress', { equipment: ['projector'] }),
    ...meeting('m-weekly', 'demo-weekly', 'A', '售后周例会', 'inProgress'),
    book('demo-complaints', 'B', 'p-chen', '客户投诉分析会', 'soon', {
      equipment: ['video-conferencing', 'projector'],
    }),
    book('demo-secret', 'C', 'p-wu', '年度索赔审计', 'secret', { confidential: true }),
    ...meeting('m-secret', 'demo-secret', 'C', '年度索赔审计', 'secret', {
      kind: 'ad-hoc',
      confidential: true,
      agenda: [{ id: 'i1', title: '索赔单据抽查结果', presenterId: 'p-zhao', timeboxMinutes: 40 }],
      participants: ['p-zhao', 'p-huang'],
      informed: [],
    }),
    book('demo-later', 'A', 'p-huang', '新员工质量培训', 'later'),
  ],
  checkIn: {
    slot: 'inProgress',
    commands: [
      {
        type: 'CheckIn',
        now: '@inProgress+2',
        actor: as('p-wang'),
        roomId: 'A',
        bookingId: 'demo-weekly',
      },
      ...['p-wang', 'p-li', 'p-zhang', 'p-chen'].map((id, i) => ({
        type: 'SignIn',
        now: `@inProgress${i * 3 - 5 < 0 ? '' : '+'}${i * 3 - 5}`,
        actor: as(id),
        meetingId: 'm-weekly',
      })),
    ],
  },
};

/**
 * The commands that build the demo dealership around `now`, in the order they happened (each with
 * its own `now`): rooms and people, bookings made the day before, a meeting checked in and signed
 * into, and the rest ahead.
 *
 * @param now - when the kiosk first starts
 * @param zone - the site's zone
 * @returns the commands, oldest first
 */
export function demoCommands(now: number, zone: string): Record<string, unknown>[] {
  return layDemoDay(DEMO_DAY, now, zone);
}
