// Sign-in, sign-out and the confidentiality agreement at their edges: who may act for whom, in
// which state, at which instant, and which version of the agreement counts.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import type { Rejection, Result } from '../rejection/index.js';
import {
  chen,
  cmd,
  decider,
  END,
  events,
  history,
  li,
  ma,
  MINUTE,
  plan,
  PLANNED,
  ranThrough,
  scheduled,
  START,
  wang,
  zhao,
  zhou,
} from './fixtures.test-helpers.js';
import { untyped } from '../testing/untyped.js';
import { createMeetingDecider } from './meeting-decider.js';
import type { MeetingEvent } from './meeting-events.js';
import { foldMeetingEvents } from './meeting-state.js';
import { SIGNATURE_MAX_CHARS } from './signature.js';

type Decider = typeof decider;
const plainDecider = decider;

const decideAfter = (
  log: readonly MeetingEvent[],
  c: Record<string, unknown>,
  d: Decider = plainDecider,
): Result<readonly MeetingEvent[]> => d.decide(c, foldMeetingEvents(d.initialState, log));

const rejection = (r: Result<readonly MeetingEvent[]>): Rejection => {
  if (r.ok) throw new Error(`expected a rejection, got ${JSON.stringify(r.value)}`);
  return r.rejection;
};

const sign = (actor: typeof wang, over: Record<string, unknown> = {}) => ({
  type: 'SignConfidentialityAgreement',
  now: START - 10 * MINUTE,
  actor,
  personId: actor.id,
  version: 1,
  signatureRef: 'sig/1.png',
  ...over,
});

describe('M-5: who signs in and out, and when', () => {
  const s = history(...scheduled()).log;

  it('M-5: sign-in opens exactly 15 min before the start, not a moment earlier', () => {
    expect(rejection(decideAfter(s, cmd('SignIn', wang, START - 15 * MINUTE - 1)))).toMatchObject({
      rule: 'M-5',
      code: 'sign-in.too-early',
    });
    expect(events(decideAfter(s, cmd('SignIn', wang, START - 15 * MINUTE)))).toHaveLength(1);
  });

  it('M-5: a draft or a cancelled meeting takes no sign-ins and no sign-outs, and says which', () => {
    const draft = history(plan()).log;
    const cancelled = history(
      ...scheduled(),
      cmd('CancelMeeting', ma, PLANNED, { reason: '改期' }),
    ).log;
    for (const log of [draft, cancelled]) {
      const inn = rejection(decideAfter(log, cmd('SignIn', wang, START)));
      expect(inn).toMatchObject({ rule: 'M-5', code: 'meeting.wrong-state' });
      expect(inn.message.en).toContain('take sign-ins');
      const out = rejection(decideAfter(log, cmd('SignOut', wang, START)));
      expect(out).toMatchObject({ rule: 'M-5', code: 'meeting.wrong-state' });
      expect(out.message.en).toContain('take sign-outs');
      expect(out.message['zh-CN']).toContain('签退');
    }
  });

  it('M-5: only the sign-in officer signs someone else out; anyone else is refused', () => {
    const inn = history(...scheduled(), cmd('SignIn', li, START)).log;
    expect(
      rejection(decideAfter(inn, cmd('SignOut', wang, START + MINUTE, { personId: 'li' }))),
    ).toMatchObject({ rule: 'M-5', code: 'sign-in.officer-only' });
    expect(
      events(decideAfter(inn, cmd('SignOut', zhou, START + MINUTE, { personId: 'li' }))),
    ).toEqual([
      { type: 'SignedOut', meetingId: 'm1', personId: 'li', by: 'zhou', at: START + MINUTE },
    ]);
    expect(
      rejection(decideAfter(inn, cmd('SignOut', zhou, START + MINUTE, { personId: 'boss' }))).code,
    ).toBe('sign-in.not-invited');
  });

  it('M-5: signing out someone who never signed in is refused, however many others have', () => {
    const others = history(
      ...scheduled(),
      cmd('SignIn', wang, START),
      cmd('SignIn', zhao, START),
    ).log;
    expect(rejection(decideAfter(others, cmd('SignOut', li, START + MINUTE)))).toMatchObject({
      rule: 'M-5',
      code: 'sign-out.not-signed-in',
      data: { personId: 'li' },
    });
  });

  it('M-5: a person signed out may sign in again while the meeting runs, not after it ended', () => {
    const outAgain = history(
      ...scheduled(),
      cmd('SignIn', wang, START),
      cmd('SignOut', wang, START + 10 * MINUTE),
    ).log;
    expect(events(decideAfter(outAgain, cmd('SignIn', wang, START + 20 * MINUTE)))).toEqual([
      { type: 'SignedIn', meetingId: 'm1', personId: 'wang', by: 'wang', at: START + 20 * MINUTE },
    ]);
    const ended = history(...ranThrough()).log;
    // wang left early: signing in after the end is refused
    expect(rejection(decideAfter(ended, cmd('SignIn', wang, END + MINUTE)))).toMatchObject({
      rule: 'M-5',
      code: 'sign-in.closed',
    });
    // chen is still signed in: signing in again is nothing to do, even after the end
    expect(events(decideAfter(ended, cmd('SignIn', chen, END + MINUTE)))).toEqual([]);
  });

  it('M-5: a meeting the chair started early takes sign-ins from its start', () => {
    const started = history(...scheduled(), cmd('StartMeeting', chen, START - 15 * MINUTE)).log;
    expect(events(decideAfter(started, cmd('SignIn', wang, START - 15 * MINUTE)))).toHaveLength(1);
  });
});

