import {
  bool,
  id,
  instant,
  int,
  listOf,
  object,
  oneOf,
  optional,
  text,
  type Checked,
} from '../input/index.js';
import { commandBase as base, localDateText } from './command-base.js';
import { INVITATION_ANSWERS } from './invitation.js';
import { OUTCOME_KINDS, URGENCIES } from './outcome.js';
import { signaturePath } from './signature.js';

const people = listOf(id(), { max: 500, unique: true });
const agendaItem = object({
  id: id(),
  title: text(200),
  presenterId: id(),
  timeboxMinutes: int(1, 24 * 60),
});
const booking = object({ roomId: id(), bookingId: id(), start: instant(), end: instant() });
const meetingId = id();

/** The editable fields of a plan (M-2); every one optional while drafting. */
const planFields = {
  goals: optional(text()),
  agenda: optional(listOf(agendaItem, { max: 50 })),
  chairId: optional(id()),
  recorderId: optional(id()),
  signInOfficerId: optional(id()),
  participants: optional(people),
  informed: optional(people),
  booking: optional(booking),
  confidential: optional(bool()),
  seriesId: optional(id()),
  occurrenceDate: optional(localDateText()),
};

/**
 * The shape of every meeting command a door takes (K-2), checked field by field: the door parses
 * with these alone, so that the others stay out of its bundle.
 */
export const DOOR_MEETING_COMMAND_SHAPES = {
  PlanMeeting: object({
    type: oneOf(['PlanMeeting']),
    ...base,
    meetingId,
    kind: id(),
    topic: text(200),
    ...planFields,
  }),
  ScheduleMeeting: object({ type: oneOf(['ScheduleMeeting']), ...base, meetingId }),
  SignIn: object({ type: oneOf(['SignIn']), ...base, meetingId, personId: optional(id()) }),
  SignOut: object({ type: oneOf(['SignOut']), ...base, meetingId, personId: optional(id()) }),
  SignConfidentialityAgreement: object({
    type: oneOf(['SignConfidentialityAgreement']),
    ...base,
    personId: id(),
    version: int(1, 10_000),
    signatureRef: text(),
    /** The signature itself, as drawn, so that the hub keeps it with the agreement. */
    signature: optional(signaturePath()),
    meetingId: optional(id()),
  }),
} as const;

/** The shape of every meeting command, checked field by field; the types below follow from it. */
export const MEETING_COMMAND_SHAPES = {
  PlanMeeting: DOOR_MEETING_COMMAND_SHAPES.PlanMeeting,
  EditMeeting: object({
    type: oneOf(['EditMeeting']),
    ...base,
    meetingId,
    kind: optional(id()),
    topic: optional(text(200)),
    ...planFields,
  }),
  ScheduleMeeting: DOOR_MEETING_COMMAND_SHAPES.ScheduleMeeting,
  RescheduleMeeting: object({ type: oneOf(['RescheduleMeeting']), ...base, meetingId, booking }),
  CancelMeeting: object({
    type: oneOf(['CancelMeeting']),
    ...base,
    meetingId,
    reason: optional(text()),
  }),
  AnswerInvitation: object({
    type: oneOf(['AnswerInvitation']),
    ...base,
    meetingId,
    answer: oneOf(INVITATION_ANSWERS),
    reason: optional(text()),
    delegateTo: optional(id()),
  }),
  ReviewInvitations: object({
    type: oneOf(['ReviewInvitations']),
    ...base,
    meetingId: optional(id()),
  }),
  AcceptExcuse: object({ type: oneOf(['AcceptExcuse']), ...base, meetingId, personId: id() }),
  StartMeeting: object({ type: oneOf(['StartMeeting']), ...base, meetingId }),
  StartAgendaItem: object({ type: oneOf(['StartAgendaItem']), ...base, meetingId, itemId: id() }),
  EndAgendaItem: object({
    type: oneOf(['EndAgendaItem']),
    ...base,
    meetingId,
    itemId: id(),
    finished: optional(bool()),
  }),
  CarryOverItems: object({
    type: oneOf(['CarryOverItems']),
    ...base,
    meetingId,
    fromMeetingId: id(),
  }),
  SignIn: DOOR_MEETING_COMMAND_SHAPES.SignIn,
  SignOut: DOOR_MEETING_COMMAND_SHAPES.SignOut,
  SignConfidentialityAgreement: DOOR_MEETING_COMMAND_SHAPES.SignConfidentialityAgreement,
  RecordOutcome: object({
    type: oneOf(['RecordOutcome']),
    ...base,
    meetingId,
    outcomeId: id(),
    itemId: id(),
    kind: oneOf(OUTCOME_KINDS),
    text: text(),
    work: optional(
      object({
        ownerId: id(),
        due: instant(),
        urgency: oneOf(URGENCIES),
        collaborators: optional(listOf(id(), { max: 50, unique: true })),
      }),
    ),
  }),
  EndMeeting: object({ type: oneOf(['EndMeeting']), ...base, meetingId }),
  CloseMeeting: object({ type: oneOf(['CloseMeeting']), ...base, meetingId }),
} as const;

