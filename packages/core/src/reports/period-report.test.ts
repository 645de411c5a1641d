import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { ACTION_STATUSES } from '../actions/action.js';
import { reportSourcesArb } from '../testing/report-arbitraries.js';
import { DISCIPLINE_FIELDS } from './discipline.js';
import { at, HOUR, sources } from './fixtures.test-helpers.js';
import { reportPeriod } from './period.js';
import { periodReport, type PeriodReport } from './period-report.js';
import { foldMeetingEvents } from '../meetings/meeting-state.js';
import type { MeetingEvent } from '../meetings/meeting-events.js';
import { UTILIZATION_FIELDS } from './room-utilization.js';

const DECEMBER = reportPeriod(at(15, 12), 'month', 'Asia/Shanghai');
const report = periodReport(sources(), DECEMBER);

describe('E-2: the meeting summary report of a period', () => {
  it('E-2: the meetings held, with their totals', () => {
    expect(report.meetings.map((m) => m.meetingId)).toEqual(['m1']);
    expect(report.asOf).toBe(DECEMBER.to);
    expect(report.totals).toMatchObject({
      meetings: 1,
      startedOnTime: 1,
      startedLate: 0,
      overrunItems: 1,
      expected: 7,
      attended: 6,
      decisions: 1,
      minutesOnTime: 1,
      minutesLate: 0,
      attendanceRate: 6 / 7,
      punctualityRate: 4 / 6,
      actions: { total: 1, doneOnTime: 1, onTimeShare: 1 },
    });
    expect(report.cancelledMeetings).toBe(0);
    const november = periodReport(
      sources(),
      reportPeriod(at(15, 12, 0, 11), 'month', 'Asia/Shanghai'),
    );
    expect(november.meetings).toEqual([]);
  });

  it('E-2: outcomes, problems and improvements', () => {
    expect(report.summary.outcomes).toEqual([
      {
        meetingId: 'm1',
        topic: '售后周例会',
        itemId: 'o1',
        kind: 'decision',
        text: '投诉 48 小时内回访',
        ownerId: 'li',
        due: at(9, 18),
        urgency: 'urgent',
      },
    ]);
    expect(report.summary.problems.map((p) => [p.rule, p.code])).toEqual([
      ['M-7', 'agenda.overrun'],
      ['F-5', 'action.problem'],
      ['R-4', 'room.no-shows'],
    ]);
    expect(report.summary.problems[0]?.message['zh-CN']).toBe(
      '「售后周例会」议程超时 5 分钟（1 项）',
    );
    expect(report.summary.improvements).toEqual([
      { actionId: 'm1:o1', meetingId: 'm1', by: 'li', text: '登记客户备用联系方式', at: at(8, 10) },
    ]);
  });

  it('E-2: the discipline record: late, left early, unexcused absence per person; F-7 the ledger', () => {
    const row = (id: string) => report.discipline.rows.find((p) => p.personId === id);
    expect(report.discipline.rows.map((p) => p.personId)).toEqual([
      'chen',
      'li',
      'liu',
      'sun',
      'wang',
      'zhao',
      'zhou',
    ]);
    expect(row('zhao')).toMatchObject({ expected: 1, attended: 1, late: 1, onTime: 0 });
    expect(row('wang')).toMatchObject({ leftEarly: 1 });
    expect(row('sun')).toMatchObject({ excused: 1, attended: 0 });
    expect(row('li')).toMatchObject({ onTime: 1, commendations: 1 });
    expect(report.discipline.totals).toMatchObject({
      expected: 7,
      attended: 6,
      late: 1,
      leftEarly: 1,
      unexcused: 0,
      commendations: 1,
    });
  });

  it('F-8: the status of every action across meetings, per owner and per meeting', () => {
    expect(report.actions.rows).toMatchObject([
      {
        actionId: 'm1:o1',
        ownerId: 'li',
        status: 'accepted',
        overdue: false,
        completedAt: at(8, 10),
        lateBy: 0,
        quality: 5,
        verdict: 'commendation',
        missedReports: 0,
      },
    ]);
    expect(report.actions.byOwner).toEqual([
      {
        id: 'li',
        total: 1,
        overdue: 0,
        byStatus: expect.objectContaining({ accepted: 1, open: 0 }),
      },
    ]);
    expect(report.actions.totals.total).toBe(1);
    const january = periodReport(
      sources(),
      reportPeriod(at(15, 12, 0, 1) + 400 * 24 * HOUR, 'month', 'Asia/Shanghai'),
    );
    expect(january.actions.rows).toEqual([]);
  });

  it('R-1, R-4: room utilization (booked and used over open hours) and no-shows', () => {
    const [a, b] = report.rooms.rows;
    // December 2026 has 27 days from Monday to Saturday, each open 08:00–20:00.
    expect(a).toMatchObject({
      roomId: 'A',
      open: 27 * 12 * HOUR,
      booked: 2 * HOUR,
      used: HOUR,
      bookings: 2,
      checkedIn: 1,
      noShows: 1,
    });
    expect(a?.bookedRate).toBeCloseTo(2 / 324);
    expect(b).toMatchObject({ roomId: 'B', booked: HOUR, used: 0, noShows: 1 });
    expect(report.noShows).toMatchObject({
      total: 2,
      byRoom: [
        { id: 'A', count: 1 },
        { id: 'B', count: 1 },
      ],
      byOrganizer: [{ id: 'wang', count: 2 }],
    });
    expect(report.noShows.rows[0]).toMatchObject({
      bookingId: 'b2',
      topic: '配件供应商洽谈',
      department: '配件部',
      releasedAt: at(3, 10, 10),
    });
    expect(report.noShows.rows[1]).toMatchObject({ bookingId: 'b3', confidential: true });
    expect(report.noShows.rows[1]).not.toHaveProperty('topic');
  });
});