describe('R-8: the confidentiality agreement', () => {
  const secret = history(plan({ confidential: true }), cmd('ScheduleMeeting', ma, PLANNED)).log;

  it('R-8: nobody but the meeting’s sign-in officer signs for another person, meeting named or not', () => {
    for (const over of [{}, { meetingId: 'm1' }]) {
      const r = rejection(decideAfter(secret, sign(wang, { personId: 'li', ...over })));
      expect(r).toMatchObject({ rule: 'R-8', code: 'agreement.not-self' });
    }
    // the officer may, but only with the meeting named: without it, they are nobody's officer
    expect(rejection(decideAfter(secret, sign(zhou, { personId: 'li' }))).code).toBe(
      'agreement.not-self',
    );
  });

  it('R-8: the agreement signed without a meeting names none; with one, it names it', () => {
    const [own] = events(decideAfter(secret, sign(li)));
    expect(own).toEqual({
      type: 'ConfidentialityAgreementSigned',
      personId: 'li',
      version: 1,
      signatureRef: 'sig/1.png',
      by: 'li',
      at: START - 10 * MINUTE,
    });
    const [named] = events(decideAfter(secret, sign(li, { meetingId: 'm1' })));
    expect(named).toMatchObject({ meetingId: 'm1' });
  });

  it('R-8: the drawn signature travels with the agreement, as a path of at most 8,000 characters; anything else is refused and names the field', () => {
    const path = 'M120 80l3 4 5 -2 0 7M400 90l-6 12';
    const [signed] = events(decideAfter(secret, sign(li, { meetingId: 'm1', signature: path })));
    expect(signed).toMatchObject({ signatureRef: 'sig/1.png', signature: path });
    const long = `M1 1l${Array.from({ length: 2_000 }, () => '1 1').join(' ')}`;
    expect(long.length).toBeGreaterThan(SIGNATURE_MAX_CHARS);
    for (const bad of ['', 'data:image/png;base64,AAAA', 'M1 1 L2 2', 'M1 1l2', long, 42]) {
      const r = rejection(decideAfter(secret, sign(li, { signature: bad })));
      expect(r).toMatchObject({ rule: 'R-8', code: 'command.malformed' });
      expect(JSON.stringify(r.data)).toContain('signature');
    }
  });

  it('R-8: the version that counts is the one in force for the meeting’s kind; without a meeting, the site’s', () => {
    // weekly reviews ask for version 3; elsewhere version 1 is in force
    const byKind: PolicyLookup = (_now, scope) => ({
      ...DEFAULT_PARAMETERS,
      meetings: {
        ...DEFAULT_PARAMETERS.meetings,
        confidentialityAgreementVersion: scope.kind === 'weekly-review' ? 3 : 1,
      },
    });
    const d = untyped(createMeetingDecider(byKind));
    expect(rejection(decideAfter(secret, sign(li, { meetingId: 'm1' }), d))).toMatchObject({
      rule: 'R-8',
      code: 'agreement.not-current',
    });
    expect(events(decideAfter(secret, sign(li, { meetingId: 'm1', version: 3 }), d))).toHaveLength(
      1,
    );
    expect(events(decideAfter(secret, sign(li), d))).toHaveLength(1);
    expect(rejection(decideAfter(secret, sign(li, { version: 3 }), d)).code).toBe(
      'agreement.not-current',
    );
  });

  it('R-8: at a meeting that is not confidential, nobody needs the agreement', () => {
    const open = history(...scheduled()).log;
    expect(events(decideAfter(open, cmd('SignIn', li, START)))).toHaveLength(1);
  });

  it('R-8: a person who signed another version is refused until they sign the one in force', () => {
    const v2: PolicyLookup = () => ({
      ...DEFAULT_PARAMETERS,
      meetings: { ...DEFAULT_PARAMETERS.meetings, confidentialityAgreementVersion: 2 },
    });
    const d = untyped(createMeetingDecider(v2));
    const signedV1 = [...secret, ...events(decideAfter(secret, sign(li)))];
    expect(rejection(decideAfter(signedV1, cmd('SignIn', li, START), d))).toMatchObject({
      rule: 'R-8',
      code: 'sign-in.agreement-unsigned',
      data: { personId: 'li', version: 2 },
    });
    const signedV2 = [...signedV1, ...events(decideAfter(signedV1, sign(li, { version: 2 }), d))];
    expect(events(decideAfter(signedV2, cmd('SignIn', li, START), d))).toHaveLength(1);
  });
});

