import { recipientKey } from '../people/recipient.js';
import { describe, expect, it } from 'vitest';
import { untyped } from '../testing/untyped.js';
import { givenWhenThen } from '../testing/given-when-then.js';
import { createWorkingCalendar } from '../time/working-calendar.js';
import {
  at,
  boss,
  chen,
  draft,
  END,
  FACTS,
  history,
  HOUR,
  INVITEES,
  liu,
  mcmd,
  minutesDecider,
  minutesHistory,
  plan,
  scheduled,
  stranger,
  wang,
} from './fixtures.test-helpers.js';
import { meetingFacts } from './meeting-facts.js';
import { latestVersion, publishedVersions } from './minutes.js';
import { createMinutesDecider } from './minutes-decider.js';
import { minutesStreamOf, type MinutesEvent } from './minutes-events.js';

const given = givenWhenThen(minutesDecider);
const notices = (es: readonly MinutesEvent[]) =>
  es.flatMap((e) => (e.type === 'NoticeIssued' ? [e.notice] : []));

const T = END + HOUR; // Wednesday 11:00
const DUE = at(3, 18); // Thursday 18:00: one working day after the end
const submitted = () => [draft(T), mcmd('SubmitMinutes', liu, T + HOUR)];
const approved = () => [...submitted(), mcmd('ApproveMinutes', chen, T + 2 * HOUR)];
const published = () => [...approved(), mcmd('PublishMinutes', chen, T + 3 * HOUR)];

describe('N-1: the recorder drafts the minutes', () => {
  it('N-1: attendance is filled in from sign-in; every decision of the meeting is there; due in 1 working day', () => {
    const [e] = given([]).when(draft(T)).thenAccepted();
    expect(e).toMatchObject({
      type: 'MinutesDrafted',
      meetingId: 'm1',
      due: DUE,
      by: 'liu',
      at: T,
    });
    if (e?.type !== 'MinutesDrafted') throw new Error('drafted');
    expect(
      Object.fromEntries(e.content.attendance.rows.map((p) => [p.personId, p.status])),
    ).toMatchObject({ wang: 'left-early', zhao: 'late', sun: 'excused', chen: 'on-time' });
    expect(e.content.items).toEqual([
      {
        id: 'o1',
        agendaItemId: 'i2',
        kind: 'decision',
        text: '投诉 48 小时内回访',
        work: { ownerId: 'li', due: at(9, 18), urgency: 'urgent', collaborators: ['wang'] },
      },
    ]);
    expect(e.content.notes).toEqual([{ agendaItemId: 'i1', text: '上周回访完成率 92%' }]);
  });

  it('N-1: only the recorder drafts, from the facts of that ended meeting', () => {
    expect(
      given([])
        .when(draft(T, { actor: wang }))
        .thenRefused(),
    ).toMatchObject({
      rule: 'N-1',
      code: 'permission.recorder',
    });
    expect(
      given([])
        .when(draft(T, { meetingId: 'm2' }))
        .thenRefused().code,
    ).toBe('minutes.facts-mismatch');
    expect(
      given([])
        .when(draft(T, { notes: [{ agendaItemId: 'i9', text: 'x' }] }))
        .thenRefused().code,
    ).toBe('minutes.unknown-agenda-item');
    expect(
      given([])
        .when(draft(T, { meeting: { ...FACTS, end: FACTS.start } }))
        .thenRefused().rule,
    ).toBe('T-2');
    expect(
      given([])
        .when(draft(T, { meeting: { ...FACTS, expected: 'everyone' } }))
        .thenRefused().data,
    ).toMatchObject({ path: 'command.meeting.expected' });
    const notEnded = meetingFacts(history(...scheduled()).state.meetings.get('m1')!);
    expect(notEnded.ok ? 'ok' : notEnded.rejection.code).toBe('minutes.meeting-not-ended');
    expect(meetingFacts(history(plan()).state.meetings.get('m1')!).ok).toBe(false);
  });

  it('N-1: the same draft again changes nothing; another draft is refused; the recorder edits it', () => {
    const { log } = minutesHistory(draft(T));
    expect(
      given(log)
        .when(draft(T + 1))
        .thenAccepted(),
    ).toEqual([]);
    expect(
      given(log)
        .when(draft(T, { summary: '另写' }))
        .thenRefused().code,
    ).toBe('minutes.exists');
    const edit = mcmd('EditMinutes', liu, T + 1, {
      summary: '会议总结',
      notes: [{ agendaItemId: 'i2', text: '投诉 3 起' }],
    });
    const edited = given(log).when(edit).thenAccepted();
    expect(edited[0]).toMatchObject({
      type: 'MinutesEdited',
      version: 1,
      content: { summary: '会议总结', notes: [{ agendaItemId: 'i2' }] },
    });
    expect(
      given([...log, ...edited])
        .when(edit)
        .thenAccepted(),
    ).toEqual([]);
    expect(
      given(log)
        .when({ ...edit, actor: chen })
        .thenRefused().code,
    ).toBe('permission.recorder');
    expect(given([]).when(edit).thenRefused().code).toBe('minutes.unknown');
    const items = [{ id: 'd1', agendaItemId: 'i1', kind: 'information', text: '通报', work: {} }];
    expect(
      given(log)
        .when({ ...edit, items })
        .thenRefused().code,
    ).toBe('outcome.information-with-work');
    expect(
      given(log)
        .when({ ...edit, items: [{ ...items[0], kind: 'action', work: undefined }] })
        .thenRefused().code,
    ).toBe('outcome.action-without-work');
    expect(
      given(log)
        .when({
          ...edit,
          items: [{ ...items[0], kind: 'action', work: { ownerId: 'li', collaborators: ['li'] } }],
        })
        .thenRefused().code,
    ).toBe('outcome.owner-is-collaborator');
    expect(
      given(log)
        .when({
          ...edit,
          items: [items[0], items[0]].map((i) => ({ ...i, work: undefined })),
        })
        .thenRefused().code,
    ).toBe('minutes.duplicate-item');
  });
});

