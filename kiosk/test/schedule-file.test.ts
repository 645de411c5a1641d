import { expect } from '@open-wc/testing';
import { reject, type Actor, type Rejection } from '@huiyi/core';
import { createMemoryEventStore } from '@huiyi/core/testing';
import type { KioskEvent } from '../src/services/kiosk-events.js';
import { KioskService } from '../src/services/kiosk-service.js';
import { locateRejection, readScheduleFile } from '../src/services/schedule-file.js';
import { T0 } from './helpers.js';

const admin: Actor = { id: 'kiosk-admin', roles: ['room-admin'] };
const room = {
  id: 'E',
  name: '培训室',
  location: '售后服务楼 4 层',
  capacity: 6,
  openingHours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '07:00', close: '21:00' }],
  walkUp: true,
};
const people = [
  {
    id: 'p-qian',
    name: '钱程',
    department: '售后服务部',
    employeeNumber: 'S1009',
    roles: ['organizer'],
  },
  { id: 'p-sun', name: '孙丽', department: '配件部', employeeNumber: 'P3009' },
];
const booking = {
  id: 'b-train',
  roomId: 'E',
  organizerId: 'p-qian',
  topic: '新车型维修培训',
  headcount: 4,
  start: '2026-03-11T09:00+08:00',
  end: '2026-03-11T10:00+08:00',
};
const meeting = {
  id: 'm-train',
  bookingId: 'b-train',
  kind: 'ad-hoc',
  topic: '新车型维修培训',
  agenda: [{ id: 'i1', title: '新车型结构', presenterId: 'p-qian', timeboxMinutes: 45 }],
  chairId: 'p-qian',
  recorderId: 'p-sun',
  signInOfficerId: 'p-sun',
  participants: ['p-sun'],
};
const file = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'huiyi-schedule',
    version: 1,
    rooms: [room],
    people,
    bookings: [booking],
    meetings: [meeting],
    ...over,
  });

/** The refusal of a file, or fails when it was read. */
function refusal(text: string): Rejection {
  const r = readScheduleFile(text, T0, admin);
  if (r.ok) throw new Error('the file was read');
  return r.rejection;
}

