import type { Actor } from '../people/actor.js';
import type { Person } from '../people/person.js';
import type { Room } from '../rooms/room.js';
import { HOUR, MINUTE } from '../time/instant.js';
import { addDays, localDateOf, startOfLocalDay } from '../time/index.js';

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

/** A slot of the demo day, clamped inside today so the demo works at any hour. */
function slot(
  now: number,
  zone: string,
  fromMinutes: number,
  minutes: number,
): { start: number; end: number } {
  const today = localDateOf(now, zone);
  const dayStart = startOfLocalDay(today, zone);
  const dayEnd = startOfLocalDay(addDays(today, 1), zone) - MINUTE;
  const base = Math.floor(now / (5 * MINUTE)) * 5 * MINUTE;
  let start = Math.max(dayStart, base + fromMinutes * MINUTE);
  let end = start + minutes * MINUTE;
  if (end > dayEnd) {
    end = dayEnd;
    start = Math.max(dayStart, Math.min(start, end - 15 * MINUTE));
  }
  return { start, end };
}

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
  const yesterday = now - 24 * HOUR;
  const inProgress = slot(now, zone, -25, 60);
  const soon = slot(now, zone, 10, 45);
  const secret = slot(now, zone, 90, 60);
  const later = slot(now, zone, 180, 30);
  const commands: Record<string, unknown>[] = [
    ...DEMO_ROOMS.map((room) => ({ type: 'RegisterRoom', now: yesterday, actor: admin, room })),
    ...DEMO_PEOPLE.map((p) => ({
      type: 'RegisterPerson',
      now: yesterday,
      actor: admin,
      person: p,
    })),
  ];
  const book = (
    bookingId: string,
    roomId: string,
    organizerId: string,
    topic: string,
    s: { start: number; end: number },
    extra = {},
  ) =>
    commands.push({
      type: 'RequestBooking',
      now: yesterday,
      actor: admin,
      bookingId,
      roomId,
      organizerId,
      department: '售后服务部',
      topic,
      headcount: 6,
      start: s.start,
      end: s.end,
      ...extra,
    });
  const meeting = (
    meetingId: string,
    bookingId: string,
    roomId: string,
    topic: string,
    s: { start: number; end: number },
    extra: Record<string, unknown> = {},
  ) => {
    const organizer = as('p-wang');
    commands.push({
      type: 'PlanMeeting',
      now: yesterday,
      actor: organizer,
      meetingId,
      kind: 'weekly-review',
      topic,
      goals: '回顾上周售后指标,确定本周重点工作',
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
      booking: { roomId, bookingId, start: s.start, end: s.end },
      confidential: false,
      ...extra,
    });
    commands.push({ type: 'ScheduleMeeting', now: yesterday, actor: organizer, meetingId });
  };
  book('demo-weekly', 'A', 'p-wang', '售后周例会', inProgress, { equipment: ['projector'] });
  meeting('m-weekly', 'demo-weekly', 'A', '售后周例会', inProgress);
  book('demo-complaints', 'B', 'p-chen', '客户投诉分析会', soon, {
    equipment: ['video-conferencing', 'projector'],
  });
  book('demo-secret', 'C', 'p-wu', '年度索赔审计', secret, { confidential: true });
  meeting('m-secret', 'demo-secret', 'C', '年度索赔审计', secret, {
    kind: 'ad-hoc',
    confidential: true,
    agenda: [{ id: 'i1', title: '索赔单据抽查结果', presenterId: 'p-zhao', timeboxMinutes: 40 }],
    participants: ['p-zhao', 'p-huang'],
    informed: [],
  });
  book('demo-later', 'A', 'p-huang', '新员工质量培训', later);
  // The meeting in progress: checked in at the door, people signed in as they arrived.
  const checkIn = Math.min(now, inProgress.start + 2 * MINUTE);
  if (checkIn >= inProgress.start - 10 * MINUTE && checkIn < inProgress.start + 10 * MINUTE) {
    commands.push({
      type: 'CheckIn',
      now: checkIn,
      actor: as('p-wang'),
      roomId: 'A',
      bookingId: 'demo-weekly',
    });
    for (const [i, id] of ['p-wang', 'p-li', 'p-zhang', 'p-chen'].entries()) {
      commands.push({
        type: 'SignIn',
        now: Math.min(now, inProgress.start - 5 * MINUTE + i * 3 * MINUTE),
        actor: as(id),
        meetingId: 'm-weekly',
      });
    }
  }
  return commands.sort((a, b) => (a['now'] as number) - (b['now'] as number));
}