describe('N-2: submission and the chair’s approval', () => {
  const withItems = (work: Record<string, unknown>) =>
    draft(T, { items: [{ id: 'd1', agendaItemId: 'i2', kind: 'action', text: '回访', work }] });

  it('N-2: minutes whose decisions lack an owner or a due date cannot be submitted', () => {
    const noOwner = minutesHistory(withItems({ due: at(9, 18) }));
    expect(
      given(noOwner.log)
        .when(mcmd('SubmitMinutes', liu, T))
        .thenRefused(),
    ).toMatchObject({
      rule: 'N-2',
      code: 'minutes.decision-without-owner',
      data: { itemId: 'd1' },
    });
    const noDue = minutesHistory(withItems({ ownerId: 'li' }));
    expect(
      given(noDue.log)
        .when(mcmd('SubmitMinutes', liu, T))
        .thenRefused().code,
    ).toBe('minutes.decision-without-due');
    const ok = minutesHistory(withItems({ ownerId: 'li', due: at(9, 18) }));
    expect(
      given(ok.log)
        .when(mcmd('SubmitMinutes', liu, T))
        .thenAccepted(),
    ).toEqual([{ type: 'MinutesSubmitted', meetingId: 'm1', version: 1, by: 'liu', at: T }]);
    expect(latestVersion(ok.state.minutes.get('m1')!)?.content.items[0]?.work?.urgency).toBe(
      'normal',
    );
  });

  it('N-2: draft → submitted → returned with comments → submitted → approved; only the chair approves', () => {
    const s = minutesHistory(...submitted());
    expect(
      given(s.log)
        .when(mcmd('SubmitMinutes', liu, T + 2 * HOUR))
        .thenAccepted(),
    ).toEqual([]);
    expect(
      given(s.log)
        .when(mcmd('ApproveMinutes', liu, T + 2 * HOUR))
        .thenRefused(),
    ).toMatchObject({
      rule: 'N-2',
      code: 'permission.chair',
    });
    expect(
      given(s.log)
        .when(mcmd('EditMinutes', liu, T + 2 * HOUR, { summary: 'x' }))
        .thenRefused().code,
    ).toBe('minutes.wrong-status');
    const back = minutesHistory(
      ...submitted(),
      mcmd('ReturnMinutes', chen, T + 2 * HOUR, { comments: '请补充投诉数据' }),
    );
    const v = latestVersion(back.state.minutes.get('m1')!)!;
    expect(v).toMatchObject({
      status: 'returned',
      comments: [{ by: 'chen', at: T + 2 * HOUR, text: '请补充投诉数据' }],
    });
    expect(
      given(back.log)
        .when(mcmd('ApproveMinutes', chen, T + 3 * HOUR))
        .thenRefused().code,
    ).toBe('minutes.wrong-status');
    expect(
      given(back.log)
        .when(mcmd('ReturnMinutes', chen, T + 3 * HOUR, { comments: '同上' }))
        .thenAccepted(),
    ).toEqual([]);
    const again = minutesHistory(
      ...submitted(),
      mcmd('ReturnMinutes', chen, T + 2 * HOUR, { comments: '请补充投诉数据' }),
      mcmd('EditMinutes', liu, T + 3 * HOUR, { summary: '投诉 3 起,均已回访' }),
      mcmd('SubmitMinutes', liu, T + 4 * HOUR),
      mcmd('ApproveMinutes', chen, T + 5 * HOUR),
    );
    expect(latestVersion(again.state.minutes.get('m1')!)).toMatchObject({
      status: 'approved',
      approvedBy: 'chen',
      approvedAt: T + 5 * HOUR,
    });
    expect(
      given(again.log)
        .when(mcmd('ApproveMinutes', chen, T + 6 * HOUR))
        .thenAccepted(),
    ).toEqual([]);
    expect(
      given(minutesHistory(draft(T)).log)
        .when(mcmd('ReturnMinutes', chen, T, { comments: 'x' }))
        .thenRefused().code,
    ).toBe('minutes.wrong-status');
  });
});