describe('schedule file (K-4)', () => {
  it('K-4: reads rooms, people, bookings and meetings into commands, each with its entry', () => {
    const r = readScheduleFile(file(), T0, admin);
    if (!r.ok) throw new Error(r.rejection.message.en);
    expect(r.value.commands.map((c) => c['type'])).to.deep.equal([
      'RegisterRoom',
      'RegisterPerson',
      'RegisterPerson',
      'RequestBooking',
      'PlanMeeting',
      'ScheduleMeeting',
    ]);
    expect(r.value.sources).to.deep.equal([
      'rooms[0]',
      'people[0]',
      'people[1]',
      'bookings[0]',
      'meetings[0]',
      'meetings[0]',
    ]);
    for (const c of r.value.commands) expect(c['now']).to.equal(T0);
    const request = r.value.commands[3]!;
    expect(request).to.include({ bookingId: 'b-train', roomId: 'E', actor: admin });
    const plan = r.value.commands[4]!;
    expect(plan['actor']).to.deep.equal({ id: 'p-qian', roles: ['organizer'] });
    expect(plan['booking']).to.deep.equal({
      roomId: 'E',
      bookingId: 'b-train',
      start: Date.parse('2026-03-11T01:00:00Z'),
      end: Date.parse('2026-03-11T02:00:00Z'),
    });
  });

  it('K-4: takes times as ISO 8601 with an offset or as epoch milliseconds, the same instant', () => {
    const start = Date.parse('2026-03-11T01:00:00Z');
    for (const [s, e] of [
      ['2026-03-11T09:00+08:00', '2026-03-11T10:00+08:00'],
      ['2026-03-11T09:00:00+08:00', '2026-03-11T10:00:00.000+08:00'],
      ['2026-03-11T01:00Z', '2026-03-11T02:00:00Z'],
      [start, start + 3_600_000],
    ] as const) {
      const r = readScheduleFile(file({ bookings: [{ ...booking, start: s, end: e }] }), T0, admin);
      if (!r.ok) throw new Error(`${s}: ${r.rejection.message.en}`);
      expect(r.value.commands[3], String(s)).to.include({ start, end: start + 3_600_000 });
    }
  });

  it('K-4: refuses a time without an offset, a fractional epoch or a date alone, naming the field', () => {
    for (const [field, value] of [
      ['start', '2026-03-11T09:00'],
      ['start', '2026-03-11'],
      ['end', 1_773_190_800_000.5],
      ['end', '明天上午'],
      ['start', null],
    ] as const) {
      const r = refusal(file({ bookings: [{ ...booking, [field]: value }] }));
      expect(r.rule).to.equal('K-4');
      expect(r.data['path']).to.equal(`bookings[0].${field}`);
      expect(r.message['zh-CN']).to.contain(`bookings[0].${field}`).and.to.contain('未作任何更改');
      expect(r.message.en).to.contain(`bookings[0].${field} must be a time with its offset`);
    }
  });

  it('K-4: every refusal of the file itself says why, and names the entry when there is one', () => {
    const cases: [string, string, string][] = [
      ['{ not json', '', 'is not valid JSON'],
      ['[1, 2]', '', 'must be a JSON object'],
      [file({ format: 'other' }), 'format', 'must be "huiyi-schedule" version 1'],
      [file({ version: 2 }), 'format', 'must be "huiyi-schedule" version 1'],
      [file({ extra: true }), 'extra', 'is not a field of a schedule file'],
      [file({ rooms: {} }), 'rooms', 'must be a list'],
      [file({ people: 'all' }), 'people', 'must be a list'],
      [file({ bookings: 3 }), 'bookings', 'must be a list'],
      [file({ meetings: null }), 'meetings', 'must be a list'],
      [file({ rooms: [{ ...room, capacity: 0 }] }), 'rooms[0].capacity', 'must be'],
      [file({ people: [people[0], { id: 'p-x' }] }), 'people[1].name', 'must be'],
      [file({ bookings: ['b-1'] }), 'bookings[0]', 'must be an object'],
      [file({ meetings: [7] }), 'meetings[0]', 'must be an object'],
      [
        file({ meetings: [{ ...meeting, bookingId: 'elsewhere' }] }),
        'meetings[0].bookingId',
        'must name a booking of this file',
      ],
      [JSON.stringify({ format: 'huiyi-schedule', version: 1 }), '', 'holds nothing to import'],
      [`"${'x'.repeat(5 * 1024 * 1024 + 1)}"`, '', 'is larger than 5 MB'],
    ];
    for (const [text, path, en] of cases) {
      const r = refusal(text);
      expect(r.rule, path).to.equal('K-4');
      expect(r.code).to.equal('import.invalid');
      expect(r.data['path'], en).to.equal(path);
      expect(r.message.en, path).to.contain('nothing changed').and.to.contain(`${path} `);
      expect(r.message.en, path).to.contain(en);
      expect(r.message['zh-CN'], path).to.contain('日程文件未导入').and.to.contain(path);
    }
  });

  it('K-4: a rule broken by an entry is refused whole, naming the entry, and nothing is written', async () => {
    const store = createMemoryEventStore<KioskEvent>();
    const service = await KioskService.open(store, { device: 'test' });
    const cases: [string, string, string][] = [
      // Over the room's capacity.
      [file({ bookings: [{ ...booking, headcount: 40 }] }), 'bookings[0]', 'R-2'],
      // The room is closed at 06:00.
      [file({ bookings: [{ ...booking, start: '2026-03-11T06:00+08:00' }] }), 'bookings[0]', 'R-2'],
      // In the past.
      [
        file({
          bookings: [
            { ...booking, start: '2026-03-09T09:00+08:00', end: '2026-03-09T10:00+08:00' },
          ],
        }),
        'bookings[0]',
        'R-2',
      ],
      // The agenda's timeboxes are longer than the meeting (M-2).
      [
        file({
          meetings: [{ ...meeting, agenda: [{ ...meeting.agenda[0], timeboxMinutes: 90 }] }],
        }),
        'meetings[0]',
        'M-2',
      ],
      // A booking with a field the kiosk does not know.
      [file({ bookings: [{ ...booking, colour: 'red' }] }), 'bookings[0]', ''],
    ];
    for (const [text, entry, rule] of cases) {
      const read = readScheduleFile(text, T0, admin);
      if (!read.ok) throw new Error(read.rejection.message.en);
      const outcome = await service.dispatchAll(read.value.commands);
      if (outcome.ok) throw new Error(`${entry} was accepted`);
      const r = locateRejection(outcome.rejection, read.value.sources);
      if (rule) expect(r.rule, entry).to.equal(rule);
      expect(r.data['entry'], r.message.en).to.equal(entry);
      expect(r.message['zh-CN']).to.contain(`日程文件未导入，未作任何更改。${entry}：`);
      expect(r.message.en).to.contain(`nothing changed. ${entry}: `);
    }
    expect(await store.lastPosition()).to.equal(0);
    expect(service.state.bookings.rooms.size).to.equal(0);
    expect(service.state.directory.people.size).to.equal(0);
  });

  it('R-1, K-4: a room written with only what it must have is imported', async () => {
    const store = createMemoryEventStore<KioskEvent>();
    const service = await KioskService.open(store, { device: 'test' });
    const bare = {
      id: 'F',
      name: '小会议室',
      capacity: 4,
      openingHours: [{ weekdays: [1, 2, 3, 4, 5], open: '08:00', close: '18:00' }],
    };
    const read = readScheduleFile(
      JSON.stringify({ format: 'huiyi-schedule', version: 1, rooms: [bare] }),
      T0,
      admin,
    );
    if (!read.ok) throw new Error(read.rejection.message.en);
    const outcome = await service.dispatchAll(read.value.commands);
    if (!outcome.ok) throw new Error(outcome.rejection.message.en);
    const room = service.state.bookings.rooms.get('F')!.room;
    expect(room).to.include({ name: '小会议室', walkUp: false });
    expect(room).not.to.have.property('location');
    expect(await store.lastPosition()).to.equal(1);
  });

  it('K-4: a file of a single entry that breaks a rule still names it', async () => {
    const service = await KioskService.open(createMemoryEventStore<KioskEvent>(), {
      device: 'test',
    });
    const read = readScheduleFile(
      JSON.stringify({ format: 'huiyi-schedule', version: 1, bookings: [booking] }),
      T0,
      admin,
    );
    if (!read.ok) throw new Error(read.rejection.message.en);
    expect(read.value.commands).to.have.length(1);
    const outcome = await service.dispatchAll(read.value.commands);
    if (outcome.ok) throw new Error('accepted a booking in an unknown room');
    const r = locateRejection(outcome.rejection, read.value.sources);
    expect(r.data['entry']).to.equal('bookings[0]');
    expect(r.message.en).to.contain('bookings[0]: ');
  });

  it('K-4: locating a rejection without a known entry leaves it as it was', () => {
    const r = reject('R-2', 'room.busy', { 'zh-CN': '已被占用', en: 'taken' }, { index: 9 });
    expect(locateRejection(r, ['rooms[0]', 'bookings[0]'])).to.equal(r);
  });
});
