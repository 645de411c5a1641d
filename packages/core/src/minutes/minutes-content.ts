import type { Checked } from '../input/index.js';
import { attendance, type AttendanceGraces } from '../meetings/attendance.js';
import type { PolicyScope } from '../policy/resolve.js';
import { fail, ok, type Result } from '../rejection/index.js';
import { normalItem, type MeetingFacts, type minutesItemCheck } from './meeting-facts.js';
import type { ItemNote, MinutesContent, MinutesItem } from './minutes.js';
import { minutesRejections as why } from './minutes-rejections.js';

/** What a command may say about the content: notes, items and summary, each optional. */
export interface ContentFields {
  readonly notes?: readonly ItemNote[];
  readonly items?: readonly Checked<typeof minutesItemCheck>[];
  readonly summary?: string;
}

/**
 * Where the rules for a meeting's minutes are looked up (P-3): its room and kind.
 *
 * @param facts - the meeting's facts
 * @returns the policy scope
 * @example
 * factsScope({ kind: 'weekly-review', roomId: 'A', … }) // => { kind: 'weekly-review', roomId: 'A' }
 */
export function factsScope(facts: MeetingFacts): PolicyScope {
  return facts.roomId === undefined
    ? { kind: facts.kind }
    : { kind: facts.kind, roomId: facts.roomId };
}

/** The first item that breaks M-8 or names an unknown agenda item, as a rejection. */
function itemProblem(
  items: readonly MinutesItem[],
  agenda: ReadonlySet<string>,
): Result<never> | undefined {
  const seen = new Set<string>();
  for (const i of items) {
    if (seen.has(i.id)) return fail(why.duplicateItem(i.id));
    seen.add(i.id);
    if (!agenda.has(i.agendaItemId)) return fail(why.unknownAgendaItem(i.agendaItemId));
    if (i.kind === 'information' && i.work) return fail(why.informationWithWork(i.id));
    if (i.kind === 'action' && !i.work) return fail(why.actionWithoutWork(i.id));
    const owner = i.work?.ownerId;
    if (owner !== undefined && i.work?.collaborators.includes(owner))
      return fail(why.ownerIsCollaborator(i.id, owner));
  }
  return undefined;
}

/**
 * The content of a version (N-1): attendance computed from the facts' sign-in log (or kept from
 * the version it revises), and the notes, items and summary the command gives, else those of the
 * version it revises, else none and the meeting's recorded outcomes.
 *
 * @param facts - the meeting's facts
 * @param fields - what the command says
 * @param base - the version revised, if any
 * @param graces - the attendance graces in force at the meeting
 * @returns the content, or the first rule it breaks
 * @example
 * buildContent(facts, { notes: [{ agendaItemId: 'i1', text: '…' }] }, undefined, graces).ok // => true
 */
export function buildContent(
  facts: MeetingFacts,
  fields: ContentFields,
  base: MinutesContent | undefined,
  graces: AttendanceGraces,
): Result<MinutesContent> {
  const agenda = new Set(facts.agenda.map((i) => i.id));
  const notes = fields.notes ?? base?.notes ?? [];
  const unknown = notes.find((n) => !agenda.has(n.agendaItemId));
  if (unknown) return fail(why.unknownAgendaItem(unknown.agendaItemId));
  const items = fields.items?.map(normalItem) ?? base?.items ?? facts.outcomes;
  const problem = itemProblem(items, agenda);
  if (problem) return problem;
  const summary = fields.summary ?? base?.summary;
  return ok({
    attendance:
      base?.attendance ??
      attendance(
        { start: facts.start, end: facts.end, expected: facts.expected },
        facts.signIns,
        facts.excused,
        graces,
      ),
    notes: notes.map((n) => ({ agendaItemId: n.agendaItemId, text: n.text })),
    items,
    ...(summary === undefined ? {} : { summary }),
  });
}