describe('M-5 and R-8: who acts for whom, each state, each event', () => {
  const s = history(...scheduled()).log;
  const secret = history(plan({ confidential: true }), cmd('ScheduleMeeting', ma, PLANNED)).log;

  it('M-5: only the sign-in officer signs someone else in, and the event names who did it', () => {
    expect(rejection(decideAfter(s, cmd('SignIn', wang, START, { personId: 'li' })))).toMatchObject(
      { rule: 'M-5', code: 'sign-in.officer-only' },
    );
    expect(events(decideAfter(s, cmd('SignIn', zhou, START, { personId: 'li' })))).toEqual([
      { type: 'SignedIn', meetingId: 'm1', personId: 'li', by: 'zhou', at: START },
    ]);
    // signing oneself in, as the officer or anyone, needs no officer
    expect(events(decideAfter(s, cmd('SignIn', li, START, { personId: 'li' })))).toEqual([
      { type: 'SignedIn', meetingId: 'm1', personId: 'li', by: 'li', at: START },
    ]);
  });

  it('M-5: only invitees sign in, and the refusal names who', () => {
    const r = rejection(decideAfter(s, cmd('SignIn', zhou, START, { personId: 'boss' })));
    expect(r).toMatchObject({
      rule: 'M-5',
      code: 'sign-in.not-invited',
      data: { personId: 'boss' },
    });
    expect(r.message.en).toContain('boss');
  });

  it('M-5: a closed meeting takes no more sign-ins; someone still signed in is nothing to do', () => {
    const closed = history(...ranThrough(), cmd('CloseMeeting', chen, END + MINUTE)).log;
    expect(rejection(decideAfter(closed, cmd('SignIn', wang, END + 2 * MINUTE)))).toMatchObject({
      rule: 'M-5',
      code: 'sign-in.closed',
    });
    expect(events(decideAfter(closed, cmd('SignIn', chen, END + 2 * MINUTE)))).toEqual([]);
  });

  it('M-5: signing out twice is nothing to do; the first sign-out names who and when', () => {
    const inn = history(...scheduled(), cmd('SignIn', wang, START)).log;
    expect(events(decideAfter(inn, cmd('SignOut', wang, START + MINUTE)))).toEqual([
      { type: 'SignedOut', meetingId: 'm1', personId: 'wang', by: 'wang', at: START + MINUTE },
    ]);
    const out = history(
      ...scheduled(),
      cmd('SignIn', wang, START),
      cmd('SignOut', wang, START + MINUTE),
    ).log;
    expect(events(decideAfter(out, cmd('SignOut', wang, START + 2 * MINUTE)))).toEqual([]);
    // and nobody signed in at all is refused
    expect(rejection(decideAfter(s, cmd('SignOut', wang, START))).code).toBe(
      'sign-out.not-signed-in',
    );
  });

  it('R-8: at a confidential meeting, a person who signed the version in force signs in', () => {
    expect(rejection(decideAfter(secret, cmd('SignIn', li, START)))).toMatchObject({
      rule: 'R-8',
      code: 'sign-in.agreement-unsigned',
      data: { personId: 'li', version: 1 },
    });
    const signed = [...secret, ...events(decideAfter(secret, sign(li)))];
    expect(events(decideAfter(signed, cmd('SignIn', li, START)))).toHaveLength(1);
    // the agreement is a person's own: wang's signature does not let li in
    const wangSigned = [...secret, ...events(decideAfter(secret, sign(wang)))];
    expect(rejection(decideAfter(wangSigned, cmd('SignIn', li, START))).code).toBe(
      'sign-in.agreement-unsigned',
    );
  });

  it('R-8: the sign-in officer signs for another person with the meeting named, kept as by', () => {
    expect(events(decideAfter(secret, sign(zhou, { personId: 'li', meetingId: 'm1' })))).toEqual([
      {
        type: 'ConfidentialityAgreementSigned',
        personId: 'li',
        version: 1,
        signatureRef: 'sig/1.png',
        meetingId: 'm1',
        by: 'zhou',
        at: START - 10 * MINUTE,
      },
    ]);
    // another meeting's officer is not this one's: for m1 only zhou is
    expect(
      rejection(decideAfter(secret, sign(chen, { personId: 'li', meetingId: 'm1' }))).code,
    ).toBe('agreement.not-self');
  });

  it('R-8: an agreement named for a meeting that does not exist is refused', () => {
    expect(rejection(decideAfter(secret, sign(li, { meetingId: 'nope' })))).toMatchObject({
      code: 'meeting.unknown',
      data: { meetingId: 'nope' },
    });
  });

  it('R-8: signing a version already signed is nothing to do, even when another is now in force', () => {
    const signed = [...secret, ...events(decideAfter(secret, sign(li)))];
    expect(events(decideAfter(signed, sign(li)))).toEqual([]);
    const v2: PolicyLookup = () => ({
      ...DEFAULT_PARAMETERS,
      meetings: { ...DEFAULT_PARAMETERS.meetings, confidentialityAgreementVersion: 2 },
    });
    const d = untyped(createMeetingDecider(v2));
    expect(events(decideAfter(signed, sign(li), d))).toEqual([]);
    expect(rejection(decideAfter(signed, sign(wang), d))).toMatchObject({
      rule: 'R-8',
      code: 'agreement.not-current',
    });
  });
});

