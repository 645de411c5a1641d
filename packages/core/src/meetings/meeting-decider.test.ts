import { recipientKey } from '../people/recipient.js';
import { describe, expect, it } from 'vitest';
import { untyped } from '../testing/untyped.js';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import { resolveParameters } from '../policy/resolve.js';
import { givenFor } from '../testing/given.js';
import { givenWhenThen } from '../testing/given-when-then.js';
import { agendaReport, unfinishedItems } from './agenda-report.js';
import {
  agenda,
  at,
  boss,
  chen,
  cmd,
  decider,
  END,
  history,
  HOUR,
  INVITEES,
  li,
  liu,
  ma,
  MINUTE,
  plan,
  PLANNED,
  ranThrough,
  scheduled,
  START,
  stranger,
  sun,
  wang,
  zhao,
  zhou,
} from './fixtures.test-helpers.js';
import { fromPartstat, toPartstat } from './invitation.js';
import { expectedAttendees } from './meeting.js';
import { meetingAttendance } from './meeting-attendance.js';
import { createMeetingDecider } from './meeting-decider.js';
import { meetingStreamOf } from './meeting-events.js';
import type { MeetingEvent } from './meeting-events.js';
import { readinessProblems } from './readiness.js';

const given = givenWhenThen(decider);

const notices = (es: readonly MeetingEvent[]) =>
  es.flatMap((e) => (e.type === 'NoticeIssued' ? [e.notice] : []));

describe('M-1: regular and ad-hoc meetings', () => {
  it('M-1: a regular meeting keeps its kind, series and occurrence date; an ad-hoc one needs neither', () => {
    const { state } = history(plan());
    expect(state.meetings.get('m1')).toMatchObject({
      kind: 'weekly-review',
      seriesId: 'weekly',
      occurrenceDate: '2026-12-02',
      status: 'draft',
      organizerId: 'ma',
    });
    const adHoc = plan({ meetingId: 'm9', kind: 'ad-hoc' });
    delete adHoc['seriesId'];
    delete adHoc['occurrenceDate'];
    expect(given([]).when(adHoc).thenAccepted()).toHaveLength(1);
    expect(
      given([])
        .when(plan({ occurrenceDate: '2026-02-30' }))
        .thenRefused(),
    ).toMatchObject({
      code: 'command.malformed',
      data: { path: 'command.occurrenceDate' },
    });
  });

  it('M-1: the meeting kind picks its own parameters (P-3)', () => {
    const byKind = untyped(
      createMeetingDecider((_now, scope) =>
        resolveParameters(
          {
            parameters: DEFAULT_PARAMETERS,
            overrides: {
              kinds: { 'weekly-review': { meetings: { answerDeadlineHoursBeforeStart: 2 } } },
            },
          },
          scope,
        ),
      ),
    );
    const state = givenFor(byKind)(history(plan()).log).state;
    const r = byKind.decide(cmd('ScheduleMeeting', ma, PLANNED), state);
    expect(r.ok && r.value[0]).toMatchObject({ answerDeadline: START - 2 * HOUR });
  });
});

describe('M-2: what a meeting needs before it is scheduled', () => {
  it('M-2: each missing field is refused by name, naming M-2', () => {
    const missing: [string, unknown][] = [
      ['goals', 'meeting.goals-missing'],
      ['agenda', 'meeting.agenda-missing'],
      ['chairId', 'meeting.chair-missing'],
      ['recorderId', 'meeting.recorder-missing'],
      ['signInOfficerId', 'meeting.sign-in-officer-missing'],
      ['participants', 'meeting.participants-missing'],
      ['booking', 'meeting.booking-missing'],
    ];
    for (const [field, code] of missing) {
      const p = plan();
      delete p[field];
      const r = given(history(p).log)
        .when(cmd('ScheduleMeeting', ma, PLANNED))
        .thenRefused();
      expect(r).toMatchObject({ rule: 'M-2', code });
    }
    expect(
      readinessProblems({
        kind: 'ad-hoc',
        topic: 't',
        agenda: [],
        participants: [],
        informed: [],
        confidential: false,
      }),
    ).toHaveLength(7);
  });

  it('M-2: the timeboxes add up to no more than the meeting length', () => {
    const long = [...agenda, { id: 'i4', title: '其他', presenterId: 'chen', timeboxMinutes: 6 }];
    const r = given(history(plan({ agenda: long })).log)
      .when(cmd('ScheduleMeeting', ma, PLANNED))
      .thenRefused();
    expect(r).toMatchObject({
      rule: 'M-2',
      code: 'meeting.agenda-too-long',
      data: { totalMinutes: 61, lengthMinutes: 60 },
    });
    const exact = [...agenda, { id: 'i4', title: '其他', presenterId: 'chen', timeboxMinutes: 5 }];
    expect(
      given(history(plan({ agenda: exact })).log)
        .when(cmd('ScheduleMeeting', ma, PLANNED))
        .thenAccepted()[0],
    ).toMatchObject({ type: 'MeetingScheduled' });
  });

  it('M-2: a draft is edited by its organizer or chair until scheduled; repeated item ids and empty intervals are refused', () => {
    const { log } = history(plan({ goals: undefined }));
    expect(
      given(log)
        .when(cmd('EditMeeting', wang, PLANNED, { goals: '目标' }))
        .thenRefused().code,
    ).toBe('permission.organizer-or-chair');
    const edited = given(log)
      .when(cmd('EditMeeting', chen, PLANNED, { goals: '目标' }))
      .thenAccepted();
    expect(edited).toEqual([
      expect.objectContaining({
        type: 'MeetingEdited',
        plan: expect.objectContaining({ goals: '目标', topic: '售后周例会' }),
      }),
    ]);
    expect(
      given([...log, ...edited])
        .when(cmd('EditMeeting', chen, PLANNED, { goals: '目标' }))
        .thenAccepted(),
    ).toEqual([]);
    expect(
      given(log)
        .when(cmd('EditMeeting', ma, PLANNED, { agenda: [agenda[0], agenda[0]] }))
        .thenRefused().code,
    ).toBe('meeting.agenda-duplicate-item');
    expect(
      given(log)
        .when(
          cmd('EditMeeting', ma, PLANNED, {
            booking: { roomId: 'A', bookingId: 'b', start: START, end: START },
          }),
        )
        .thenRefused().rule,
    ).toBe('T-2');
    const s = history(...scheduled());
    expect(
      given(s.log)
        .when(cmd('EditMeeting', ma, PLANNED, { topic: '改' }))
        .thenRefused(),
    ).toMatchObject({ rule: 'M-4', code: 'meeting.wrong-state' });
  });

  it('M-2: the same plan again changes nothing; another under the same id is refused; a start in the past is refused', () => {
    const { log } = history(plan());
    expect(given(log).when(plan()).thenAccepted()).toEqual([]);
    expect(
      given(log)
        .when(plan({ topic: '另一个会' }))
        .thenRefused().code,
    ).toBe('meeting.duplicate-id');
    expect(
      given(log)
        .when(cmd('ScheduleMeeting', ma, START))
        .thenRefused().code,
    ).toBe('meeting.in-past');
    expect(
      given(log)
        .when(cmd('ScheduleMeeting', wang, PLANNED))
        .thenRefused().code,
    ).toBe('permission.organizer-or-chair');
  });
});

