import type { Actor } from '../people/actor.js';
import { fail, ok, type Result } from '../rejection/index.js';
import type { Instant } from '../time/instant.js';
import { publishedVersions, type Minutes } from '../minutes/minutes.js';
import type { OpenActionsFromMinutes } from './action-commands.js';
import { actionRejections as why } from './action-rejections.js';

/** What {@link openActionsCommand} may be told besides the minutes. */
export interface OpenActionsOptions {
  /** The published version to open from; default the newest published one. */
  readonly version?: number;
  /** A supervisor per item of the minutes, by item id (optional, F-3). */
  readonly supervisors?: Readonly<Record<string, string>>;
}

/**
 * The command that turns published minutes into actions (F-1). This is how the actions decider
 * consumes a `MinutesPublished` event: the integrator (or the kiosk's process) sees the event,
 * reads the minutes from the minutes decider's state, builds this command and decides it. The
 * actions decider never reads another decider's state, so the command carries everything: the
 * meeting's chair, recorder, kind and room, the version and when it was published, and every
 * decision that asks for work with its owner, due date, urgency and collaborators (N-3).
 *
 * @param minutes - the meeting's minutes, from the minutes decider's state
 * @param actor - who opens them: the chair or the recorder (usually whoever published)
 * @param now - when
 * @param options - the version (default the newest published) and supervisors per item
 * @returns the command, or an `F-1` rejection when that version is not published
 * @example
 * openActionsCommand(publishedMinutes, chen, now).value?.items[0] // => { itemId: 'o1', ownerId: 'li', due, urgency: 'urgent', collaborators: ['wang'], text: '…' }
 */
export function openActionsCommand(
  minutes: Minutes,
  actor: Actor,
  now: Instant,
  options: OpenActionsOptions = {},
): Result<OpenActionsFromMinutes> {
  const published = publishedVersions(minutes);
  const v =
    options.version === undefined
      ? published[published.length - 1]
      : published.find((x) => x.version === options.version);
  if (v === undefined || v.publishedAt === undefined)
    return fail(why.minutesNotPublished(minutes.meetingId, options.version));
  const { facts } = minutes;
  const supervisors = options.supervisors ?? {};
  const items = v.content.items.flatMap((i) => {
    const w = i.work;
    if (w?.ownerId === undefined || w.due === undefined) return [];
    const supervisorId = Object.hasOwn(supervisors, i.id) ? supervisors[i.id] : undefined;
    return [
      {
        itemId: i.id,
        text: i.text,
        ownerId: w.ownerId,
        due: w.due,
        urgency: w.urgency,
        collaborators: [...w.collaborators],
        ...(supervisorId === undefined ? {} : { supervisorId }),
      },
    ];
  });
  return ok({
    type: 'OpenActionsFromMinutes',
    now,
    actor,
    meetingId: minutes.meetingId,
    version: v.version,
    publishedAt: v.publishedAt,
    kind: facts.kind,
    ...(facts.roomId === undefined ? {} : { roomId: facts.roomId }),
    chairId: facts.chairId,
    recorderId: facts.recorderId,
    items,
  });
}