/** The command a shape of {@link MEETING_COMMAND_SHAPES} checks. */
export type MeetingCommandOf<K extends keyof typeof MEETING_COMMAND_SHAPES> = Checked<
  (typeof MEETING_COMMAND_SHAPES)[K]
>;

/** Prepare a meeting as a draft (M-2): anyone may, and becomes its organizer. */
export type PlanMeeting = MeetingCommandOf<'PlanMeeting'>;
/** Change a draft's plan: the fields present replace the old ones (lists whole). Organizer or chair. */
export type EditMeeting = MeetingCommandOf<'EditMeeting'>;
/** Schedule a draft when M-2 holds, inviting every attendee (M-3). Organizer or chair. */
export type ScheduleMeeting = MeetingCommandOf<'ScheduleMeeting'>;
/** Move a scheduled meeting to another time or room, re-notifying everyone (M-4). Organizer or chair. */
export type RescheduleMeeting = MeetingCommandOf<'RescheduleMeeting'>;
/** Cancel a draft or scheduled meeting, notifying every invitee (M-4). Organizer or chair. */
export type CancelMeeting = MeetingCommandOf<'CancelMeeting'>;
/**
 * Answer one's own invitation by the deadline (M-3): a reason to decline, a delegate to delegate.
 * An answer at the deadline itself is on time; one after it is refused.
 */
export type AnswerInvitation = MeetingCommandOf<'AnswerInvitation'>;
/** Turn open invitations past their deadline into *no response* and chase them, once (M-3). */
export type ReviewInvitations = MeetingCommandOf<'ReviewInvitations'>;
/** Accept a declining with a reason as an excuse, before the start (M-6). Chair only. */
export type AcceptExcuse = MeetingCommandOf<'AcceptExcuse'>;
/** Open the meeting (M-4). Chair only. */
export type StartMeeting = MeetingCommandOf<'StartMeeting'>;
/** Start the next agenda item, in order (M-7). Chair only. */
export type StartAgendaItem = MeetingCommandOf<'StartAgendaItem'>;
/** End the running agenda item, finished or not (M-7). Chair only. */
export type EndAgendaItem = MeetingCommandOf<'EndAgendaItem'>;
/** Carry the unfinished items of an earlier occurrence into this draft of the same series (M-7). */
export type CarryOverItems = MeetingCommandOf<'CarryOverItems'>;
/** Record an arrival (M-5): one's own, or someone else's by the sign-in officer. */
export type SignIn = MeetingCommandOf<'SignIn'>;
/** Record a departure (M-5): one's own, or someone else's by the sign-in officer. */
export type SignOut = MeetingCommandOf<'SignOut'>;
/** Sign a version of the confidentiality agreement, keeping the signature's reference. */
export type SignConfidentialityAgreement = MeetingCommandOf<'SignConfidentialityAgreement'>;
/** Record what an agenda item produced (M-8). Chair or recorder. */
export type RecordOutcome = MeetingCommandOf<'RecordOutcome'>;
/**
 * End the meeting (M-4). Chair only. Ending the meeting does not end its booking: the room stays
 * booked until the booking's end, unless the organizer sends `EndEarly`.
 */
export type EndMeeting = MeetingCommandOf<'EndMeeting'>;
/** Close an ended meeting (M-4). Chair or organizer. */
export type CloseMeeting = MeetingCommandOf<'CloseMeeting'>;

/** Every command of the meetings context. */
export type MeetingCommand =
  | PlanMeeting
  | EditMeeting
  | ScheduleMeeting
  | RescheduleMeeting
  | CancelMeeting
  | AnswerInvitation
  | ReviewInvitations
  | AcceptExcuse
  | StartMeeting
  | StartAgendaItem
  | EndAgendaItem
  | CarryOverItems
  | SignIn
  | SignOut
  | SignConfidentialityAgreement
  | RecordOutcome
  | EndMeeting
  | CloseMeeting;

/** The command types, for checking input. */
export const MEETING_COMMAND_TYPES = /* @__PURE__ */ Object.keys(
  MEETING_COMMAND_SHAPES,
) as MeetingCommand['type'][];
