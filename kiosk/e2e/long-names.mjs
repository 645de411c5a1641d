// A schedule file for the layout tests: a room, its people and its day with long names and long
// topics, laid on the kiosk's day (the harness's demoMorning).
import { demoMorning } from './harness.mjs';

/** Today (the kiosk's day) at a wall-clock time in Shanghai, as the schedule file writes it. */
const at = (hhmm) => {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(demoMorning());
  return `${day}T${hhmm}+08:00`;
};

/** A room, its people and its day with long names and long topics. */
export const longNames = () => ({
  format: 'huiyi-schedule',
  version: 1,
  rooms: [
    {
      id: 'L',
      name: '售后多功能培训会议室',
      location: '售后服务楼 3 层东侧走廊尽头',
      capacity: 20,
      equipment: [
        { id: 'L-proj', kind: 'projector', label: '激光投影仪（主会场）' },
        { id: 'L-mic', kind: 'microphone', label: '无线话筒' },
      ],
      openingHours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '20:00' }],
      walkUp: true,
    },
  ],
  people: [
    {
      id: 'p-mmt',
      name: '买买提·艾力江',
      department: '售后服务部客户关系组',
      employeeNumber: 'S2026001',
      roles: ['organizer', 'chair'],
    },
    {
      id: 'p-oy',
      name: '欧阳娜娜',
      department: '维修车间',
      employeeNumber: 'W2026002',
      roles: ['sign-in-officer'],
    },
    {
      id: 'p-alex',
      name: 'Alexandra Montgomery-Whitfield',
      department: 'International Parts Logistics',
      employeeNumber: 'E2026003',
    },
    {
      id: 'p-st',
      name: '司徒建国华',
      department: '质量管理部',
      employeeNumber: 'Q2026004',
      roles: ['recorder'],
    },
  ],
  bookings: [
    {
      id: 'l-now',
      roomId: 'L',
      organizerId: 'p-mmt',
      topic: '2026 年第四季度售后服务满意度提升专项分析与改进计划讨论会',
      headcount: 12,
      start: at('10:05'),
      end: at('11:05'),
      equipment: ['projector'],
    },
    {
      id: 'l-2',
      roomId: 'L',
      organizerId: 'p-alex',
      topic: 'Quarterly parts logistics review with the regional warehouse team',
      headcount: 6,
      start: at('11:30'),
      end: at('12:00'),
    },
    {
      id: 'l-3',
      roomId: 'L',
      organizerId: 'p-st',
      topic: '新员工质量培训：钣金喷漆工艺标准与常见返工原因分析',
      headcount: 15,
      start: at('13:00'),
      end: at('14:30'),
    },
    {
      id: 'l-4',
      roomId: 'L',
      organizerId: 'p-oy',
      topic: '配件库存预警',
      headcount: 4,
      start: at('15:00'),
      end: at('15:30'),
    },
    {
      id: 'l-5',
      roomId: 'L',
      organizerId: 'p-mmt',
      topic: '客户投诉复盘会',
      headcount: 8,
      start: at('16:00'),
      end: at('17:30'),
    },
    {
      id: 'l-6',
      roomId: 'L',
      organizerId: 'p-oy',
      topic: '周报',
      headcount: 4,
      start: at('18:00'),
      end: at('19:00'),
    },
  ],
  meetings: [
    {
      id: 'm-l-now',
      bookingId: 'l-now',
      kind: 'ad-hoc',
      topic: '2026 年第四季度售后服务满意度提升专项分析与改进计划讨论会',
      goals: '确定改进计划',
      agenda: [{ id: 'i1', title: '满意度数据', presenterId: 'p-alex', timeboxMinutes: 30 }],
      chairId: 'p-mmt',
      recorderId: 'p-st',
      signInOfficerId: 'p-oy',
      participants: ['p-alex'],
    },
  ],
});
