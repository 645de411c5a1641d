import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import { foldMeetingEvents, initialMeetingState } from '../meetings/meeting-state.js';
import {
  meetingActionFigures,
  meetingReport,
  minutesTimeliness,
  actionsByMeeting,
} from './meeting-report.js';
import {
  A1,
  acmd,
  actionDecider,
  actionHistory,
  at,
  chen,
  history,
  li,
  MINUTE,
  openFrom,
  plan,
  publishedMinutes,
  ranThrough,
  scheduled,
  sources,
  START,
} from './fixtures.test-helpers.js';

const S = sources();
const m1 = () => S.meetings.meetings.get('m1')!;
const asOf = at(31, 18);
const report = () =>
  meetingReport(m1(), S.minutes, actionsByMeeting(S.actions).get('m1') ?? [], { asOf });

describe('E-1: how effective a meeting was', () => {
  it('E-1: started on time, agenda overrun, attendance and punctuality, decisions, actions, minutes', () => {
    const r = report();
    expect(r).toMatchObject({
      meetingId: 'm1',
      topic: '售后周例会',
      roomId: 'A',
      chairId: 'chen',
      startedOnTime: true,
      startedLateBy: 0,
      agenda: { items: 3, finished: 2, overrunItems: 1, overrun: 5 * MINUTE },
      decisions: 1,
      information: 0,
      actions: { total: 1, doneOnTime: 1, doneLate: 0, open: 0, judged: 1, onTimeShare: 1 },
      minutes: 'on-time',
    });
    expect(r.attendance).toMatchObject({
      expected: 7,
      attended: 6,
      onTime: 4,
      late: 1,
      leftEarly: 1,
      excused: 1,
      unexcused: 0,
      attendanceRate: 6 / 7,
      punctualityRate: 4 / 6,
    });
  });

  it('E-1: a meeting started past its start plus the grace started late, by how much', () => {
    const late = history(
      ...ranThrough().map((c) =>
        c['type'] === 'StartMeeting' ? { ...c, now: START + 7 * MINUTE } : c,
      ),
    ).state.meetings.get('m1')!;
    const r = meetingReport(late, S.minutes, [], { asOf });
    expect([r.startedOnTime, r.startedLateBy]).toEqual([false, 7 * MINUTE]);
    const lenient = meetingReport(late, S.minutes, [], {
      asOf,
      policy: () => ({
        ...DEFAULT_PARAMETERS,
        meetings: { ...DEFAULT_PARAMETERS.meetings, lateGraceMinutes: 10 },
      }),
    });
    expect(lenient.startedOnTime).toBe(true);
  });

  it('E-1: a meeting not held has no attendance and no start to judge', () => {
    const s = history(...scheduled()).state.meetings.get('m1')!;
    const r = meetingReport(s, { minutes: new Map() }, [], { asOf });
    expect([r.startedOnTime, r.attendance, r.minutes, r.decisions]).toEqual([
      null,
      null,
      'none',
      0,
    ]);
    const planned = foldMeetingEvents(
      initialMeetingState,
      history(plan({ booking: undefined })).log,
    ).meetings.get('m1')!;
    expect(meetingReport(planned, { minutes: new Map() }, [], { asOf }).start).toBeUndefined();
  });

  it('E-1: the share of actions done on time counts those done or past due; cancelled ones are left out', () => {
    const minutes = publishedMinutes([
      {
        id: 'a',
        agendaItemId: 'i2',
        kind: 'action',
        text: '一',
        work: { ownerId: 'li', due: at(7, 18) },
      },
      {
        id: 'b',
        agendaItemId: 'i2',
        kind: 'action',
        text: '二',
        work: { ownerId: 'li', due: at(7, 18) },
      },
      {
        id: 'c',
        agendaItemId: 'i2',
        kind: 'action',
        text: '三',
        work: { ownerId: 'li', due: at(20, 18) },
      },
      {
        id: 'd',
        agendaItemId: 'i2',
        kind: 'action',
        text: '四',
        work: { ownerId: 'li', due: at(7, 18) },
      },
    ]);
    const on = (id: string) => ({ actionId: `m1:${id}` });
    const { state } = actionHistory(
      actionDecider,
      openFrom(minutes),
      acmd('StartAction', li, at(3, 9), on('a')),
      acmd('SubmitCompletionReport', li, at(8, 9), { ...on('a'), result: '晚了' }),
      acmd('CancelAction', chen, at(4, 9), { ...on('d'), reason: '不需要' }),
    );
    const f = meetingActionFigures(state.actions.values(), at(10, 9));
    expect(f).toEqual({
      total: 4,
      doneOnTime: 0,
      doneLate: 1,
      open: 2,
      cancelled: 1,
      overdue: 1,
      judged: 2,
      onTimeShare: 0,
    });
    expect(meetingActionFigures([], at(10, 9)).onTimeShare).toBeNull();
    expect(state.actions.has(A1)).toBe(false);
  });

  it('N-5: minutes on time, late, overdue or pending', () => {
    const m = publishedMinutes();
    expect(minutesTimeliness(m, asOf)).toBe('on-time');
    expect(minutesTimeliness({ ...m, due: m.versions[0]!.publishedAt! - 1 }, asOf)).toBe('late');
    const unpublished = { ...m.versions[0]! };
    delete (unpublished as { publishedAt?: number }).publishedAt;
    const d = { ...m, versions: [{ ...unpublished, status: 'draft' as const }] };
    expect(minutesTimeliness(d, m.due + 1)).toBe('overdue');
    expect(minutesTimeliness(d, m.due)).toBe('pending');
    expect(minutesTimeliness(undefined, asOf)).toBe('none');
  });
});