describe('M-3: invitations', () => {
  const s = history(...scheduled());

  it('M-3: scheduling invites every attendee, each once, with the deadline 24 h before the start', () => {
    const es = given(history(plan()).log)
      .when(cmd('ScheduleMeeting', ma, PLANNED))
      .thenAccepted();
    expect(es[0]).toEqual({
      type: 'MeetingScheduled',
      meetingId: 'm1',
      invitees: INVITEES,
      answerDeadline: START - 24 * HOUR,
      by: 'ma',
      at: PLANNED,
    });
    expect(notices(es).map((n) => [n.kind, recipientKey(n.to), n.noticeId])).toEqual(
      INVITEES.map((p) => ['invitation', p, `m1:invitation:${p}:1`]),
    );
    expect(notices(es)[0]?.data).toMatchObject({
      roomId: 'A',
      start: START,
      end: END,
      answerDeadline: START - 24 * HOUR,
    });
    expect(
      given(s.log)
        .when(cmd('ScheduleMeeting', ma, PLANNED))
        .thenAccepted(),
    ).toEqual([]);
  });

  it('M-3: accepted, tentative, declined with a reason; answers change until the deadline', () => {
    const answer = (answer: string, over: Record<string, unknown> = {}, now = PLANNED + HOUR) =>
      given(s.log).when(cmd('AnswerInvitation', wang, now, { answer, ...over }));
    expect(answer('accepted').thenAccepted()[0]).toMatchObject({
      type: 'InvitationAnswered',
      personId: 'wang',
      answer: 'accepted',
    });
    expect(answer('tentative').thenAccepted()).toHaveLength(1);
    expect(answer('declined').thenRefused()).toMatchObject({
      rule: 'M-3',
      code: 'invitation.reason-required',
    });
    expect(answer('declined', { reason: '客户接待' }).thenAccepted()[0]).toMatchObject({
      reason: '客户接待',
    });
    expect(answer('accepted', {}, START - 24 * HOUR + 1).thenRefused()).toMatchObject({
      code: 'invitation.past-deadline',
    });
    expect(answer('accepted', {}, START - 24 * HOUR).thenAccepted()).toHaveLength(1);
    expect(
      given(s.log)
        .when(cmd('AnswerInvitation', boss, PLANNED, { answer: 'accepted' }))
        .thenRefused().code,
    ).toBe('invitation.not-invited');
    const accepted = history(
      ...scheduled(),
      cmd('AnswerInvitation', wang, PLANNED, { answer: 'accepted' }),
    );
    expect(
      given(accepted.log)
        .when(cmd('AnswerInvitation', wang, PLANNED + 5, { answer: 'accepted' }))
        .thenAccepted(),
    ).toEqual([]);
    expect(accepted.state.meetings.get('m1')?.invitations.get('wang')?.status).toBe('accepted');
  });

  it('M-3: a delegate becomes a participant and is invited; the delegation is final', () => {
    const es = given(s.log)
      .when(cmd('AnswerInvitation', wang, PLANNED, { answer: 'delegated', delegateTo: 'qian' }))
      .thenAccepted();
    expect(es[0]).toMatchObject({ answer: 'delegated', delegatedTo: 'qian' });
    expect(notices(es)).toEqual([
      expect.objectContaining({
        kind: 'invitation',
        to: { personId: 'qian' },
        noticeId: 'm1:invitation:qian:1',
        data: expect.objectContaining({ delegatedFrom: 'wang' }),
      }),
    ]);
    const after = given([...s.log, ...es]).state.meetings.get('m1')!;
    expect(after.participants).toContain('qian');
    expect(after.invitations.get('qian')).toMatchObject({
      status: 'needs-action',
      delegatedFrom: 'wang',
    });
    expect(expectedAttendees(after)).not.toContain('wang');
    expect(
      given([...s.log, ...es])
        .when(cmd('AnswerInvitation', wang, PLANNED, { answer: 'accepted' }))
        .thenRefused().code,
    ).toBe('invitation.already-delegated');
    expect(
      given(s.log)
        .when(cmd('AnswerInvitation', wang, PLANNED, { answer: 'delegated' }))
        .thenRefused().code,
    ).toBe('invitation.delegate-required');
    expect(
      given(s.log)
        .when(cmd('AnswerInvitation', wang, PLANNED, { answer: 'delegated', delegateTo: 'li' }))
        .thenRefused().code,
    ).toBe('invitation.delegate-already-invited');
    expect(
      given(s.log)
        .when(cmd('AnswerInvitation', wang, PLANNED, { answer: 'accepted', delegateTo: 'li' }))
        .thenRefused().code,
    ).toBe('invitation.delegate-unexpected');
  });

  it('M-3: past the deadline an open invitation is no response and is chased once', () => {
    const answered = history(
      ...scheduled(),
      ...INVITEES.filter((p) => p !== 'li' && p !== 'sun').map((p) =>
        cmd('AnswerInvitation', { id: p, roles: [] }, PLANNED, { answer: 'accepted' }),
      ),
    );
    const review = cmd('ReviewInvitations', zhou, START - 24 * HOUR);
    expect(given(answered.log).when(review).thenAccepted()).toEqual([]);
    const later = { ...review, now: START - 23 * HOUR };
    const es = given(answered.log).when(later).thenAccepted();
    expect(
      es
        .filter((e) => e.type === 'InvitationLapsed')
        .map((e) => e.type === 'InvitationLapsed' && e.personId),
    ).toEqual(['li', 'sun']);
    expect(notices(es).map((n) => n.noticeId)).toEqual(['m1:chase:li:1', 'm1:chase:sun:1']);
    const log = [...answered.log, ...es];
    expect(given(log).when(later).thenAccepted()).toEqual([]);
    expect(
      given(log)
        .when({ ...later, now: START, meetingId: undefined })
        .thenAccepted(),
    ).toEqual([]);
    expect(given(log).state.meetings.get('m1')?.invitations.get('li')?.status).toBe('no-response');
    expect(
      given(log)
        .when(cmd('ReviewInvitations', zhou, START, { meetingId: 'zz' }))
        .thenRefused().code,
    ).toBe('meeting.unknown');
  });

  it('M-3: RFC 5545 PARTSTAT names map onto the answers', () => {
    expect(
      ['needs-action', 'accepted', 'tentative', 'declined', 'delegated', 'no-response'].map((s) =>
        toPartstat(s as never),
      ),
    ).toEqual(['NEEDS-ACTION', 'ACCEPTED', 'TENTATIVE', 'DECLINED', 'DELEGATED', 'NEEDS-ACTION']);
    expect(
      [
        'ACCEPTED',
        'tentative',
        'Declined',
        'DELEGATED',
        'NEEDS-ACTION',
        'COMPLETED',
        'IN-PROCESS',
      ].map(fromPartstat),
    ).toEqual([
      'accepted',
      'tentative',
      'declined',
      'delegated',
      'needs-action',
      undefined,
      undefined,
    ]);
  });
});

