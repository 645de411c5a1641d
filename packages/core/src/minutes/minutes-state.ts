import { noticeCountKey } from '../meetings/notice.js';
import type { Instant } from '../time/instant.js';
import type { MeetingFacts } from './meeting-facts.js';
import type { Minutes, MinutesVersion } from './minutes.js';
import type { MinutesEvent } from './minutes-events.js';

/** Every meeting's minutes. */
export interface MinutesState {
  readonly minutes: ReadonlyMap<string, Minutes>;
}

/** No minutes yet. */
export const initialMinutesState: MinutesState = { minutes: new Map() };

interface Draft {
  meetingId: string;
  facts: MeetingFacts;
  due: Instant;
  versions: MinutesVersion[];
  lateFlaggedAt?: Instant;
  receipts: Map<number, ReadonlyMap<string, Instant>>;
  noticeCounts: Map<string, number>;
}

const draftOf = (m: Minutes): Draft => ({
  ...m,
  versions: [...m.versions],
  receipts: new Map(m.receipts),
  noticeCounts: new Map(m.noticeCounts),
});

const newDraft = (meetingId: string, facts: MeetingFacts, due: Instant): Draft => ({
  meetingId,
  facts,
  due,
  versions: [],
  receipts: new Map(),
  noticeCounts: new Map(),
});

/** Replaces the newest version: published versions before it are never touched (N-4). */
function updateLatest(d: Draft, change: (v: MinutesVersion) => MinutesVersion): void {
  const last = d.versions[d.versions.length - 1];
  if (last && last.status !== 'published') d.versions[d.versions.length - 1] = change(last);
}

function apply(d: Draft, e: MinutesEvent): void {
  switch (e.type) {
    case 'MinutesDrafted':
      d.facts = e.facts;
      d.due = e.due;
      d.versions.push({
        version: 1,
        status: 'draft',
        content: e.content,
        comments: [],
        draftedBy: e.by,
        draftedAt: e.at,
      });
      return;
    case 'MinutesEdited':
      updateLatest(d, (v) => ({ ...v, content: e.content }));
      return;
    case 'MinutesSubmitted':
      updateLatest(d, (v) => ({ ...v, status: 'submitted', submittedAt: e.at }));
      return;
    case 'MinutesReturned':
      updateLatest(d, (v) => ({
        ...v,
        status: 'returned',
        comments: [...v.comments, { by: e.by, at: e.at, text: e.comments }],
      }));
      return;
    case 'MinutesApproved':
      updateLatest(d, (v) => ({ ...v, status: 'approved', approvedBy: e.by, approvedAt: e.at }));
      return;
    case 'MinutesPublished':
      updateLatest(d, (v) => ({ ...v, status: 'published', publishedBy: e.by, publishedAt: e.at }));
      return;
    case 'MinutesRead':
      d.receipts.set(
        e.version,
        new Map([...(d.receipts.get(e.version) ?? []), [e.personId, e.at]]),
      );
      return;
    case 'MinutesAmended':
      d.versions.push({
        version: e.version,
        status: 'draft',
        content: e.content,
        amendmentReason: e.reason,
        comments: [],
        draftedBy: e.by,
        draftedAt: e.at,
      });
      return;
    case 'MinutesFlaggedLate':
      d.lateFlaggedAt = e.at;
      return;
    case 'NoticeIssued': {
      const key = noticeCountKey(e.notice);
      d.noticeCounts.set(key, (d.noticeCounts.get(key) ?? 0) + 1);
      return;
    }
    default: {
      const never: never = e;
      throw new TypeError(`unknown event ${JSON.stringify(never)}`);
    }
  }
}

/** The events that may open a meeting's minutes: a draft, or a late flag carrying the facts. */
function opening(e: MinutesEvent): Draft | undefined {
  if (e.type === 'MinutesDrafted') return newDraft(e.meetingId, e.facts, e.due);
  if (e.type === 'MinutesFlaggedLate' && e.facts) return newDraft(e.meetingId, e.facts, e.due);
  return undefined;
}

/**
 * Folds many events into the state at once: each touched meeting's minutes are copied once.
 * Events for minutes never opened are ignored.
 *
 * @param state - the state to start from
 * @param events - events in log order
 * @returns the new state; `state` itself is not changed
 * @example
 * foldMinutesEvents(initialMinutesState, [drafted]).minutes.get('m1')?.versions.length // => 1
 */
export function foldMinutesEvents(
  state: MinutesState,
  events: Iterable<MinutesEvent>,
): MinutesState {
  const drafts = new Map<string, Draft>();
  for (const e of events) {
    let d = drafts.get(e.meetingId);
    if (d === undefined) {
      const existing = state.minutes.get(e.meetingId);
      d = existing ? draftOf(existing) : opening(e);
      if (d === undefined) continue;
      drafts.set(e.meetingId, d);
    }
    apply(d, e);
  }
  if (drafts.size === 0) return state;
  const minutes = new Map(state.minutes);
  for (const [id, d] of drafts) minutes.set(id, d);
  return { minutes };
}

/**
 * Applies one event (a decider's `evolve`). Pure: the state given is left as it was.
 *
 * @param state - the current state
 * @param event - an event the decider produced
 * @returns the next state
 * @example
 * evolveMinutes(initialMinutesState, drafted).minutes.size // => 1
 */
export function evolveMinutes(state: MinutesState, event: MinutesEvent): MinutesState {
  return foldMinutesEvents(state, [event]);
}
