import { id, int, listOf, object, oneOf, optional, text, type Checked } from '../input/index.js';
import { commandBase as base } from '../meetings/command-base.js';
import { checkMeetingFacts, minutesItemCheck } from './meeting-facts.js';

const meetingId = id();
/** What the recorder writes (N-1); attendance is never typed, it comes from the sign-in log. */
const contentFields = {
  notes: optional(listOf(object({ agendaItemId: id(), text: text(5000) }), { max: 100 })),
  items: optional(listOf(minutesItemCheck, { max: 500 })),
  summary: optional(text(5000)),
};

/** The shape of every minutes command, checked field by field; the types below follow from it. */
export const MINUTES_COMMAND_SHAPES = {
  DraftMinutes: object({
    type: oneOf(['DraftMinutes']),
    ...base,
    meetingId,
    meeting: checkMeetingFacts,
    ...contentFields,
  }),
  EditMinutes: object({ type: oneOf(['EditMinutes']), ...base, meetingId, ...contentFields }),
  SubmitMinutes: object({ type: oneOf(['SubmitMinutes']), ...base, meetingId }),
  ReturnMinutes: object({
    type: oneOf(['ReturnMinutes']),
    ...base,
    meetingId,
    comments: text(5000),
  }),
  ApproveMinutes: object({ type: oneOf(['ApproveMinutes']), ...base, meetingId }),
  PublishMinutes: object({ type: oneOf(['PublishMinutes']), ...base, meetingId }),
  AcknowledgeMinutes: object({
    type: oneOf(['AcknowledgeMinutes']),
    ...base,
    meetingId,
    version: int(1, 10_000),
  }),
  AmendMinutes: object({
    type: oneOf(['AmendMinutes']),
    ...base,
    meetingId,
    reason: text(),
    ...contentFields,
  }),
  ReviewMinutes: object({
    type: oneOf(['ReviewMinutes']),
    ...base,
    meetingId,
    meeting: optional(checkMeetingFacts),
  }),
} as const;

/** The command a shape of {@link MINUTES_COMMAND_SHAPES} checks. */
export type MinutesCommandOf<K extends keyof typeof MINUTES_COMMAND_SHAPES> = Checked<
  (typeof MINUTES_COMMAND_SHAPES)[K]
>;

/**
 * Draft the minutes of an ended meeting (N-1): the recorder only. `meeting` holds the meeting's
 * facts (build them with `meetingFacts`); attendance is computed from them; items default to the
 * outcomes recorded in the meeting.
 */
export type DraftMinutes = MinutesCommandOf<'DraftMinutes'>;
/** Change the notes, items or summary of a draft or returned version: the recorder only. */
export type EditMinutes = MinutesCommandOf<'EditMinutes'>;
/** Submit the version for the chair's approval (N-2): refused while work lacks an owner or a due date. */
export type SubmitMinutes = MinutesCommandOf<'SubmitMinutes'>;
/** Return the submitted version with comments (N-2): the chair only. */
export type ReturnMinutes = MinutesCommandOf<'ReturnMinutes'>;
/** Approve the submitted version (N-2): the chair only. */
export type ApproveMinutes = MinutesCommandOf<'ApproveMinutes'>;
/** Publish the approved version to every recipient, with absentee notices (N-3): chair or recorder. */
export type PublishMinutes = MinutesCommandOf<'PublishMinutes'>;
/** Record that the actor read a published version (N-3). */
export type AcknowledgeMinutes = MinutesCommandOf<'AcknowledgeMinutes'>;
/** Start an amendment of published minutes, with a reason (N-4): the recorder only. */
export type AmendMinutes = MinutesCommandOf<'AmendMinutes'>;
/**
 * Flag minutes not published by their due date, once, reminding the recorder (N-5). `meeting` is
 * needed only when no minutes were drafted yet.
 */
export type ReviewMinutes = MinutesCommandOf<'ReviewMinutes'>;

/** Every command of the minutes context. */
export type MinutesCommand =
  | DraftMinutes
  | EditMinutes
  | SubmitMinutes
  | ReturnMinutes
  | ApproveMinutes
  | PublishMinutes
  | AcknowledgeMinutes
  | AmendMinutes
  | ReviewMinutes;

/** The command types, for checking input. */
export const MINUTES_COMMAND_TYPES = Object.keys(
  MINUTES_COMMAND_SHAPES,
) as MinutesCommand['type'][];