describe('M-4: states, rescheduling and cancelling', () => {
  const s = history(...scheduled());
  const moved = { roomId: 'B', bookingId: 'b2', start: START + DAY_MS(), end: END + DAY_MS() };

  it('M-4: a change of time or room re-notifies everyone; answers are kept, the deadline moves', () => {
    const acc = history(
      ...scheduled(),
      cmd('AnswerInvitation', wang, PLANNED, { answer: 'accepted' }),
    );
    const es = given(acc.log)
      .when(cmd('RescheduleMeeting', ma, PLANNED + HOUR, { booking: moved }))
      .thenAccepted();
    expect(es[0]).toMatchObject({
      type: 'MeetingRescheduled',
      booking: moved,
      previous: { roomId: 'A' },
      answerDeadline: moved.start - 24 * HOUR,
    });
    expect(notices(es).map((n) => n.noticeId)).toEqual(
      INVITEES.map((p) => `m1:rescheduled:${p}:1`),
    );
    const after = given([...acc.log, ...es]);
    expect(after.state.meetings.get('m1')?.invitations.get('wang')?.status).toBe('accepted');
    expect(
      after.when(cmd('RescheduleMeeting', ma, PLANNED + HOUR, { booking: moved })).thenAccepted(),
    ).toEqual([]);
    const back = after
      .when(
        cmd('RescheduleMeeting', ma, PLANNED + 2 * HOUR, { booking: { ...moved, roomId: 'A' } }),
      )
      .thenAccepted();
    expect(notices(back)[0]?.noticeId).toBe('m1:rescheduled:chen:2');
    expect(
      given(history(plan()).log)
        .when(cmd('RescheduleMeeting', ma, PLANNED, { booking: moved }))
        .thenRefused().code,
    ).toBe('meeting.wrong-state');
    expect(
      given(s.log)
        .when(
          cmd('RescheduleMeeting', ma, PLANNED, {
            booking: { ...moved, end: moved.start + 30 * MINUTE },
          }),
        )
        .thenRefused().code,
    ).toBe('meeting.agenda-too-long');
  });

  it('M-4: cancelling notifies every invitee once; a draft is cancelled without notices', () => {
    const es = given(s.log)
      .when(cmd('CancelMeeting', chen, PLANNED, { reason: '领导出差' }))
      .thenAccepted();
    expect(es[0]).toEqual({
      type: 'MeetingCancelled',
      meetingId: 'm1',
      by: 'chen',
      at: PLANNED,
      reason: '领导出差',
    });
    expect(notices(es).map((n) => n.kind)).toEqual(INVITEES.map(() => 'cancelled'));
    const log = [...s.log, ...es];
    expect(
      given(log)
        .when(cmd('CancelMeeting', chen, PLANNED))
        .thenAccepted(),
    ).toEqual([]);
    expect(
      given(log)
        .when(cmd('StartMeeting', chen, START))
        .thenRefused().code,
    ).toBe('meeting.wrong-state');
    expect(
      given(history(plan()).log)
        .when(cmd('CancelMeeting', ma, PLANNED))
        .thenAccepted(),
    ).toHaveLength(1);
  });

  it('M-4: draft → scheduled → in progress → ended → closed; the chair starts and ends it', () => {
    const run = history(...ranThrough());
    expect(run.state.meetings.get('m1')?.status).toBe('ended');
    const closed = given(run.log)
      .when(cmd('CloseMeeting', ma, END + HOUR))
      .thenAccepted();
    expect(closed).toEqual([{ type: 'MeetingClosed', meetingId: 'm1', by: 'ma', at: END + HOUR }]);
    expect(
      given([...run.log, ...closed])
        .when(cmd('CloseMeeting', chen, END + HOUR))
        .thenAccepted(),
    ).toEqual([]);
    expect(
      given(s.log)
        .when(cmd('CloseMeeting', ma, END))
        .thenRefused().code,
    ).toBe('meeting.wrong-state');
    expect(
      given(s.log)
        .when(cmd('StartMeeting', ma, START))
        .thenRefused().code,
    ).toBe('permission.chair');
    expect(
      given(s.log)
        .when(cmd('StartMeeting', chen, START - 16 * MINUTE))
        .thenRefused().code,
    ).toBe('meeting.too-early');
    const started = given(s.log)
      .when(cmd('StartMeeting', chen, START - 15 * MINUTE))
      .thenAccepted();
    expect(started).toEqual([
      { type: 'MeetingStarted', meetingId: 'm1', by: 'chen', at: START - 15 * MINUTE },
    ]);
    expect(
      given([...s.log, ...started])
        .when(cmd('StartMeeting', chen, START))
        .thenAccepted(),
    ).toEqual([]);
    expect(
      given([...s.log, ...started])
        .when(cmd('EndMeeting', chen, START - 20 * MINUTE))
        .thenRefused().code,
    ).toBe('meeting.end-before-start');
    expect(
      given(s.log)
        .when(cmd('EndMeeting', chen, END))
        .thenRefused().code,
    ).toBe('meeting.wrong-state');
    expect(
      given([])
        .when(cmd('StartMeeting', chen, START))
        .thenRefused().code,
    ).toBe('meeting.unknown');
  });
});