describe('N-3: publication and read receipts', () => {
  it('N-3: every participant and informed person gets one notice with each item’s urgency and due date; each absentee a separate one', () => {
    const a = minutesHistory(...approved());
    expect(
      given(a.log)
        .when(mcmd('PublishMinutes', wang, T + 3 * HOUR))
        .thenRefused(),
    ).toMatchObject({
      rule: 'N-3',
      code: 'permission.chair-or-recorder',
    });
    expect(
      given(minutesHistory(...submitted()).log)
        .when(mcmd('PublishMinutes', chen, T))
        .thenRefused().code,
    ).toBe('minutes.wrong-status');
    const es = given(a.log)
      .when(mcmd('PublishMinutes', liu, T + 3 * HOUR))
      .thenAccepted();
    expect(es[0]).toEqual({
      type: 'MinutesPublished',
      meetingId: 'm1',
      version: 1,
      late: false,
      by: 'liu',
      at: T + 3 * HOUR,
    });
    const ns = notices(es);
    expect(ns.filter((n) => n.kind === 'minutes-published').map((n) => recipientKey(n.to))).toEqual(
      [...INVITEES, 'boss'],
    );
    expect(ns.filter((n) => n.kind === 'absentee')).toEqual([
      {
        noticeId: 'm1:absentee:sun:1',
        kind: 'absentee',
        to: { personId: 'sun' },
        meetingId: 'm1',
        data: { version: 1, topic: '售后周例会', status: 'excused' },
      },
    ]);
    expect(ns[0]).toMatchObject({
      noticeId: 'm1:minutes-published:chen:1',
      data: {
        version: 1,
        items: [
          { id: 'o1', ownerId: 'li', due: at(9, 18), urgency: 'urgent', collaborators: ['wang'] },
        ],
      },
    });
    expect(
      given([...a.log, ...es])
        .when(mcmd('PublishMinutes', chen, T + 4 * HOUR))
        .thenAccepted(),
    ).toEqual([]);
  });

  it('N-3: who has read them is kept', () => {
    const p = minutesHistory(...published());
    const read = given(p.log)
      .when(mcmd('AcknowledgeMinutes', boss, T + 5 * HOUR, { version: 1 }))
      .thenAccepted();
    expect(read).toEqual([
      { type: 'MinutesRead', meetingId: 'm1', version: 1, personId: 'boss', at: T + 5 * HOUR },
    ]);
    const log = [...p.log, ...read];
    expect(given(log).state.minutes.get('m1')?.receipts.get(1)?.get('boss')).toBe(T + 5 * HOUR);
    expect(
      given(log)
        .when(mcmd('AcknowledgeMinutes', boss, T + 6 * HOUR, { version: 1 }))
        .thenAccepted(),
    ).toEqual([]);
    expect(
      given(log)
        .when(mcmd('AcknowledgeMinutes', stranger, T, { version: 1 }))
        .thenRefused().code,
    ).toBe('minutes.not-a-recipient');
    expect(
      given(log)
        .when(mcmd('AcknowledgeMinutes', boss, T, { version: 2 }))
        .thenRefused().code,
    ).toBe('minutes.version-not-published');
  });
});

