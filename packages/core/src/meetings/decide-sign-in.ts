import type { PolicyLookup } from '../policy/policy-at.js';
import { fail } from '../rejection/index.js';
import { MINUTE } from '../time/instant.js';
import { done, paramsFor, type Decision } from './decide-context.js';
import type { Meeting } from './meeting.js';
import type { SignConfidentialityAgreement, SignIn, SignOut } from './meeting-commands.js';
import { meetingRejections as why } from './meeting-rejections.js';
import type { MeetingState } from './meeting-state.js';
import { isSignedIn } from './sign-in.js';

/** Who is signed in or out, and whether the actor may do it (M-5). */
function subject(c: SignIn | SignOut, m: Meeting): Decision | string {
  const personId = c.personId ?? c.actor.id;
  if (personId !== c.actor.id && c.actor.id !== m.signInOfficerId) return fail(why.officerOnly());
  if (!m.invitations.has(personId)) return fail(why.signInNotInvited(personId));
  return personId;
}

/**
 * Whether a person has signed the confidentiality agreement's version in force.
 *
 * @param state - the meetings and agreements
 * @param personId - who
 * @param version - the version in force
 * @returns true when they signed that version
 * @example
 * hasSignedAgreement(state, 'li', 1) // => true once li signed version 1
 */
export function hasSignedAgreement(
  state: MeetingState,
  personId: string,
  version: number,
): boolean {
  return state.agreements.get(personId)?.some((a) => a.version === version) ?? false;
}

/**
 * Records an arrival (M-5): the person, or the sign-in officer for them (kept as `by`); only
 * invitees; from `signInOpensMinutesBeforeStart` before the start until the meeting ends. At a
 * confidential meeting the person must have signed the agreement's version in force.
 *
 * @param c - the command
 * @param m - the meeting
 * @param state - the meetings and agreements
 * @param policy - the policy lookup
 * @returns `SignedIn`, nothing when already signed in, or a rejection
 * @example
 * signIn({ type: 'SignIn', actor: officer, personId: 'li', … }, m1, state, policy) // => { ok: true, value: [{ type: 'SignedIn', personId: 'li', by: 'zhou', … }] }
 */
export function signIn(c: SignIn, m: Meeting, state: MeetingState, policy: PolicyLookup): Decision {
  if (m.status === 'draft' || m.status === 'cancelled')
    return fail(why.wrongState('M-5', m.id, m.status, { 'zh-CN': '签到', en: 'take sign-ins' }));
  const personId = subject(c, m);
  if (typeof personId !== 'string') return personId;
  if (isSignedIn(m.signIns, personId)) return done();
  if (m.status === 'ended' || m.status === 'closed') return fail(why.signInClosed());
  const params = paramsFor(policy, c.now, m);
  const start = (m.booking as NonNullable<Meeting['booking']>).start;
  const opens = start - params.meetings.signInOpensMinutesBeforeStart * MINUTE;
  if (m.status === 'scheduled' && c.now < opens)
    return fail(why.signInTooEarly(opens, params.time.zone));
  const version = params.meetings.confidentialityAgreementVersion;
  if (m.confidential && !hasSignedAgreement(state, personId, version))
    return fail(why.agreementUnsigned(personId, version));
  return done([{ type: 'SignedIn', meetingId: m.id, personId, by: c.actor.id, at: c.now }]);
}

/**
 * Records a departure (M-5): the person, or the sign-in officer for them; only someone signed in.
 *
 * @param c - the command
 * @param m - the meeting
 * @returns `SignedOut`, nothing when already signed out, or a rejection
 * @example
 * signOut({ type: 'SignOut', actor: wang, … }, m1) // => { ok: true, value: [{ type: 'SignedOut', personId: 'wang', by: 'wang', … }] }
 */
export function signOut(c: SignOut, m: Meeting): Decision {
  if (m.status === 'draft' || m.status === 'cancelled')
    return fail(why.wrongState('M-5', m.id, m.status, { 'zh-CN': '签退', en: 'take sign-outs' }));
  const personId = subject(c, m);
  if (typeof personId !== 'string') return personId;
  if (isSignedIn(m.signIns, personId))
    return done([{ type: 'SignedOut', meetingId: m.id, personId, by: c.actor.id, at: c.now }]);
  return m.signIns.some((e) => e.personId === personId) ? done() : fail(why.notSignedIn(personId));
}

/**
 * Signs the confidentiality agreement's version in force, by the person, or with the sign-in
 * officer of the meeting named (kept as `by`). The signature itself is stored elsewhere; its
 * reference is kept. Signing a version already signed changes nothing.
 *
 * @param c - the command
 * @param state - the meetings and agreements
 * @param policy - the policy lookup
 * @returns `ConfidentialityAgreementSigned`, or a rejection
 * @example
 * signAgreement({ type: 'SignConfidentialityAgreement', personId: 'li', version: 1, signatureRef: 'sig/1', … }, state, policy) // => { ok: true, value: [{ type: 'ConfidentialityAgreementSigned', version: 1, … }] }
 */
export function signAgreement(
  c: SignConfidentialityAgreement,
  state: MeetingState,
  policy: PolicyLookup,
): Decision {
  // Stryker disable next-line ConditionalExpression: no meeting is kept under `undefined`, so looking it up finds none either
  const m = c.meetingId === undefined ? undefined : state.meetings.get(c.meetingId);
  if (c.meetingId !== undefined && !m) return fail(why.unknownMeeting(c.meetingId));
  if (c.personId !== c.actor.id && (!m || c.actor.id !== m.signInOfficerId))
    return fail(why.agreementNotSelf());
  if (hasSignedAgreement(state, c.personId, c.version)) return done();
  const current = (m ? paramsFor(policy, c.now, m) : policy(c.now, {})).meetings
    .confidentialityAgreementVersion;
  if (c.version !== current) return fail(why.agreementNotCurrent(c.version, current));
  return done([
    {
      type: 'ConfidentialityAgreementSigned',
      personId: c.personId,
      version: c.version,
      signatureRef: c.signatureRef,
      ...(c.signature === undefined ? {} : { signature: c.signature }),
      ...(c.meetingId === undefined ? {} : { meetingId: c.meetingId }),
      by: c.actor.id,
      at: c.now,
    },
  ]);
}