function DAY_MS(): number {
  return 24 * HOUR;
}

describe('M-5: sign-in and sign-out', () => {
  const s = history(...scheduled());

  it('M-5: sign-in opens 15 min before the start and closes when the meeting ends', () => {
    expect(
      given(s.log)
        .when(cmd('SignIn', wang, START - 16 * MINUTE))
        .thenRefused(),
    ).toMatchObject({
      rule: 'M-5',
      code: 'sign-in.too-early',
    });
    expect(
      given(s.log)
        .when(cmd('SignIn', wang, START - 15 * MINUTE))
        .thenAccepted(),
    ).toEqual([
      { type: 'SignedIn', meetingId: 'm1', personId: 'wang', by: 'wang', at: START - 15 * MINUTE },
    ]);
    const ended = history(...ranThrough());
    expect(
      given(ended.log)
        .when(cmd('SignIn', sun, END + MINUTE))
        .thenRefused().code,
    ).toBe('sign-in.closed');
    expect(
      given(history(plan()).log)
        .when(cmd('SignIn', wang, START))
        .thenRefused().code,
    ).toBe('meeting.wrong-state');
  });

  it('M-5: the sign-in officer signs in someone else, and is kept as such; nobody else may', () => {
    expect(
      given(s.log)
        .when(cmd('SignIn', zhou, START, { personId: 'li' }))
        .thenAccepted()[0],
    ).toMatchObject({ personId: 'li', by: 'zhou' });
    expect(
      given(s.log)
        .when(cmd('SignIn', wang, START, { personId: 'li' }))
        .thenRefused().code,
    ).toBe('sign-in.officer-only');
    expect(
      given(s.log)
        .when(cmd('SignIn', zhou, START, { personId: 'boss' }))
        .thenRefused().code,
    ).toBe('sign-in.not-invited');
    expect(
      given(s.log)
        .when(cmd('SignIn', stranger, START))
        .thenRefused().code,
    ).toBe('sign-in.not-invited');
  });

  it('M-5: departures are kept too; signing in or out twice in a row changes nothing', () => {
    const inn = history(...scheduled(), cmd('SignIn', wang, START));
    expect(
      given(inn.log)
        .when(cmd('SignIn', wang, START + MINUTE))
        .thenAccepted(),
    ).toEqual([]);
    const out = given(inn.log)
      .when(cmd('SignOut', zhou, START + 30 * MINUTE, { personId: 'wang' }))
      .thenAccepted();
    expect(out).toEqual([
      { type: 'SignedOut', meetingId: 'm1', personId: 'wang', by: 'zhou', at: START + 30 * MINUTE },
    ]);
    expect(
      given([...inn.log, ...out])
        .when(cmd('SignOut', wang, START + 31 * MINUTE))
        .thenAccepted(),
    ).toEqual([]);
    expect(
      given(s.log)
        .when(cmd('SignOut', li, START))
        .thenRefused().code,
    ).toBe('sign-out.not-signed-in');
    expect(given([...inn.log, ...out]).state.meetings.get('m1')?.signIns).toEqual([
      { personId: 'wang', kind: 'in', at: START, by: 'wang' },
      { personId: 'wang', kind: 'out', at: START + 30 * MINUTE, by: 'zhou' },
    ]);
  });

  it('M-5: a sign-in written twice (two doors deciding against one state) folds as one, never a throw', () => {
    // Two tabs of one door, each signing 王 in against the same state: both events reach the log.
    const first = given(s.log)
      .when(cmd('SignIn', wang, START))
      .thenAccepted();
    const second = given(s.log)
      .when(cmd('SignIn', zhou, START + MINUTE, { personId: 'wang' }))
      .thenAccepted();
    const twice = given([...s.log, ...first, ...second, ...second]);
    expect(twice.state.meetings.get('m1')?.signIns).toEqual([
      { personId: 'wang', kind: 'in', at: START, by: 'wang' },
    ]);
    // The door goes on deciding: a sign-out, then a sign-out twice, as one.
    const out = twice.when(cmd('SignOut', wang, START + 20 * MINUTE)).thenAccepted();
    const after = given([...s.log, ...first, ...second, ...out, ...out]).state;
    expect(after.meetings.get('m1')?.signIns.map((e) => e.kind)).toEqual(['in', 'out']);
  });
});

