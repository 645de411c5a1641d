import { MINUTE, type Duration, type Instant } from '../time/instant.js';
import type { AgendaItem, Meeting } from './meeting.js';

/** Where an agenda item stands in the meeting as run (M-7). */
export type AgendaItemState = 'not-started' | 'running' | 'finished' | 'unfinished';

/** One agenda item as run (M-7): timebox, actual start and end, and the overrun. */
export interface AgendaItemReport {
  readonly itemId: string;
  readonly title: string;
  readonly state: AgendaItemState;
  readonly timeboxMinutes: number;
  readonly startedAt?: Instant;
  readonly endedAt?: Instant;
  /** `endedAt − startedAt`. */
  readonly actual?: Duration;
  /** `actual − timebox` (M-7): positive when it ran over, negative when it ended early. */
  readonly overrun?: Duration;
}

/**
 * The agenda as run (M-7): per item, its state, actual start and end, and its overrun.
 *
 * @param m - the meeting
 * @returns one report per agenda item, in agenda order
 * @example
 * agendaReport(meeting)[0] // => { itemId: 'i1', state: 'finished', timeboxMinutes: 20, actual: 1_500_000, overrun: 300_000, … }
 */
export function agendaReport(m: Meeting): AgendaItemReport[] {
  return m.agenda.map((item) => {
    const run = m.agendaRun.get(item.id);
    const base = { itemId: item.id, title: item.title, timeboxMinutes: item.timeboxMinutes };
    if (run === undefined) return { ...base, state: 'not-started' };
    if (run.endedAt === undefined) return { ...base, state: 'running', startedAt: run.startedAt };
    const actual = run.endedAt - run.startedAt;
    return {
      ...base,
      state: run.finished === false ? 'unfinished' : 'finished',
      startedAt: run.startedAt,
      endedAt: run.endedAt,
      actual,
      overrun: actual - item.timeboxMinutes * MINUTE,
    };
  });
}

/**
 * The items of a meeting not finished (M-7): never started, still running, or ended unfinished.
 * These are what `CarryOverItems` carries into the next occurrence of a regular meeting.
 *
 * @param m - the meeting
 * @returns the unfinished agenda items, in agenda order
 * @example
 * unfinishedItems(endedMeeting).map((i) => i.id) // => ['i3']
 */
export function unfinishedItems(m: Meeting): AgendaItem[] {
  return m.agenda.filter((item) => {
    const run = m.agendaRun.get(item.id);
    return run === undefined || run.endedAt === undefined || run.finished === false;
  });
}
