import { emptyIntervalRejection } from '../time/interval.js';
import type { Rejection } from '../rejection/index.js';
import { MINUTE } from '../time/instant.js';
import type { MeetingPlan } from './meeting.js';
import { meetingRejections as why } from './meeting-rejections.js';

/**
 * What keeps a plan from being scheduled (M-2): each missing field, a repeated agenda item id, an
 * empty booking interval (T-2), and timeboxes that add up to more than the meeting's length. A
 * plan is ready when the list is empty.
 *
 * @param plan - the meeting's plan
 * @returns every problem, each a rejection naming its rule and what is missing
 * @example
 * readinessProblems({ kind: 'ad-hoc', topic: '临时会', agenda: [], participants: [], informed: [], confidential: false })
 *   .map((r) => r.code)
 * // => ['meeting.goals-missing', 'meeting.agenda-missing', 'meeting.chair-missing', 'meeting.recorder-missing',
 * //     'meeting.sign-in-officer-missing', 'meeting.participants-missing', 'meeting.booking-missing']
 */
export function readinessProblems(plan: MeetingPlan): Rejection[] {
  const out: Rejection[] = [];
  if (plan.goals === undefined) out.push(why.missing('goals'));
  if (plan.agenda.length === 0) out.push(why.missing('agenda'));
  const seen = new Set<string>();
  for (const item of plan.agenda) {
    if (seen.has(item.id)) out.push(why.duplicateItem(item.id));
    seen.add(item.id);
  }
  if (plan.chairId === undefined) out.push(why.missing('chair'));
  if (plan.recorderId === undefined) out.push(why.missing('recorder'));
  if (plan.signInOfficerId === undefined) out.push(why.missing('sign-in-officer'));
  if (plan.participants.length === 0) out.push(why.missing('participants'));
  const b = plan.booking;
  if (b === undefined) out.push(why.missing('booking'));
  else if (b.end <= b.start) out.push(emptyIntervalRejection(b.start, b.end));
  else {
    const total = plan.agenda.reduce((sum, i) => sum + i.timeboxMinutes, 0);
    const length = Math.floor((b.end - b.start) / MINUTE);
    if (total > length) out.push(why.agendaTooLong(total, length));
  }
  return out;
}