describe('R-8: confidential meetings', () => {
  const secret = history(plan({ confidential: true }), cmd('ScheduleMeeting', ma, PLANNED));
  const sign = (actor: typeof wang, over: Record<string, unknown> = {}) => ({
    type: 'SignConfidentialityAgreement',
    now: START - 10 * MINUTE,
    actor,
    personId: actor.id,
    version: 1,
    signatureRef: 'sig/wang-2026-12-02.png',
    ...over,
  });

  it('R-8: a sign-in is refused until the person has signed the current agreement; signing keeps version and reference', () => {
    expect(
      given(secret.log)
        .when(cmd('SignIn', wang, START - 10 * MINUTE))
        .thenRefused(),
    ).toMatchObject({
      rule: 'R-8',
      code: 'sign-in.agreement-unsigned',
      data: { personId: 'wang', version: 1 },
    });
    const signed = given(secret.log).when(sign(wang)).thenAccepted();
    expect(signed).toEqual([
      {
        type: 'ConfidentialityAgreementSigned',
        personId: 'wang',
        version: 1,
        signatureRef: 'sig/wang-2026-12-02.png',
        by: 'wang',
        at: START - 10 * MINUTE,
      },
    ]);
    const log = [...secret.log, ...signed];
    expect(given(log).state.agreements.get('wang')).toEqual([
      { version: 1, signatureRef: 'sig/wang-2026-12-02.png', by: 'wang', at: START - 10 * MINUTE },
    ]);
    expect(
      given(log)
        .when(cmd('SignIn', wang, START - 9 * MINUTE))
        .thenAccepted(),
    ).toHaveLength(1);
    expect(
      given(log)
        .when(sign(wang, { signatureRef: 'again' }))
        .thenAccepted(),
    ).toEqual([]);
  });

  it('R-8: only the version in force counts; the officer may have someone sign at the door', () => {
    const v2 = untyped(
      createMeetingDecider(() => ({
        ...DEFAULT_PARAMETERS,
        meetings: { ...DEFAULT_PARAMETERS.meetings, confidentialityAgreementVersion: 2 },
      })),
    );
    const log = [...secret.log, ...given(secret.log).when(sign(wang)).thenAccepted()];
    const st = givenFor(v2)(log).state;
    expect(v2.decide(cmd('SignIn', wang, START), st)).toMatchObject({
      ok: false,
      rejection: { code: 'sign-in.agreement-unsigned', data: { version: 2 } },
    });
    expect(v2.decide(sign(li), st)).toMatchObject({
      ok: false,
      rejection: { code: 'agreement.not-current' },
    });
    expect(
      given(secret.log)
        .when(sign(wang, { personId: 'li' }))
        .thenRefused().code,
    ).toBe('agreement.not-self');
    expect(
      given(secret.log)
        .when(sign(zhou, { personId: 'li', meetingId: 'm1' }))
        .thenAccepted()[0],
    ).toMatchObject({ personId: 'li', by: 'zhou', meetingId: 'm1' });
    expect(
      given(secret.log)
        .when(sign(zhou, { personId: 'li', meetingId: 'zz' }))
        .thenRefused().code,
    ).toBe('meeting.unknown');
  });
});

