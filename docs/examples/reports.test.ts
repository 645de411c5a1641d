// The reports guide: the weekly review of weekly-review.ts, its action done and commended, room A's
// bookings with a no-show; one meeting's figures (E-1), the month's report for leadership (E-2,
// F-8) rendered to Markdown (compared with examples/data/period-report.md, which
// UPDATE_EXAMPLES=1 rewrites) and to CSV.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { openActionsCommand, type Actor } from '@huiyi/core';
import {
  NAMES,
  PUBLISHED_AT,
  START,
  at,
  chen,
  li,
  ma,
  meetings,
  minutes,
  published,
  wang,
} from './weekly-review.js';

const admin: Actor = { id: 'admin', roles: ['room-admin'] };
const open = openActionsCommand(published, chen, PUBLISHED_AT);
if (!open.ok) throw new Error(open.rejection.message.en);

// #region sources
import {
  actionsByMeeting,
  createActionDecider,
  createBookingDecider,
  meetingReport,
  periodReport,
  periodReportCsv,
  periodReportMarkdown,
  reportPeriod,
  toCsv,
  type ReportSources,
} from '@huiyi/core';
import { run, untyped } from '@huiyi/core/testing';

// Each decider's state, folded from its own events (here, straight from the commands):
const bookings = run(untyped(createBookingDecider()), [
  {
    type: 'RegisterRoom',
    now: at(1, 8),
    actor: admin,
    room: {
      id: 'A',
      name: '一号会议室',
      capacity: 8,
      openingHours: [{ weekdays: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' }],
    },
  },
  {
    type: 'RequestBooking',
    now: at(1, 9),
    actor: ma,
    bookingId: 'b1',
    roomId: 'A',
    topic: '售后周例会',
    headcount: 5,
    start: START,
    end: at(2, 10),
  },
  { type: 'CheckIn', now: at(2, 8, 55), actor: ma, roomId: 'A', bookingId: 'b1' },
  {
    type: 'RequestBooking',
    now: at(1, 9),
    actor: wang,
    bookingId: 'b2',
    roomId: 'A',
    topic: '配件供应商洽谈',
    headcount: 3,
    start: at(3, 14),
    end: at(3, 15),
  },
  { type: 'ReleaseNoShows', now: at(3, 16), actor: admin }, // nobody came to b2
]);
const actions = run(untyped(createActionDecider()), [
  open.value, // from the published minutes (see Follow-through and money)
  { type: 'StartAction', now: at(3, 9), actor: li, actionId: 'm1:o1' },
  {
    type: 'SubmitCompletionReport',
    now: at(8, 10),
    actor: li,
    actionId: 'm1:o1',
    result: '12 起投诉全部回访',
    problems: '2 位客户电话停机',
    suggestions: '登记客户备用联系方式',
  },
  { type: 'EvaluateAction', now: at(10, 10), actor: chen, actionId: 'm1:o1', quality: 5 },
]);

const sources: ReportSources = {
  meetings: meetings.state, // the weekly review of 2 December: li came 7 minutes late
  minutes: minutes.state, // published that afternoon
  actions: actions.state,
  bookings: bookings.state,
};
// #endregion sources

it('the example ran: every command was accepted', () => {
  expect([...bookings.results, ...actions.results].every((r) => r.ok)).toBe(true);
});

it('E-1: how effective one meeting was', () => {
  // #region meeting-figures
  const m1 = meetings.state.meetings.get('m1')!;
  const ofM1 = actionsByMeeting(actions.state).get('m1') ?? [];
  expect(meetingReport(m1, minutes.state, ofM1, { asOf: at(31, 18) })).toMatchObject({
    startedOnTime: true,
    agenda: { overrun: 0 },
    attendance: { expected: 5, attended: 5, late: 1, attendanceRate: 1, punctualityRate: 0.8 },
    decisions: 1,
    actions: { total: 1, doneOnTime: 1, onTimeShare: 1 },
    minutes: 'on-time', // N-5: published within a working day
  });
  // #endregion meeting-figures
});

const data = new URL('./data/period-report.md', import.meta.url);

it('E-2, F-8: the month for leadership, in Markdown', () => {
  // #region period-report
  const december = reportPeriod(START, 'month', 'Asia/Shanghai'); // actions.rollUpPeriod
  const report = periodReport(sources, december, { asOf: at(31, 18) });
  const markdown = periodReportMarkdown(report, {
    lang: 'en', // default zh-CN
    nameOf: (id) => NAMES[id], // names from your directory; unknown ids are shown as they are
  });
  expect(markdown.split('\n')[0]).toBe('# Meeting summary report · 2026-12');
  // #endregion period-report
  if (process.env['UPDATE_EXAMPLES'] === '1') writeFileSync(data, markdown);
  expect(markdown).toBe(readFileSync(data, 'utf8'));
  expect(periodReportMarkdown(report).split('\n')[0]).toBe('# 会议总结报告 · 2026-12');
});

it('E-2: a CSV file per table: UTF-8 with BOM, CRLF, RFC 4180, formulas kept as text', () => {
  // #region csv
  const report = periodReport(sources, reportPeriod(START, 'month', 'Asia/Shanghai'));
  const files = periodReportCsv(report, { nameOf: (id) => NAMES[id] }); // one per table
  expect(files.discipline.split('\r\n')).toEqual([
    '\uFEFF人员,应到,实到,准时,迟到,早退,迟到且早退,请假,无故缺席,表彰,处罚,更正',
    '陈主任,1,1,1,0,0,0,0,0,0,0,0',
    '李四,1,1,0,1,0,0,0,0,1,0,0',
    '刘秘书,1,1,1,0,0,0,0,0,0,0,0',
    '王五,1,1,1,0,0,0,0,0,0,0,0',
    '周专员,1,1,1,0,0,0,0,0,0,0,0',
    '合计,5,5,4,1,0,0,0,0,1,0,0',
    '',
  ]);
  // Quotes where RFC 4180 needs them; text a spreadsheet would run as a formula gets a leading '.
  expect(toCsv([['主题'], ['回访, 2 起'], ['=HYPERLINK("http://x")']])).toBe(
    '\uFEFF主题\r\n"回访, 2 起"\r\n"\'=HYPERLINK(""http://x"")"\r\n',
  );
  // #endregion csv
});