/** Checks that every per-meeting, per-person, per-owner and per-room figure adds up to its totals. */
function checkAddsUp(r: PeriodReport): void {
  const sum = <T>(xs: readonly T[], f: (x: T) => number): number =>
    xs.reduce((n, x) => n + f(x), 0);
  const t = r.totals;
  // E-1 per meeting → E-2 totals
  expect(t.meetings).toBe(r.meetings.length);
  expect(t.decisions).toBe(sum(r.meetings, (m) => m.decisions));
  expect(t.overrun).toBe(sum(r.meetings, (m) => m.agenda.overrun));
  expect(t.startedOnTime + t.startedLate).toBe(r.meetings.length);
  for (const f of [
    'total',
    'doneOnTime',
    'doneLate',
    'open',
    'cancelled',
    'overdue',
    'judged',
  ] as const)
    expect(t.actions[f]).toBe(sum(r.meetings, (m) => m.actions[f]));
  for (const m of r.meetings) {
    const a = m.actions;
    expect(a.doneOnTime + a.doneLate + a.open + a.cancelled).toBe(a.total);
    const p = m.attendance!;
    expect(p.onTime + p.late + p.leftEarly + p.lateAndLeftEarly).toBe(p.attended);
    expect(p.attended + p.excused + p.unexcused).toBe(p.expected);
  }
  // E-2 per person → totals, and the same totals as per meeting
  for (const f of DISCIPLINE_FIELDS)
    expect(r.discipline.totals[f]).toBe(sum(r.discipline.rows, (p) => p[f]));
  for (const f of [
    'expected',
    'attended',
    'onTime',
    'late',
    'leftEarly',
    'lateAndLeftEarly',
    'excused',
    'unexcused',
  ] as const)
    expect(r.discipline.totals[f]).toBe(t[f]);
  // F-8 per owner and per meeting → totals
  const roll = r.actions;
  expect(roll.totals.total).toBe(roll.rows.length);
  expect(sum(ACTION_STATUSES, (s) => roll.totals.byStatus[s])).toBe(roll.totals.total);
  for (const groups of [roll.byOwner, roll.byMeeting]) {
    expect(sum(groups, (g) => g.total)).toBe(roll.totals.total);
    expect(sum(groups, (g) => g.overdue)).toBe(roll.totals.overdue);
    for (const s of ACTION_STATUSES)
      expect(sum(groups, (g) => g.byStatus[s])).toBe(roll.totals.byStatus[s]);
  }
  expect(roll.totals.overdue).toBe(roll.rows.filter((x) => x.overdue).length);
  // rooms and no-shows
  for (const f of UTILIZATION_FIELDS)
    expect(r.rooms.totals[f]).toBe(sum(r.rooms.rows, (x) => x[f]));
  for (const x of r.rooms.rows) expect(x.used).toBeLessThanOrEqual(x.booked);
  expect(r.noShows.total).toBe(r.noShows.rows.length);
  expect(sum(r.noShows.byRoom, (x) => x.count)).toBe(r.noShows.total);
  expect(sum(r.noShows.byOrganizer, (x) => x.count)).toBe(r.noShows.total);
  expect(r.rooms.totals.noShows).toBe(r.noShows.total);
}