describe('M-6: attendance and excuses', () => {
  it('M-6: the chair accepts a declining with a reason, before the start only', () => {
    const declined = history(
      ...scheduled(),
      cmd('AnswerInvitation', sun, PLANNED, { answer: 'declined', reason: '出差' }),
    );
    const accept = (actor: typeof chen, now: number, personId = 'sun') =>
      given(declined.log).when(cmd('AcceptExcuse', actor, now, { personId }));
    expect(accept(chen, START - MINUTE).thenAccepted()).toEqual([
      { type: 'ExcuseAccepted', meetingId: 'm1', personId: 'sun', by: 'chen', at: START - MINUTE },
    ]);
    expect(accept(ma, START - MINUTE).thenRefused()).toMatchObject({
      rule: 'M-6',
      code: 'permission.chair',
    });
    expect(accept(chen, START).thenRefused().code).toBe('excuse.too-late');
    expect(accept(chen, PLANNED, 'wang').thenRefused().code).toBe('excuse.not-declined');
    expect(accept(chen, PLANNED, 'boss').thenRefused().code).toBe('invitation.not-invited');
    const excused = [...declined.log, ...accept(chen, PLANNED).thenAccepted()];
    expect(
      given(excused)
        .when(cmd('AcceptExcuse', chen, PLANNED, { personId: 'sun' }))
        .thenAccepted(),
    ).toEqual([]);
    // changing one's mind withdraws the excuse
    const back = given(excused)
      .when(cmd('AnswerInvitation', sun, PLANNED, { answer: 'accepted' }))
      .thenAccepted();
    expect(
      given([...excused, ...back])
        .state.meetings.get('m1')
        ?.excused.has('sun'),
    ).toBe(false);
  });

  it('M-6: attendance is computed from the meeting’s own sign-in log and excuses', () => {
    const run = history(...ranThrough());
    const report = meetingAttendance(run.state.meetings.get('m1')!, DEFAULT_PARAMETERS.meetings)!;
    expect(Object.fromEntries(report.rows.map((p) => [p.personId, p.status]))).toEqual({
      chen: 'on-time',
      liu: 'on-time',
      zhou: 'on-time',
      wang: 'left-early',
      li: 'on-time',
      zhao: 'late',
      sun: 'excused',
    });
    expect(report.rows.find((p) => p.personId === 'zhao')).toMatchObject({ lateBy: 5 * MINUTE });
    expect(report.rows.find((p) => p.personId === 'wang')).toMatchObject({
      leftEarlyBy: 10 * MINUTE,
    });
    expect(report).toMatchObject({
      expected: 7,
      attended: 6,
      onTime: 4,
      attendanceRate: 6 / 7,
      punctualityRate: 4 / 6,
    });
    const graceful = meetingAttendance(run.state.meetings.get('m1')!, {
      lateGraceMinutes: 5,
      leaveEarlyGraceMinutes: 10,
    })!;
    expect(graceful.onTime).toBe(6);
    expect(
      meetingAttendance(
        history(plan({ booking: undefined })).state.meetings.get('m1')!,
        DEFAULT_PARAMETERS.meetings,
      ),
    ).toBeUndefined();
  });
});

