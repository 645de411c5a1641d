import type { PolicyLookup } from '../policy/policy-at.js';
import { deepEqual } from '../policy/records.js';
import { fail } from '../rejection/index.js';
import { MINUTE, type Instant } from '../time/instant.js';
import { done, isOrganizerOrChair, paramsFor, type Decision } from './decide-context.js';
import type { Meeting } from './meeting.js';
import type {
  CloseMeeting,
  EndAgendaItem,
  EndMeeting,
  RecordOutcome,
  StartAgendaItem,
  StartMeeting,
} from './meeting-commands.js';
import type { MeetingEvent } from './meeting-events.js';
import { meetingRejections as why } from './meeting-rejections.js';
import type { Outcome } from './outcome.js';

const runWhat = { 'zh-CN': '主持会议议程', en: 'run the meeting' };

/**
 * Opens a scheduled meeting (M-4): the chair only, from the moment sign-in opens.
 *
 * @param c - the command
 * @param m - the meeting
 * @param policy - the policy lookup
 * @returns `MeetingStarted`, or a rejection
 * @example
 * startMeeting({ type: 'StartMeeting', actor: chair, … }, m1, policy) // => { ok: true, value: [{ type: 'MeetingStarted', … }] }
 */
export function startMeeting(c: StartMeeting, m: Meeting, policy: PolicyLookup): Decision {
  if (c.actor.id !== m.chairId) return fail(why.chairOnly('M-4', runWhat));
  if (m.status === 'in-progress') return done();
  if (m.status !== 'scheduled')
    return fail(why.wrongState('M-4', m.id, m.status, { 'zh-CN': '开始', en: 'start' }));
  const params = paramsFor(policy, c.now, m);
  const start = (m.booking as NonNullable<Meeting['booking']>).start;
  const opens = start - params.meetings.signInOpensMinutesBeforeStart * MINUTE;
  if (c.now < opens) return fail(why.tooEarlyToStart(opens, params.time.zone));
  return done([{ type: 'MeetingStarted', meetingId: m.id, by: c.actor.id, at: c.now }]);
}

/** The agenda item now running, if any. */
function running(m: Meeting): string | undefined {
  for (const [itemId, run] of m.agendaRun) if (run.endedAt === undefined) return itemId;
  return undefined;
}

function inProgress(c: { actor: { id: string } }, m: Meeting): Decision | undefined {
  if (c.actor.id !== m.chairId) return fail(why.chairOnly('M-7', runWhat));
  if (m.status !== 'in-progress')
    return fail(
      why.wrongState('M-7', m.id, m.status, { 'zh-CN': '进行议程', en: 'run its agenda' }),
    );
  return undefined;
}

/**
 * Starts an agenda item (M-7): the chair only, while the meeting is in progress and no other item
 * runs, in agenda order (an item cannot start once a later one has; items passed over stay
 * unfinished and can be carried over).
 *
 * @param c - the command
 * @param m - the meeting
 * @returns `AgendaItemStarted`, or a rejection
 * @example
 * startAgendaItem({ type: 'StartAgendaItem', itemId: 'i1', actor: chair, … }, m1) // => { ok: true, value: [{ type: 'AgendaItemStarted', itemId: 'i1', … }] }
 */
export function startAgendaItem(c: StartAgendaItem, m: Meeting): Decision {
  const refused = inProgress(c, m);
  if (refused) return refused;
  const index = m.agenda.findIndex((i) => i.id === c.itemId);
  if (index < 0) return fail(why.unknownItem(c.itemId));
  const run = m.agendaRun.get(c.itemId);
  if (run) return run.endedAt === undefined ? done() : fail(why.itemDone(c.itemId));
  const current = running(m);
  if (current !== undefined) return fail(why.itemRunning(current));
  const later = m.agenda.slice(index + 1).find((i) => m.agendaRun.has(i.id));
  if (later) return fail(why.outOfOrder(c.itemId, later.id));
  return done([
    { type: 'AgendaItemStarted', meetingId: m.id, itemId: c.itemId, by: c.actor.id, at: c.now },
  ]);
}

function itemEnded(
  m: Meeting,
  itemId: string,
  at: Instant,
  by: string,
  finished: boolean,
): MeetingEvent {
  const item = m.agenda.find((i) => i.id === itemId);
  const run = m.agendaRun.get(itemId);
  const actual = at - (run?.startedAt ?? at);
  const overrun = actual - (item?.timeboxMinutes ?? 0) * MINUTE;
  return { type: 'AgendaItemEnded', meetingId: m.id, itemId, finished, overrun, by, at };
}

/**
 * Ends the running agenda item (M-7), finished unless `finished: false`; the overrun is its actual
 * length minus its timebox.
 *
 * @param c - the command
 * @param m - the meeting
 * @param policy - the policy lookup
 * @returns `AgendaItemEnded`, or a rejection
 * @example
 * endAgendaItem({ type: 'EndAgendaItem', itemId: 'i1', actor: chair, … }, m1, policy) // => { ok: true, value: [{ type: 'AgendaItemEnded', overrun: 300000, finished: true, … }] }
 */