describe('N-4: amendments', () => {
  it('N-4: a correction is a new version with its own approval; every version stays readable', () => {
    const p = minutesHistory(...published());
    const v1 = p.state.minutes.get('m1')!.versions[0];
    const amend = mcmd('AmendMinutes', liu, at(4, 10), { reason: '更正回访期限', summary: '更正' });
    expect(
      given(p.log)
        .when({ ...amend, actor: chen })
        .thenRefused(),
    ).toMatchObject({
      rule: 'N-4',
      code: 'permission.recorder',
    });
    expect(
      given(p.log)
        .when(mcmd('EditMinutes', liu, at(4, 10), { summary: '直接改' }))
        .thenRefused(),
    ).toMatchObject({ code: 'minutes.wrong-status' });
    const es = given(p.log).when(amend).thenAccepted();
    expect(es[0]).toMatchObject({
      type: 'MinutesAmended',
      version: 2,
      reason: '更正回访期限',
      content: { summary: '更正' },
    });
    const log = [...p.log, ...es];
    expect(given(log).when(amend).thenAccepted()).toEqual([]);
    expect(
      given(log)
        .when({ ...amend, reason: '另一处' })
        .thenRefused().code,
    ).toBe('minutes.amendment-open');
    const done = minutesHistory(
      ...published(),
      amend,
      mcmd('SubmitMinutes', liu, at(4, 11)),
      mcmd('ApproveMinutes', chen, at(4, 12)),
      mcmd('PublishMinutes', chen, at(4, 13)),
    );
    const m = done.state.minutes.get('m1')!;
    expect(publishedVersions(m).map((v) => v.version)).toEqual([1, 2]);
    expect(m.versions[0]).toEqual(v1);
    expect(m.versions[1]).toMatchObject({
      amendmentReason: '更正回访期限',
      content: { summary: '更正' },
    });
    const last = done.log.filter((e) => e.type === 'NoticeIssued').slice(-1)[0];
    expect(last).toMatchObject({ notice: { noticeId: 'm1:absentee:sun:2' } });
    expect(done.log.find((e) => e.type === 'MinutesPublished' && e.version === 2)).toMatchObject({
      late: false,
    });
  });
});