describe('M-7: the agenda as run', () => {
  const started = history(...scheduled(), cmd('StartMeeting', chen, START));
  const item = (type: string, itemId: string, now: number, actor = chen, over = {}) =>
    given(started.log).when(cmd(type, actor, now, { itemId, ...over }));

  it('M-7: only the chair runs the agenda, in order, one item at a time', () => {
    expect(item('StartAgendaItem', 'i1', START, wang).thenRefused()).toMatchObject({
      rule: 'M-7',
      code: 'permission.chair',
    });
    expect(item('StartAgendaItem', 'i9', START).thenRefused().code).toBe('agenda.unknown-item');
    const i2 = history(
      ...scheduled(),
      cmd('StartMeeting', chen, START),
      cmd('StartAgendaItem', chen, START, { itemId: 'i2' }),
    );
    expect(
      given(i2.log)
        .when(cmd('StartAgendaItem', chen, START, { itemId: 'i3' }))
        .thenRefused().code,
    ).toBe('agenda.item-running');
    expect(
      given(i2.log)
        .when(cmd('StartAgendaItem', chen, START + 1, { itemId: 'i2' }))
        .thenAccepted(),
    ).toEqual([]);
    const ended = history(
      ...scheduled(),
      cmd('StartMeeting', chen, START),
      cmd('StartAgendaItem', chen, START, { itemId: 'i2' }),
      cmd('EndAgendaItem', chen, START + 10 * MINUTE, { itemId: 'i2' }),
    );
    expect(
      given(ended.log)
        .when(cmd('StartAgendaItem', chen, START, { itemId: 'i1' }))
        .thenRefused(),
    ).toMatchObject({ code: 'agenda.out-of-order', data: { itemId: 'i1', laterId: 'i2' } });
    expect(
      given(ended.log)
        .when(cmd('StartAgendaItem', chen, START, { itemId: 'i2' }))
        .thenRefused().code,
    ).toBe('agenda.item-done');
    expect(
      given(ended.log)
        .when(cmd('EndAgendaItem', chen, START + 11 * MINUTE, { itemId: 'i2' }))
        .thenAccepted(),
    ).toEqual([]);
    expect(item('EndAgendaItem', 'i1', START).thenRefused().code).toBe('agenda.item-not-started');
    expect(
      given(history(...scheduled()).log)
        .when(cmd('StartAgendaItem', chen, START, { itemId: 'i1' }))
        .thenRefused().code,
    ).toBe('meeting.wrong-state');
  });

  it('M-7: each item keeps its actual start and end; the overrun is the actual minus the timebox', () => {
    const run = history(...ranThrough());
    const m = run.state.meetings.get('m1')!;
    expect(agendaReport(m)).toEqual([
      {
        itemId: 'i1',
        title: agenda[0]!.title,
        state: 'finished',
        timeboxMinutes: 20,
        startedAt: START,
        endedAt: START + 20 * MINUTE,
        actual: 20 * MINUTE,
        overrun: 0,
      },
      {
        itemId: 'i2',
        title: agenda[1]!.title,
        state: 'finished',
        timeboxMinutes: 20,
        startedAt: START + 20 * MINUTE,
        endedAt: START + 45 * MINUTE,
        actual: 25 * MINUTE,
        overrun: 5 * MINUTE,
      },
      { itemId: 'i3', title: agenda[2]!.title, state: 'not-started', timeboxMinutes: 15 },
    ]);
    expect(run.log.find((e) => e.type === 'AgendaItemEnded' && e.itemId === 'i2')).toMatchObject({
      overrun: 5 * MINUTE,
      finished: true,
    });
    const i1 = history(
      ...scheduled(),
      cmd('StartMeeting', chen, START),
      cmd('StartAgendaItem', chen, START + MINUTE, { itemId: 'i1' }),
    );
    expect(
      given(i1.log)
        .when(cmd('EndAgendaItem', chen, START, { itemId: 'i1' }))
        .thenRefused().code,
    ).toBe('meeting.end-before-start');
    expect(agendaReport(i1.state.meetings.get('m1')!)[0]).toMatchObject({
      state: 'running',
      startedAt: START + MINUTE,
    });
  });

  it('M-7: ending the meeting ends a running item unfinished', () => {
    const i1 = history(
      ...scheduled(),
      cmd('StartMeeting', chen, START),
      cmd('StartAgendaItem', chen, START, { itemId: 'i1' }),
    );
    const es = given(i1.log)
      .when(cmd('EndMeeting', chen, START + 30 * MINUTE))
      .thenAccepted();
    expect(es.map((e) => e.type)).toEqual(['AgendaItemEnded', 'MeetingEnded']);
    expect(es[0]).toMatchObject({ itemId: 'i1', finished: false, overrun: 10 * MINUTE });
    const m = given([...i1.log, ...es]).state.meetings.get('m1')!;
    expect(unfinishedItems(m).map((i) => i.id)).toEqual(['i1', 'i2', 'i3']);
  });

  it('M-7: unfinished items are carried to the next occurrence of the series, once', () => {
    const next = plan({
      meetingId: 'm2',
      occurrenceDate: '2026-12-09',
      agenda: [agenda[2]],
      booking: {
        roomId: 'A',
        bookingId: 'b9',
        start: START + 7 * DAY_MS(),
        end: END + 7 * DAY_MS(),
      },
    });
    const run = history(...ranThrough(), next);
    const carry = cmd('CarryOverItems', ma, END + HOUR, { meetingId: 'm2', fromMeetingId: 'm1' });
    const es = given(run.log).when(carry).thenAccepted();
    expect(es).toEqual([
      {
        type: 'ItemsCarriedOver',
        meetingId: 'm2',
        fromMeetingId: 'm1',
        items: [{ ...agenda[2], id: 'i3@m1', carriedFrom: { meetingId: 'm1', itemId: 'i3' } }],
        by: 'ma',
        at: END + HOUR,
      },
    ]);
    const log = [...run.log, ...es];
    expect(
      given(log)
        .state.meetings.get('m2')
        ?.agenda.map((i) => i.id),
    ).toEqual(['i3', 'i3@m1']);
    expect(given(log).when(carry).thenAccepted()).toEqual([]);
    const other = history(...ranThrough(), plan({ meetingId: 'm3', seriesId: 'monthly' }));
    expect(
      given(other.log)
        .when({ ...carry, meetingId: 'm3' })
        .thenRefused().code,
    ).toBe('carry.not-same-series');
    const early = history(...scheduled(), next);
    expect(given(early.log).when(carry).thenRefused().code).toBe('carry.source-not-ended');
    const before = history(
      ...ranThrough(),
      plan({
        meetingId: 'm4',
        booking: {
          ...(next['booking'] as object),
          start: START - 7 * DAY_MS(),
          end: END - 7 * DAY_MS(),
        },
      }),
    );
    expect(
      given(before.log)
        .when({ ...carry, meetingId: 'm4' })
        .thenRefused().code,
    ).toBe('carry.not-later');
    expect(
      given(run.log)
        .when({ ...carry, fromMeetingId: 'zz' })
        .thenRefused().code,
    ).toBe('meeting.unknown');
  });
});