export function endAgendaItem(c: EndAgendaItem, m: Meeting, policy: PolicyLookup): Decision {
  const refused = inProgress(c, m);
  if (refused) return refused;
  if (!m.agenda.some((i) => i.id === c.itemId)) return fail(why.unknownItem(c.itemId));
  const run = m.agendaRun.get(c.itemId);
  if (!run) return fail(why.itemNotStarted(c.itemId));
  if (run.endedAt !== undefined) return done();
  if (c.now < run.startedAt)
    return fail(why.endBeforeStart('M-7', run.startedAt, paramsFor(policy, c.now, m).time.zone));
  return done([itemEnded(m, c.itemId, c.now, c.actor.id, c.finished ?? true)]);
}

/**
 * Records an outcome of an agenda item (M-8): chair or recorder, while the meeting is in progress
 * or ended. Information asks for no work; an action must, and a decision may: exactly one owner,
 * a due date after now, an urgency, and collaborators other than the owner.
 *
 * @param c - the command
 * @param m - the meeting
 * @param policy - the policy lookup
 * @returns `OutcomeRecorded`, nothing for the same outcome again, or a rejection
 * @example
 * recordOutcome({ type: 'RecordOutcome', kind: 'information', text: '通报', … }, m1, policy) // => { ok: true, value: [{ type: 'OutcomeRecorded', outcome: { kind: 'information', … } }] }
 */
export function recordOutcome(c: RecordOutcome, m: Meeting, policy: PolicyLookup): Decision {
  if (c.actor.id !== m.chairId && c.actor.id !== m.recorderId)
    return fail(why.chairOrRecorderOnly());
  const w = c.work;
  const outcome: Outcome = {
    id: c.outcomeId,
    itemId: c.itemId,
    kind: c.kind,
    text: c.text,
    ...(w === undefined ? {} : { work: { ...w, collaborators: w.collaborators ?? [] } }),
    recordedBy: c.actor.id,
    at: c.now,
  };
  const existing = m.outcomes.get(c.outcomeId);
  if (existing) {
    const same = (o: Outcome) => ({ itemId: o.itemId, kind: o.kind, text: o.text, work: o.work });
    return deepEqual(same(existing), same(outcome))
      ? done()
      : fail(why.duplicateOutcome(c.outcomeId));
  }
  if (m.status !== 'in-progress' && m.status !== 'ended')
    return fail(
      why.wrongState('M-8', m.id, m.status, { 'zh-CN': '记录成果', en: 'take outcomes' }),
    );
  if (!m.agenda.some((i) => i.id === c.itemId)) return fail(why.unknownItem(c.itemId));
  if (c.kind === 'information' && w) return fail(why.informationWithWork());
  if (c.kind === 'action' && !w) return fail(why.actionWithoutWork());
  if (w && w.collaborators?.includes(w.ownerId)) return fail(why.ownerIsCollaborator(w.ownerId));
  if (w && w.due <= c.now) return fail(why.dueInPast(w.due, paramsFor(policy, c.now, m).time.zone));
  return done([{ type: 'OutcomeRecorded', meetingId: m.id, outcome }]);
}

/**
 * Ends the meeting (M-4): the chair only. An agenda item still running ends with it, unfinished.
 *
 * @param c - the command
 * @param m - the meeting
 * @param policy - the policy lookup
 * @returns `MeetingEnded` (after the running item's end), or a rejection
 * @example
 * endMeeting({ type: 'EndMeeting', actor: chair, … }, m1, policy) // => { ok: true, value: [{ type: 'MeetingEnded', … }] }
 */
export function endMeeting(c: EndMeeting, m: Meeting, policy: PolicyLookup): Decision {
  if (c.actor.id !== m.chairId) return fail(why.chairOnly('M-4', runWhat));
  if (m.status === 'ended') return done();
  if (m.status !== 'in-progress')
    return fail(why.wrongState('M-4', m.id, m.status, { 'zh-CN': '结束', en: 'end' }));
  const zone = paramsFor(policy, c.now, m).time.zone;
  if (c.now < (m.startedAt as Instant))
    return fail(why.endBeforeStart('M-4', m.startedAt as Instant, zone));
  const current = running(m);
  const runningRun = current === undefined ? undefined : m.agendaRun.get(current);
  if (current !== undefined && runningRun && c.now < runningRun.startedAt)
    return fail(why.endBeforeStart('M-7', runningRun.startedAt, zone));
  return done([
    ...(current === undefined ? [] : [itemEnded(m, current, c.now, c.actor.id, false)]),
    { type: 'MeetingEnded', meetingId: m.id, by: c.actor.id, at: c.now },
  ]);
}

/**
 * Closes an ended meeting (M-4): its chair or organizer.
 *
 * @param c - the command
 * @param m - the meeting
 * @returns `MeetingClosed`, or a rejection
 * @example
 * closeMeeting({ type: 'CloseMeeting', actor: chair, … }, endedM1) // => { ok: true, value: [{ type: 'MeetingClosed', … }] }
 */
export function closeMeeting(c: CloseMeeting, m: Meeting): Decision {
  if (!isOrganizerOrChair(c.actor, m))
    return fail(why.organizerOrChairOnly({ 'zh-CN': '关闭会议', en: 'close the meeting' }));
  if (m.status === 'closed') return done();
  if (m.status !== 'ended')
    return fail(why.wrongState('M-4', m.id, m.status, { 'zh-CN': '关闭', en: 'be closed' }));
  return done([{ type: 'MeetingClosed', meetingId: m.id, by: c.actor.id, at: c.now }]);
}