describe('N-5: late minutes', () => {
  const review = (now: number, over: Record<string, unknown> = {}) =>
    mcmd('ReviewMinutes', stranger, now, over);

  it('N-5: minutes are due within 1 working day of the end; later they are flagged once, with a reminder to the recorder', () => {
    const d = minutesHistory(draft(T));
    expect(given(d.log).when(review(DUE)).thenAccepted()).toEqual([]);
    const es = given(d.log)
      .when(review(DUE + 1))
      .thenAccepted();
    expect(es).toEqual([
      { type: 'MinutesFlaggedLate', meetingId: 'm1', due: DUE, at: DUE + 1 },
      {
        type: 'NoticeIssued',
        meetingId: 'm1',
        notice: {
          noticeId: 'm1:reminder:liu:1',
          kind: 'reminder',
          to: { personId: 'liu' },
          meetingId: 'm1',
          data: { due: DUE },
        },
      },
    ]);
    expect(
      given([...d.log, ...es])
        .when(review(DUE + 2 * HOUR))
        .thenAccepted(),
    ).toEqual([]);
    const late = minutesHistory(
      draft(T),
      mcmd('SubmitMinutes', liu, T),
      mcmd('ApproveMinutes', chen, T),
      mcmd('PublishMinutes', chen, DUE + 1),
    );
    expect(late.log.find((e) => e.type === 'MinutesPublished')).toMatchObject({ late: true });
    expect(
      given(late.log)
        .when(review(DUE + HOUR))
        .thenAccepted(),
    ).toEqual([]);
  });

  it('N-5: minutes never drafted are flagged from the meeting’s facts; working days follow the calendar', () => {
    expect(
      given([])
        .when(review(DUE + 1))
        .thenRefused().code,
    ).toBe('minutes.unknown');
    expect(
      given([])
        .when(review(DUE, { meeting: FACTS }))
        .thenAccepted(),
    ).toEqual([]);
    const es = given([])
      .when(review(DUE + 1, { meeting: FACTS }))
      .thenAccepted();
    expect(es[0]).toMatchObject({ type: 'MinutesFlaggedLate', due: DUE, facts: FACTS });
    const log = [...es];
    expect(given(log).state.minutes.get('m1')).toMatchObject({
      versions: [],
      lateFlaggedAt: DUE + 1,
    });
    expect(
      given(log)
        .when(draft(DUE + 2))
        .thenAccepted()[0],
    ).toMatchObject({
      type: 'MinutesDrafted',
      due: DUE,
    });
    expect(
      given([])
        .when(review(DUE, { meeting: { ...FACTS, meetingId: 'm2' } }))
        .thenRefused().code,
    ).toBe('minutes.facts-mismatch');
    const friday = { ...FACTS, endedAt: at(4, 17) };
    expect(
      given([])
        .when(review(at(7, 18) + 1, { meeting: friday }))
        .thenAccepted()[0],
    ).toMatchObject({
      due: at(7, 18),
    });
    const holiday = createWorkingCalendar({ holidays: ['2026-12-03'] });
    if (!holiday.ok) throw new Error('calendar');
    const withHoliday = untyped(createMinutesDecider(undefined, holiday.value));
    expect(
      withHoliday.decide(review(DUE + 1, { meeting: FACTS }), withHoliday.initialState),
    ).toEqual({ ok: true, value: [] });
    expect(withHoliday.decide(draft(T), withHoliday.initialState)).toMatchObject({
      ok: true,
      value: [{ due: at(4, 18) }],
    });
  });
});

describe('N-1: malformed commands are refused, never thrown', () => {
  it('N-1: minutes events belong to minutes:<meetingId>', () =>
    expect(
      minutesStreamOf({ type: 'MinutesApproved', meetingId: 'm1', version: 1, by: 'chen', at: T }),
    ).toBe('minutes:m1'));

  it('N-1: unknown types and bad fields name the field', () => {
    expect(given([]).when({ type: 'Burn' }).thenRefused()).toMatchObject({
      code: 'command.malformed',
      data: { path: 'command.type' },
    });
    expect(
      given([])
        .when(mcmd('AcknowledgeMinutes', boss, T, { version: 0 }))
        .thenRefused().rule,
    ).toBe('N-3');
    expect(
      given([])
        .when(mcmd('SubmitMinutes', liu, T))
        .thenRefused().code,
    ).toBe('minutes.unknown');
    expect(
      given([])
        .when(
          draft(T, {
            meeting: { ...FACTS, signIns: [{ personId: 'li', kind: 'maybe', at: 0, by: 'li' }] },
          }),
        )
        .thenRefused().data,
    ).toMatchObject({ path: 'command.meeting.signIns[0].kind' });
  });
});