describe('M-8: outcomes', () => {
  const started = history(...scheduled(), cmd('StartMeeting', chen, START));
  const outcome = (actor: typeof chen, over: Record<string, unknown>) =>
    given(started.log).when(
      cmd('RecordOutcome', actor, START + 10 * MINUTE, {
        outcomeId: 'o1',
        itemId: 'i1',
        kind: 'decision',
        text: '本周完成回访',
        ...over,
      }),
    );
  const work = { ownerId: 'li', due: at(9, 18), urgency: 'critical' };

  it('M-8: a decision that asks for work names exactly one owner, a due date, an urgency and optional collaborators', () => {
    expect(outcome(liu, { work }).thenAccepted()[0]).toEqual({
      type: 'OutcomeRecorded',
      meetingId: 'm1',
      outcome: {
        id: 'o1',
        itemId: 'i1',
        kind: 'decision',
        text: '本周完成回访',
        work: { ...work, collaborators: [] },
        recordedBy: 'liu',
        at: START + 10 * MINUTE,
      },
    });
    expect(
      outcome(liu, { work: { ...work, ownerIds: ['li', 'wang'] } }).thenRefused(),
    ).toMatchObject({
      rule: 'M-8',
      code: 'command.malformed',
    });
    expect(
      outcome(liu, { work: { ownerId: 'li', due: at(9, 18) } }).thenRefused().data,
    ).toMatchObject({
      path: 'command.work.urgency',
    });
    expect(outcome(liu, { work: { ...work, collaborators: ['li'] } }).thenRefused().code).toBe(
      'outcome.owner-is-collaborator',
    );
    expect(outcome(liu, { work: { ...work, due: START } }).thenRefused().code).toBe(
      'outcome.due-in-past',
    );
    expect(outcome(chen, {}).thenAccepted()).toHaveLength(1);
  });

  it('M-8: information asks for no work; an action always does; only the chair or the recorder records', () => {
    expect(outcome(liu, { kind: 'information', work }).thenRefused().code).toBe(
      'outcome.information-with-work',
    );
    expect(outcome(liu, { kind: 'action' }).thenRefused().code).toBe('outcome.action-without-work');
    expect(outcome(wang, {}).thenRefused().code).toBe('permission.chair-or-recorder');
    expect(outcome(liu, { itemId: 'i9' }).thenRefused().code).toBe('agenda.unknown-item');
    const log = [...started.log, ...outcome(liu, { work }).thenAccepted()];
    expect(
      given(log)
        .when(
          cmd('RecordOutcome', liu, START + 20 * MINUTE, {
            outcomeId: 'o1',
            itemId: 'i1',
            kind: 'decision',
            text: '本周完成回访',
            work,
          }),
        )
        .thenAccepted(),
    ).toEqual([]);
    expect(
      given(log)
        .when(
          cmd('RecordOutcome', liu, START, {
            outcomeId: 'o1',
            itemId: 'i1',
            kind: 'information',
            text: '另一件事',
          }),
        )
        .thenRefused().code,
    ).toBe('outcome.duplicate-id');
    expect(
      given(history(...scheduled()).log)
        .when(
          cmd('RecordOutcome', liu, START, {
            outcomeId: 'o2',
            itemId: 'i1',
            kind: 'information',
            text: 'x',
          }),
        )
        .thenRefused().code,
    ).toBe('meeting.wrong-state');
  });
});

describe('M-4: malformed commands are refused, never thrown', () => {
  it('M-4: unknown types, stray fields and bad values name the field', () => {
    expect(given([]).when({ type: 'Explode' }).thenRefused()).toMatchObject({
      code: 'command.malformed',
      data: { path: 'command.type' },
    });
    expect(given([]).when(null).thenRefused().code).toBe('command.malformed');
    expect(
      given([])
        .when(plan({ extra: 1 }))
        .thenRefused().data,
    ).toMatchObject({
      path: 'command.extra',
    });
    expect(
      given([])
        .when(plan({ now: 'nine' }))
        .thenRefused().data,
    ).toMatchObject({
      path: 'command.now',
    });
    expect(
      given([])
        .when(cmd('AnswerInvitation', zhao, 0, { answer: 'maybe' }))
        .thenRefused().rule,
    ).toBe('M-3');
    expect(
      given([])
        .when(cmd('SignIn', { id: '', roles: [] } as never, 0))
        .thenRefused().data,
    ).toMatchObject({ path: 'command.actor' });
  });
});

describe('M-4: streams', () => {
  it('M-4: meeting events belong to meeting:<id>; a signed agreement to its signer', () => {
    expect(
      meetingStreamOf({ type: 'MeetingStarted', meetingId: 'm1', by: 'chen', at: START }),
    ).toBe('meeting:m1');
    expect(
      meetingStreamOf({
        type: 'ConfidentialityAgreementSigned',
        personId: 'li',
        version: 1,
        signatureRef: 's',
        by: 'li',
        at: START,
      }),
    ).toBe('confidentiality:li');
  });
});