describe('K-3, E-2: the records of the log that contradict the meetings', () => {
  it('K-3, M-5: listed for the period: a sign-in after the end, one for a meeting never planned in the period; not a repeat, not another month', () => {
    const base = sources();
    const m1 = base.meetings.meetings.get('m1')!;
    const odd = [
      // A door offline wrote a sign-in after the meeting ended, synced late: a contradiction.
      {
        type: 'SignedIn',
        meetingId: 'm1',
        personId: 'p-late',
        by: 'p-late',
        at: m1.endedAt! + HOUR,
      },
      // The same departure twice: a repeat, which changes nothing.
      ...m1.signIns
        .filter((e) => e.kind === 'out')
        .slice(0, 1)
        .map((e) => ({
          type: 'SignedOut',
          meetingId: 'm1',
          personId: e.personId,
          by: e.by,
          at: e.at,
        })),
      { type: 'SignedIn', meetingId: 'm-ghost', personId: 'p-x', by: 'p-x', at: at(20, 9) },
      { type: 'SignedIn', meetingId: 'm-ghost', personId: 'p-x', by: 'p-x', at: at(20, 9, 0, 11) },
    ] as MeetingEvent[];
    const meetings = foldMeetingEvents(base.meetings, odd);
    expect(meetings.anomalies?.map((a) => a.kind)).toEqual([
      'out-of-turn',
      'repeat',
      'unknown-meeting',
      'unknown-meeting',
    ]);
    const r = periodReport({ ...base, meetings }, DECEMBER);
    expect(r.meetingAnomalies.map((a) => [a.kind, a.meetingId, a.personId])).toEqual([
      ['out-of-turn', 'm1', 'p-late'],
      ['unknown-meeting', 'm-ghost', 'p-x'],
    ]);
    // The figures are those of the log without them.
    expect(r.totals).toEqual(report.totals);
    expect(report.meetingAnomalies).toEqual([]);
  });
});

describe('E-1, E-2, F-8: every figure adds up to its totals', () => {
  it('for the December fixtures', () => checkAddsUp(report));

  test.prop(
    [
      reportSourcesArb(),
      fc.constantFrom('week', 'month', 'quarter') as fc.Arbitrary<'week' | 'month' | 'quarter'>,
      fc.integer({ min: 0, max: 40 * 24 }),
    ],
    { numRuns: 60 },
  )(
    'per meeting, per person, per owner, per meeting of the roll-up, per room: the figures add up to the totals',
    (s, kind, hours) => {
      const t = at(1, 0) + hours * HOUR;
      const r = periodReport(s, reportPeriod(t, kind, 'Asia/Shanghai'), { asOf: t });
      checkAddsUp(r);
    },
  );
});