describe('M-5 and R-8: what each event and refusal carries', () => {
  it('M-5: the refusal of a sign-in at a draft meeting says so in Chinese too', () => {
    const r = rejection(decideAfter(history(plan()).log, cmd('SignIn', wang, START)));
    expect(r.message['zh-CN']).toContain('签到');
  });

  it('R-8: the agreement signed without a meeting carries no meeting at all', () => {
    const secret = history(plan({ confidential: true }), cmd('ScheduleMeeting', ma, PLANNED)).log;
    const [own] = events(decideAfter(secret, sign(li)));
    expect(own).toBeDefined();
    expect(Object.keys(own!)).not.toContain('meetingId');
  });

  it('M-5: a meeting the chair started takes sign-ins even if the window in force now opens later', () => {
    // the policy changes at START − 20 min: sign-in opened 30 min before, from then only 5 min before
    const changing: PolicyLookup = (now) => ({
      ...DEFAULT_PARAMETERS,
      meetings: {
        ...DEFAULT_PARAMETERS.meetings,
        signInOpensMinutesBeforeStart: now < START - 20 * MINUTE ? 30 : 5,
      },
    });
    const d = untyped(createMeetingDecider(changing));
    const scheduledLog = history(...scheduled()).log;
    const startedLog = [
      ...scheduledLog,
      ...events(decideAfter(scheduledLog, cmd('StartMeeting', chen, START - 25 * MINUTE), d)),
    ];
    expect(
      events(decideAfter(startedLog, cmd('SignIn', wang, START - 10 * MINUTE), d)),
    ).toHaveLength(1);
    // while a meeting not started waits for the window in force
    expect(
      rejection(decideAfter(scheduledLog, cmd('SignIn', wang, START - 10 * MINUTE), d)).code,
    ).toBe('sign-in.too-early');
  });
});
