/**
 * Meetings (M-1 – M-8, R-8 sign-in): the meeting decider — plan, schedule, invitations with an
 * answer deadline, reschedule and cancel, start, the agenda with overruns, carrying unfinished
 * items over, sign-in and sign-out, confidentiality agreements, outcomes, end and close — the pure
 * attendance function, and the notices the decider issues as data.
 *
 * @packageDocumentation
 */
export {
  MEETING_STATUSES,
  MEETING_TRANSITIONS,
  PLAN_KEYS,
  canMove,
  planOf,
  attendeesOf,
  expectedAttendees,
} from './meeting.js';
export type {
  Meeting,
  MeetingPlan,
  MeetingStatus,
  AgendaItem,
  RoomBookingRef,
  ItemRun,
} from './meeting.js';
export { INVITATION_ANSWERS, toPartstat, fromPartstat } from './invitation.js';
export type { Invitation, InvitationAnswer, InvitationStatus, Partstat } from './invitation.js';
export { OUTCOME_KINDS, URGENCIES } from './outcome.js';
export type { Outcome, OutcomeKind, Urgency, Work } from './outcome.js';
export { isSignedIn } from './sign-in.js';
export { SIGNATURE_BOX, SIGNATURE_MAX_CHARS, signaturePath } from './signature.js';
export type { SignInEntry } from './sign-in.js';
export { NOTICE_KINDS, MINUTES_NOTICE_KINDS, noticeId } from './notice.js';
export type { Notice, NoticeKind, NoticeIssued } from './notice.js';
export { ATTENDANCE_STATUSES, ATTENDED_STATUSES, attendance, absentees } from './attendance.js';
export type {
  AttendanceStatus,
  AttendanceWindow,
  AttendanceGraces,
  AttendanceCounts,
  AttendanceReport,
  AttendanceRow,
} from './attendance.js';
export { meetingAttendance } from './meeting-attendance.js';
export { agendaReport, unfinishedItems } from './agenda-report.js';
export type { AgendaItemReport, AgendaItemState } from './agenda-report.js';
export { readinessProblems } from './readiness.js';
export { MEETING_COMMAND_SHAPES, MEETING_COMMAND_TYPES } from './meeting-commands.js';
export type {
  MeetingCommand,
  MeetingCommandOf,
  PlanMeeting,
  EditMeeting,
  ScheduleMeeting,
  RescheduleMeeting,
  CancelMeeting,
  AnswerInvitation,
  ReviewInvitations,
  AcceptExcuse,
  StartMeeting,
  StartAgendaItem,
  EndAgendaItem,
  CarryOverItems,
  SignIn,
  SignOut,
  SignConfidentialityAgreement,
  RecordOutcome,
  EndMeeting,
  CloseMeeting,
} from './meeting-commands.js';
export { meetingStreamOf, MEETING_EVENT_TYPES, isMeetingEvent } from './meeting-events.js';
export type * from './meeting-events.js';
export { meetingRejections } from './meeting-rejections.js';
export type { PlanField, MeetingRejection, MeetingRejectionCode } from './meeting-rejections.js';
export { initialMeetingState, foldMeetingEvents, evolveMeetings } from './meeting-state.js';
export type { MeetingState, SignedAgreement } from './meeting-state.js';
export {
  MEETING_ANOMALY_KINDS,
  isContradiction,
  isReadableMeetingEvent,
} from './meeting-anomalies.js';
export type { MeetingAnomaly, MeetingAnomalyKind } from './meeting-anomalies.js';
export { hasSignedAgreement } from './decide-sign-in.js';
export {
  createMeetingDecider,
  createDoorMeetingDecider,
  parseMeetingCommand,
  parseDoorMeetingCommand,
} from './meeting-decider.js';
export type { MeetingDecider } from './meeting-decider.js';
